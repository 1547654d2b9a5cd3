import type { Agenda } from '../domain/model';
import * as schemas from '../domain/schemas';
import { meetingStartsAt } from '../domain/series';
import { networkLocale } from '../domain/network';
import { inNetwork, parseBody, requestedMeeting, stamp } from '../api/context';
import { saveSingleton } from '../api/collections';
import { forbidden, notFound } from '../api/errors';
import { jobsOf } from '../sending/api';
import { sendToChannelNow } from '../sending/sendNow';
import { agendaCardFor } from './card';

// A meeting's agenda in the tab: save it, preview its card from a draft, post it now (and say how it went).

/** PUT …/meetings/:meetingId/agenda */
export const saveAgenda = inNetwork('edit', async (ctx) => {
  const meeting = requestedMeeting(ctx);
  const input = parseBody(schemas.agendaSaveSchema, ctx.body);
  const value: Agenda = stamp(ctx, {
    meetingId: meeting.id,
    daysBeforeToPost: input.daysBeforeToPost,
    items: input.items.map((item) => ({ ...item, id: item.id ?? ctx.services.newId() })),
  });
  const existing = ctx.aggregate.agendas.find((a) => a.meetingId === meeting.id);
  const next = { ...ctx.aggregate, agendas: [...ctx.aggregate.agendas.filter((a) => a !== existing), value] };
  return saveSingleton(ctx, { kind: 'agenda', ids: [meeting.id], existing, value, next });
});

/** POST …/meetings/:meetingId/agenda/preview — the card as it would be posted, from an unsaved draft. */
export const previewAgenda = inNetwork('edit', async (ctx) => {
  const meeting = requestedMeeting(ctx);
  const draft = parseBody(schemas.agendaSaveSchema, ctx.body);
  const items = draft.items.map((item, index) => ({ ...item, id: item.id ?? `draft${index}` }));
  const agendas = [...ctx.aggregate.agendas.filter((a) => a.meetingId !== meeting.id), { meetingId: meeting.id, items, daysBeforeToPost: draft.daysBeforeToPost }];
  return { body: { card: agendaCardFor({ ...ctx.aggregate, agendas }, meeting, networkLocale(ctx.aggregate.network), ctx.services.links) } };
});

/**
 * POST …/meetings/:meetingId/agenda/post — now instead of N days before; a posted card is updated instead. Answers
 * what happened (sendToChannelNow): sent or updated, not sent with the reason, or 202 while Teams makes it wait.
 */
export const postAgendaNow = inNetwork('edit', async (ctx) => {
  const meeting = requestedMeeting(ctx);
  const agenda = ctx.aggregate.agendas.find((a) => a.meetingId === meeting.id);
  if (!agenda?.items.length) throw notFound('api.agendaEmpty');
  if (meetingStartsAt(meeting) <= ctx.services.now()) throw forbidden('api.meetingStarted');
  const posted = (await jobsOf(ctx)).find((j) => j.kind === 'agenda.post' && j.meetingId === meeting.id);
  const kind = posted?.state === 'done' && posted.activityId ? 'agenda.update' : 'agenda.post';
  return sendToChannelNow(ctx, { kind, meetingId: meeting.id });
});
