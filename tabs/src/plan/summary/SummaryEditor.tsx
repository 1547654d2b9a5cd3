import { Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { MAX } from '@domain/schemas';
import { useApp } from '../../shell/AppContext';
import { EditForm, draftFormProps } from '../../shared/EditForm';
import { SUMMARY_FIELDS, fieldHint, fieldLabel } from './fields';
import type { SummaryDraftState } from './useSummaryDraft';

const useStyles = makeStyles({ muted: { margin: 0, color: tokens.colorNeutralForeground2 } });

interface Props {
  state: SummaryDraftState;
  label: string;
  announce: (message: string) => void;
}

/** The template's six fields for one meeting; save (with the summary's ETag) or go back to what is saved. */
export function SummaryEditor({ state, label, announce }: Props) {
  const { t } = useApp();
  const styles = useStyles();
  return (
    <EditForm
      title={t('tab.summary.formTitle', { label })}
      {...draftFormProps(state, announce, t('tab.summary.saved', { label }), t('tab.conflict.kept'))}
      testId="summary-form"
    >
      {SUMMARY_FIELDS.map((field) => (
        <Field key={field} label={t(fieldLabel(field))} hint={t(fieldHint(field))} validationMessage={state.failure?.fields[field]}>
          <Textarea value={state.draft[field]} onChange={(_e, d) => state.set(field, d.value)} maxLength={MAX.long} rows={3} resize="vertical" />
        </Field>
      ))}
      {state.dirty && <p className={styles.muted}>{t('tab.agenda.unsaved')}</p>}
    </EditForm>
  );
}
