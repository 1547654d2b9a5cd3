import type { ReactNode } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { THEME_TEXT_FIELDS, themeSnapshot } from '@domain/themeDiff';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { CharacteristicsView } from './Characteristics';
import { fieldLabelKey } from './labels';

const useStyles = makeStyles({
  list: { margin: 0, display: 'grid', gap: '12px', maxWidth: '880px' },
  question: { fontWeight: tokens.fontWeightSemibold },
  answer: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  subthemes: { margin: 0 },
  empty: { margin: 0, fontStyle: 'italic', color: tokens.colorNeutralForeground2 },
});

/**
 * The theme for those who read the plan (participants, the reference leader). The subthemes question is answered by
 * the subtheme list (`subthemes`), with the leader's words on how to work with them below it when there are any.
 */
export function ThemeView({ plan, subthemes }: { plan: PlanView; subthemes: ReactNode }) {
  const { t } = useApp();
  const styles = useStyles();
  const theme = themeSnapshot(plan.network.theme, plan.theme);
  return (
    <>
      <Text as="p" block>{t('tab.theme.readOnly')}</Text>
      <dl className={styles.list}>
        {THEME_TEXT_FIELDS.map((field) => (
          <div key={field}>
            <dt className={styles.question}>{t(fieldLabelKey(field))}</dt>
            {field === 'subthemesApproach' ? (
              <dd className={styles.subthemes} data-testid="theme-subthemes">
                {subthemes}
                {theme[field].trim() && <p className={styles.answer}>{theme[field].trim()}</p>}
              </dd>
            ) : (
              <dd className={theme[field].trim() ? styles.answer : styles.empty}>{theme[field].trim() || t('tab.theme.notAnswered')}</dd>
            )}
          </div>
        ))}
      </dl>
      <section aria-labelledby="theme-characteristics">
        <h3 id="theme-characteristics">{t('tab.theme.characteristics.title')}</h3>
        <CharacteristicsView value={theme.characteristics} />
      </section>
    </>
  );
}
