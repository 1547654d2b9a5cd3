import { Checkbox, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { GOOD_THEME_CHARACTERISTICS, type GoodThemeCharacteristic } from '@domain/model';
import { MAX } from '@domain/schemas';
import type { ThemeSnapshot } from '@domain/themeDiff';
import { useApp } from '../../shell/AppContext';
import { characteristicQuestionKey, characteristicTitleKey } from './labels';

const useStyles = makeStyles({
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: '12px' },
  item: {
    display: 'grid',
    gap: '4px',
    padding: '8px 12px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  question: { color: tokens.colorNeutralForeground2, paddingLeft: '32px' },
  note: { paddingLeft: '32px' },
  status: { fontWeight: tokens.fontWeightSemibold },
});

type Characteristics = ThemeSnapshot['characteristics'];

/** "7 karakteristika for det gode netværkstema": a checklist, each with a note on how it shows. */
export function CharacteristicsEditor({ value, onChange }: { value: Characteristics; onChange: (next: Characteristics) => void }) {
  const { t } = useApp();
  const styles = useStyles();
  const set = (key: GoodThemeCharacteristic, patch: { met?: boolean; note?: string }) => {
    onChange({ ...value, [key]: { met: value[key]?.met ?? false, note: value[key]?.note ?? '', ...patch } });
  };
  return (
    <ul className={styles.list}>
      {GOOD_THEME_CHARACTERISTICS.map((key) => (
        <li key={key} className={styles.item}>
          <Checkbox
            checked={!!value[key]?.met}
            onChange={(_e, d) => set(key, { met: d.checked === true })}
            label={t(characteristicTitleKey(key))}
            aria-describedby={`characteristic-${key}-question`}
          />
          <Text id={`characteristic-${key}-question`} size={200} className={styles.question}>
            {t(characteristicQuestionKey(key))}
          </Text>
          <Field label={t('tab.theme.characteristic.noteLabel', { title: t(characteristicTitleKey(key)) })} className={styles.note}>
            <Textarea value={value[key]?.note ?? ''} maxLength={MAX.medium} resize="vertical" rows={2} onChange={(_e, d) => set(key, { note: d.value })} />
          </Field>
        </li>
      ))}
    </ul>
  );
}

export function CharacteristicsView({ value }: { value: Characteristics }) {
  const { t } = useApp();
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {GOOD_THEME_CHARACTERISTICS.map((key) => {
        const met = !!value[key]?.met;
        const note = value[key]?.note?.trim();
        return (
          <li key={key} className={styles.item}>
            <Text weight="semibold">{t(characteristicTitleKey(key))}</Text>
            <Text size={200}>{t(characteristicQuestionKey(key))}</Text>
            <Text className={styles.status}>
              {met ? `✓ ${t('tab.theme.characteristic.met')}` : t('tab.theme.characteristic.notMet')}
            </Text>
            {note && <Text>{note}</Text>}
          </li>
        );
      })}
    </ul>
  );
}
