import type { Network, NetworkAggregate, Participant, ParticipantRole } from '../domain/model';
import { NETWORK_ROLE_KEYS, type NetworkRoleKey, type PersonChoice } from '../domain/access';
import { withRoles, type KnownPerson } from '../domain/network';
import { personChoiceSchema } from '../domain/schemas';
import { refused, roleIn, settled, stamped, validated, type OperationContext, type Outcome } from '../changes/operation';
import type { RowChange } from '../storage/networkStore';

// The method's roles (the handbook's co-driver, and the reference leader from Chefforum): only the network's leader
// chooses them — from the participants, the team's members, or by name and e-mail — or frees them. One operation,
// whether the tab's Roller block asks (PUT/DELETE …/roles/:role) or a network PATCH names a role.

export interface RoleContext extends OperationContext {
  /** The people the server knows beyond the participants: the network's team as Teams reported it. */
  known: readonly KnownPerson[];
}

export interface RolesChanged {
  network: Network;
  /** Participants whose role changed with it: shown to the leader, so nothing changes unseen. */
  participants: { id: string; name: string; role: ParticipantRole; was: ParticipantRole }[];
}

export const isRoleKey = (value: string | undefined): value is NetworkRoleKey => NETWORK_ROLE_KEYS.includes(value as NetworkRoleKey);

/** The rows a change of roles writes: the network row, and the participants whose role moved. */
export function roleRows(before: NetworkAggregate, next: NetworkAggregate): { rows: RowChange[]; changed: RolesChanged['participants'] } {
  const previous = new Map(before.participants.map((p) => [p.id, p]));
  const moved = next.participants.filter((p) => previous.get(p.id) && previous.get(p.id)!.role !== p.role);
  const rows: RowChange[] = [
    { op: 'update', kind: 'network', value: next.network, etag: before.network.etag },
    ...moved.map((p): RowChange => ({ op: 'update', kind: 'participant', ids: [p.id], value: p, etag: previous.get(p.id)!.etag })),
  ];
  return { rows, changed: moved.map((p) => ({ id: p.id, name: p.name, role: p.role, was: previous.get(p.id)!.role })) };
}

/** The network's roles set as chosen (null frees a role), by its leader only; the rest of `next` is kept. */
export function applyRoles(
  ctx: RoleContext,
  choices: Partial<Record<NetworkRoleKey, PersonChoice | null>>,
  base: NetworkAggregate = ctx.aggregate,
): Outcome<RolesChanged> {
  if (roleIn(ctx) !== 'leader') return refused('onlyLeaders');
  const applied = withRoles(base, ctx.known, choices);
  if (!applied.ok) return refused('rules', applied.issues);
  const stampedNetwork = stamped(ctx, applied.next.network);
  const next = { ...applied.next, network: stampedNetwork };
  const stampedParticipants = next.participants.map((p) => {
    const was = ctx.aggregate.participants.find((q) => q.id === p.id);
    return was && was.role !== p.role ? (stamped(ctx, p) as Participant) : p;
  });
  const final = { ...next, participants: stampedParticipants };
  const { rows, changed } = roleRows(ctx.aggregate, final);
  return settled(ctx, { network: stampedNetwork, participants: changed }, final, rows);
}

/** PUT …/roles/:role (a choice) or DELETE (null): `etag` is the network's version the leader saw. */
export function setNetworkRole(ctx: RoleContext, role: NetworkRoleKey, input: unknown | null, etag?: string): Outcome<RolesChanged> {
  if (roleIn(ctx) !== 'leader') return refused('onlyLeaders');
  if (etag !== undefined && etag !== ctx.aggregate.network.etag) return refused('stale');
  if (input === null) return applyRoles(ctx, { [role]: null });
  const parsed = validated(personChoiceSchema, input);
  if (!parsed.ok) return parsed;
  return applyRoles(ctx, { [role]: parsed.value });
}
