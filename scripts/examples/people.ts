import { findDevIdentity, type DevIdentity } from '../../bot/auth/devIdentities';
import type { Participant, PersonRef } from '../../bot/domain/model';

// The development identities (bot/auth/devIdentities.ts) as the people of the example networks, so the
// example can be opened in the browser as any of them: Lene leads, Omar co-drives, Jens and Helle take
// part, Birgitte is the reference leader, Ulla has no role anywhere.

export type DevKey = 'lene' | 'omar' | 'jens' | 'helle' | 'birgitte' | 'ulla';

export function devIdentity(key: DevKey): DevIdentity {
  const identity = findDevIdentity(key);
  if (!identity) throw new Error(`Unknown development identity: ${key}`);
  return identity;
}

export function devPerson(key: DevKey): PersonRef {
  const { name, userId, email } = devIdentity(key);
  return { name, userId, email };
}

/**
 * The Microsoft 365 Agents Playground's own user (its Entra object id has 13 digits in the last group, as
 * the Playground sends it): a core participant of both examples, so the first chat there answers with cards.
 */
export const PLAYGROUND_USER = { name: 'Alex Wilber', userId: '00000000-0000-0000-0000-0000000000020', email: 'alexw@example.com' } as const;

export function playgroundParticipant(fields: Omit<Participant, 'name' | 'userId' | 'email' | 'id' | 'kind' | 'role'>): Participant {
  return { id: 'p-alex', kind: 'core', role: 'employee', ...PLAYGROUND_USER, ...fields };
}

/** A participant row for a development identity: linked to the Teams user, so "my networks" finds it. */
export function devParticipant(
  key: DevKey,
  fields: Omit<Participant, 'name' | 'userId' | 'email'>,
): Participant {
  const { name, userId, email } = devIdentity(key);
  return { ...fields, name, userId, email };
}

/** The same person as a PersonRef, for ideas (raised by, owner). */
export function personOf(participant: Participant): PersonRef {
  return {
    name: participant.name,
    ...(participant.email ? { email: participant.email } : {}),
    ...(participant.userId ? { userId: participant.userId } : {}),
  };
}
