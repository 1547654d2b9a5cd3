import type { Summary } from '../domain/model';
import * as schemas from '../domain/schemas';
import { meetingMaterial } from '../domain/material';
import { inNetwork, parseBody, requestedMeeting, stamp } from '../api/context';
import { saveSingleton } from '../api/collections';
import { notFound } from '../api/errors';

// A meeting's joint summary in the tab, and the plenary view beside it: what everybody in the network
// sees of the meeting (only shared reflections).

/** PUT …/meetings/:meetingId/summary */
export const saveSummary = inNetwork('edit', async (ctx) => {
  const meeting = requestedMeeting(ctx);
  const value: Summary = stamp(ctx, { meetingId: meeting.id, ...parseBody(schemas.summarySaveSchema, ctx.body) });
  const existing = ctx.aggregate.summaries.find((s) => s.meetingId === meeting.id);
  const next = { ...ctx.aggregate, summaries: [...ctx.aggregate.summaries.filter((s) => s !== existing), value] };
  return saveSingleton(ctx, { kind: 'summary', ids: [meeting.id], existing, value, next });
});

/** GET …/meetings/:meetingId/plenary — beside the joint summary: shared reflections and the meeting's ideas. */
export const plenary = inNetwork('read', async (ctx) => {
  const meeting = ctx.aggregate.meetings.find((m) => m.id === ctx.params.meetingId);
  if (!meeting) throw notFound();
  return { body: meetingMaterial(ctx.aggregate, meeting) };
});
