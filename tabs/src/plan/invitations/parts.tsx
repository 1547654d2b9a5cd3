import { useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { MAX } from '@domain/limits';
import type { Download } from '../../shell/api';
import { useApp } from '../../shell/AppContext';
import { ConfirmDialog, type SaveFailure } from '../../shared/formKit';
import { saveFile } from '../../shared/saveFile';
import { panelBox } from '../../shared/EditForm';

// What both invitation editors (the common one, a personal one) are made of: the two fields, copy, the e-mail file,
// a new draft from the plan, and the outcome of the last action in a live region.

export interface InvitationDraft {
  subject: string;
  text: string;
}

export interface Outcome {
  intent: 'success' | 'error' | 'info';
  message: string;
}

export const useStyles = makeStyles({
  box: { ...panelBox, maxWidth: '860px' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  subheading: { margin: '4px 0 0', fontSize: tokens.fontSizeBase300 },
  buttons: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  note: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  text: { fontFamily: tokens.fontFamilyBase },
});

export function InvitationFields({ draft, onChange, failure, idPrefix }: { draft: InvitationDraft; onChange: (draft: InvitationDraft) => void; failure?: SaveFailure; idPrefix: string }) {
  const { t } = useApp();
  const styles = useStyles();
  return (
    <>
      <Field label={t('invitation.tab.field.subject')} validationMessage={failure?.fields.subject}>
        <Input id={`${idPrefix}-subject`} value={draft.subject} maxLength={MAX.short} onChange={(_e, d) => onChange({ ...draft, subject: d.value })} />
      </Field>
      <Field label={t('invitation.tab.field.text')} validationMessage={failure?.fields.text}>
        <Textarea
          id={`${idPrefix}-text`}
          className={styles.text}
          value={draft.text}
          maxLength={MAX.letter}
          rows={16}
          resize="vertical"
          onChange={(_e, d) => onChange({ ...draft, text: d.value })}
        />
      </Field>
    </>
  );
}

/** The last action's result, read out (role=status) and shown. */
export function OutcomeBar({ outcome }: { outcome?: Outcome }) {
  return (
    <div role="status">
      {outcome && (
        <MessageBar intent={outcome.intent} layout="multiline">
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/** Copies the text to the clipboard; where the browser refuses, says how to copy by hand. */
async function copy(text: string, textareaId: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.getElementById(textareaId) as HTMLTextAreaElement | null;
    if (!field) return false;
    field.focus();
    field.select();
    return document.execCommand('copy');
  }
}

export function CopyButton({ text, textareaId, onOutcome }: { text: string; textareaId: string; onOutcome: (outcome: Outcome) => void }) {
  const { t } = useApp();
  return (
    <Button
      onClick={async () => onOutcome((await copy(text, textareaId)) ? { intent: 'success', message: t('invitation.tab.copied') } : { intent: 'error', message: t('invitation.tab.copyFailed') })}
    >
      {t('invitation.tab.copy')}
    </Button>
  );
}

/** Downloads the invitation as an .eml file (saved first, when `beforeDownload` says so) and says how it went. */
export function EmlButton(props: { download: () => Promise<Download>; beforeDownload?: () => Promise<boolean>; ariaLabel?: string; onOutcome: (outcome: Outcome) => void }) {
  const { t } = useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      if (props.beforeDownload && !(await props.beforeDownload())) return;
      const file = await props.download();
      saveFile(file);
      props.onOutcome({ intent: 'success', message: t('invitation.tab.emlDone', { file: file.filename }) });
    } catch (error) {
      props.onOutcome({ intent: 'error', message: t('invitation.tab.emlFailed', { reason: (error as Error).message }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button aria-label={props.ariaLabel} disabledFocusable={busy} onClick={() => void run()}>
        {t('invitation.tab.eml')}
      </Button>
      {busy && <Spinner size="tiny" label={t('tab.calendar.downloading')} />}
    </>
  );
}

/** "Nyt udkast fra planen": asks first, then replaces the fields (what is saved changes only on save). */
export function RedraftButton({ draft, onRedraft }: { draft: InvitationDraft; onRedraft: (draft: InvitationDraft) => void }) {
  const { t } = useApp();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('invitation.tab.redraft')}</Button>
      <ConfirmDialog
        open={open}
        title={t('invitation.tab.redraft.title')}
        body={t('invitation.tab.redraft.body')}
        confirmLabel={t('invitation.tab.redraft.confirm')}
        onConfirm={() => {
          setOpen(false);
          onRedraft(draft);
        }}
        onCancel={() => setOpen(false)}
        onReload={async () => undefined}
      />
    </>
  );
}
