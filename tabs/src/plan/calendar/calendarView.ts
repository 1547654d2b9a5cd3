import { useCallback, useEffect, useState } from 'react';
import { DateTime } from 'luxon';
import { formatDate, todayInCopenhagen, ZONE } from '@domain/dates';
import type { MessageKey, MessageParams } from '@i18n';
import { useApp } from '../../shell/AppContext';

// What GET …/calendar answers (typed in the API client), and how a booking status reads.

export type { BookingStatus, CalendarMeetingView as CalendarMeeting, CalendarView } from '../../shell/networkApi';
import type { BookingStatus, CalendarMeetingView as CalendarMeeting, CalendarView } from '../../shell/networkApi';
import { networkApi } from '../../shell/networkApi';

export function useCalendar(networkId: string) {
  const { api } = useApp();
  const [view, setView] = useState<CalendarView>();
  const [error, setError] = useState<string>();
  const refresh = useCallback(async () => {
    try {
      setView(await networkApi(api, networkId).calendar.get());
      setError(undefined);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }, [api, networkId]);
  useEffect(() => void refresh(), [refresh]);
  return { view, error, refresh };
}

/** "Booket 02.02.2027", "Ændret siden booking", "Fejlede: Postkassen svarede ikke": the status in words. */
export function statusText(meeting: CalendarMeeting, t: (key: MessageKey, params?: MessageParams) => string): string {
  switch (meeting.status) {
    case 'booked':
      return meeting.bookedAt ? t('tab.calendar.status.booked', { date: dayOf(meeting.bookedAt) }) : t('tab.calendar.status.bookedUndated');
    case 'changed':
      return t('tab.calendar.status.changed');
    case 'failed':
      return meeting.error ? t('tab.calendar.status.failed', { reason: meeting.error }) : t('tab.calendar.status.failedUnknown');
    default:
      return t('tab.calendar.status.notBooked');
  }
}

/** An instant as dd.mm.yyyy, the day it was in Copenhagen. */
export const dayOf = (isoDateTime: string) => formatDate(todayInCopenhagen(new Date(isoDateTime)));

/** An instant as Copenhagen date and time: { date: '29.03.2027', time: '09:00' }. */
export function localOf(isoDateTime: string): { date: string; time: string } {
  const local = DateTime.fromISO(isoDateTime, { zone: ZONE });
  return { date: local.toFormat('dd.MM.yyyy'), time: local.toFormat('HH:mm') };
}
