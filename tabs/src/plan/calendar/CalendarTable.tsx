import { makeStyles, tokens } from '@fluentui/react-components';
import { formatDate } from '@domain/dates';
import { meetingLabel } from '@domain/labels';
import type { Meeting } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import { CheckIcon, WarningIcon, useTableStyles } from '../../shared/formKit';
import { statusText, type CalendarMeeting } from './calendarView';
import { DownloadButton, type Outcome } from './DownloadButton';

const useStyles = makeStyles({
  small: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  status: { display: 'inline-flex', gap: '4px', alignItems: 'flex-start' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  file: { display: 'flex', gap: '8px', alignItems: 'center' },
});

interface Props {
  /** The meeting's calendar file (GET …/meetings/:meetingId/calendar.ics). */
  icsPath: (meetingId: string) => string;
  networkName: string;
  meetings: CalendarMeeting[];
  /** The plan's meetings: the labels are in the reader's language (the subject is in the network's). */
  planMeetings: Meeting[];
  onOutcome: (outcome: Outcome) => void;
}

/** Per meeting: when, the booking status in words, who is invited and who lacks an e-mail, and its .ics file. */
export function CalendarTable({ icsPath, networkName, meetings, planMeetings, onOutcome }: Props) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const table = useTableStyles();
  const labelOf = (m: CalendarMeeting) => {
    const meeting = planMeetings.find((p) => p.id === m.meetingId);
    return meeting ? meetingLabel(meeting, planMeetings, locale) : m.label;
  };
  return (
    <div className={table.wrap}>
      <table className={table.table} data-testid="calendar-status">
        <caption className={table.caption}>{t('tab.calendar.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className={table.th}>{t('tab.calendar.col.meeting')}</th>
            <th scope="col" className={table.th}>{t('tab.calendar.col.when')}</th>
            <th scope="col" className={table.th}>{t('tab.calendar.col.status')}</th>
            <th scope="col" className={table.th}>{t('tab.calendar.col.attendees')}</th>
            <th scope="col" className={table.th}>{t('tab.calendar.col.file')}</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((m) => ({ ...m, label: labelOf(m) })).map((m) => (
            <tr key={m.meetingId} data-meeting={m.meetingId}>
              <th scope="row" className={table.rowHeader}>
                {m.label}
                {m.subject !== m.label && <span className={styles.small}>{m.subject}</span>}
              </th>
              <td className={table.td}>{t('tab.calendar.when', { date: formatDate(m.date), start: m.start, end: m.end })}</td>
              <td className={table.td}>
                <span className={m.status === 'changed' || m.status === 'failed' ? `${styles.status} ${styles.warning}` : styles.status}>
                  {m.status === 'booked' && <CheckIcon />}
                  {(m.status === 'changed' || m.status === 'failed') && <WarningIcon />}
                  {statusText(m, t)}
                </span>
              </td>
              <td className={table.td}>
                {t('tab.calendar.attendees', { count: m.attendees })}
                {m.missingEmail.length > 0 && <span className={styles.small}>{t('tab.calendar.missingEmail', { names: m.missingEmail.join(', ') })}</span>}
              </td>
              <td className={table.td}>
                <div className={styles.file}>
                  <DownloadButton
                    path={icsPath(m.meetingId)}
                    fallbackName={`${networkName} – ${m.label}.ics`}
                    label={t('tab.calendar.download')}
                    ariaLabel={t('tab.calendar.downloadLabel', { label: m.label })}
                    onOutcome={onOutcome}
                  />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
