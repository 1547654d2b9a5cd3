import { makeStyles, tokens } from '@fluentui/react-components';
import { meetingLabel, orderMeetings } from '@domain/labels';
import type { Agenda, Meeting } from '@domain/model';
import { MAX } from '@domain/schemas';
import { DEFAULT_DAYS_BEFORE_AGENDA } from '@domain/series';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { SendButton } from '../../shared/SendButton';
import { networkApi } from '../../shell/networkApi';

// "Start each meeting by reflecting on the learning from the last one" (the handbook): the last summary's key learning
// points as a recap above the form, and — for the leader — as the first item of the next meeting's agenda.

const useStyles = makeStyles({
  box: {
    display: 'grid',
    gap: '4px',
    padding: '12px 16px',
    marginBlock: '12px',
    maxWidth: '760px',
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  text: { margin: 0, whiteSpace: 'pre-wrap', maxWidth: '70ch' },
  toAgenda: { display: 'grid', gap: '6px', marginBlock: '12px', maxWidth: '760px' },
});

/** The meeting before and after this one in the series. */
export function neighbours(plan: PlanView, meeting: Meeting): { previous?: Meeting; next?: Meeting } {
  const meetings = orderMeetings(plan.meetings);
  const index = meetings.findIndex((m) => m.id === meeting.id);
  return { previous: index > 0 ? meetings[index - 1] : undefined, next: index >= 0 ? meetings[index + 1] : undefined };
}

const keyPointsOf = (plan: PlanView, meeting?: Meeting) =>
  (meeting && plan.summaries.find((s) => s.meetingId === meeting.id)?.keyLearningPoints.trim()) || '';

/** The previous meeting's key learning points, read-only, when there are any. */
export function RecapBox({ plan, meeting }: { plan: PlanView; meeting: Meeting }) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const { previous } = neighbours(plan, meeting);
  const points = keyPointsOf(plan, previous);
  if (!previous || !points) return null;
  return (
    <section aria-labelledby="summary-recap-heading" className={styles.box} data-testid="summary-recap">
      <h3 id="summary-recap-heading" className={styles.heading}>{t('tab.summary.recap.heading')}</h3>
      <p className={styles.muted}>{t('tab.summary.recap.intro', { label: meetingLabel(previous, plan.meetings, locale) })}</p>
      <p className={styles.text}>{points}</p>
    </section>
  );
}

/** The agenda item that opens the next meeting with this summary's key learning points. */
export function recapItem(content: string, next: Meeting, process: string, purpose: string) {
  const text = content.replace(/\s+/g, ' ').trim();
  return {
    time: next.start,
    content: text.length > MAX.medium ? `${text.slice(0, MAX.medium - 1)}…` : text,
    process,
    purpose,
  };
}

interface ToAgendaProps {
  plan: PlanView;
  meeting: Meeting;
  /** Unsaved changes in the summary: the saved key points would not be what the leader sees. */
  dirty: boolean;
  reload: () => Promise<void>;
}

/** "Brug som genopfriskning på næste dagsorden": PUT the next meeting's agenda with the recap as its first item. */
export function RecapToAgenda({ plan, meeting, dirty, reload }: ToAgendaProps) {
  const { api, t, locale } = useApp();
  const styles = useStyles();
  const { next } = neighbours(plan, meeting);
  const points = keyPointsOf(plan, meeting);
  if (!next || !points) return null;
  const nextLabel = meetingLabel(next, plan.meetings, locale);
  const label = meetingLabel(meeting, plan.meetings, locale);

  const send = async () => {
    const agenda: Agenda | undefined = plan.agendas.find((a) => a.meetingId === next.id);
    const prefix = t('tab.summary.toAgenda.item', { label, points: '' }).trim();
    if (agenda?.items.some((item) => item.content.startsWith(prefix))) return t('tab.summary.toAgenda.already', { label: nextLabel });
    const item = recapItem(t('tab.summary.toAgenda.item', { label, points }), next, t('tab.summary.toAgenda.process'), t('tab.summary.toAgenda.purpose'));
    const items = [item, ...(agenda?.items ?? [])];
    await networkApi(api, plan.network.id).meeting(next.id).agenda.save({ items, daysBeforeToPost: agenda?.daysBeforeToPost ?? DEFAULT_DAYS_BEFORE_AGENDA }, agenda?.etag);
    await reload();
    return t('tab.summary.toAgenda.done', { label: nextLabel });
  };

  return (
    <div className={styles.toAgenda}>
      <p className={styles.muted}>{dirty ? t('tab.summary.toAgenda.saveFirst') : t('tab.summary.toAgenda.hint', { label: nextLabel })}</p>
      <SendButton label={t('tab.summary.toAgenda')} busyLabel={t('tab.summary.toAgenda.busy')} disabled={dirty} send={send} />
    </div>
  );
}
