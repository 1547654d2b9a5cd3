import type { NetworkAggregate, Participant } from '../domain/model';
import * as schemas from '../domain/schemas';
import { memberKeys } from '../domain/access';
import { countedLabel, listedLabel, orderMeetings } from '../domain/labels';
import { dependentsOf } from '../domain/rules';
import { t, type Locale } from '../i18n';
import type { RowChange } from '../storage/networkStore';
import { collectionHandlers, type CollectionSpec } from '../api/collections';
import { inUse, type ApiError } from '../api/errors';
import { deleteAssignments } from '../planner/api';

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
    ...memberIndexChanges(before, after),
    ...(after ? [] : deleteAssignments(ctx.aggregate.assignments.filter((a) => a.participantId === before!.id))),
  ],
} satisfies CollectionSpec<'participants'>);
