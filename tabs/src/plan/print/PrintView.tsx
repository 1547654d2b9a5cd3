import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatDate, todayInCopenhagen } from '@domain/dates';
import {
  competenceAreaLabel,
  involvementFormLabel,
  meetingLabel,
  networkStatusLabel,
  networkTypeLabel,
  orderMeetings,
  participantKindLabel,
  roleLabel,
} from '@domain/labels';
import type { PersonRef } from '@domain/model';
import { coDriverOf, referenceLeaderOf } from '@domain/access';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { weekOf, weekdayOf } from '../../shared/dateText';
import { nameWithUnit, orderParticipants } from '../participants/order';
import { meetingTitle } from '../../shared/meetingTitle';
import { PrintIcon } from '../../shared/formKit';

// The plan on paper, as the network leader takes it to the reference leader: the network, its period and theme,
// the participants, and the planning tool's table for every meeting. On screen it follows the theme; printed it is
// black on white, without buttons, and a meeting is not split across pages when it can be avoided.

const PRINT_CSS = `
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  html, body { background: #fff !important; }
  body * { visibility: hidden; }
  #netvaerk-print, #netvaerk-print * { visibility: visible; }
  #netvaerk-print { position: absolute; inset: 0 auto auto 0; width: 100%; padding: 0 !important; }
  #netvaerk-print, #netvaerk-print * { color: #000 !important; background: transparent !important; box-shadow: none !important; }
  #netvaerk-print th, #netvaerk-print td { border-color: #000 !important; }
  #netvaerk-print [data-print-hide] { display: none !important; }
  #netvaerk-print section[data-meeting] { break-inside: avoid; page-break-inside: avoid; }
  #netvaerk-print thead { display: table-header-group; }
  #netvaerk-print tr { break-inside: avoid; page-break-inside: avoid; }
}
`;

const useStyles = makeStyles({
  page: { maxWidth: '1000px', color: tokens.colorNeutralForeground1, fontSize: tokens.fontSizeBase300 },
  toolbar: { display: 'flex', gap: '8px', marginBottom: '16px', flexWrap: 'wrap' },
  title: { margin: '0 0 4px', fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700 },
  subtitle: { margin: '0 0 16px', color: tokens.colorNeutralForeground2 },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: '16px', rowGap: '4px', margin: '0 0 16px' },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
  h2: { margin: '24px 0 8px', fontSize: tokens.fontSizeBase500, borderBottom: `2px solid ${tokens.colorNeutralStroke1}`, paddingBottom: '4px' },
  h3: { margin: '16px 0 2px', fontSize: tokens.fontSizeBase400 },
  meta: { margin: '0 0 6px', color: tokens.colorNeutralForeground2 },
  table: { borderCollapse: 'collapse', width: '100%', marginBottom: '8px' },
  th: { textAlign: 'start', verticalAlign: 'bottom', border: `1px solid ${tokens.colorNeutralStroke1}`, padding: '4px 6px', fontWeight: tokens.fontWeightSemibold },
  td: { textAlign: 'start', verticalAlign: 'top', border: `1px solid ${tokens.colorNeutralStroke1}`, padding: '4px 6px' },
  rowHead: { textAlign: 'start', verticalAlign: 'top', border: `1px solid ${tokens.colorNeutralStroke1}`, padding: '4px 6px', fontWeight: tokens.fontWeightSemibold },
  empty: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
});

