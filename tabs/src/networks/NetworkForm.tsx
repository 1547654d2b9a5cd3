import { Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate, isRealIsoDate } from '@domain/dates';
import { MAX } from '@domain/schemas';
import { NETWORK_TYPES, type NetworkType } from '@domain/model';
import { networkTypeLabel } from '@domain/labels';
import { useApp } from '../shell/AppContext';
import { DateInput } from '../shared/DateInput';
import { typeHelpKey, withStartDate, type NetworkDraft, type NetworkFieldErrors } from './networkDraft';

const useStyles = makeStyles({
  form: { display: 'grid', gap: '16px', maxWidth: '640px' },
  dates: { display: 'flex', gap: '16px', flexWrap: 'wrap' },
  date: { width: '18rem', maxWidth: '100%' },
  typeOption: { display: 'grid', paddingBottom: '8px' },
  typeHelp: { color: tokens.colorNeutralForeground2, paddingLeft: '32px', maxWidth: '60ch' },
});

export interface NetworkFormProps {
  draft: NetworkDraft;
  onChange: (draft: NetworkDraft) => void;
  errors: NetworkFieldErrors;
  disabled?: boolean;
  /** Keeps ids unique if two forms are ever on one page. */
  idPrefix?: string;
}

/** A new network: name, type (with what each type means, the handbook's "Udfold netværkstemaet"), theme heading and period. */
export function NetworkForm({ draft, onChange, errors, disabled, idPrefix = 'network' }: NetworkFormProps) {
  const { t, locale } = useApp();
  const styles = useStyles();
  const set = (patch: Partial<NetworkDraft>) => onChange({ ...draft, ...patch });
  const state = (field: keyof NetworkFieldErrors) => (errors[field] ? { validationState: 'error' as const, validationMessage: errors[field] } : {});
  const end = isRealIsoDate(draft.endDate) ? formatDate(draft.endDate) : undefined;

  return (
    <div className={styles.form}>
      <Field label={t('tab.networks.form.name')} hint={t('tab.networks.form.nameHint')} required {...state('name')}>
        <Input value={draft.name} maxLength={MAX.name} disabled={disabled} onChange={(_e, d) => set({ name: d.value })} />
      </Field>
      <Field label={t('tab.networks.form.type')} required {...state('type')}>
        <RadioGroup value={draft.type} disabled={disabled} onChange={(_e, d) => set({ type: d.value as NetworkType })}>
          {NETWORK_TYPES.map((type) => (
            <div key={type} className={styles.typeOption}>
              <Radio value={type} label={networkTypeLabel(type, locale)} aria-describedby={`${idPrefix}-type-${type}-help`} />
              <Text id={`${idPrefix}-type-${type}-help`} size={200} className={styles.typeHelp}>
                {t(typeHelpKey(type))}
              </Text>
            </div>
          ))}
        </RadioGroup>
      </Field>
      <Field label={t('tab.networks.form.theme')} hint={t('tab.networks.form.themeHint')} required {...state('theme')}>
        <Input value={draft.theme} maxLength={MAX.short} disabled={disabled} onChange={(_e, d) => set({ theme: d.value })} />
      </Field>
      <div className={styles.dates}>
        <Field className={styles.date} label={t('tab.networks.form.startDate')} hint={t('tab.networks.form.dateHint')} required {...state('startDate')}>
          <DateInput value={draft.startDate} disabled={disabled} placeholder={t('tab.networks.form.datePlaceholder')} onChange={(iso, text) => onChange(withStartDate(draft, iso || text))} />
        </Field>
        <Field
          className={styles.date}
          label={t('tab.networks.form.endDate')}
          hint={end ? t('tab.networks.form.endDateHint', { date: end }) : t('tab.networks.form.endDateEmpty')}
          {...state('endDate')}
        >
          <DateInput value={draft.endDate} disabled={disabled} placeholder={t('tab.networks.form.datePlaceholder')} onChange={(iso, text) => set({ endDate: iso || text, endDateChosen: true })} />
        </Field>
      </div>
    </div>
  );
}
