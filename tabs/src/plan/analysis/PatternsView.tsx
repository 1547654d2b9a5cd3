import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { useTableStyles } from '../../shared/formKit';
import { PriorityTag } from './NoteItem';
import { categoryTitle, groupByPattern } from './notes';

const useStyles = makeStyles({
  heading: { margin: '16px 0 4px', fontSize: tokens.fontSizeBase500 },
  intro: { margin: '0 0 8px', color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  group: { marginBlock: '12px' },
  summary: { margin: '0 0 4px', color: tokens.colorNeutralForeground2 },
  note: { whiteSpace: 'pre-wrap' },
  caption: { fontSize: tokens.fontSizeBase400 },
});

/** "Tværgående mønstre og temaer": the notes by pattern across categories, with what is prioritised. */
export function PatternsView({ plan }: { plan: PlanView }) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const table = useTableStyles();
  const { groups, without } = groupByPattern(plan.analysisNotes, locale);
  const titleOf = (categoryId: string) => {
    const category = plan.analysisCategories.find((c) => c.id === categoryId);
    return category ? categoryTitle(category, locale) : '';
  };
  return (
    <section aria-labelledby="analysis-patterns-heading" data-testid="analysis-patterns">
      <h3 id="analysis-patterns-heading" className={styles.heading}>{t('tab.analysis.patterns.heading')}</h3>
      <p className={styles.intro}>{t('tab.analysis.patterns.intro')}</p>
      {groups.length === 0 && <p className={table.muted}>{t('tab.analysis.patterns.none')}</p>}
      {groups.map((group) => (
        <div key={group.pattern} className={mergeClasses(table.wrap, styles.group)}>
          <table className={table.table}>
            <caption className={mergeClasses(table.caption, styles.caption)}>{group.pattern}</caption>
            <thead>
              <tr>
                <th scope="col" className={table.th}>{t('tab.analysis.patterns.col.note')}</th>
                <th scope="col" className={table.th}>{t('tab.analysis.patterns.col.category')}</th>
                <th scope="col" className={table.th}>{t('tab.analysis.patterns.col.priority')}</th>
                <th scope="col" className={table.th}>{t('tab.analysis.patterns.col.author')}</th>
              </tr>
            </thead>
            <tbody>
              {group.notes.map((note) => (
                <tr key={note.id}>
                  <th scope="row" className={mergeClasses(table.rowHeader, styles.note)}>{note.text}</th>
                  <td className={table.td}>{titleOf(note.categoryId)}</td>
                  <td className={table.td}><PriorityTag priority={note.priority} /></td>
                  <td className={table.td}>{note.author.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className={styles.summary}>
            {t('tab.analysis.patterns.summary', { count: group.notes.length, categories: group.categoryIds.length, prioritised: group.prioritised })}
          </p>
        </div>
      ))}
      {without.length > 0 && <p className={table.muted}>{t('tab.analysis.patterns.without', { count: without.length })}</p>}
    </section>
  );
}
