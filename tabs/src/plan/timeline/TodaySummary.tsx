import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate, isoWeek, type PeriodWeek } from '@domain/dates';
import type { Network } from '@domain/model';
import type { PlanPosition } from '@domain/phases';
import { useApp } from '../../shell/AppContext';
import { KindIcon } from './kinds';
import { stepWhen } from './TimelineItems';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    gap: '12px',
    alignItems: 'center',
    flexWrap: 'wrap',
    maxWidth: '960px',
    padding: '12px 16px',
    margin: '12px 0',
    border: `3px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  text: { display: 'grid', gap: '2px', flexGrow: 1 },
  heading: { display: 'flex', gap: '6px', alignItems: 'center', fontWeight: tokens.fontWeightSemibold },
});

/** Where the network is now: today's week, the step under way and the next one. */
export function TodaySummary({ position, weeks, network, onGoToWeek }: { position: PlanPosition; weeks: PeriodWeek[]; network: Network; onGoToWeek: (index: number) => void }) {
  const { t } = useApp();
  const styles = useStyles();
  const lines: string[] = [];
  if (position.position === 'before') lines.push(t('tab.timeline.today.before', { date: formatDate(network.startDate) }));
  if (position.position === 'after') lines.push(t('tab.timeline.today.after', { date: formatDate(network.endDate) }));
  if (position.position === 'during') {
    lines.push(t('tab.timeline.today.during', { week: isoWeek(position.today).week, index: position.week, total: weeks.length }));
  }
  if (position.step) lines.push(t('tab.timeline.today.now', { title: position.step.title }));
  if (position.next) lines.push(t('tab.timeline.today.next', { title: position.next.title, when: stepWhen(position.next, weeks, t) }));

  return (
    // On paper the chart's caption says where today is.
    <div className={styles.box} data-print-hidden>
      <div className={styles.text}>
        <Text className={styles.heading}>
          <KindIcon kind="today" />
          {t('tab.timeline.today.title', { date: formatDate(position.today) })}
        </Text>
        {lines.map((line) => <Text key={line}>{line}</Text>)}
      </div>
      {position.position === 'during' && <Button onClick={() => onGoToWeek(position.week)}>{t('tab.timeline.today.goTo')}</Button>}
    </div>
  );
}
