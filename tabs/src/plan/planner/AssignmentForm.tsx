import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button, Field, Input, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { involvementFormLabel } from '../../../../bot/domain/labels';
import type { Assignment, Meeting, Participant } from '../../../../bot/domain/model';
import { participantKindLabel } from '../../../../bot/domain/labels';
import { useApp } from '../../shell/AppContext';
import { nameWithUnit } from '../participants/order';
import { SaveFailureBar, useBaseEtag, useSaver } from './formKit';
import { InvolvementCombobox, involvementToStore } from './InvolvementCombobox';

const FIELDS = ['participantId', 'contribution', 'involvementForm'] as const;

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gap: '12px',
    padding: '12px 16px',
    marginBlock: '8px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    maxWidth: '900px',
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  row: { display: 'grid', gap: '12px', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', alignItems: 'start' },
  buttons: { display: 'flex', gap: '8px', alignItems: 'center' },
});

interface Props {
  networkId: string;
  meeting: Meeting;
  meetingLabel: string;
  /** Adding: who can still be put on the meeting (core first). */
  available: Participant[];
  /** Editing: the row as it was when the form opened, and its person. */
  assignment?: Assignment;
  participant?: Participant;
  latestEtag?: string;
  /** The version of a row for this meeting and person in the plan as loaded now, if there is one. */
  etagFor: (participantId: string) => string | undefined;
  reload: () => Promise<void>;
  onDone: (name: string) => void;
  onCancel: () => void;
}

/** One row of the planning tool: who (when adding), what they contribute, and how they are involved. */
export function AssignmentForm(props: Props) {
  const { api, t, locale } = useApp();
  const styles = useStyles();
  const headingId = useId();
  const first = useRef<HTMLSelectElement & HTMLInputElement>(null);
  const { saving, failure, run } = useSaver(FIELDS);
  const etag = useBaseEtag(props.latestEtag ?? props.assignment?.etag);
  const [participantId, setParticipantId] = useState(props.participant?.id ?? '');
  const [contribution, setContribution] = useState(props.assignment?.contribution ?? '');
  const [involvement, setInvolvement] = useState(props.assignment ? involvementFormLabel(props.assignment.involvementForm, locale) : '');
  const [localError, setLocalError] = useState<string>();
  // Adding after "load the latest version": the row may exist now (someone else added the person); save over it.
  const [rebased, setRebased] = useState(false);

  useEffect(() => {
    first.current?.focus();
  }, []);

  const editing = !!props.assignment;
  const person = props.participant ?? props.available.find((p) => p.id === participantId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!participantId) {
      setLocalError(t('tab.planner.field.participant.required'));
      return;
    }
    setLocalError(undefined);
    const path = `/api/networks/${encodeURIComponent(props.networkId)}/meetings/${encodeURIComponent(props.meeting.id)}/assignments/${encodeURIComponent(participantId)}`;
    const body = { contribution: contribution.trim(), involvementForm: involvementToStore(involvement, locale) };
    const ok = await run(async () => {
      await api.put(path, body, editing ? etag.base : rebased ? props.etagFor(participantId) : undefined);
      await props.reload();
    });
    if (ok) props.onDone(person?.name ?? '');
  };

  const error = (field: (typeof FIELDS)[number]) => (field === 'participantId' ? localError : undefined) ?? failure?.fields[field];
  const title = editing
    ? t('tab.planner.editTitle', { name: props.participant?.name ?? '', label: props.meetingLabel })
    : t('tab.planner.addTitle', { label: props.meetingLabel });

  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h4 id={headingId} className={styles.heading}>
        {title}
      </h4>
      <div className={styles.row}>
        {!editing && (
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
        )}
        <Field label={t('tab.planner.col.contribution')} hint={t('tab.planner.field.contribution.hint')} validationMessage={error('contribution')}>
          <Input ref={editing ? first : undefined} value={contribution} onChange={(_e, d) => setContribution(d.value)} autoComplete="off" />
        </Field>
        <Field label={t('tab.planner.col.involvement')} hint={t('tab.planner.field.involvement.hint')} validationMessage={error('involvementForm')}>
          <InvolvementCombobox value={involvement} onChange={setInvolvement} />
        </Field>
      </div>
      <SaveFailureBar
        failure={failure}
        onReload={async () => {
          await props.reload();
          etag.rebase();
          setRebased(true);
        }}
      />
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {editing ? t('tab.save') : t('tab.planner.addButton')}
        </Button>
        <Button onClick={props.onCancel}>{t('tab.cancel')}</Button>
        {saving && <Spinner size="tiny" label={t('tab.planner.saving')} />}
      </div>
    </form>
  );
}
