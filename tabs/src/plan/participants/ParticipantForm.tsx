import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import {
  COMPETENCE_AREAS,
  PARTICIPANT_KINDS,
  PARTICIPANT_ROLES,
  type CompetenceArea,
  type Participant,
  type ParticipantKind,
  type ParticipantRole,
} from '@domain/model';
import { competenceAreaLabel, participantKindLabel, roleLabel } from '@domain/labels';
import type { MessageKey } from '@i18n';
import { useApp } from '../../shell/AppContext';
import { EditForm } from '../../shared/EditForm';
import { patchChanges, useFocusOnOpen, useFormSave } from '../../shared/useFormSave';
import { TeamMemberPicker } from './TeamMemberPicker';
import type { TeamMember } from './useTeamMembers';
import { networkApi } from '../../shell/networkApi';

const FIELDS = ['name', 'kind', 'role', 'unit', 'email', 'userId', 'competenceAreas', 'customCompetences'] as const;

export interface ParticipantDraft {
  name: string;
  kind: ParticipantKind;
  role: ParticipantRole;
  unit: string;
  email: string;
  userId: string;
  competenceAreas: CompetenceArea[];
  customCompetences: string[];
}

const emptyDraft: ParticipantDraft = {
  name: '',
  kind: 'core',
  role: 'employee',
  unit: '',
  email: '',
  userId: '',
  competenceAreas: [],
  customCompetences: [],
};

const draftOf = (p: Participant): ParticipantDraft => ({
  name: p.name,
  kind: p.kind,
  role: p.role,
  unit: p.unit,
  email: p.email ?? '',
  userId: p.userId ?? '',
  competenceAreas: [...p.competenceAreas],
  customCompetences: [...p.customCompetences],
});

export const KIND_HELP: Record<ParticipantKind, MessageKey> = {
  core: 'tab.participants.kind.core.help',
  along: 'tab.participants.kind.along.help',
};

export const AREA_HELP: Record<CompetenceArea, MessageKey> = {
  professionalExpertise: 'tab.participants.diamond.professionalExpertise',
  externalPerspectives: 'tab.participants.diamond.externalPerspectives',
  publicAdministrationFrameworks: 'tab.participants.diamond.publicAdministrationFrameworks',
  resourcesAndBacking: 'tab.participants.diamond.resourcesAndBacking',
};

const useStyles = makeStyles({
  row: { display: 'grid', gap: '12px', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))' },
  fieldset: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: '8px 12px 12px', margin: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: '0 4px' },
  help: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  custom: { display: 'flex', gap: '8px', alignItems: 'end', flexWrap: 'wrap' },
  tags: { display: 'flex', gap: '8px', flexWrap: 'wrap', listStyle: 'none', padding: 0, margin: '8px 0 0' },
  tag: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '4px',
    paddingInlineStart: '8px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

interface Props {
  networkId: string;
  /** The participant being edited, as it was when the form opened; undefined adds a new one. */
  participant?: Participant;
  /** The participant's version in the plan as loaded now (moves on after "load the latest version"). */
  latestEtag?: string;
  /** The network's team: a picker when there is one, else the id is typed. */
  teamMembers: TeamMember[];
  onDone: (saved: { name: string; created: boolean }) => void;
  onCancel: () => void;
  reload: () => Promise<void>;
}

