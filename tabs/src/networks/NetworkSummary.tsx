import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate } from '@domain/dates';
import { networkTypeLabel } from '@domain/labels';
import { useApp } from '../shell/AppContext';
import { roleKey, type NetworkEntry } from './networkDraft';

const useStyles = makeStyles({ facts: { color: tokens.colorNeutralForeground2 } });

/** "Læringsnetværk · 02.02.2026–02.08.2026 · Du er netværksleder". */
export function NetworkFacts({ network, id }: { network: NetworkEntry; id?: string }) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const period = `${formatDate(network.startDate)}–${formatDate(network.endDate)}`;
  return (
    <Text id={id} size={200} className={styles.facts}>
      {[
        networkTypeLabel(network.type, locale),
        t('tab.networks.period', { period }),
        t('tab.networks.yourRole', { role: t(roleKey(network.role)) }),
      ].join(' · ')}
    </Text>
  );
}
