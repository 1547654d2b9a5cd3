import { MessageBar, MessageBarBody, Text, makeStyles } from '@fluentui/react-components';
import { useApp } from '../../shell/AppContext';
import { useReach } from './useReach';
import { networkReachLine } from './reachText';

const useStyles = makeStyles({ howTo: { display: 'block', marginTop: '4px' } });

/**
 * One line on Mine netværk for a network the caller leads: what cannot be sent and how to fix it (a network made
 * here is in no channel yet: the steps to link it), or that the bot reaches the channel and N of M participants.
 */
export function NetworkReachLine({ networkId }: { networkId: string }) {
  const { t } = useApp();
  const styles = useStyles();
  const { reach } = useReach(networkId);
  // Nothing while it loads or when it cannot be read: the plan's own panel says more.
  if (!reach) return null;
  const line = networkReachLine(reach, t);
  if (line.tone === 'success') return <Text size={200} data-testid="network-reach">{line.text}</Text>;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="network-reach">
      <MessageBarBody>
        {line.text}
        {line.howTo && <span className={styles.howTo}>{line.howTo}</span>}
      </MessageBarBody>
    </MessageBar>
  );
}
