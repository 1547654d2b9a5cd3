import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatDate, type PeriodWeek } from '@domain/dates';
import { meetingLabel } from '@domain/labels';
import type { Meeting, PhaseStep, Subtheme } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import { KindIcon, kindLabelKey, useKindStyles, type TimelineKind } from './kinds';
import { TabLink } from '../../networks/TabLink';

const useStyles = makeStyles({
  kind: { display: 'flex', alignItems: 'center', gap: '6px', fontSize: tokens.fontSizeBase200, textTransform: 'uppercase', letterSpacing: '0.04em' },
  title: { fontWeight: tokens.fontWeightSemibold },
  description: { margin: 0, whiteSpace: 'pre-wrap' },
  continuing: { display: 'flex', alignItems: 'center', gap: '6px', color: tokens.colorNeutralForeground2, paddingLeft: '12px' },
  actions: { display: 'flex', gap: '4px', marginTop: '4px' },
});

function KindLine({ kind, extra }: { kind: TimelineKind; extra?: string }) {
  const { t } = useApp();
  const styles = useStyles();
  return (
    <span className={styles.kind}>
      <KindIcon kind={kind} />
      {t(kindLabelKey(kind))}
      {extra && ` · ${extra}`}
    </span>
  );
}

/** Where a step lies: "Uge 7–9" in ISO weeks, and its date when it has one. */
export function stepWhen(step: PhaseStep, weeks: PeriodWeek[], t: ReturnType<typeof useApp>['t']): string {
  const iso = (index: number) => weeks[Math.min(index, weeks.length) - 1]?.week ?? index;
  const range = step.endWeek > step.startWeek
    ? t('tab.timeline.weekRange', { from: iso(step.startWeek), to: iso(step.endWeek) })
    : t('tab.timeline.weekLabel', { week: iso(step.startWeek) });
  return step.date ? `${range} · ${formatDate(step.date)}` : range;
}

/** `deliveryOf`: the network whose delivery to Chefforum this step is (the link to it is on the card). */
export function StepCard(props: { step: PhaseStep; weeks: PeriodWeek[]; canEdit: boolean; onEdit: () => void; onRemove: () => void; deliveryOf?: string }) {
  const { step } = props;
  const { t } = useApp();
  const styles = useStyles();
  const kinds = useKindStyles();
  return (
    <article className={mergeClasses(kinds.base, kinds[step.kind])} aria-label={`${t(kindLabelKey(step.kind))}: ${step.title}`}>
      <KindLine kind={step.kind} extra={stepWhen(step, props.weeks, t)} />
      <Text className={styles.title}>{step.title}</Text>
      {step.description && <p className={styles.description}>{step.description}</p>}
      {props.deliveryOf && (
        <span>
          <TabLink networkId={props.deliveryOf} kind="delivery" data-testid="timeline-delivery-link">
            {t('tab.links.openDelivery')}
          </TabLink>
        </span>
      )}
      {props.canEdit && (
        <div className={styles.actions}>
          <Button size="small" onClick={props.onEdit} aria-label={t('tab.timeline.editStep', { title: step.title })}>
            {t('tab.edit')}
          </Button>
          <Button size="small" onClick={props.onRemove} aria-label={t('tab.timeline.removeStep', { title: step.title })}>
            {t('tab.timeline.remove')}
          </Button>
        </div>
      )}
    </article>
  );
}

export function ContinuingStep({ step }: { step: PhaseStep }) {
  const { t } = useApp();
  const styles = useStyles();
  return (
    <Text size={200} className={styles.continuing}>
      <KindIcon kind={step.kind} />
      {t('tab.timeline.continues', { kind: t(kindLabelKey(step.kind)), title: step.title })}
    </Text>
  );
}

export function MeetingItem({ meeting, meetings, subthemes }: { meeting: Meeting; meetings: Meeting[]; subthemes: Subtheme[] }) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const kinds = useKindStyles();
  const subtheme = subthemes.find((s) => s.id === meeting.subthemeId)?.title ?? meeting.title;
  const label = meetingLabel(meeting, meetings, locale);
  return (
    <article className={mergeClasses(kinds.base, kinds.meeting)} aria-label={label}>
      <KindLine kind="meeting" extra={t('tab.timeline.meetingWhen', { date: formatDate(meeting.date), start: meeting.start, end: meeting.end })} />
      <Text className={styles.title}>{subtheme ? `${label}: ${subtheme}` : label}</Text>
      {meeting.location && <Text size={200}>{meeting.location}</Text>}
    </article>
  );
}

export function TodayMarker({ today }: { today: string }) {
  const kinds = useKindStyles();
  return (
    <div className={mergeClasses(kinds.base, kinds.today)}>
      <KindLine kind="today" extra={formatDate(today)} />
    </div>
  );
}
