import { useId, useState, type FormEvent } from 'react';
import { Field, Input, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import type { AnalysisNote } from '@domain/model';
import { MAX } from '@domain/schemas';
import { useApp } from '../../shell/AppContext';
import { NoteMeetingField } from './NoteMeetingField';
import type { PlanView } from '../../shell/usePlan';
import { EditForm } from '../../shared/EditForm';
import { patchChanges, useFocusOnOpen, useFormSave } from '../../shared/useFormSave';
import { PRIORITIES, patternsInUse, priorityKey, type Priority } from './notes';
import { networkApi } from '../../shell/networkApi';

const FIELDS = ['text', 'pattern', 'priority', 'meetingId'] as const;

interface Values {
  text: string;
  pattern: string | null;
  priority: Priority;
  meetingId: string | null;
}

const valuesOf = (note: AnalysisNote): Values => ({ text: note.text, pattern: note.pattern ?? null, priority: note.priority, meetingId: note.meetingId ?? null });

interface Props {
  plan: PlanView;
  note: AnalysisNote;
  reload: () => Promise<void>;
  onSaved: () => void;
  onCancel: () => void;
}

/** A note's text, its pattern across categories and its priority; PATCHes only what changed, with the note's ETag. */
export function NoteEditForm({ plan, note, reload, onSaved, onCancel }: Props) {
  const { api, t, locale } = useApp();
  const save = useFormSave(FIELDS, note.etag, reload);
  const [draft, setDraft] = useState({ text: note.text, pattern: note.pattern ?? '', priority: note.priority, meetingId: note.meetingId ?? '' });
  const [empty, setEmpty] = useState(false);
  const first = useFocusOnOpen<HTMLTextAreaElement>();
  const listId = useId();
  const patterns = patternsInUse(plan.analysisNotes, locale);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = draft.text.trim();
    setEmpty(!text);
    if (!text) return;
    const next: Values = { text, pattern: draft.pattern.trim() || null, priority: draft.priority, meetingId: draft.meetingId || null };
    const ok = await save.run(async () => {
      await patchChanges((changes) => networkApi(api, plan.network.id).analysis.notes.patch(note.id, changes, save.etag.base), next, valuesOf(note));
      await reload();
    });
    if (ok) onSaved();
  };

  return (
    <EditForm
      row
      title={t('tab.analysis.notes.editTitle')}
      saving={save.saving}
      failure={save.failure}
      onReload={save.reloadLatest}
      onSubmit={(event) => void submit(event)}
      onCancel={onCancel}
      testId="note-form"
    >
      <Field label={t('tab.analysis.notes.text')} required validationMessage={empty ? t('validation.required') : save.failure?.fields.text}>
        <Textarea ref={first} value={draft.text} maxLength={MAX.medium} rows={2} resize="vertical" onChange={(_e, d) => setDraft({ ...draft, text: d.value })} />
      </Field>
      <Field label={t('tab.analysis.notes.pattern')} hint={t('tab.analysis.notes.pattern.hint')} validationMessage={save.failure?.fields.pattern}>
        <Input value={draft.pattern} maxLength={MAX.short} list={listId} autoComplete="off" onChange={(_e, d) => setDraft({ ...draft, pattern: d.value })} />
      </Field>
      <datalist id={listId}>
        {patterns.map((pattern) => (
          <option key={pattern} value={pattern} />
        ))}
      </datalist>
      <Field label={t('tab.analysis.notes.priority')}>
        <RadioGroup layout="horizontal" value={draft.priority} onChange={(_e, d) => setDraft({ ...draft, priority: d.value as Priority })}>
          {PRIORITIES.map((priority) => (
            <Radio key={priority} value={priority} label={t(priorityKey(priority))} />
          ))}
        </RadioGroup>
      </Field>
      <NoteMeetingField plan={plan} value={draft.meetingId} onChange={(meetingId) => setDraft({ ...draft, meetingId })} />
    </EditForm>
  );
}
