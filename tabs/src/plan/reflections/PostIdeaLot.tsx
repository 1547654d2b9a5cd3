import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useApp } from '../../shell/AppContext';
import { SendButton } from '../../shared/SendButton';
import { useNetworkApi } from '../../shell/useNetworkApi';
import { useReach } from '../reach/useReach';
import { useChannelSend } from '../reach/useChannelSend';
import { cannotPostText, lastSendOutcome } from '../reach/reachText';
import { whenOf } from '../../../../bot/sending/view';

const useStyles = makeStyles({
  box: { display: 'grid', gap: '8px', marginBlock: '24px 12px', maxWidth: '70ch' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
});

const IDEA_LOT_SENDS = ['ideas.post', 'ideas.update'] as const;

/**
 * Puts the idea parking lot card in the network's channel now (the newest one is kept up to date), and says how it
 * went — also after a reload; when the channel cannot be reached, it says so (and what to do) before anything is pressed.
 */
export function PostIdeaLot({ networkId }: { networkId: string }) {
  const { t } = useApp();
  const styles = useStyles();
  const client = useNetworkApi(networkId);
  const { reach, refresh: refreshReach } = useReach(networkId);
  const sends = useChannelSend(networkId, IDEA_LOT_SENDS);
  const cannot = cannotPostText(reach, t);
  const send = async () => {
    try {
      const answer = await client.ideas.postLot();
      await sends.refresh();
      return 'outcome' in answer ? t(answer.outcome === 'updated' ? 'send.updatedAt' : 'send.sentAt', whenOf(answer.sentAt)) : undefined;
    } catch (error) {
      await Promise.all([sends.refresh(), refreshReach()]);
      throw error;
    }
  };

  return (
    <section aria-labelledby="idea-lot-heading" className={styles.box}>
      <h3 id="idea-lot-heading" className={styles.heading}>
        {t('tab.ideas.heading')}
      </h3>
      {cannot ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{cannot}</MessageBarBody>
        </MessageBar>
      ) : (
        <p className={styles.hint}>{t('tab.ideas.post.hint')}</p>
      )}
      <SendButton label={t('tab.ideas.post')} busyLabel={t('tab.agenda.post.sending')} send={send} status={lastSendOutcome(sends.last, t)} />
    </section>
  );
}
