import { formatDate, isClockTime, isRealIsoDate, isoWeek } from '@domain/dates';
import type { ClockTime, IsoDate } from '@domain/model';
import type { Locale } from '@i18n';

// Dates and times as people type them in a Danish municipality: 17.03.2026, 17-3-2026, 9, 9.30, 0930.

/** 'dd.mm.yyyy' (also d.m.yyyy, with - or /, and ISO yyyy-mm-dd) → ISO date, or undefined. */
export function parseDateText(text: string): IsoDate | undefined {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const danish = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : danish ? [danish[3], danish[2], danish[1]] : [];
  if (!year || !month || !day) return undefined;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isRealIsoDate(date) ? date : undefined;
}

export const dateText = (date: IsoDate | undefined): string => (date && isRealIsoDate(date) ? formatDate(date) : '');

/** '9' / '9:30' / '09.30' / '0930' → '09:30', or undefined. */
export function parseTimeText(text: string): ClockTime | undefined {
  const value = text.trim();
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const time = `${match[1]!.padStart(2, '0')}:${match[2] ?? '00'}`;
  return isClockTime(time) ? time : undefined;
}

/** 'tirsdag' / 'Tuesday' for an ISO date (noon, so no time zone moves it to another day). */
export function weekdayOf(date: IsoDate, locale: Locale): string {
  return new Date(`${date}T12:00:00`).toLocaleDateString(locale === 'da' ? 'da-DK' : 'en-GB', { weekday: 'long' });
}

export function weekOf(date: IsoDate): number {
  return isoWeek(date).week;
}
