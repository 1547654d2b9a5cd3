import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { MessageKey } from '@i18n';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import type { SectionProps } from '../SectionProps';
import { CategoryPicker } from './CategoryPicker';
import { MaterialView, type Material } from './MaterialView';
import { NotesBoard } from './NotesBoard';
import { ParkIdeaForm } from './ParkIdeaForm';
import { PatternsView } from './PatternsView';
import { categoryTitle, orderCategories } from './notes';
import { useParkIdea } from './useParkIdea';
import { useIdeaEditing } from './IdeaControls';
import { useCallback } from 'react';
import { PlanSection } from '../../shared/PlanSection';
import { useFetched } from '../../shared/useFetched';
import { networkPaths } from '../../shell/networkApi';

const useStyles = makeStyles({
  heading: { margin: '16px 0 4px', fontSize: tokens.fontSizeBase500 },
  // The material and, beside it on a wide screen (below on a narrow one), the notes by category.
  workbench: { display: 'grid', gap: '0 24px', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 440px), 1fr))', alignItems: 'start' },
  list: { margin: '4px 0 12px', paddingLeft: '20px', display: 'grid', gap: '4px', maxWidth: '70ch' },
  title: { fontWeight: tokens.fontWeightSemibold },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  info: { marginBlock: '8px', maxWidth: '760px' },
});

/** "Analyser og generer læring" / "Analyse via kategorier" (the handbook): the closing meeting's analysis. */
export function AnalysisSection({ plan, canEdit, reload }: SectionProps) {
  const { t } = useApp();
  const styles = useStyles();
  const canContribute = canEdit || plan.role === 'participant';
  const material = useFetched<Material>(networkPaths(plan.network.id).analysisMaterial);
  const refreshAll = useCallback(async () => {
    await reload();
    await material.refresh();
  }, [reload, material.refresh]);
  // Every change here is confirmed beside what was changed, in its own live region (SavedNote): no section-wide one.
  const parker = useParkIdea(plan, refreshAll);
  const ideaEditing = useIdeaEditing(plan, refreshAll);

  return (
    <PlanSection name="analysis" title={t('tab.analysis.heading')} intro={t('tab.analysis.intro')} region={null}>
      {!canContribute && (
        <MessageBar intent="info" className={styles.info}>
          <MessageBarBody>{t('tab.analysis.readOnly')}</MessageBarBody>
        </MessageBar>
      )}
      <section aria-labelledby="analysis-categories-heading">
        <h3 id="analysis-categories-heading" className={styles.heading}>{t('tab.analysis.categories.heading')}</h3>
        {canEdit ? <CategoryPicker plan={plan} reload={reload} /> : <ChosenCategories plan={plan} />}
      </section>
      <div className={styles.workbench}>
        <MaterialView
          material={material.data}
          meetings={plan.meetings}
          error={material.error}
          loading={material.loading}
          refresh={() => void material.refresh()}
          ideaCells={canEdit ? ideaEditing.cells : undefined}
        />
        <NotesBoard plan={plan} canEdit={canEdit} canContribute={canContribute} reload={reload} parker={parker} />
      </div>
      <PatternsView plan={plan} />
      {canContribute && <ParkIdeaForm parker={parker} plan={plan} canEdit={canEdit} reload={refreshAll} />}
    </PlanSection>
  );
}

/** The categories as participants see them, with the handbook's description of a preset. */
function ChosenCategories({ plan }: { plan: PlanView }) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const categories = orderCategories(plan.analysisCategories);
  if (categories.length === 0) return <p className={styles.muted}>{t('tab.analysis.categories.none')}</p>;
  return (
    <ul className={styles.list} aria-label={t('tab.analysis.categories.chosen')}>
      {categories.map((c) => (
        <li key={c.id}>
          <span className={styles.title}>{categoryTitle(c, locale)}</span>
          {c.preset && <> – {t(`tab.analysis.preset.${c.preset}` as MessageKey)}</>}
        </li>
      ))}
    </ul>
  );
}
