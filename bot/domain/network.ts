import type { Locale, MessageKey } from '../i18n';
import type { DeliveryStatus, Meeting, Network, NetworkAggregate, Participant, PersonRef, Subtheme } from './model';
import { NETWORK_ROLE_KEYS, personOf, roleHolderOf, samePerson, type NetworkRoleKey, type PersonChoice } from './access';

/** The language of everything the network posts, and of what previews it: the network's own, else Danish. */
export const networkLocale = (network: Pick<Network, 'locale'>): Locale => network.locale ?? 'da';

export const meetingOf = (aggregate: Pick<NetworkAggregate, 'meetings'>, meetingId: string | undefined): Meeting | undefined =>
  aggregate.meetings.find((meeting) => meeting.id === meetingId);

export const subthemeOf = (aggregate: Pick<NetworkAggregate, 'subthemes'>, meeting: Pick<Meeting, 'subthemeId'>): Subtheme | undefined =>
  aggregate.subthemes.find((subtheme) => subtheme.id === meeting.subthemeId);

// ——— The method's roles: co-driver and reference leader ———
// What is stored: the network's own `coDriver` / `referenceLeader` (a PersonRef, as the server's rows name the person).
// Kept in line with it: the participant role of the same name. Choosing a participant under Roller gives them that
// role; giving a participant that role makes them the network's holder when the role is free — both end in the
// same state. A role's holder need not take part (a reference leader from Chefforum often does not).

/** Someone the server knows beyond the participants: a member of the network's team as Teams reported them. */
export interface KnownPerson {
  userId: string;
  name: string;
  email?: string;
}

/** The holder a choice names, and their participant row when they take part. */
export interface ChosenHolder {
  person: PersonRef;
  participant?: Participant;
}

type Issue = { path: string; key: MessageKey; params?: Record<string, string> };

/**
 * Whom a choice names, as the server's own rows say: a participant row by id (or by the Entra id or e-mail it
 * holds), a team member by Entra id; a name and e-mail as given. An Entra id the server cannot find is refused:
 * it would give someone access on the word of the request.
 */
export function chosenHolder(aggregate: Pick<NetworkAggregate, 'participants'>, known: readonly KnownPerson[], choice: PersonChoice, path: string): ChosenHolder | Issue {
  const { participants } = aggregate;
  if (choice.participantId) {
    const participant = participants.find((p) => p.id === choice.participantId);
    return participant ? { person: personOf(participant), participant } : { path: `${path}.participantId`, key: 'validation.unknownParticipant' };
  }
  if (choice.userId) {
    const participant = participants.find((p) => p.userId === choice.userId);
    if (participant) return { person: personOf(participant), participant };
    const member = known.find((k) => k.userId === choice.userId);
    if (!member) return { path: `${path}.userId`, key: 'validation.personUnknown' };
    const person: PersonRef = { name: member.name, ...(member.email ? { email: member.email } : {}), userId: member.userId };
    return { person, participant: participants.find((p) => !p.userId && samePerson(p, person)) };
  }
  const byEmail = choice.email ? participants.find((p) => samePerson(p, { email: choice.email })) : undefined;
  if (byEmail) return { person: personOf(byEmail), participant: byEmail };
  return { person: { name: choice.name!, ...(choice.email ? { email: choice.email } : {}) } };
}

const isIssue = (value: ChosenHolder | Issue): value is Issue => 'key' in value;
const otherRole = (role: NetworkRoleKey): NetworkRoleKey => (role === 'coDriver' ? 'referenceLeader' : 'coDriver');
const HELD_BY: Record<NetworkRoleKey, MessageKey> = { coDriver: 'validation.alreadyCoDriver', referenceLeader: 'validation.alreadyReferenceLeader' };

/**
 * The network with its roles set as chosen (null: nobody), participants' roles in line: the chosen participant gets
 * the role's name, anyone else who had it becomes 'other'. Refused: an unknown person, the leader themselves, or
 * the holder of the other role (one person, one role).
 */
export function withRoles(
  aggregate: NetworkAggregate,
  known: readonly KnownPerson[],
  choices: Partial<Record<NetworkRoleKey, PersonChoice | null>>,
): { ok: true; next: NetworkAggregate } | { ok: false; issues: Issue[] } {
  let next = aggregate;
  for (const role of NETWORK_ROLE_KEYS) {
    const choice = choices[role];
    if (choice === undefined) continue;
    const holder = choice === null ? undefined : chosenHolder(next, known, choice, role);
    if (holder && isIssue(holder)) return { ok: false, issues: [holder] };
    if (holder && samePerson(holder.person, next.network.leader)) return { ok: false, issues: [{ path: role, key: 'validation.roleIsLeader' }] };
    const other = roleHolderOf(next, otherRole(role));
    if (holder && samePerson(holder.person, other)) {
      return { ok: false, issues: [{ path: role, key: HELD_BY[otherRole(role)], params: { name: holder.person.name } }] };
    }
    const network = { ...next.network };
    if (holder) network[role] = holder.person;
    else delete network[role];
    const participants = next.participants.map((p): Participant => {
      if (p.id === holder?.participant?.id) return p.role === role ? p : { ...p, role };
      return p.role === role ? { ...p, role: 'other' } : p;
    });
    next = { ...next, network, participants };
  }
  return { ok: true, next };
}

/** Whether the person a participant row names changed (who they are, not what they do). */
const sameIdentity = (a: Participant, b: Participant) => a.name === b.name && a.email === b.email && a.userId === b.userId;

/**
 * A participant added, changed or removed, and the network's roles kept in line: the role 'coDriver' or
 * 'referenceLeader' given to a participant makes them the network's holder when the role is free (refused when
 * someone else holds it); taking the role away frees it; a holder's new name, e-mail or Entra id follows.
 * A removed participant keeps the role (a holder need not take part). `network` is set when it changes.
 */
export function rolesAfterParticipantChange(
  aggregate: Pick<NetworkAggregate, 'network'>,
  before: Participant | undefined,
  after: Participant | undefined,
): { network?: Network; heldBy?: { role: NetworkRoleKey; holder: PersonRef } } {
  if (!after) return {};
  let network = aggregate.network;
  for (const role of NETWORK_ROLE_KEYS) {
    const holder = network[role];
    const was = before?.role === role;
    const is = after.role === role;
    const heldBefore = !!before && !!holder && samePerson(holder, before);
    if (is && !was) {
      if (holder && !samePerson(holder, after) && !heldBefore) return { heldBy: { role, holder } };
      network = { ...network, [role]: personOf(after) };
    } else if (was && !is) {
      if (heldBefore) {
        network = { ...network };
        delete network[role];
      }
    } else if (heldBefore && !sameIdentity(before!, after)) {
      network = { ...network, [role]: personOf(after) };
    }
  }
  return network === aggregate.network ? {} : { network };
}

/**
 * "Markér som sendt til referencelederen" needs a reference leader to send it to: moving the delivery on to
 * sentToReferenceLeader is refused while the network has none (a delivery already there may still be edited).
 */
export function deliveryNeedsReferenceLeader(aggregate: Pick<NetworkAggregate, 'network' | 'participants' | 'delivery'>, status: DeliveryStatus): boolean {
  const movesOn = status === 'sentToReferenceLeader' && aggregate.delivery?.status !== 'sentToReferenceLeader';
  return movesOn && !roleHolderOf(aggregate, 'referenceLeader');
}
