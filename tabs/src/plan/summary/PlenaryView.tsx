import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { MeetingMaterial } from '@domain/material';
import type { Meeting } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import { useFetched } from '../../shared/useFetched';
import { IdeaTable, SharedReflectionList } from './MaterialParts';
import { networkPaths } from '../../shell/networkApi';

const useStyles = makeStyles({
  box: {
    display: 'grid',
    gap: '8px',
    padding: '16px',
    marginBlock: '12px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    alignContent: 'start',
  },
  top: { display: 'flex', gap: '8px', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  subheading: { margin: '8px 0 4px', fontSize: tokens.fontSizeBase300 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Beside the summary: GET …/plenary — only reflections their authors shared, and the ideas raised at the meeting. */
export function PlenaryView({ networkId, meeting, label }: { networkId: string; meeting: Meeting; label: string }) {
  const { t } = useApp();
  const styles = useStyles();
  const path = networkPaths(networkId).meeting(meeting.id).plenary;
  const { data, error, loading, refresh } = useFetched<MeetingMaterial>(path);
  return (
    <section aria-labelledby="plenary-heading" aria-busy={loading} className={styles.box} data-testid="plenary">
      <div className={styles.top}>
        <h3 id="plenary-heading" className={styles.heading}>{t('tab.summary.plenary.heading')}</h3>
        <Button size="small" onClick={() => void refresh()} disabledFocusable={loading} aria-label={t('tab.summary.plenary.refreshLabel')}>
          {t('tab.summary.plenary.refresh')}
        </Button>
      </div>
      <p className={styles.intro}>{t('tab.summary.plenary.intro')}</p>
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{t('tab.summary.plenary.loadFailed', { message: error })}</MessageBarBody>
        </MessageBar>
      ) : !data ? (
        <Spinner size="small" label={t('tab.loading')} />
      ) : (
        <>
          <h4 className={styles.subheading}>{t('tab.summary.plenary.reflections')}</h4>
          <SharedReflectionList reflections={data.sharedReflections} empty={t('tab.summary.plenary.noReflections')} />
          <h4 className={styles.subheading}>{t('tab.summary.plenary.ideas')}</h4>
          <IdeaTable ideas={data.ideas} caption={`${t('tab.summary.plenary.ideas')}: ${label}`} empty={t('tab.summary.plenary.noIdeas')} />
        </>
      )}
    </section>
  );
}
