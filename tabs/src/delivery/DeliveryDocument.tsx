import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Delivery } from '@domain/model';
import { useApp } from '../shell/AppContext';

// The delivery as Chefforum reads it, in the handbook's order: what readers of the tab see, and the print view.
// Headings in the same words as the Word document.

const useStyles = makeStyles({
  h2: { margin: '24px 0 8px', fontSize: tokens.fontSizeBase500, borderBottom: `2px solid ${tokens.colorNeutralStroke1}`, paddingBottom: '4px' },
  paragraph: { margin: '0 0 8px', maxWidth: '75ch', whiteSpace: 'pre-line' },
  empty: { margin: '0 0 8px', color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
  list: { margin: '0 0 8px', paddingInlineStart: '28px', maxWidth: '75ch', display: 'grid', gap: '4px' },
  table: { borderCollapse: 'collapse', width: '100%', maxWidth: '900px', marginBottom: '8px' },
  cell: { textAlign: 'start', verticalAlign: 'top', border: `1px solid ${tokens.colorNeutralStroke1}`, padding: '4px 8px' },
  th: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground2 },
});

type Content = Pick<Delivery, 'theme' | 'knowledgeSummary' | 'practiceChanges' | 'recommendations' | 'other' | 'dissemination'>;

export function DeliveryDocument({ delivery, headingLevel = 2 }: { delivery: Content; headingLevel?: 2 | 3 }) {
  const { t } = useApp();
  const styles = useStyles();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const text = (value: string) => {
    const parts = value.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
    if (!parts.length) return <p className={styles.empty}>{t('delivery.empty')}</p>;
    return parts.map((part, i) => (
      <p key={i} className={styles.paragraph}>
        {part}
      </p>
    ));
  };
  return (
    <div data-testid="delivery-document">
      <H className={styles.h2}>{t('delivery.theme')}</H>
      {text(delivery.theme)}
      <H className={styles.h2}>{t('delivery.knowledgeSummary')}</H>
      {text(delivery.knowledgeSummary)}
      <H className={styles.h2}>{t('delivery.practiceChanges')}</H>
      {text(delivery.practiceChanges)}
      <H className={styles.h2}>{t('delivery.recommendations')}</H>
      {delivery.recommendations.length ? (
        <ol className={styles.list} aria-label={t('delivery.recommendations')}>
          {delivery.recommendations.map((r) => (
            <li key={r.id}>{r.text}</li>
          ))}
        </ol>
      ) : (
        text('')
      )}
      <H className={styles.h2}>{t('delivery.other')}</H>
      {text(delivery.other)}
      <H className={styles.h2}>{t('delivery.dissemination')}</H>
      {delivery.dissemination.length ? (
        <table className={styles.table}>
          <thead>
            <tr>
              {(['who', 'channel', 'when'] as const).map((column) => (
                <th key={column} scope="col" className={mergeClasses(styles.cell, styles.th)}>
                  {t(`delivery.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {delivery.dissemination.map((row, i) => (
              <tr key={i}>
                <th scope="row" className={mergeClasses(styles.cell, styles.th)}>
                  {row.who}
                </th>
                <td className={styles.cell}>{row.channel}</td>
                <td className={styles.cell}>{row.when}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        text('')
      )}
    </div>
  );
}
