import type { Network, NetworkAggregate, Participant, PersonRef, Reflection } from './model';

// Who may do what in a network. The server applies these to every request, whatever the client sends.

export type NetworkRole = 'leader' | 'coDriver' | 'referenceLeader' | 'participant';

export interface Caller {
  userId: string;
  email?: string;
}

const sameEmail = (a?: string, b?: string) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
/** Whether a stored person is the caller: by Entra id when it has one, else by e-mail. */
export const isPerson = (caller: Caller, person?: { userId?: string; email?: string }) =>
  !!person && (person.userId ? person.userId === caller.userId : sameEmail(person.email, caller.email));

/** The caller's own participant row: by Teams identity, or by e-mail when no identity is linked yet. */
export function participantOf(aggregate: Pick<NetworkAggregate, 'participants'>, caller: Caller): Participant | undefined {
  return (
    aggregate.participants.find((p) => p.userId === caller.userId) ??
    aggregate.participants.find((p) => !p.userId && sameEmail(p.email, caller.email))
  );
}

/** The two roles of the method the leader gives to others: co-driver and reference leader (from Chefforum). */
export const NETWORK_ROLE_KEYS = ['coDriver', 'referenceLeader'] as const;
export type NetworkRoleKey = (typeof NETWORK_ROLE_KEYS)[number];

/** Whether two stored persons are one: by Entra id when both have one, else by e-mail. */
export const samePerson = (a?: { userId?: string; email?: string }, b?: { userId?: string; email?: string }): boolean =>
  !!a && !!b && (a.userId && b.userId ? a.userId === b.userId : sameEmail(a.email, b.email));

/**
 * Who holds one of the network's roles — one notion wherever it is asked (access, print view, delivery, advice):
 * the network's own (what the leader chose under Roller, kept in line with the participant's role), or else,
 * for networks saved before the two were kept in line, the participant whose role it is.
 */
export function roleHolderOf(aggregate: Pick<NetworkAggregate, 'network' | 'participants'>, role: NetworkRoleKey): PersonRef | undefined {
  const own = aggregate.network[role];
  if (own) return own;
  const participant = aggregate.participants.find((p) => p.role === role);
  return participant ? personOf(participant) : undefined;
}

export const referenceLeaderOf = (aggregate: Pick<NetworkAggregate, 'network' | 'participants'>) => roleHolderOf(aggregate, 'referenceLeader');
export const coDriverOf = (aggregate: Pick<NetworkAggregate, 'network' | 'participants'>) => roleHolderOf(aggregate, 'coDriver');

/** The participant row of a role's holder, when they take part in the network too. */
export function participantHolding(aggregate: Pick<NetworkAggregate, 'network' | 'participants'>, role: NetworkRoleKey): Participant | undefined {
  const own = aggregate.network[role];
  if (!own) return aggregate.participants.find((p) => p.role === role);
  return aggregate.participants.find((p) => p.role === role && samePerson(p, own)) ?? aggregate.participants.find((p) => samePerson(p, own));
}

/** The network role (co-driver, reference leader) a participant holds, if any. */
export function networkRoleOfParticipant(aggregate: Pick<NetworkAggregate, 'network' | 'participants'>, participant: Participant): NetworkRoleKey | undefined {
  return NETWORK_ROLE_KEYS.find((role) => participantHolding(aggregate, role)?.id === participant.id);
}

/** The strongest role the caller has in the network, or undefined for everyone else. */
export function roleOf(aggregate: Pick<NetworkAggregate, 'network' | 'participants'>, caller: Caller): NetworkRole | undefined {
  const { network } = aggregate;
  if (isPerson(caller, network.leader)) return 'leader';
  if (isPerson(caller, coDriverOf(aggregate))) return 'coDriver';
  if (participantOf(aggregate, caller)) return 'participant';
  if (isPerson(caller, referenceLeaderOf(aggregate))) return 'referenceLeader';
  return undefined;
}

export const canEditPlan = (role?: NetworkRole): boolean => role === 'leader' || role === 'coDriver';
export const canRead = (role?: NetworkRole): boolean => role !== undefined;
export const canDeleteNetwork = (role?: NetworkRole): boolean => role === 'leader';
/** Reflections, ideas and analysis notes are written by the people in the network, not by the reference leader. */
export const canContribute = (role?: NetworkRole): boolean => canEditPlan(role) || role === 'participant';

