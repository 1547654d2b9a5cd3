import { useState } from 'react';
import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useApp } from '../../shell/AppContext';
import type { SectionProps } from '../SectionProps';
import { BookButton, ConsentBar, needsConsent, useBooking, type BookingOutcome } from './BookSeries';
import { CalendarTable } from './CalendarTable';
import { localOf, useCalendar } from './calendarView';
import { DownloadButton, type Outcome } from './DownloadButton';
import { byIds, useFocusAfterRender, useTableStyles } from '../../shared/formKit';
import { PlanSection, headingIdOf } from '../../shared/PlanSection';
import { networkPaths } from '../../shell/networkApi';

const useStyles = makeStyles({
  mode: { marginBlock: '8px 12px', maxWidth: '70ch' },
  series: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center', marginBlock: '12px' },
  outcome: { maxWidth: '70ch', marginBlockEnd: '8px' },
  box: { display: 'grid', gap: '8px', marginBlock: '24px 12px', maxWidth: '70ch' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingInlineStart: '20px' },
  actions: { display: 'flex', gap: '8px', alignItems: 'center' },
});

/**
 * "Kalender": the series booked in the participants' calendars — directly through Graph when it is set
 * up, otherwise as .ics files to mail. Per meeting whether it is booked or changed since; leaders only.
 */
export function CalendarSection({ plan }: SectionProps) {
  const { t } = useApp();
  const styles = useStyles();
  const table = useTableStyles();
  const networkId = plan.network.id;
  const { view, error, refresh } = useCalendar(networkId);
  const [outcome, setOutcome] = useState<BookingOutcome>();
  const focusAfter = useFocusAfterRender();
  const paths = networkPaths(networkId);
  const booking = useBooking(networkId, setOutcome, refresh);
  // A download issues that version: the status turns "booked", so the list is fetched again.
  const downloaded = (next: Outcome) => {
    setOutcome(next);
    void refresh();
  };
  const graph = view?.mode === 'graph';

  return (
    <PlanSection
      name="calendar"
      title={t('tab.calendar.heading')}
      intro={t('tab.calendar.intro')}
      region={null}
      afterIntro={
        view && (
          <MessageBar intent="info" layout="multiline" className={styles.mode} data-testid="calendar-mode">
            <MessageBarBody>{t(graph ? 'tab.calendar.mode.graph' : 'tab.calendar.mode.ics')}</MessageBarBody>
          </MessageBar>
        )
      }
    >
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : !view ? (
        <Spinner size="small" label={t('tab.loading')} />
      ) : view.meetings.length === 0 ? (
        <p className={table.muted}>{t('tab.agenda.noMeetings')}</p>
      ) : (
        <>
          <div className={styles.series}>
            <BookButton busy={booking.busy} primary={graph} onBook={() => {
                setOutcome(undefined);
                void booking.book();
              }} />
            <DownloadButton
              path={paths.seriesIcs}
              fallbackName={`${plan.network.name}.ics`}
              label={t('tab.calendar.downloadSeries')}
              appearance={graph ? 'secondary' : 'primary'}
              onOutcome={downloaded}
            />
          </div>
          <div role="status" className={styles.outcome}>
            {outcome && !needsConsent(outcome) && (
              <MessageBar intent={outcome.intent} layout="multiline">
                <MessageBarBody>{outcome.message}</MessageBarBody>
              </MessageBar>
            )}
            {needsConsent(outcome) && <ConsentBar failed={outcome.failed} onGrant={() => void booking.grant()} />}
          </div>
          <CalendarTable icsPath={(meetingId) => paths.meeting(meetingId).calendarIcs} networkName={plan.network.name} meetings={view.meetings} planMeetings={plan.meetings} onOutcome={downloaded} />
        </>
      )}
      {view && view.cancelled.length > 0 && (
        <section aria-labelledby="calendar-cancelled-heading" className={styles.box}>
          <h3 id="calendar-cancelled-heading" className={styles.heading}>
            {t('tab.calendar.cancelled.heading')}
          </h3>
          <p className={styles.hint}>{t('tab.calendar.cancelled.intro')}</p>
          <ul className={styles.list}>
            {view.cancelled.map((c) => (
              <li key={c.meetingId}>{c.start ? t('tab.calendar.cancelled.item', { subject: c.subject ?? '', ...localOf(c.start) }) : c.subject}</li>
            ))}
          </ul>
          <div className={styles.actions}>
            <DownloadButton
              path={paths.cancellationsIcs}
              fallbackName={`${plan.network.name}.ics`}
              label={t('tab.calendar.cancelled.download')}
              onOutcome={(next) => {
                downloaded(next);
                // Once sent, the list and its button are gone: focus goes to the section's heading.
                if (next.intent === 'success') focusAfter(() => byIds(headingIdOf('calendar')));
              }}
            />
          </div>
        </section>
      )}
    </PlanSection>
  );
}