/** Add or edit a participant. Everything typed stays until saved or cancelled — also after a conflict. */
export function ParticipantForm({ networkId, participant, latestEtag, teamMembers, onDone, onCancel, reload }: Props) {
  const { api, t, locale } = useApp();
  const styles = useStyles();
  const [draft, setDraft] = useState<ParticipantDraft>(() => (participant ? draftOf(participant) : emptyDraft));
  const [customInput, setCustomInput] = useState('');
  const { saving, failure, run, etag, reloadLatest } = useFormSave(FIELDS, latestEtag ?? participant?.etag, reload);
  const firstField = useFocusOnOpen<HTMLInputElement>();

  const set = <K extends keyof ParticipantDraft>(key: K, value: ParticipantDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  /** Linking fills name and e-mail from the team, but never overwrites what is typed there. */
  const link = (member: TeamMember | undefined) =>
    setDraft((d) => ({
      ...d,
      userId: member?.userId ?? '',
      name: d.name.trim() ? d.name : (member?.name ?? d.name),
      email: d.email.trim() ? d.email : (member?.email ?? d.email),
    }));

  const addCustom = () => {
    const text = customInput.trim();
    if (!text) return;
    if (!draft.customCompetences.some((c) => c.toLowerCase() === text.toLowerCase())) set('customCompetences', [...draft.customCompetences, text]);
    setCustomInput('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const pending = customInput.trim();
    const custom =
      pending && !draft.customCompetences.some((c) => c.toLowerCase() === pending.toLowerCase())
        ? [...draft.customCompetences, pending]
        : draft.customCompetences;
    const body = {
      name: draft.name,
      kind: draft.kind,
      role: draft.role,
      unit: draft.unit.trim(),
      email: draft.email.trim(),
      userId: draft.userId.trim(),
      competenceAreas: draft.competenceAreas,
      customCompetences: custom,
    };
    const participants = networkApi(api, networkId).participants;
    const ok = await run(async () => {
      if (participant) await patchChanges((changes) => participants.patch(participant.id, changes, etag.base), body, draftOf(participant));
      else await participants.create(body);
      await reload();
    });
    if (ok) {
      setCustomInput('');
      onDone({ name: draft.name.trim(), created: !participant });
    }
  };

  const error = (field: (typeof FIELDS)[number]) => failure?.fields[field];
  const title = participant ? t('tab.participants.editTitle', { name: participant.name }) : t('tab.participants.new');

  return (
    <EditForm title={title} saving={saving} failure={failure} onReload={reloadLatest} onSubmit={submit} onCancel={onCancel}>
      <div className={styles.row}>
        <Field label={t('tab.participants.field.name')} required validationMessage={error('name')}>
          <Input ref={firstField} value={draft.name} onChange={(_e, d) => set('name', d.value)} autoComplete="off" />
        </Field>
        <Field label={t('tab.participants.field.role')} validationMessage={error('role')}>
          <Select value={draft.role} onChange={(_e, d) => set('role', d.value as ParticipantRole)}>
            {PARTICIPANT_ROLES.map((role) => (
              <option key={role} value={role}>
                {roleLabel(role, locale)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t('tab.participants.field.kind')} validationMessage={error('kind')}>
        <RadioGroup value={draft.kind} onChange={(_e, d) => set('kind', d.value as ParticipantKind)}>
          {PARTICIPANT_KINDS.map((kind) => (
            <Radio
              key={kind}
              value={kind}
              label={
                <>
                  {participantKindLabel(kind, locale)}
                  <span className={styles.help}>{t(KIND_HELP[kind])}</span>
                </>
              }
            />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Field label={t('tab.participants.field.unit')} hint={t('tab.participants.field.unit.hint')} validationMessage={error('unit')}>
          <Input value={draft.unit} onChange={(_e, d) => set('unit', d.value)} autoComplete="off" />
        </Field>
        <Field label={t('tab.participants.field.email')} hint={t('tab.participants.field.email.hint')} validationMessage={error('email')}>
          <Input type="email" value={draft.email} onChange={(_e, d) => set('email', d.value)} autoComplete="off" />
        </Field>
      </div>
      {teamMembers.length > 0 ? (
        <Field label={t('tab.participants.field.member')} hint={t('tab.participants.field.member.hint')} validationMessage={error('userId')}>
          <TeamMemberPicker members={teamMembers} userId={draft.userId} onPick={link} />
        </Field>
      ) : (
        <Field label={t('tab.participants.field.userId')} hint={t('tab.participants.field.userId.hint')} validationMessage={error('userId')}>
          <Input value={draft.userId} onChange={(_e, d) => set('userId', d.value)} autoComplete="off" spellCheck={false} />
        </Field>
      )}
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('tab.participants.field.competences')}</legend>
        {COMPETENCE_AREAS.map((area) => (
          <div key={area}>
            <Checkbox
              checked={draft.competenceAreas.includes(area)}
              onChange={(_e, d) =>
                set(
                  'competenceAreas',
                  d.checked ? [...draft.competenceAreas, area] : draft.competenceAreas.filter((a) => a !== area),
                )
              }
              label={
                <>
                  {competenceAreaLabel(area, locale)}
                  <span className={styles.help}>{t(AREA_HELP[area])}</span>
                </>
              }
            />
          </div>
        ))}
        {error('competenceAreas') && <p role="alert">{error('competenceAreas')}</p>}
      </fieldset>
      <div>
        <div className={styles.custom}>
          <Field
            label={t('tab.participants.field.custom')}
            hint={t('tab.participants.field.custom.hint')}
            validationMessage={error('customCompetences')}
          >
            <Input
              value={customInput}
              onChange={(_e, d) => setCustomInput(d.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  addCustom();
                }
              }}
              autoComplete="off"
            />
          </Field>
          <Button onClick={addCustom} disabled={!customInput.trim()}>
            {t('tab.participants.custom.add')}
          </Button>
        </div>
        {draft.customCompetences.length > 0 && (
          <ul className={styles.tags} aria-label={t('tab.participants.field.custom')}>
            {draft.customCompetences.map((competence) => (
              <li key={competence} className={styles.tag}>
                {competence}
                <Button
                  appearance="subtle"
                  size="small"
                  aria-label={t('tab.participants.custom.remove', { competence })}
                  onClick={() => set('customCompetences', draft.customCompetences.filter((c) => c !== competence))}
                >
                  ×
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </EditForm>
  );
}
