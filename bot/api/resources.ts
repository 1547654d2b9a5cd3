import type { Assignment, Meeting, NetworkAggregate, Participant } from '../domain/model';
import { defaultReflectionQuestions } from '../domain/labels';
import { networkLocale } from '../domain/network';
import * as schemas from '../domain/schemas';
import type { RowChange } from '../storage/networkStore';
import { collectionHandlers, type CollectionSpec } from './collections';
import { memberKeys } from '../domain/access';
import { meetingInUse, participantInUse } from './dependents';

// The lists inside a network. Each spec says who may change what; collections.ts does the HTTP.

const assignmentIds = (a: Assignment) => [a.meetingId, a.participantId];
const deleteAssignments = (list: Assignment[]): RowChange[] =>
  list.map((a) => ({ op: 'delete', kind: 'assignment', ids: assignmentIds(a) }));

function memberIndexChanges(before: Participant | undefined, after: Participant | undefined): RowChange[] {
  const old = new Set(before ? memberKeys(before) : []);
  const now = new Set(after ? memberKeys(after) : []);
  return [
    ...[...old].filter((key) => !now.has(key)).map((key): RowChange => ({ op: 'delete', kind: 'member', ids: [key] })),
    ...[...now].filter((key) => !old.has(key)).map((key): RowChange => ({ op: 'upsert', kind: 'member', ids: [key], value: { participantId: after!.id } })),
  ];
}

export const subthemes = collectionHandlers({
  kind: 'subtheme',
  list: 'subthemes',
  param: 'subthemeId',
  createSchema: schemas.subthemeCreateSchema,
  patchSchema: schemas.subthemePatchSchema,
  access: { create: 'edit', change: 'edit' },
  build: (ctx, input, id) => ({ id, order: ctx.aggregate.subthemes.length, description: '', ...(input as { title: string }) }),
  // Meetings keep their place; they just lose the link to a removed subtheme.
  withoutItem: (aggregate, subtheme) => ({
    ...aggregate,
    meetings: aggregate.meetings.map((m) => (m.subthemeId === subtheme.id ? { ...m, subthemeId: undefined } : m)),
  }),
  alongside: (ctx, before, after) =>
    after
      ? []
      : ctx.aggregate.meetings
          .filter((m) => m.subthemeId === before!.id)
          .map((m): RowChange => ({ op: 'update', kind: 'meeting', ids: [m.id], value: { ...m, subthemeId: undefined }, etag: m.etag })),
} satisfies CollectionSpec<'subthemes'>);

export const participants = collectionHandlers({
  kind: 'participant',
  list: 'participants',
  param: 'participantId',
  createSchema: schemas.participantCreateSchema,
  patchSchema: schemas.participantPatchSchema,
  access: { create: 'edit', change: 'edit' },
  build: (_ctx, input, id) => ({ id, ...(input as Omit<Participant, 'id'>) }),
  inUse: (ctx, participant) => participantInUse(ctx.aggregate, participant, ctx.locale),
  withoutItem: (aggregate, p) => ({ ...aggregate, assignments: aggregate.assignments.filter((a) => a.participantId !== p.id) }),
  alongside: (ctx, before, after) => [
    ...memberIndexChanges(before, after),
    ...(after ? [] : deleteAssignments(ctx.aggregate.assignments.filter((a) => a.participantId === before!.id))),
  ],
} satisfies CollectionSpec<'participants'>);

export const meetings = collectionHandlers({
  kind: 'meeting',
  list: 'meetings',
  param: 'meetingId',
  createSchema: schemas.meetingCreateSchema,
  patchSchema: schemas.meetingPatchSchema,
  access: { create: 'edit', change: 'edit' },
  // The default questions are what the posted reflection card asks: in the network's language.
  build: (ctx, input, id) => {
    const meeting = { id, calendarEventIds: {}, ...(input as Omit<Meeting, 'id' | 'calendarEventIds'>) };
    const questions = meeting.reflectionQuestions.length ? meeting.reflectionQuestions : defaultReflectionQuestions(networkLocale(ctx.aggregate.network));
    return { ...meeting, reflectionQuestions: questions };
  },
  inUse: (ctx, meeting) => meetingInUse(ctx.aggregate, meeting, ctx.locale),
  withoutItem: (aggregate, m) => ({
    ...aggregate,
    assignments: aggregate.assignments.filter((a) => a.meetingId !== m.id),
    agendas: aggregate.agendas.filter((a) => a.meetingId !== m.id),
  }),
  alongside: (ctx, before, after) =>
    after
      ? []
      : [
          ...deleteAssignments(ctx.aggregate.assignments.filter((a) => a.meetingId === before!.id)),
          ...ctx.aggregate.agendas.filter((a) => a.meetingId === before!.id).map((a): RowChange => ({ op: 'delete', kind: 'agenda', ids: [a.meetingId] })),
        ],
} satisfies CollectionSpec<'meetings'>);

export type { NetworkAggregate };
