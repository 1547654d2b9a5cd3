import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate, todayInCopenhagen } from '@domain/dates';
import { useApp } from '../shell/AppContext';
import type { PlanView } from '../shell/usePlan';
import { NetworkNumberSetting } from '../shared/NetworkNumberSetting';

// GDPR retention, shown where the delivery is handed over: when the network's data will be deleted,
// and (for leaders) how many months after the delivery that is.

const useStyles = makeStyles({ note: { color: tokens.colorNeutralForeground2 } });

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
  const { t } = useApp();
  return (
    <NetworkNumberSetting
      plan={plan}
      reload={reload}
      field="retentionMonths"
      saved={plan.retention.months}
      min={1}
      max={120}
      level={2}
      heading={t('tab.retention.heading')}
      label={t('tab.retention.months')}
      hint={t('tab.retention.hint')}
      saveLabel={t('tab.retention.save')}
      savingLabel={t('tab.retention.saving')}
      savedMessage={(months) => t('tab.retention.saved', { months })}
    >
      <RetentionNote plan={plan} />
    </NetworkNumberSetting>
  );
}
