import type { NetworkAggregate, Participant } from '../domain/model';
import * as schemas from '../domain/schemas';
import { memberKeys } from '../domain/access';
import { countedLabel, listedLabel, orderMeetings } from '../domain/labels';
import { dependentsOf } from '../domain/rules';
import { t, type Locale } from '../i18n';
import type { RowChange } from '../storage/networkStore';
import { collectionHandlers, type CollectionSpec } from '../api/collections';
import { ApiError, forbidden, inUse } from '../api/errors';
import { deleteAssignments } from '../planner/api';
import { invitationRowsOfRemoved } from '../invitations/operations';
import { rolesAfterParticipantChange } from '../domain/network';
import { roleLabel } from '../domain/labels';
import type { NetworkContext } from '../api/context';

// The network's participants in the tab: POST …/participants, PATCH and DELETE …/participants/:participantId.
// A participant linked to a Teams user has member index rows (who may see the network), kept in step here.

function memberIndexChanges(before: Participant | undefined, after: Participant | undefined): RowChange[] {
  const old = new Set(before ? memberKeys(before) : []);
  const now = new Set(after ? memberKeys(after) : []);
  return [
    ...[...old].filter((key) => !now.has(key)).map((key): RowChange => ({ op: 'delete', kind: 'member', ids: [key] })),
    ...[...now].filter((key) => !old.has(key)).map((key): RowChange => ({ op: 'upsert', kind: 'member', ids: [key], value: { participantId: after!.id } })),
  ];
}

/**
 * The network's roles kept in line with a participant's role (bot/domain/network.ts): the role 'coDriver' or
 * 'referenceLeader' given to a participant makes them the network's when it is free. Who holds a role is the
 * leader's choice alone, and a role someone else holds is refused in words, with where to change it.
 */
function networkRoleChanges(ctx: NetworkContext, before: Participant | undefined, after: Participant | undefined): RowChange[] {
  const { network, heldBy } = rolesAfterParticipantChange(ctx.aggregate, before, after);
  if (heldBy) {
    const params = { role: roleLabel(heldBy.role, ctx.locale).toLocaleLowerCase(ctx.locale), holder: heldBy.holder.name, name: after?.name ?? '' };
    throw new ApiError(422, 'roleHeld', 'api.roleHeldByOther', [{ path: 'role', key: 'api.roleHeldByOther', params }], params);
  }
  if (!network) return [];
  if (ctx.role !== 'leader') throw forbidden('api.rolesOnlyLeader');
  return [{ op: 'update', kind: 'network', value: { ...network, etag: undefined }, etag: ctx.aggregate.network.etag }];
}

/**
 * A participant who wrote reflections stays: the reflections are the network's material. Refused in words
 * (who, how much, what the leader can do instead), never with ids: the leader reads this.
 */
export function participantInUse(aggregate: NetworkAggregate, participant: Participant, locale: Locale): ApiError | undefined {
  const { reflections, meetingIds } = dependentsOf(aggregate, { participantId: participant.id });
  if (!reflections) return undefined;
  const order = orderMeetings(aggregate.meetings).map((m) => m.id);
  const numbers = meetingIds.map((id) => order.indexOf(id) + 1).filter((n) => n > 0).sort((a, b) => a - b).map(String);
  const meetings = t(locale, 'count.meetings', { count: numbers.length, numbers: listedLabel(locale, numbers) });
  return inUse('api.participantHasReflections', { name: participant.name, reflections: countedLabel(locale, 'reflection', reflections), meetings });
}

export const participants = collectionHandlers({
  kind: 'participant',
  list: 'participants',
  param: 'participantId',
  createSchema: schemas.participantCreateSchema,
  patchSchema: schemas.participantPatchSchema,
  access: { create: 'edit', change: 'edit' },
  // When they joined is the server's word (no schema accepts it): who is asked about a meeting depends on it.
  build: (ctx, input, id) => ({ id, ...(input as Omit<Participant, 'id'>), addedAt: ctx.services.now().toISOString() }),
  inUse: (ctx, participant) => participantInUse(ctx.aggregate, participant, ctx.locale),
  withoutItem: (aggregate, p) => ({ ...aggregate, assignments: aggregate.assignments.filter((a) => a.participantId !== p.id) }),
  alongside: (ctx, before, after) => [
    ...networkRoleChanges(ctx, before, after),
    ...memberIndexChanges(before, after),
    ...(after ? [] : deleteAssignments(ctx.aggregate.assignments.filter((a) => a.participantId === before!.id))),
    ...(after ? [] : invitationRowsOfRemoved(ctx.aggregate, before!.id)),
  ],
} satisfies CollectionSpec<'participants'>);
