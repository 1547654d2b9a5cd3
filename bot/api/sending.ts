import { z } from 'zod';
import type { Idea, Meeting, NetworkAggregate } from '../domain/model';
import * as schemas from '../domain/schemas';
import { meetingParticipants, meetingStartsAt } from '../domain/series';
import { agendaCardFor } from '../cards';
import { networkLocale } from '../domain/network';
import type { Job } from '../scheduler/job';
import { commit, guarded, inNetwork, parseBody, requestedMeeting, requireIfMatch, stamp, type NetworkContext } from './context';
import { conflict, forbidden, notFound } from './errors';

// What the leader does with the bot's sends from the tab: post now, see who got what, close a
// meeting's reflections, preview the agenda card, and move an idea from a reflection to the lot.

const locale = (ctx: NetworkContext) => networkLocale(ctx.aggregate.network);
const jobsOf = (ctx: NetworkContext) => guarded(() => ctx.services.jobs.listForNetwork(ctx.aggregate.network.id));

/** POST …/meetings/:meetingId/agenda/post — now instead of N days before; a posted card is updated instead. */
export const postAgendaNow = inNetwork('edit', async (ctx) => {
  const meeting = requestedMeeting(ctx);
  const agenda = ctx.aggregate.agendas.find((a) => a.meetingId === meeting.id);
  if (!agenda?.items.length) throw notFound('api.agendaEmpty');
  if (meetingStartsAt(meeting) <= ctx.services.now()) throw forbidden('api.meetingStarted');
  const now = ctx.services.now();
  const posted = (await jobsOf(ctx)).find((j) => j.kind === 'agenda.post' && j.meetingId === meeting.id);
  const kind = posted?.state === 'done' && posted.activityId ? 'agenda.update' : 'agenda.post';
  await guarded(() => ctx.services.jobs.reschedule(ctx.aggregate.network.id, { kind, meetingId: meeting.id, dueAt: now }, now, { onDemand: true }));
  ctx.services.networkChanged(ctx.aggregate.network.id);
  return { status: 202, body: { scheduled: kind } };
});

/** POST …/ideas/post — puts the idea parking lot in the channel (again: the newest one is kept up to date). */
export const postIdeaLotNow = inNetwork('edit', async (ctx) => {
  const now = ctx.services.now();
  await guarded(() => ctx.services.jobs.reschedule(ctx.aggregate.network.id, { kind: 'ideas.post', dueAt: now }, now));
  ctx.services.networkChanged(ctx.aggregate.network.id);
  return { status: 202, body: { scheduled: 'ideas.post' } };
});

export interface SendView {
  kind: Job['kind'];
  meetingId?: string;
  participantId?: string;
  participantName?: string;
  state: Job['state'];
  outcome?: Job['outcome'];
  detail?: string;
  dueAt: string;
  attempts: number;
  updatedAt?: string;
}

const sendView = (aggregate: NetworkAggregate) => (job: Job): SendView => ({
  kind: job.kind,
  meetingId: job.meetingId,
  participantId: job.participantId,
  participantName: aggregate.participants.find((p) => p.id === job.participantId)?.name,
  state: job.state,
  outcome: job.state === 'done' ? job.outcome : undefined,
  detail: job.detail || undefined,
  dueAt: job.dueAt,
  attempts: job.attempts,
  updatedAt: job.updatedAt,
});

/** GET …/sends[?meetingId=] — every scheduled send and how it went, per recipient. */
export const listSends = inNetwork('edit', async (ctx) => {
  const jobs = (await jobsOf(ctx)).filter((j) => !ctx.query.meetingId || j.meetingId === ctx.query.meetingId);
  return { body: { sends: jobs.sort((a, b) => a.dueAt.localeCompare(b.dueAt)).map(sendView(ctx.aggregate)) } };
});

/**
 * GET …/meetings/:meetingId/reflection-status — who was asked, whether the card reached them, who
 * answered; answers only where the participant shared them.
 */
