import { useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { authentication } from '@microsoft/teams-js';
import { useApp } from '../../shell/AppContext';
import { ApiError } from '../../shell/api';
import type { Outcome } from './DownloadButton';
import { networkApi } from '../../shell/networkApi';

/** Where Teams opens the consent popup: it asks Entra ID for the calendar permission and reports back. */
export const CONSENT_URL = '/tabs/consent.html';

/** What booking can end in: a message, or the leader's consent is needed first. */
export type BookingOutcome = Outcome | { intent: 'warning'; consent: true; failed?: string };

export const needsConsent = (outcome?: BookingOutcome): outcome is Extract<BookingOutcome, { consent: true }> => !!outcome && 'consent' in outcome;

/**
 * "Book serien i kalenderen": POST …/calendar/book (Microsoft Graph, in the leader's own calendar). Without
 * Graph (400 graphNotConfigured) the .ics files are the way; without the leader's consent (401/403
 * consentRequired) Teams asks for it in a popup, and the booking is tried again.
 */
export function useBooking(networkId: string, onOutcome: (outcome: BookingOutcome) => void, onBooked: () => Promise<void>) {
  const { api, t } = useApp();
  const [busy, setBusy] = useState(false);

  const book = async () => {
    setBusy(true);
    try {
      const answer = await networkApi(api, networkId).calendar.book();
      const failed = answer?.meetings?.filter((m) => m.status === 'failed').length ?? 0;
      if (failed) onOutcome({ intent: 'warning', message: t('tab.calendar.bookPartly', { count: failed }) });
      else onOutcome({ intent: 'success', message: t(answer?.meetings?.every((m) => m.status === 'booked') ? 'tab.calendar.booked' : 'tab.calendar.bookAccepted') });
      await onBooked();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'graphNotConfigured') onOutcome({ intent: 'info', message: t('tab.calendar.graphNotConfigured') });
      else if (error instanceof ApiError && error.code === 'consentRequired') onOutcome({ intent: 'warning', consent: true });
      else onOutcome({ intent: 'error', message: t('tab.calendar.bookFailed', { reason: (error as Error).message }) });
    } finally {
      setBusy(false);
    }
  };

  const grant = async () => {
    try {
      await authentication.authenticate({ url: new URL(CONSENT_URL, window.location.origin).href, width: 600, height: 535 });
    } catch (error) {
      onOutcome({ intent: 'warning', consent: true, failed: (error as Error)?.message ?? String(error) });
      return;
    }
    await book();
  };

  return { book, grant, busy };
}

export function BookButton({ busy, primary, onBook }: { busy: boolean; primary: boolean; onBook: () => void }) {
  const { t } = useApp();
  return (
    <>
      <Button appearance={primary ? 'primary' : 'secondary'} disabledFocusable={busy} onClick={onBook}>
        {t('tab.calendar.book')}
      </Button>
      {busy && <Spinner size="tiny" label={t('tab.calendar.booking')} />}
    </>
  );
}

/** Why Netværk asks for the calendar permission; in Teams with the button that opens the consent popup. */
export function ConsentBar({ failed, onGrant }: { failed?: string; onGrant: () => void }) {
  const { t, host } = useApp();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="calendar-consent">
      <MessageBarBody>
        <MessageBarTitle>{t('tab.calendar.consent.title')}</MessageBarTitle>
        {t('tab.calendar.consent.body')}
        {!host.inTeams && <> {t('tab.calendar.consent.outsideTeams')}</>}
        {failed && <> {t('tab.calendar.consent.failed', { reason: failed })}</>}
      </MessageBarBody>
      {host.inTeams && (
        <MessageBarActions>
          <Button onClick={onGrant}>{t('tab.calendar.consent.grant')}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
