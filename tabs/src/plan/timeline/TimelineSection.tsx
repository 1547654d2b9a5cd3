import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { weeksOfPeriod } from '@domain/dates';
import { networkTypeLabel } from '@domain/labels';
import type { PhaseStep } from '@domain/model';
import { currentStep, defaultPhasePlan } from '@domain/phases';
import { useApp } from '../../shell/AppContext';
import type { SectionProps } from '../SectionProps';
import { ConfirmDialog, SaveFailureBar } from '../../shared/formKit';
import { KindIcon, kindLabelKey, type TimelineKind } from './kinds';
import { StepDialog } from './StepDialog';
import { TodaySummary } from './TodaySummary';
import { usePhaseSaver, type StepsChange } from './usePhaseSaver';
import { WeekList } from './WeekList';
import { weekRows } from './weeks';

const useStyles = makeStyles({
  legend: { display: 'flex', gap: '16px', flexWrap: 'wrap', listStyle: 'none', padding: 0, margin: '8px 0' },
  legendItem: { display: 'flex', gap: '6px', alignItems: 'center', color: tokens.colorNeutralForeground2 },
  toolbar: { display: 'flex', gap: '8px', flexWrap: 'wrap', margin: '12px 0' },
});

type OpenDialog = { kind: 'edit'; step: PhaseStep } | { kind: 'add' } | { kind: 'remove'; step: PhaseStep } | { kind: 'template' };

const LEGEND: TimelineKind[] = ['phase', 'break', 'referenceLeaderMeeting', 'chefforum', 'meeting', 'today'];

/** The process week by week (the handbook, and its week-by-week welfare network example): phases, breaks, reference-leader meetings, Chefforum, meetings, today. */
export function TimelineSection({ plan, canEdit, reload }: SectionProps) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const saver = usePhaseSaver(plan, reload);
  const [dialog, setDialog] = useState<OpenDialog>();
  const { network } = plan;
  const steps = plan.phasePlan?.steps ?? [];
  const weeks = useMemo(() => weeksOfPeriod(network.startDate, network.endDate), [network.startDate, network.endDate]);
  const rows = weekRows(network, steps, plan.meetings);
  const position = currentStep({ steps }, network, new Date());
  const close = () => (setDialog(undefined), saver.reset());
  const template = () => defaultPhasePlan(network, network.locale ?? locale, plan.meetings).steps;

  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('tab.timeline.title')}</h2>
      <Text as="p" block>{t('tab.timeline.intro')}</Text>
      <TodaySummary position={position} weeks={weeks} network={network} />
      <ul className={styles.legend} aria-label={t('tab.timeline.legend')}>
        {LEGEND.map((kind) => (
          <li key={kind} className={styles.legendItem}>
            <KindIcon kind={kind} />
            {t(kindLabelKey(kind))}
          </li>
        ))}
      </ul>
      {canEdit && (
        <div className={styles.toolbar}>
          <Button appearance="primary" onClick={() => setDialog({ kind: 'add' })}>{t('tab.timeline.add')}</Button>
          <Button onClick={() => setDialog({ kind: 'template' })}>{t('tab.timeline.template')}</Button>
        </div>
      )}
      {!dialog && <SaveFailureBar {...saver.bar} />}
      <WeekList
        rows={rows}
        weeks={weeks}
        plan={plan}
        position={position}
        canEdit={canEdit}
        onEdit={(step) => setDialog({ kind: 'edit', step })}
        onRemove={(step) => setDialog({ kind: 'remove', step })}
      />
      {(dialog?.kind === 'edit' || dialog?.kind === 'add') && (
        <StepDialog step={dialog.kind === 'edit' ? dialog.step : undefined} weeks={weeks} periodStart={network.startDate} saver={saver} onClose={close} />
      )}
      {dialog?.kind === 'remove' && (
        <Confirm
          title={t('tab.timeline.removeTitle', { title: dialog.step.title })}
          text={t('tab.timeline.removeText')}
          confirmLabel={t('tab.timeline.remove')}
          change={(list) => list.filter((s) => s.id !== dialog.step.id)}
          saver={saver}
          onClose={close}
        />
      )}
      {dialog?.kind === 'template' && (
        <Confirm
          title={t('tab.timeline.templateTitle')}
          text={t('tab.timeline.templateText', { type: networkTypeLabel(network.type, locale) })}
          confirmLabel={t('tab.timeline.templateConfirm')}
          change={template}
          saver={saver}
          onClose={close}
        />
      )}
    </section>
  );
}

/** "Are you sure?" for changes that take something away (removing a step, starting over): the shared dialog, saving the change. */
function Confirm(props: { title: string; text: string; confirmLabel: string; change: StepsChange; saver: ReturnType<typeof usePhaseSaver>; onClose: () => void }) {
  const { saver } = props;
  return (
    <ConfirmDialog
      open
      title={props.title}
      body={<Text as="p" block>{props.text}</Text>}
      confirmLabel={props.confirmLabel}
      busy={saver.busy}
      {...saver.bar}
      onConfirm={() => void saver.save(props.change).then((done) => done && props.onClose())}
      onCancel={props.onClose}
    />
  );
}
