import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { CharacteristicState, ThemeChange } from '@domain/themeDiff';
import { useApp } from '../../shell/AppContext';
import { changeLabelKey } from './labels';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: '8px 0 0', display: 'grid', gap: '12px' },
  item: { display: 'grid', gap: '6px' },
  field: { fontWeight: tokens.fontWeightSemibold },
  sides: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: '8px' },
  side: {
    margin: 0,
    padding: '8px 12px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  before: { borderTopStyle: 'dashed', borderRightStyle: 'dashed', borderBottomStyle: 'dashed', borderLeftStyle: 'dashed', backgroundColor: tokens.colorNeutralBackground3 },
  after: { borderLeftWidth: '4px', backgroundColor: tokens.colorNeutralBackground1 },
  sideLabel: { display: 'block', fontWeight: tokens.fontWeightSemibold, marginBottom: '2px' },
});

export interface ChangeListProps {
  changes: ThemeChange[];
  beforeLabel: string;
  afterLabel: string;
}

/** Field by field: the question, then what it said before and after — labelled in words, not by colour. */
export function ChangeList({ changes, beforeLabel, afterLabel }: ChangeListProps) {
  const { t } = useApp();
  const styles = useStyles();
  const empty = t('tab.theme.changes.empty');
  const characteristic = (state: CharacteristicState) =>
    [t(state.met ? 'tab.theme.characteristic.met' : 'tab.theme.characteristic.notMet'), state.note && t('tab.theme.changes.note', { note: state.note })]
      .filter(Boolean)
      .join(' — ');
  const show = (change: ThemeChange, side: 'before' | 'after') =>
    change.kind === 'text' ? change[side] || empty : characteristic(change[side]);

  return (
    <ul className={styles.list}>
      {changes.map((change) => (
        <li key={change.kind === 'text' ? change.field : change.characteristic} className={styles.item}>
          <Text className={styles.field}>{t(changeLabelKey(change))}</Text>
          <div className={styles.sides}>
            <p className={mergeClasses(styles.side, styles.before)}>
              <span className={styles.sideLabel}>{beforeLabel}</span>
              {show(change, 'before')}
            </p>
            <p className={mergeClasses(styles.side, styles.after)}>
              <span className={styles.sideLabel}>{afterLabel}</span>
              {show(change, 'after')}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
