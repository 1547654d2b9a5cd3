import { useId, useState, type ReactNode } from 'react';
import { Field, SpinButton, makeStyles } from '@fluentui/react-components';
import { useApp } from '../shell/AppContext';
import type { PlanView } from '../shell/usePlan';
import { SendButton } from './SendButton';
import { networkApi } from '../shell/networkApi';

const useStyles = makeStyles({ box: { display: 'grid', gap: '8px', maxWidth: '60ch' } });

type NumberField = 'reflectionReminderDays' | 'retentionMonths';

interface Props {
  plan: PlanView;
  reload: () => Promise<void>;
  field: NumberField;
  saved: number;
  min: number;
  max: number;
  heading: string;
  /** The heading's level where the setting sits on its page. */
  level: 2 | 3;
  label: string;
  hint: string;
  saveLabel: string;
  savingLabel: string;
  /** What to tell the user once the new value is saved. */
  savedMessage: (value: number) => string;
  className?: string;
  children?: ReactNode;
}

/** One number of the network's own settings (a reminder's days, the retention's months), saved with the network's ETag. */
export function NetworkNumberSetting(props: Props) {
  const { api } = useApp();
  const styles = useStyles();
  const headingId = useId();
  const { plan, field, saved, min, max } = props;
  const [value, setValue] = useState(saved);
  const save = async () => {
    await networkApi(api, plan.network.id).patch({ [field]: value }, plan.network.etag);
    await props.reload();
    return props.savedMessage(value);
  };
  const Heading = props.level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={headingId} className={props.className ?? styles.box}>
      <Heading id={headingId}>{props.heading}</Heading>
      {props.children}
      <Field label={props.label} hint={props.hint}>
        <SpinButton value={value} min={min} max={max} onChange={(_e, d) => setValue(Math.max(min, Math.min(max, Number(d.value ?? d.displayValue) || min)))} />
      </Field>
      <SendButton label={props.saveLabel} busyLabel={props.savingLabel} disabled={value === saved} send={save} />
    </section>
  );
}