/** A reflection is visible to its author and the leaders; to others only when its author shared it. */
export function canSeeReflection(reflection: Reflection, role: NetworkRole | undefined, ownParticipantId?: string): boolean {
  if (canEditPlan(role)) return true;
  if (reflection.participantId === ownParticipantId) return true;
  return canRead(role) && reflection.shared;
}

/** The network as this caller may see it: private reflections and personal invitations of others are removed. */
export function viewFor(aggregate: NetworkAggregate, caller: Caller): NetworkAggregate {
  const role = roleOf(aggregate, caller);
  const own = participantOf(aggregate, caller)?.id;
  // A personal invitation (its text and answer) is for the leaders and the person it was written to.
  const invitations = canEditPlan(role) ? aggregate.invitations : aggregate.invitations?.filter((i) => i.participantId === own);
  return { ...aggregate, reflections: aggregate.reflections.filter((r) => canSeeReflection(r, role, own)), invitations };
}

/** Index keys under which "my networks" finds a participant: Teams id and e-mail. */
export function memberKeys(person: { userId?: string; email?: string }): string[] {
  const keys: string[] = [];
  if (person.userId) keys.push(`u:${encodeURIComponent(person.userId)}`);
  if (person.email) keys.push(`e:${encodeURIComponent(person.email.trim().toLowerCase())}`);
  return keys;
}

/** A participant as other rows name them (an idea's owner): from the participant row, nothing else. */
export function personOf(participant: Participant): PersonRef {
  const { name, email, userId } = participant;
  return { name, ...(email ? { email } : {}), ...(userId ? { userId } : {}) };
}

/**
 * The caller as the network records them: their participant row's name and e-mail, else their role's
 * in the network (a leader), else their sign-in's; always their verified id. A card press carries no
 * e-mail, so this is what makes a row written from a card findable by e-mail, like one from the tab.
 */
export function recordedPerson(aggregate: Pick<NetworkAggregate, 'participants'> & { network?: Network }, caller: Caller & { name: string }): PersonRef {
  const { network } = aggregate;
  const row = participantOf(aggregate, caller) ?? [network?.leader, network?.coDriver].find((person) => person?.userId && isPerson(caller, person));
  const email = row?.email ?? caller.email;
  return { name: row?.name ?? caller.name, ...(email ? { email } : {}), userId: caller.userId };
}

const sameName = (a: string | undefined, b?: string) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/** Whom a request names: a participant row by its id, or a person by Entra id, e-mail and name. */
export interface PersonChoice {
  participantId?: string;
  userId?: string;
  name?: string;
  email?: string;
}

/**
 * Whom an idea gets as its owner when the caller names `wanted`: themselves, as the network records them; or, for
 * the leaders only, another participant found by row id, Entra id or e-mail, as their row says.
 * What the request says is never stored; a name or e-mail that is not the caller's own is refused.
 */
export function ideaOwnerFor(
  aggregate: Pick<NetworkAggregate, 'participants'> & { network?: Network },
  caller: Caller & { name: string },
  role: NetworkRole | undefined,
  wanted: PersonChoice,
): PersonRef | 'notYou' | 'notParticipant' {
  if (wanted.participantId) {
    const row = aggregate.participants.find((p) => p.id === wanted.participantId);
    if (!row) return 'notParticipant';
    if (row.id === participantOf(aggregate, caller)?.id) return recordedPerson(aggregate, caller);
    return canEditPlan(role) ? personOf(row) : 'notYou';
  }
  if (isPerson(caller, wanted)) {
    const me = recordedPerson(aggregate, caller);
    const ownName = !wanted.name || sameName(wanted.name, me.name) || sameName(wanted.name, caller.name);
    const ownEmail = !wanted.email || sameEmail(wanted.email, me.email) || sameEmail(wanted.email, caller.email);
    return ownName && ownEmail ? me : 'notYou';
  }
  if (!canEditPlan(role)) return 'notYou';
  if (!wanted.userId && !wanted.email) return 'notParticipant';
  const row = aggregate.participants.find((p) => (wanted.userId ? p.userId === wanted.userId : sameEmail(p.email, wanted.email)));
  return row ? personOf(row) : 'notParticipant';
}