export const reflectionStatus = inNetwork('edit', async (ctx) => {
  const meeting = requestedMeeting(ctx);
  const jobs = await jobsOf(ctx);
  const delivery = (participantId: string, kind: Job['kind']) => {
    const job = jobs.find((j) => j.kind === kind && j.meetingId === meeting.id && j.participantId === participantId);
    return job && sendView(ctx.aggregate)(job);
  };
  const participants = meetingParticipants(ctx.aggregate, meeting.id).map((p) => {
    const reflection = ctx.aggregate.reflections.find((r) => r.meetingId === meeting.id && r.participantId === p.id);
    return {
      participantId: p.id,
      name: p.name,
      hasTeams: !!p.userId,
      prompt: delivery(p.id, 'reflection.prompt'),
      reminder: delivery(p.id, 'reflection.reminder'),
      answered: !!reflection,
      submittedAt: reflection?.submittedAt,
      shared: !!reflection?.shared,
      answers: reflection?.shared ? reflection.answers : undefined,
    };
  });
  return { body: { meetingId: meeting.id, closedAt: meeting.closedAt, participants } };
});

function closing(closed: boolean) {
  return inNetwork('edit', async (ctx) => {
    const meeting = requestedMeeting(ctx);
    const etag = requireIfMatch(ctx);
    if (meeting.etag !== etag) throw conflict();
    const value: Meeting = stamp(ctx, { ...meeting, closedAt: closed ? ctx.services.now().toISOString() : undefined });
    const next = { ...ctx.aggregate, meetings: ctx.aggregate.meetings.map((m) => (m.id === meeting.id ? value : m)) };
    const [newEtag] = await commit(ctx, next, [{ op: 'update', kind: 'meeting', ids: [meeting.id], value, etag }]);
    return { body: { ...value, etag: newEtag }, etag: newEtag };
  });
}

/** POST …/meetings/:meetingId/close — reflections can no longer be changed; no more prompts go out. */
export const closeMeeting = closing(true);
export const reopenMeeting = closing(false);

/** POST …/meetings/:meetingId/agenda/preview — the card as it would be posted, from an unsaved draft. */
export const previewAgenda = inNetwork('edit', async (ctx) => {
  const meeting = requestedMeeting(ctx);
  const draft = parseBody(schemas.agendaSaveSchema, ctx.body);
  const items = draft.items.map((item, index) => ({ ...item, id: item.id ?? `draft${index}` }));
  const agendas = [...ctx.aggregate.agendas.filter((a) => a.meetingId !== meeting.id), { meetingId: meeting.id, items, daysBeforeToPost: draft.daysBeforeToPost }];
  return { body: { card: agendaCardFor({ ...ctx.aggregate, agendas }, meeting, locale(ctx)) } };
});

const ideaFromReflectionSchema = z.strictObject({ text: schemas.requiredText(schemas.MAX.medium) });

/** POST …/meetings/:meetingId/reflections/:participantId/idea — an idea in an answer goes to the lot, credited to its author. */
export const ideaFromReflection = inNetwork('edit', async (ctx) => {
  const meeting = requestedMeeting(ctx);
  const reflection = ctx.aggregate.reflections.find((r) => r.meetingId === meeting.id && r.participantId === ctx.params.participantId);
  const author = ctx.aggregate.participants.find((p) => p.id === ctx.params.participantId);
  if (!reflection || !author) throw notFound();
  const { text } = parseBody(ideaFromReflectionSchema, ctx.body);
  const idea: Idea = stamp(ctx, {
    id: ctx.services.newId(),
    text,
    meetingId: meeting.id,
    raisedBy: { name: author.name, userId: author.userId, email: author.email },
    status: 'parked' as const,
    createdAt: ctx.services.now().toISOString(),
  });
  const [etag] = await commit(ctx, { ...ctx.aggregate, ideas: [...ctx.aggregate.ideas, idea] }, [{ op: 'create', kind: 'idea', ids: [idea.id], value: idea }]);
  return { status: 201, body: { ...idea, etag }, etag };
});
