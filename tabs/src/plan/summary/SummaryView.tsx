import { makeStyles, tokens } from '@fluentui/react-components';
import type { Summary } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import { SUMMARY_FIELDS, fieldLabel, isEmpty } from './fields';

const useStyles = makeStyles({
  list: { margin: 0, display: 'grid', gap: '8px' },
  term: { fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, whiteSpace: 'pre-wrap', maxWidth: '70ch' },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** The summary's filled-in fields as a description list; `empty` when nothing is written. */
export function SummaryFields({ summary, empty }: { summary?: Summary; empty: string }) {
  const { t } = useApp();
  const styles = useStyles();
  if (!summary || isEmpty(summary)) return <p className={styles.muted}>{empty}</p>;
  return (
    <dl className={styles.list}>
      {SUMMARY_FIELDS.filter((field) => summary[field].trim()).map((field) => (
        <div key={field}>
          <dt className={styles.term}>{t(fieldLabel(field))}</dt>
          <dd className={styles.text}>{summary[field]}</dd>
        </div>
      ))}
    </dl>
  );
}

const useViewStyles = makeStyles({ heading: { margin: '12px 0 8px', fontSize: tokens.fontSizeBase400 } });

/** The summary as participants and the reference leader read it. */
export function SummaryView({ summary, label }: { summary?: Summary; label: string }) {
  const { t } = useApp();
  const styles = useViewStyles();
  return (
    <section aria-labelledby="summary-view-heading">
      <h3 id="summary-view-heading" className={styles.heading}>{t('tab.summary.formTitle', { label })}</h3>
      <SummaryFields summary={summary} empty={t('tab.summary.none')} />
    </section>
  );
}
