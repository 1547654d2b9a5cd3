import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Field, Input, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import { NETWORK_ROLE_KEYS, participantHolding, roleHolderOf, type NetworkRoleKey } from '@domain/access';
import type { MessageKey } from '@i18n';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { networkApi, type RoleChoice, type RolesAnswer } from '../../shell/networkApi';
import { ConfirmDialog, byIds, useSaver } from '../../shared/formKit';
import { EditForm } from '../../shared/EditForm';
import { TeamMemberPicker } from './TeamMemberPicker';
import type { TeamMember } from './useTeamMembers';
import { orderParticipants } from './order';
import { ParticipantOptions } from './ParticipantOptions';

// "Roller" at the top of Deltagere: the handbook's co-driver and the reference leader from Chefforum, what each does,
// who holds the role now. The network leader chooses them — from the participants, the team's members in Teams, or by
// name and e-mail — changes and frees them (PUT/DELETE …/roles/:role); everyone else reads who they are.

const useStyles = makeStyles({
  block: { display: 'grid', gap: '8px', margin: '8px 0 16px', maxWidth: '900px' },
  heading: { margin: '8px 0 0', fontSize: tokens.fontSizeBase500 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  roles: { display: 'grid', gap: '12px', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 340px), 1fr))' },
  role: {
    display: 'grid',
    gap: '6px',
    alignContent: 'start',
    padding: '12px 16px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  roleHeading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  about: { margin: 0, color: tokens.colorNeutralForeground2 },
  holder: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  holderMeta: { display: 'block', fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  none: { margin: 0, fontStyle: 'italic', color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

const TEXT: Record<NetworkRoleKey, { title: MessageKey; about: MessageKey; choose: MessageKey; change: MessageKey; remove: MessageKey; confirmBody: MessageKey }> = {
  coDriver: {
    title: 'tab.roles.coDriver',
    about: 'tab.roles.coDriver.about',
    choose: 'tab.roles.coDriver.choose',
    change: 'tab.roles.coDriver.change',
    remove: 'tab.roles.coDriver.remove',
    confirmBody: 'tab.roles.coDriver.confirmBody',
  },
  referenceLeader: {
    title: 'tab.roles.referenceLeader',
    about: 'tab.roles.referenceLeader.about',
    choose: 'tab.roles.referenceLeader.choose',
    change: 'tab.roles.referenceLeader.change',
    remove: 'tab.roles.referenceLeader.remove',
    confirmBody: 'tab.roles.referenceLeader.confirmBody',
  },
};

interface Props {
  plan: PlanView;
  reload: () => Promise<void>;
  announce: (message: string) => void;
  /** The network's team (empty outside Teams, or before the bot saw the team). */
  teamMembers: TeamMember[];
}

/** The two roles, side by side; the leader's buttons open a form under the role. */
export function RolesBlock({ plan, reload, announce, teamMembers }: Props) {
  const { t } = useApp();
  const styles = useStyles();
  const isLeader = plan.role === 'leader';
  const [editing, setEditing] = useState<NetworkRoleKey>();
  const [removing, setRemoving] = useState<NetworkRoleKey>();
  return (
    <section aria-labelledby="roles-heading" className={styles.block} data-testid="roles">
      <h3 id="roles-heading" className={styles.heading}>{t('tab.roles.heading')}</h3>
      <p className={styles.intro}>{t(isLeader ? 'tab.roles.intro' : 'tab.roles.introReader')}</p>
      <div className={styles.roles}>
        {NETWORK_ROLE_KEYS.map((role) => (
          <RoleCard
            key={role}
            role={role}
            plan={plan}
            isLeader={isLeader}
            editing={editing === role}
            onEdit={() => setEditing(role)}
            onRemove={() => setRemoving(role)}
            form={
              editing === role ? (
                <RoleForm
                  role={role}
                  plan={plan}
                  teamMembers={teamMembers}
                  reload={reload}
                  onCancel={() => {
                    setEditing(undefined);
                    requestAnimationFrame(() => byIds(`role-choose-${role}`)?.focus());
                  }}
                  onDone={(answer) => {
                    setEditing(undefined);
                    announce(savedMessage(t, role, answer));
                    requestAnimationFrame(() => byIds(`role-choose-${role}`)?.focus());
                  }}
                />
              ) : undefined
            }
          />
        ))}
      </div>
      {removing && (
        <RemoveRole
          role={removing}
          plan={plan}
          reload={reload}
          onClose={(removed) => {
            const role = removing;
            setRemoving(undefined);
            if (removed) announce(removed);
            requestAnimationFrame(() => byIds(`role-choose-${role}`)?.focus());
          }}
        />
      )}
    </section>
  );
}

type T = ReturnType<typeof useApp>['t'];
const roleWord = (t: T, role: NetworkRoleKey) => t(TEXT[role].title).toLocaleLowerCase();

function savedMessage(t: T, role: NetworkRoleKey, answer: RolesAnswer): string {
  const holder = answer.network[role];
  const moved = answer.participants.filter((p) => p.role !== role).map((p) => t('tab.roles.moved', { name: p.name, role: t(`label.role.${p.role}`) }));
  return [t('tab.roles.saved', { name: holder?.name ?? '', role: roleWord(t, role) }), ...moved].join(' ');
}

function RoleCard(props: {
  role: NetworkRoleKey;
  plan: PlanView;
  isLeader: boolean;
  editing: boolean;
  onEdit: () => void;
  onRemove: () => void;
  form?: ReactNode;
}) {
  const { t } = useApp();
  const styles = useStyles();
  const { role, plan } = props;
  const holder = roleHolderOf(plan, role);
  const asParticipant = participantHolding(plan, role);
  const headingId = `role-${role}-heading`;
  return (
    <section aria-labelledby={headingId} className={styles.role} data-role={role}>
      <h4 id={headingId} className={styles.roleHeading}>{t(TEXT[role].title)}</h4>
      <p className={styles.about}>{t(TEXT[role].about)}</p>
      {holder ? (
        <p className={styles.holder} data-testid={`role-holder-${role}`}>
          {holder.name}
          {holder.email && <span className={styles.holderMeta}>{holder.email}</span>}
          {asParticipant && <span className={styles.holderMeta}>{t('tab.roles.participantToo')}</span>}
        </p>
      ) : (
        <p className={styles.none} data-testid={`role-holder-${role}`}>{t('tab.roles.none')}</p>
      )}
      {props.isLeader && !props.editing && (
        <div className={styles.buttons}>
          <Button id={`role-choose-${role}`} appearance={holder ? 'secondary' : 'primary'} onClick={props.onEdit}>
            {t(holder ? TEXT[role].change : TEXT[role].choose)}
          </Button>
          {holder && <Button onClick={props.onRemove}>{t(TEXT[role].remove)}</Button>}
        </div>
      )}
      {props.form}
    </section>
  );
}

type Source = 'participant' | 'team' | 'other';
const FIELDS = ['participantId', 'userId', 'name', 'email'] as const;

/** Whom to choose: a participant, a team member, or someone by name and e-mail. The server names them as its rows do. */
function RoleForm({ role, plan, teamMembers, reload, onCancel, onDone }: {
  role: NetworkRoleKey;
  plan: PlanView;
  teamMembers: TeamMember[];
  reload: () => Promise<void>;
  onCancel: () => void;
  onDone: (answer: RolesAnswer) => void;
}) {
  const { t, api, locale } = useApp();
  const current = participantHolding(plan, role);
  const participants = orderParticipants(plan.participants, locale);
  const sources: Source[] = [...(participants.length ? (['participant'] as const) : []), ...(teamMembers.length ? (['team'] as const) : []), 'other'];
  const [source, setSource] = useState<Source>(sources[0]!);
  const [participantId, setParticipantId] = useState(current?.id ?? '');
  const [userId, setUserId] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [missing, setMissing] = useState(false);
  const saver = useSaver(FIELDS);
  // The form opens on its first question: whom to choose from.
  useEffect(() => {
    document.querySelector<HTMLInputElement>(`[data-testid="role-form-${role}"] input[type="radio"]:checked`)?.focus();
  }, [role]);

  const choice = (): RoleChoice | undefined => {
    if (source === 'participant') return participantId ? { participantId } : undefined;
    if (source === 'team') return userId ? { userId } : undefined;
    return name.trim() ? { name: name.trim(), ...(email.trim() ? { email: email.trim() } : {}) } : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = choice();
    setMissing(!chosen);
    if (!chosen) return;
    let answer: RolesAnswer | undefined;
    const ok = await saver.run(async () => {
      answer = await networkApi(api, plan.network.id).roles.set(role, chosen, plan.network.etag);
      await reload();
    });
    if (ok && answer) onDone(answer);
  };

  const fieldError = (field: (typeof FIELDS)[number]) => saver.failure?.fields[field] ?? (missing && requiredFor(source) === field ? t('tab.roles.pickRequired') : undefined);

  return (
    <EditForm
      row
      title={t(roleHolderOf(plan, role) ? TEXT[role].change : TEXT[role].choose)}
      saving={saver.saving}
      failure={saver.failure}
      onReload={async () => {
        await reload();
        saver.clear();
      }}
      onSubmit={(event) => void submit(event)}
      onCancel={onCancel}
      testId={`role-form-${role}`}
    >
      <Field label={t('tab.roles.source')}>
        <RadioGroup value={source} onChange={(_e, d) => (setSource(d.value as Source), setMissing(false))}>
          {sources.map((value) => (
            <Radio key={value} value={value} label={t(`tab.roles.source.${value}`)} />
          ))}
        </RadioGroup>
      </Field>
      {source === 'participant' && (
        <Field label={t('tab.roles.field.participant')} required validationMessage={fieldError('participantId')}>
          <Select value={participantId} onChange={(_e, d) => (setParticipantId(d.value), setMissing(false))}>
            <option value="">{t('tab.roles.field.participant.placeholder')}</option>
            <ParticipantOptions participants={participants} />
          </Select>
        </Field>
      )}
      {source === 'team' && (
        <Field label={t('tab.roles.field.member')} required validationMessage={fieldError('userId')}>
          <TeamMemberPicker members={teamMembers} userId={userId} onPick={(member) => (setUserId(member?.userId ?? ''), setMissing(false))} />
        </Field>
      )}
      {source === 'other' && (
        <>
          <Field label={t('tab.roles.field.name')} required validationMessage={fieldError('name')}>
            <Input value={name} onChange={(_e, d) => (setName(d.value), setMissing(false))} autoComplete="off" />
          </Field>
          <Field label={t('tab.roles.field.email')} hint={t('tab.roles.field.email.hint')} validationMessage={fieldError('email')}>
            <Input type="email" value={email} onChange={(_e, d) => setEmail(d.value)} autoComplete="off" />
          </Field>
        </>
      )}
    </EditForm>
  );
}

const requiredFor = (source: Source): (typeof FIELDS)[number] => (source === 'participant' ? 'participantId' : source === 'team' ? 'userId' : 'name');

/** "Fjern …": asks first, says what access goes with it; a participant who held it stays on the list. */
function RemoveRole({ role, plan, reload, onClose }: { role: NetworkRoleKey; plan: PlanView; reload: () => Promise<void>; onClose: (message?: string) => void }) {
  const { t, api } = useApp();
  const saver = useSaver([]);
  const holder = roleHolderOf(plan, role);
  const asParticipant = participantHolding(plan, role);
  if (!holder) return null;
  const remove = async () => {
    const ok = await saver.run(async () => {
      await networkApi(api, plan.network.id).roles.remove(role, plan.network.etag);
      await reload();
    });
    if (!ok) return;
    const moved = asParticipant ? [t('tab.roles.moved', { name: asParticipant.name, role: t('label.role.other') })] : [];
    onClose([t('tab.roles.removed', { name: holder.name, role: roleWord(t, role) }), ...moved].join(' '));
  };
  return (
    <ConfirmDialog
      open
      title={t('tab.roles.confirmTitle', { name: holder.name, role: roleWord(t, role) })}
      body={<p>{t(TEXT[role].confirmBody, { name: holder.name })}</p>}
      confirmLabel={t('tab.roles.confirm')}
      busy={saver.saving}
      failure={saver.failure}
      onConfirm={() => void remove()}
      onCancel={() => onClose()}
      onReload={async () => {
        await reload();
        saver.clear();
      }}
    />
  );
}
