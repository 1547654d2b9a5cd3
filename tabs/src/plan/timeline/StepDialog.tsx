import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Select, Textarea, makeStyles,
} from '@fluentui/react-components';
import { useState } from 'react';
import { formatDate, isRealIsoDate, weekIndexOf, type PeriodWeek } from '@domain/dates';
import { PHASE_KINDS, type PhaseKind, type PhaseStep } from '@domain/model';
import { MAX } from '@domain/schemas';
import { useApp } from '../../shell/AppContext';
import { DateInput } from '../../shared/DateInput';
import { kindLabelKey } from './kinds';
import { SaveFailureBar } from '../../shared/formKit';
import type { usePhaseSaver } from './usePhaseSaver';

const useStyles = makeStyles({
  form: { display: 'grid', gap: '12px' },
  weeks: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '12px' },
});

type Values = Omit<PhaseStep, 'id'>;

export interface StepDialogProps {
  /** The step to edit; none to add a new one. */
  step?: PhaseStep;
  weeks: PeriodWeek[];
  periodStart: string;
  saver: ReturnType<typeof usePhaseSaver>;
  onClose: () => void;
}

/** Edit or add one step of the process: kind, title, description, weeks and an optional date. */
export function StepDialog({ step, weeks, periodStart, saver, onClose }: StepDialogProps) {
  const { t } = useApp();
  const styles = useStyles();
  const [values, setValues] = useState<Values>(
    step ?? { kind: 'phase', title: '', description: '', startWeek: 1, endWeek: 1 },
  );
  const [missingTitle, setMissingTitle] = useState(false);
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));

  const [badDate, setBadDate] = useState(false);
  const setDate = (date: string, text: string) => {
    setBadDate(!date && text.trim() !== '');
    const index = isRealIsoDate(date) ? weekIndexOf(periodStart, date) : 0;
    const inPeriod = index >= 1 && index <= weeks.length;
    const spans = values.kind === 'phase' || values.kind === 'break';
    // A date puts the step in its week; a point in time (a meeting) is one week long.
    set({ date: date || undefined, ...(inPeriod ? { startWeek: index, endWeek: spans ? Math.max(index, values.endWeek) : index } : {}) });
  };

  const submit = async () => {
    if (!values.title.trim()) return setMissingTitle(true);
    if (badDate) return;
    const edited = { ...values, title: values.title.trim(), description: values.description.trim() };
    const done = await saver.save((steps) =>
      step && steps.some((s) => s.id === step.id)
        ? steps.map((s) => (s.id === step.id ? { ...edited, id: s.id } : s))
        : [...steps, { ...edited, id: '' }],
    );
    if (done) onClose();
  };

  const weekOptions = weeks.map((w) => (
    <option key={w.index} value={w.index}>
      {t('tab.timeline.weekOption', { week: w.week, date: formatDate(w.monday) })}
    </option>
  ));

  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface>
        <form noValidate onSubmit={(event) => (event.preventDefault(), void submit())}>
          <DialogBody>
            <DialogTitle>{step ? t('tab.timeline.editTitle', { title: step.title }) : t('tab.timeline.addTitle')}</DialogTitle>
            <DialogContent className={styles.form}>
              <SaveFailureBar {...saver.bar} />
              <Field label={t('tab.timeline.field.kind')}>
                <Select value={values.kind} onChange={(_e, d) => set({ kind: d.value as PhaseKind })}>
                  {PHASE_KINDS.map((kind) => <option key={kind} value={kind}>{t(kindLabelKey(kind))}</option>)}
                </Select>
              </Field>
              <Field label={t('tab.timeline.field.title')} required {...(missingTitle ? { validationState: 'error' as const, validationMessage: t('validation.required') } : {})}>
                <Input value={values.title} maxLength={MAX.short} onChange={(_e, d) => (set({ title: d.value }), setMissingTitle(false))} />
              </Field>
              <Field label={t('tab.timeline.field.description')}>
                <Textarea value={values.description} maxLength={MAX.long} rows={3} resize="vertical" onChange={(_e, d) => set({ description: d.value })} />
              </Field>
              <div className={styles.weeks}>
                <Field label={t('tab.timeline.field.startWeek')}>
                  <Select value={String(values.startWeek)} onChange={(_e, d) => set({ startWeek: Number(d.value), endWeek: Math.max(Number(d.value), values.endWeek) })}>
                    {weekOptions}
                  </Select>
                </Field>
                <Field label={t('tab.timeline.field.endWeek')}>
                  <Select value={String(values.endWeek)} onChange={(_e, d) => set({ endWeek: Number(d.value), startWeek: Math.min(Number(d.value), values.startWeek) })}>
                    {weekOptions}
                  </Select>
                </Field>
              </div>
              <Field
                label={t('tab.timeline.field.date')}
                hint={t('tab.timeline.field.dateHint')}
                {...(badDate ? { validationState: 'error' as const, validationMessage: t('tab.networks.form.dateRequired') } : {})}
              >
                <DateInput value={values.date ?? ''} placeholder={t('tab.networks.form.datePlaceholder')} onChange={setDate} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={saver.busy}>{t('tab.save')}</Button>
              <Button onClick={onClose}>{t('tab.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
