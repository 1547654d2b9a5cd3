import type { Assignment, Idea, Meeting, NetworkAggregate, Participant, PersonRef } from '../domain/model';
import { canEditPlan, ideaOwnerFor, isPerson } from '../domain/access';
import { defaultReflectionQuestions } from '../domain/labels';
import * as schemas from '../domain/schemas';
import type { RowChange } from '../storage/networkStore';
import { collectionHandlers, type CollectionSpec } from './collections';
import { memberKeys } from '../domain/access';
import type { NetworkContext } from './context';
import { ApiError, forbidden } from './errors';
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
  build: (ctx, input, id) => {
    const meeting = { id, calendarEventIds: {}, ...(input as Omit<Meeting, 'id' | 'calendarEventIds'>) };
    const questions = meeting.reflectionQuestions.length ? meeting.reflectionQuestions : defaultReflectionQuestions(ctx.aggregate.network.locale ?? ctx.locale);
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

const isOwnIdea = (ctx: NetworkContext, idea: Idea) => idea.raisedBy.userId === ctx.identity.userId;

/** The owner as stored: the caller or (leaders) a participant, named as the network records them; null releases. */
function chosenOwner(ctx: NetworkContext, wanted: PersonRef | null, idea?: Idea): PersonRef | null {
  if (wanted === null) {
    if (canEditPlan(ctx.role) || !idea?.owner || isPerson(ctx.identity, idea.owner)) return null;
    throw forbidden('api.ideaOwnerOnlyYourself');
  }
  const owner = ideaOwnerFor(ctx.aggregate, ctx.identity, ctx.role, wanted);
  if (owner === 'notYou') throw forbidden('api.ideaOwnerOnlyYourself');
  if (owner === 'notParticipant') throw new ApiError(422, 'ownerNotParticipant', 'api.ideaOwnerNotParticipant');
  return owner;
}

/** Anyone in the network adds ideas and takes ownership (chosenOwner); only leaders set status or others' text. */
function mayChangeIdea(ctx: NetworkContext, idea: Idea, patch?: Record<string, unknown>): boolean {
  if (canEditPlan(ctx.role)) return true;
  // Creating or deleting: only one's own parked idea, owned by nobody else.
  if (!patch) return isOwnIdea(ctx, idea) && idea.status === 'parked' && (!idea.owner || isPerson(ctx.identity, idea.owner));
  const touchesOnlyOwnText = ['text', 'meetingId'].every((field) => patch[field] === undefined) || isOwnIdea(ctx, idea);
  return patch.status === undefined && touchesOnlyOwnText;
}

export const ideas = collectionHandlers({
  kind: 'idea',
  list: 'ideas',
  param: 'ideaId',
  createSchema: schemas.ideaCreateSchema,
  patchSchema: schemas.ideaPatchSchema,
  access: { create: 'contribute', change: 'contribute' },
  prepare: (ctx, input, before) => (input.owner === undefined ? input : { ...input, owner: chosenOwner(ctx, input.owner as PersonRef | null, before) }),
  build: (ctx, input, id) => ({
    id,
    ...(input as Pick<Idea, 'text' | 'status' | 'meetingId' | 'owner'>),
    raisedBy: { name: ctx.identity.name, userId: ctx.identity.userId, email: ctx.identity.email },
    createdAt: ctx.services.now().toISOString(),
  }),
  mayChange: mayChangeIdea,
} satisfies CollectionSpec<'ideas'>);

export const analysisCategories = collectionHandlers({
  kind: 'analysisCategory',
  list: 'analysisCategories',
  param: 'categoryId',
  createSchema: schemas.analysisCategoryCreateSchema,
  patchSchema: schemas.analysisCategoryPatchSchema,
  access: { create: 'edit', change: 'edit' },
  build: (ctx, input, id) => ({ id, order: ctx.aggregate.analysisCategories.length, ...(input as { title: string }) }),
  withoutItem: (aggregate, c) => ({ ...aggregate, analysisNotes: aggregate.analysisNotes.filter((n) => n.categoryId !== c.id) }),
  alongside: (ctx, before, after) =>
    after ? [] : ctx.aggregate.analysisNotes.filter((n) => n.categoryId === before!.id).map((n): RowChange => ({ op: 'delete', kind: 'analysisNote', ids: [n.id] })),
} satisfies CollectionSpec<'analysisCategories'>);

export const analysisNotes = collectionHandlers({
  kind: 'analysisNote',
  list: 'analysisNotes',
  param: 'noteId',
  createSchema: schemas.analysisNoteCreateSchema,
  patchSchema: schemas.analysisNotePatchSchema,
  access: { create: 'contribute', change: 'contribute' },
  build: (ctx, input, id) => ({
    id,
    ...(input as { categoryId: string; text: string; priority: 'open' }),
    author: { name: ctx.identity.name, userId: ctx.identity.userId },
  }),
  mayChange: (ctx, note) => canEditPlan(ctx.role) || note.author.userId === ctx.identity.userId,
} satisfies CollectionSpec<'analysisNotes'>);

export type { NetworkAggregate };
