import type { Network, Participant, PersonRef } from '../domain/model';
import type { ParticipantCreateInput } from '../domain/schemas';
import { memberKeys, type NetworkRole, type NetworkRoleKey } from '../domain/access';
import { rolesAfterParticipantChange } from '../domain/network';
import type { RowChange } from '../storage/networkStore';

// What adding or changing a participant writes besides the row itself, pure: one place for the one-at-a-time
// handlers (api.ts, through the generic collection) and the batch (batch.ts), so both follow the same rules.

/** A new participant as stored: the input as its schema gave it; when they joined is the server's word. */
export function newParticipant(input: ParticipantCreateInput, id: string, now: Date): Participant {
  return { id, ...input, addedAt: now.toISOString() };
}

/**
 * A participant linked to a Teams user or with an e-mail has member index rows (who may see the network, what
 * "Mine netværk" finds), kept in step with the row: added, changed or removed.
 */
export function memberIndexChanges(before: Participant | undefined, after: Participant | undefined): RowChange[] {
  const old = new Set(before ? memberKeys(before) : []);
  const now = new Set(after ? memberKeys(after) : []);
  return [
    ...[...old].filter((key) => !now.has(key)).map((key): RowChange => ({ op: 'delete', kind: 'member', ids: [key] })),
    ...[...now].filter((key) => !old.has(key)).map((key): RowChange => ({ op: 'upsert', kind: 'member', ids: [key], value: { participantId: after!.id } })),
  ];
}

/** Why a participant's new role cannot be: the role is someone else's, or only the leader hands it out. */
export type RoleRefusal = { reason: 'roleHeld'; role: NetworkRoleKey; holder: PersonRef } | { reason: 'onlyLeader' };

/**
 * The network's roles kept in line with a participant's role (bot/domain/network.ts): the role 'coDriver' or
 * 'referenceLeader' given to a participant makes them the network's when it is free. Who holds a role is the
 * leader's choice alone, and a role someone else holds is refused. `network` is set when it changes.
 */
export function networkAfterParticipantChange(
  network: Network,
  actorRole: NetworkRole | undefined,
  before: Participant | undefined,
  after: Participant | undefined,
): { ok: true; network?: Network } | { ok: false; refusal: RoleRefusal } {
  const { network: next, heldBy } = rolesAfterParticipantChange({ network }, before, after);
  if (heldBy) return { ok: false, refusal: { reason: 'roleHeld', role: heldBy.role, holder: heldBy.holder } };
  if (!next) return { ok: true };
  if (actorRole !== 'leader') return { ok: false, refusal: { reason: 'onlyLeader' } };
  return { ok: true, network: next };
}

/** The network row with its new roles, written against the version the change was made from. */
export function networkRow(network: Network, etag: string | undefined): RowChange {
  return { op: 'update', kind: 'network', value: { ...network, etag: undefined }, etag };
}
