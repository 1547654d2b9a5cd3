import { useState, type FormEvent } from 'react';
import { Field, Input, Select, makeStyles } from '@fluentui/react-components';
import type { Meeting, Participant } from '@domain/model';
import { participantKindLabel } from '@domain/labels';
import { useApp } from '../../shell/AppContext';
import { nameWithUnit } from '../participants/order';
import { EditForm } from '../../shared/EditForm';
import { useFocusOnOpen, useFormSave } from '../../shared/useFormSave';
import { InvolvementCombobox, involvementToStore } from './InvolvementCombobox';
import { networkApi } from '../../shell/networkApi';

const FIELDS = ['participantId', 'contribution', 'involvementForm'] as const;

const useStyles = makeStyles({
  row: { display: 'grid', gap: '12px', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', alignItems: 'start' },
});

interface Props {
  networkId: string;
  meeting: Meeting;
  meetingLabel: string;
  /** Who can still be put on the meeting (core first). */
  available: Participant[];
  /** The version of a row for this meeting and person in the plan as loaded now, if there is one. */
  etagFor: (participantId: string) => string | undefined;
  reload: () => Promise<void>;
  onDone: (name: string) => void;
  onCancel: () => void;
}

/** A new row of the planning tool: who, what they contribute, and how they are involved (a row is then edited in place). */
export function AssignmentForm(props: Props) {
  const { api, t, locale } = useApp();
  const styles = useStyles();
  const first = useFocusOnOpen<HTMLSelectElement & HTMLInputElement>();
  const { saving, failure, run, reloadLatest } = useFormSave(FIELDS, undefined, props.reload);
  const [participantId, setParticipantId] = useState('');
  const [contribution, setContribution] = useState('');
  const [involvement, setInvolvement] = useState('');
  const [localError, setLocalError] = useState<string>();
  // Adding after "load the latest version": the row may exist now (someone else added the person); save over it.
  const [rebased, setRebased] = useState(false);

  const person = props.available.find((p) => p.id === participantId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!participantId) {
      setLocalError(t('tab.planner.field.participant.required'));
      return;
    }
    setLocalError(undefined);
    const assignment = networkApi(api, props.networkId).meeting(props.meeting.id).assignment(participantId);
    const body = { contribution: contribution.trim(), involvementForm: involvementToStore(involvement, locale) };
    const ok = await run(async () => {
      await assignment.save(body, rebased ? props.etagFor(participantId) : undefined);
      await props.reload();
    });
    if (ok) props.onDone(person?.name ?? '');
  };

  const error = (field: (typeof FIELDS)[number]) => (field === 'participantId' ? localError : undefined) ?? failure?.fields[field];
  const title = t('tab.planner.addTitle', { label: props.meetingLabel });

  return (
    <EditForm
      title={title}
      row
      saving={saving}
      failure={failure}
      onReload={async () => {
        await reloadLatest();
        setRebased(true);
      }}
      onSubmit={submit}
      onCancel={props.onCancel}
      submitLabel={t('tab.planner.addButton')}
    >
      <div className={styles.row}>
        <Field label={t('tab.planner.col.participant')} required validationMessage={error('participantId')}>
          <Select ref={first} value={participantId} onChange={(_e, d) => setParticipantId(d.value)}>
            <option value="">{t('tab.planner.field.participant.placeholder')}</option>
            {props.available.map((p) => (
              <option key={p.id} value={p.id}>
                {`${nameWithUnit(p)} (${participantKindLabel(p.kind, locale)})`}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('tab.planner.col.contribution')} hint={t('tab.planner.field.contribution.hint')} validationMessage={error('contribution')}>
          <Input value={contribution} onChange={(_e, d) => setContribution(d.value)} autoComplete="off" />
        </Field>
        <Field label={t('tab.planner.col.involvement')} hint={t('tab.planner.field.involvement.hint')} validationMessage={error('involvementForm')}>
          <InvolvementCombobox value={involvement} onChange={setInvolvement} />
        </Field>
      </div>
    </EditForm>
  );
}
