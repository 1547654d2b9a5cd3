import { makeStyles, tokens } from '@fluentui/react-components';
import { useApp } from '../../shell/AppContext';
import { SendButton } from '../../shared/SendButton';
import { networkApi } from '../../shell/networkApi';

const useStyles = makeStyles({
  box: { display: 'grid', gap: '8px', marginBlock: '24px 12px', maxWidth: '70ch' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Puts the idea parking lot card in the network's channel now (the newest one is kept up to date). */
export function PostIdeaLot({ networkId }: { networkId: string }) {
  const { api, t } = useApp();
  const styles = useStyles();
  const send = async () => {
    await networkApi(api, networkId).ideas.postLot();
    return t('tab.ideas.posted');
  };

  return (
    <section aria-labelledby="idea-lot-heading" className={styles.box}>
      <h3 id="idea-lot-heading" className={styles.heading}>
        {t('tab.ideas.heading')}
      </h3>
      <p className={styles.hint}>{t('tab.ideas.post.hint')}</p>
      <SendButton label={t('tab.ideas.post')} busyLabel={t('tab.agenda.post.sending')} send={send} />
    </section>
  );
}
