import type { Assignment } from '../domain/model';
import * as schemas from '../domain/schemas';
import type { RowChange } from '../storage/networkStore';
import { commit, inNetwork, parseBody, requestedMeeting, requireIfMatch, stamp } from '../api/context';
import { saveSingleton } from '../api/collections';
import { conflict, notFound } from '../api/errors';

// The planning tool: who contributes what, and how, at each meeting (one assignment a participant and meeting).

const assignmentIds = (a: Assignment) => [a.meetingId, a.participantId];

/** The rows that go when a participant or a meeting goes: their assignments. */
export const deleteAssignments = (list: Assignment[]): RowChange[] =>
  list.map((a) => ({ op: 'delete', kind: 'assignment', ids: assignmentIds(a) }));

/** PUT …/meetings/:meetingId/assignments/:participantId — a row of the planning tool. */
export const saveAssignment = inNetwork('edit', async (ctx) => {
  const meeting = requestedMeeting(ctx);
  const participantId = ctx.params.participantId!;
  const input = parseBody(schemas.assignmentUpsertSchema, { ...(ctx.body as object), meetingId: meeting.id, participantId });
  const value: Assignment = stamp(ctx, input);
  const existing = ctx.aggregate.assignments.find((a) => a.meetingId === meeting.id && a.participantId === participantId);
  const next = { ...ctx.aggregate, assignments: [...ctx.aggregate.assignments.filter((a) => a !== existing), value] };
  return saveSingleton(ctx, { kind: 'assignment', ids: [meeting.id, participantId], existing, value, next });
});

export const removeAssignment = inNetwork('edit', async (ctx) => {
  const existing = ctx.aggregate.assignments.find((a) => a.meetingId === ctx.params.meetingId && a.participantId === ctx.params.participantId);
  if (!existing) throw notFound();
  const etag = requireIfMatch(ctx);
  if (existing.etag !== etag) throw conflict();
  const next = { ...ctx.aggregate, assignments: ctx.aggregate.assignments.filter((a) => a !== existing) };
  await commit(ctx, next, [{ op: 'delete', kind: 'assignment', ids: [existing.meetingId, existing.participantId], etag }]);
  return { status: 204 };
});
