import { useId, type FormEvent, type ReactNode } from 'react';
import { Button, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useApp } from '../shell/AppContext';
import { SaveFailureBar, type SaveFailure } from './formKit';
import { SavedNote } from './SavedNote';

/** A bordered panel for a form or a draft being worked on: edit forms, the invitations' editors. */
export const panelBox = {
    display: 'grid',
    gap: '12px',
    padding: '16px',
    marginBlock: '12px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
} as const;

const useStyles = makeStyles({
  form: { ...panelBox, maxWidth: '760px' },
  rowForm: { padding: '12px 16px', marginBlock: '8px', maxWidth: '900px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  rowHeading: { fontSize: tokens.fontSizeBase300 },
  buttons: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
});

interface Props {
  title: string;
  /** A form for one row of a table inside a section (the planner): an h4, a little tighter. */
  row?: boolean;
  saving: boolean;
  failure?: SaveFailure;
  /** "Load the latest version" after a conflict: reload the plan and move the form's ETag on; the draft stays. */
  onReload: () => Promise<void>;
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
  submitLabel?: string;
  testId?: string;
  /** When the form was last saved, for forms that stay open after saving (agenda, summary): "✓ Gemt kl. 14.32" beside Save. */
  savedAt?: Date;
  children: ReactNode;
}

/** The frame every add/edit form of the plan shares: heading, fields, what went wrong, save · cancel · spinner. */
export function EditForm({ title, row, saving, failure, onReload, onSubmit, onCancel, submitLabel, testId, savedAt, children }: Props) {
  const { t } = useApp();
  const styles = useStyles();
  const headingId = useId();
  const Heading = row ? 'h4' : 'h3';
  return (
    <form className={mergeClasses(styles.form, row && styles.rowForm)} aria-labelledby={headingId} onSubmit={onSubmit} noValidate data-testid={testId}>
      <Heading id={headingId} className={mergeClasses(styles.heading, row && styles.rowHeading)}>
        {title}
      </Heading>
      {children}
      <SaveFailureBar failure={failure} onReload={onReload} />
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {submitLabel ?? t('tab.save')}
        </Button>
        <Button onClick={onCancel}>{t('tab.cancel')}</Button>
        {saving && <Spinner size="tiny" label={t('tab.planner.saving')} />}
        {/* Seen as well as announced (the section's live region says it to screen readers): not a second live region. */}
        <SavedNote silent saved={!saving && !failure && savedAt ? { at: savedAt } : undefined} />
      </div>
    </form>
  );
}

/** What a section's draft hook (agenda, summary) offers the form that edits it. */
export interface DraftFormState {
  saving: boolean;
  failure?: SaveFailure;
  /** When it was last saved; with unsaved changes since then the form says so instead. */
  savedAt?: Date;
  dirty?: boolean;
  save(): Promise<boolean>;
  reset(): void;
  reloadLatest(): Promise<void>;
}

/** EditForm's save, cancel and "load the latest" for a draft hook; each outcome is announced. */
export function draftFormProps(state: DraftFormState, announce: (message: string) => void, savedMessage: string, keptMessage: string) {
  return {
    saving: state.saving,
    failure: state.failure,
    savedAt: state.dirty ? undefined : state.savedAt,
    onReload: async () => {
      await state.reloadLatest();
      announce(keptMessage);
    },
    onSubmit: async (event: FormEvent) => {
      event.preventDefault();
      if (await state.save()) announce(savedMessage);
    },
    onCancel: state.reset,
  };
}
