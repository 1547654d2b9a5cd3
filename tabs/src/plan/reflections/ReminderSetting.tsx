import { useId, useState } from 'react';
import { Field, SpinButton, makeStyles } from '@fluentui/react-components';
import { DEFAULT_REMINDER_DAYS } from '../../../../bot/domain/series';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { SendButton } from '../shared/SendButton';

const useStyles = makeStyles({ box: { display: 'grid', gap: '8px', marginBlock: '24px 12px', maxWidth: '40ch' } });

/** How many days after a meeting the one reminder goes to those who have not reflected (0 = none). */
export function ReminderSetting({ plan, reload }: { plan: PlanView; reload: () => Promise<void> }) {
  const { api, t } = useApp();
  const styles = useStyles();
  const headingId = useId();
  const saved = plan.network.reflectionReminderDays ?? DEFAULT_REMINDER_DAYS;
  const [days, setDays] = useState(saved);
  const save = async () => {
    await api.patch(`/api/networks/${encodeURIComponent(plan.network.id)}`, { reflectionReminderDays: days }, plan.network.etag ?? '');
    await reload();
    return days === 0 ? t('tab.reflections.reminder.savedNone') : t('tab.reflections.reminder.saved', { days });
  };
  return (
    <section aria-labelledby={headingId} className={styles.box}>
      <h3 id={headingId}>{t('tab.reflections.reminder.heading')}</h3>
      <Field label={t('tab.reflections.reminder.days')} hint={t('tab.reflections.reminder.hint')}>
        <SpinButton value={days} min={0} max={30} onChange={(_e, d) => setDays(Math.max(0, Math.min(30, Number(d.value ?? d.displayValue) || 0)))} />
      </Field>
      <SendButton label={t('tab.reflections.reminder.save')} busyLabel={t('tab.reflections.reminder.saving')} disabled={days === saved} send={save} />
    </section>
  );
}
