import { useId, useState } from 'react';
import { Field, SpinButton, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate, todayInCopenhagen } from '../../../bot/domain/dates';
import { useApp } from '../shell/AppContext';
import type { PlanView } from '../shell/usePlan';
import { SendButton } from '../plan/shared/SendButton';

// GDPR retention, shown where the delivery is handed over: when the network's data will be deleted,
// and (for leaders) how many months after the delivery that is.

const useStyles = makeStyles({
  box: { display: 'grid', gap: '8px', maxWidth: '60ch' },
  note: { color: tokens.colorNeutralForeground2 },
});

function deletionLine(plan: PlanView, t: ReturnType<typeof useApp>['t']): string {
  const { months, from, deleteAfter } = plan.retention;
  const date = formatDate(todayInCopenhagen(new Date(deleteAfter)));
  return t(from === 'delivery' ? 'tab.retention.afterDelivery' : 'tab.retention.afterEnd', { date, months });
}

export function RetentionNote({ plan }: { plan: PlanView }) {
  const { t } = useApp();
  return <Text as="p" block className={useStyles().note}>{deletionLine(plan, t)}</Text>;
}

export function RetentionSetting({ plan, reload }: { plan: PlanView; reload: () => Promise<void> }) {
  const { api, t } = useApp();
  const styles = useStyles();
  const headingId = useId();
  const saved = plan.retention.months;
  const [months, setMonths] = useState(saved);
  const save = async () => {
    await api.patch(`/api/networks/${encodeURIComponent(plan.network.id)}`, { retentionMonths: months }, plan.network.etag ?? '');
    await reload();
    return t('tab.retention.saved', { months });
  };
  return (
    <section aria-labelledby={headingId} className={styles.box}>
      <h2 id={headingId}>{t('tab.retention.heading')}</h2>
      <RetentionNote plan={plan} />
      <Field label={t('tab.retention.months')} hint={t('tab.retention.hint')}>
        <SpinButton value={months} min={1} max={120} onChange={(_e, d) => setMonths(Math.max(1, Math.min(120, Number(d.value ?? d.displayValue) || 1)))} />
      </Field>
      <SendButton label={t('tab.retention.save')} busyLabel={t('tab.retention.saving')} disabled={months === saved} send={save} />
    </section>
  );
}
