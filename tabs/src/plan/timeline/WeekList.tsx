import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatDate, type PeriodWeek } from '@domain/dates';
import type { PhaseStep } from '@domain/model';
import type { PlanPosition } from '@domain/phases';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { ContinuingStep, MeetingItem, StepCard, TodayMarker } from './TimelineItems';
import { deliveryStepOf, type WeekRow } from './weeks';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', maxWidth: '960px' },
  row: {
    display: 'grid',
    gridTemplateColumns: '9.5rem 1fr',
    gap: '12px',
    padding: '8px 0',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 520px)': { gridTemplateColumns: '1fr' },
  },
  today: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  when: { display: 'grid', alignContent: 'start', paddingLeft: '8px' },
  week: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  items: { display: 'grid', gap: '6px', alignContent: 'start', paddingRight: '8px' },
  quiet: { color: tokens.colorNeutralForeground2 },
});

export interface WeekListProps {
  /** The chart's text equivalent: its link moves focus here. */
  id: string;
  rows: WeekRow[];
  weeks: PeriodWeek[];
  plan: PlanView;
  position: PlanPosition;
  canEdit: boolean;
  onEdit: (step: PhaseStep) => void;
  onRemove: (step: PhaseStep) => void;
}

/** One row per ISO week of the period: week number and Monday, then what happens that week. */
export function WeekList({ id, rows, weeks, plan, position, canEdit, onEdit, onRemove }: WeekListProps) {
  const { t } = useApp();
  const styles = useStyles();
  const todayIndex = position.position === 'during' ? position.week : undefined;
  const deliveryStep = deliveryStepOf(plan.phasePlan?.steps ?? []);
  return (
    <ol id={id} tabIndex={-1} className={styles.list} aria-label={t('tab.timeline.weeksLabel')} data-print-hidden>
      {rows.map(({ week, starting, continuing, meetings }) => {
        const isToday = week.index === todayIndex;
        const empty = !isToday && !starting.length && !continuing.length && !meetings.length;
        return (
          <li key={week.index} id={`timeline-week-${week.index}`} tabIndex={-1} aria-current={isToday ? 'date' : undefined} className={mergeClasses(styles.row, isToday && styles.today)}>
            <div className={styles.when}>
              <Text className={styles.week}>{t('tab.timeline.weekLabel', { week: week.week })}</Text>
              <Text size={200}>{t('tab.timeline.monday', { date: formatDate(week.monday) })}</Text>
            </div>
            <div className={styles.items}>
              {isToday && <TodayMarker today={position.today} />}
              {starting.map((step) => (
                <StepCard key={step.id} step={step} weeks={weeks} canEdit={canEdit} onEdit={() => onEdit(step)} onRemove={() => onRemove(step)} deliveryOf={step.id === deliveryStep ? plan.network.id : undefined} />
              ))}
              {continuing.map((step) => <ContinuingStep key={step.id} step={step} />)}
              {meetings.map((m) => <MeetingItem key={m.id} meeting={m} meetings={plan.meetings} subthemes={plan.subthemes} />)}
              {empty && <Text size={200} className={styles.quiet}>{t('tab.timeline.nothing')}</Text>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
