import { makeStyles } from '@fluentui/react-components';
import { DEFAULT_REMINDER_DAYS } from '@domain/series';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { NetworkNumberSetting } from '../../shared/NetworkNumberSetting';

const useStyles = makeStyles({ box: { display: 'grid', gap: '8px', marginBlock: '24px 12px', maxWidth: '40ch' } });

/** How many days after a meeting the one reminder goes to those who have not reflected (0 = none). */
export function ReminderSetting({ plan, reload }: { plan: PlanView; reload: () => Promise<void> }) {
  const { t } = useApp();
  const styles = useStyles();
  return (
    <NetworkNumberSetting
      plan={plan}
      reload={reload}
      field="reflectionReminderDays"
      saved={plan.network.reflectionReminderDays ?? DEFAULT_REMINDER_DAYS}
      min={0}
      max={30}
      level={3}
      heading={t('tab.reflections.reminder.heading')}
      label={t('tab.reflections.reminder.days')}
      hint={t('tab.reflections.reminder.hint')}
      saveLabel={t('tab.reflections.reminder.save')}
      savingLabel={t('tab.reflections.reminder.saving')}
      savedMessage={(days) => (days === 0 ? t('tab.reflections.reminder.savedNone') : t('tab.reflections.reminder.saved', { days }))}
      className={styles.box}
    />
  );
}
