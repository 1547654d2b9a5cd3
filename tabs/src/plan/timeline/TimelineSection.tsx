import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { weeksOfPeriod } from '@domain/dates';
import { networkTypeLabel } from '@domain/labels';
import type { PhaseStep } from '@domain/model';
import { currentStep, defaultPhasePlan } from '@domain/phases';
import { useApp } from '../../shell/AppContext';
import type { SectionProps } from '../SectionProps';
import { OnThisPage } from '../../shared/OnThisPage';
import { ConfirmDialog, SaveFailureBar } from '../../shared/formKit';
import { StepDialog } from './StepDialog';
import { TimelineChart } from './TimelineChart';
import { TodaySummary } from './TodaySummary';
import { usePhaseSaver, type StepsChange } from './usePhaseSaver';
import { WeekList } from './WeekList';
import { weekRows } from './weeks';

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: '8px', flexWrap: 'wrap', margin: '12px 0' },
  listHeading: { fontSize: tokens.fontSizeBase400, margin: '16px 0 4px' },
});

type OpenDialog = { kind: 'edit'; step: PhaseStep } | { kind: 'add' } | { kind: 'remove'; step: PhaseStep } | { kind: 'template' };

const LIST_ID = 'timeline-weeks';

/** Brings a week of the list into view and focus: from today's box and from the chart. */
function goToWeek(index: number) {
  const row = document.getElementById(`timeline-week-${index}`);
  row?.scrollIntoView({ block: 'center' });
  row?.focus();
}

/**
 * The process week by week (the handbook, and its week-by-week welfare network example): phases, breaks, reference-leader
 * meetings, Chefforum, meetings, today — first as a chart of the whole period, then as the list of weeks (its text equivalent).
 */
export function TimelineSection({ plan, canEdit, reload }: SectionProps) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const section = useRef<HTMLElement>(null);
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
    <section aria-labelledby="timeline-title" ref={section}>
      <h2 id="timeline-title">{t('tab.timeline.title')}</h2>
      <Text as="p" block data-print-hidden>{t('tab.timeline.intro')}</Text>
      <div data-print-hidden>
        <OnThisPage within={section} headings="h3" />
      </div>
      {/* First the picture of the whole period, then where we are now, then the weeks one by one. */}
      <TimelineChart
        plan={plan}
        today={position.today}
        listId={LIST_ID}
        onShowWeek={goToWeek}
        {...(canEdit ? { onEditStep: (step: PhaseStep) => setDialog({ kind: 'edit', step }) } : {})}
      />
      <TodaySummary position={position} weeks={weeks} network={network} onGoToWeek={goToWeek} />
      {canEdit && (
        <div className={styles.toolbar} data-print-hidden>
          <Button appearance="primary" onClick={() => setDialog({ kind: 'add' })}>{t('tab.timeline.add')}</Button>
          <Button onClick={() => setDialog({ kind: 'template' })}>{t('tab.timeline.template')}</Button>
        </div>
      )}
      {!dialog && <SaveFailureBar {...saver.bar} />}
      <h3 className={styles.listHeading} data-print-hidden>{t('tab.timeline.chart.listHeading')}</h3>
      <WeekList
        id={LIST_ID}
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
