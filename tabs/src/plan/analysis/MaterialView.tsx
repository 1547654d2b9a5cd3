import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { meetingLabel } from '@domain/labels';
import type { Meeting } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import { meetingTitle } from '../../shared/meetingTitle';
import { IdeaTable, SharedReflectionList, type IdeaCells } from '../summary/MaterialParts';
import { SummaryFields } from '../summary/SummaryView';
import type { Material } from '../../shell/networkApi';

export type { Material };

const useStyles = makeStyles({
  top: { display: 'flex', gap: '8px', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' },
  heading: { margin: '16px 0 4px', fontSize: tokens.fontSizeBase500 },
  intro: { margin: '0 0 8px', color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  meeting: {
    display: 'grid',
    gap: '4px',
    padding: '12px 16px',
    marginBlock: '8px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  meetingHeading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  part: { margin: '8px 0 2px', fontSize: tokens.fontSizeBase300 },
});

interface Props {
  material?: Material;
  meetings: Meeting[];
  error?: string;
  loading: boolean;
  refresh: () => void;
  /** For the leaders: each idea's owner and status as controls, with how their last change went (useIdeaEditing). */
  ideaCells?: IdeaCells;
}

/** "Alle deltagere skal have indblik i alt materialet": every meeting's summary, shared reflections and ideas. */
export function MaterialView({ material, meetings, error, loading, refresh, ideaCells }: Props) {
  const { t, locale } = useApp();
  const styles = useStyles();
  return (
    <section aria-labelledby="analysis-material-heading" aria-busy={loading} data-testid="analysis-material">
      <div className={styles.top}>
        <h3 id="analysis-material-heading" className={styles.heading}>{t('tab.analysis.material.heading')}</h3>
        <Button size="small" onClick={refresh} disabledFocusable={loading}>{t('tab.summary.plenary.refresh')}</Button>
      </div>
      <p className={styles.intro}>{t('tab.analysis.material.intro')}</p>
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{t('tab.analysis.material.loadFailed', { message: error })}</MessageBarBody>
        </MessageBar>
      ) : !material ? (
        <Spinner size="small" label={t('tab.loading')} />
      ) : (
        <>
          {material.meetings.map(({ meeting, subtheme, summary, sharedReflections, ideas }) => {
            const label = meetingLabel(meeting, meetings, locale);
            const headingId = `material-${meeting.id}`;
            return (
              <section key={meeting.id} aria-labelledby={headingId} className={styles.meeting}>
                <h4 id={headingId} className={styles.meetingHeading}>{meetingTitle(label, meeting, subtheme?.title)}</h4>
                <h5 className={styles.part}>{t('tab.analysis.material.summary')}</h5>
                <SummaryFields summary={summary} empty={t('tab.analysis.material.noSummary')} />
                <h5 className={styles.part}>{t('tab.analysis.material.reflections')}</h5>
                <SharedReflectionList reflections={sharedReflections} empty={t('tab.summary.plenary.noReflections')} />
                <h5 className={styles.part}>{t('tab.analysis.material.ideas')}</h5>
                <IdeaTable ideas={ideas} caption={`${t('tab.analysis.material.ideas')}: ${label}`} empty={t('tab.summary.plenary.noIdeas')} cells={ideaCells} />
              </section>
            );
          })}
          {material.otherIdeas.length > 0 && (
            <section aria-labelledby="material-other-ideas" className={styles.meeting}>
              <h4 id="material-other-ideas" className={styles.meetingHeading}>{t('tab.analysis.material.otherIdeas')}</h4>
              <IdeaTable ideas={material.otherIdeas} caption={t('tab.analysis.material.otherIdeas')} empty="" cells={ideaCells} />
            </section>
          )}
        </>
      )}
    </section>
  );
}