export function PrintView({ plan }: { plan: PlanView }) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const { network } = plan;
  const meetings = orderMeetings(plan.meetings);
  const participants = orderParticipants(plan.participants, locale);
  const person = (ref?: PersonRef) => (ref ? ref.name : '—');
  const back = () => {
    const url = new URL(window.location.href);
    url.searchParams.delete('view');
    url.hash = 'planner';
    window.location.assign(url.toString());
  };

  const facts: [string, string][] = [
    [t('tab.print.type'), networkTypeLabel(network.type, locale)],
    [t('tab.print.status'), networkStatusLabel(network.status, locale)],
    [
      t('tab.print.period'),
      t('tab.print.periodValue', {
        start: formatDate(network.startDate),
        end: formatDate(network.endDate),
        startWeek: weekOf(network.startDate),
        endWeek: weekOf(network.endDate),
      }),
    ],
    [t('tab.print.theme'), network.theme],
    [t('tab.print.leader'), person(network.leader)],
    [t('tab.print.coDriver'), person(coDriverOf(plan))],
    [t('tab.print.referenceLeader'), person(referenceLeaderOf(plan))],
  ];

  return (
    <main id="netvaerk-print" className={styles.page}>
      <style>{PRINT_CSS}</style>
      <div className={styles.toolbar} data-print-hide>
        <Button appearance="primary" icon={<PrintIcon />} onClick={() => window.print()}>
          {t('tab.print.print')}
        </Button>
        <Button onClick={back}>{t('tab.print.back')}</Button>
      </div>
      <h1 className={styles.title}>{network.name}</h1>
      <p className={styles.subtitle}>{t('tab.print.subtitle', { date: formatDate(todayInCopenhagen(new Date())) })}</p>
      <dl className={styles.facts}>
        {facts.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>

      <h2 className={styles.h2}>{t('tab.print.participants')}</h2>
      {participants.length === 0 ? (
        <p className={styles.empty}>{t('tab.participants.none')}</p>
      ) : (
        <table className={styles.table} data-testid="print-participants">
          <caption className={styles.meta} style={{ textAlign: 'start' }}>
            {t('tab.print.participantsCaption', { count: participants.length, core: participants.filter((p) => p.kind === 'core').length })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={styles.th}>{t('tab.participants.field.name')}</th>
              <th scope="col" className={styles.th}>{t('tab.participants.field.kind')}</th>
              <th scope="col" className={styles.th}>{t('tab.participants.field.role')}</th>
              <th scope="col" className={styles.th}>{t('tab.participants.field.unit')}</th>
              <th scope="col" className={styles.th}>{t('tab.participants.field.email')}</th>
              <th scope="col" className={styles.th}>{t('tab.participants.col.competences')}</th>
            </tr>
          </thead>
          <tbody>
            {participants.map((p) => (
              <tr key={p.id}>
                <th scope="row" className={styles.rowHead}>{p.name}</th>
                <td className={styles.td}>{participantKindLabel(p.kind, locale)}</td>
                <td className={styles.td}>{roleLabel(p.role, locale)}</td>
                <td className={styles.td}>{p.unit}</td>
                <td className={styles.td}>{p.email}</td>
                <td className={styles.td}>{[...p.competenceAreas.map((a) => competenceAreaLabel(a, locale)), ...p.customCompetences].join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className={styles.h2}>{t('tab.print.plannerHeading')}</h2>
      {meetings.length === 0 && <p className={styles.empty}>{t('tab.meetings.none')}</p>}
      {meetings.map((meeting) => {
        const label = meetingLabel(meeting, plan.meetings, locale);
        const subtheme = plan.subthemes.find((s) => s.id === meeting.subthemeId)?.title;
        const rows = orderParticipants(
          plan.assignments
            .filter((a) => a.meetingId === meeting.id)
            .flatMap((a) => {
              const p = plan.participants.find((x) => x.id === a.participantId);
              return p ? [{ ...p, assignment: a }] : [];
            }),
          locale,
        );
        const place = [meeting.location.trim(), meeting.online ? t('tab.meetings.online') : ''].filter(Boolean).join(' · ') || t('tab.meetings.noLocation');
        return (
          <section key={meeting.id} data-meeting={meeting.id} aria-label={label}>
            <h3 className={styles.h3}>{meetingTitle(label, meeting, subtheme)}</h3>
            <p className={styles.meta}>
              {t('tab.meetings.when', { weekday: weekdayOf(meeting.date, locale), date: formatDate(meeting.date), week: weekOf(meeting.date) })}
              {' · '}
              {`${meeting.start}–${meeting.end}`}
              {' · '}
              {place}
            </p>
            {meeting.purpose && (
              <p className={styles.meta}>
                <strong>{t('tab.meetings.field.purpose')}:</strong> {meeting.purpose}
              </p>
            )}
            <table className={styles.table} data-testid="print-planner">
              <thead>
                <tr>
                  <th scope="col" className={styles.th} style={{ width: '28%' }}>{t('tab.planner.col.participant')}</th>
                  <th scope="col" className={styles.th} style={{ width: '40%' }}>{t('tab.planner.col.contribution')}</th>
                  <th scope="col" className={styles.th}>{t('tab.planner.col.involvement')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 ? (
                  <tr>
                    <td colSpan={3} className={mergeClasses(styles.td, styles.empty)}>{t('tab.planner.empty')}</td>
                  </tr>
                ) : (
                  rows.map((row) => (
                    <tr key={row.id}>
                      <th scope="row" className={styles.rowHead}>{nameWithUnit(row)}</th>
                      <td className={styles.td}>{row.assignment.contribution}</td>
                      <td className={styles.td}>{involvementFormLabel(row.assignment.involvementForm, locale)}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </section>
        );
      })}
    </main>
  );
}
