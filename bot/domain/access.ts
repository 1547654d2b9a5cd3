import type { NetworkAggregate, Participant, Reflection } from './model';

// Who may do what in a network. The server applies these to every request, whatever the client sends.

export type NetworkRole = 'leader' | 'coDriver' | 'referenceLeader' | 'participant';

export interface Caller {
  userId: string;
  email?: string;
}

const sameEmail = (a?: string, b?: string) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
const isPerson = (caller: Caller, person?: { userId?: string; email?: string }) =>
  !!person && (person.userId ? person.userId === caller.userId : sameEmail(person.email, caller.email));

/** The caller's own participant row: by Teams identity, or by e-mail when no identity is linked yet. */
export function participantOf(aggregate: Pick<NetworkAggregate, 'participants'>, caller: Caller): Participant | undefined {
  return (
    aggregate.participants.find((p) => p.userId === caller.userId) ??
    aggregate.participants.find((p) => !p.userId && sameEmail(p.email, caller.email))
  );
}

/** The strongest role the caller has in the network, or undefined for everyone else. */
export function roleOf(aggregate: Pick<NetworkAggregate, 'network' | 'participants'>, caller: Caller): NetworkRole | undefined {
  const { network } = aggregate;
  if (isPerson(caller, network.leader)) return 'leader';
  if (isPerson(caller, network.coDriver)) return 'coDriver';
  if (participantOf(aggregate, caller)) return 'participant';
  if (isPerson(caller, network.referenceLeader)) return 'referenceLeader';
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

/** The network as this caller may see it: private reflections of others are removed. */
export function viewFor(aggregate: NetworkAggregate, caller: Caller): NetworkAggregate {
  const role = roleOf(aggregate, caller);
  const own = participantOf(aggregate, caller)?.id;
  return { ...aggregate, reflections: aggregate.reflections.filter((r) => canSeeReflection(r, role, own)) };
}

/** Index keys under which "my networks" finds a participant: Teams id and e-mail. */
export function memberKeys(person: { userId?: string; email?: string }): string[] {
  const keys: string[] = [];
  if (person.userId) keys.push(`u:${encodeURIComponent(person.userId)}`);
  if (person.email) keys.push(`e:${encodeURIComponent(person.email.trim().toLowerCase())}`);
  return keys;
}
