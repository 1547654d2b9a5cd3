import { z } from 'zod';
import type { Idea, Meeting } from '../domain/model';
import * as schemas from '../domain/schemas';
import { viewFor } from '../domain/access';
import { askedToReflect, meetingParticipants } from '../domain/series';
import type { Job } from '../scheduler/job';
import { commit, inNetwork, parseBody, requestedMeeting, requireIfMatch, stamp } from '../api/context';
import { conflict, notFound } from '../api/errors';
import { operationContext, perform } from '../api/perform';
import { jobsOf, sendView } from '../sending/api';
import { myReflection, saveMyReflection } from './operations';

// Reflections in the tab: the meeting's as the caller may see them, and the caller's own; for the leader,
// who was asked and who answered, closing a meeting's reflections, and an idea in an answer to the lot.

/** GET …/meetings/:meetingId/reflections — never another participant's private one. */
export const listReflections = inNetwork('read', async (ctx) => {
  const meeting = requestedMeeting(ctx);
  const visible = viewFor(ctx.aggregate, ctx.identity).reflections.filter((r) => r.meetingId === meeting.id);
  return { body: { reflections: visible } };
});

/** PUT …/meetings/:meetingId/reflections/mine — the first save creates, later ones need If-Match. */
export const putMyReflection = inNetwork('contribute', async (ctx) => {
  const operation = operationContext(ctx);
  const meetingId = ctx.params.meetingId!;
  const created = !myReflection(operation, meetingId);
  const { value, etag } = await perform(ctx, saveMyReflection(operation, { meetingId, input: ctx.body, etag: ctx.ifMatch, versionRequired: true }));
  return { status: created ? 201 : 200, body: value, etag };
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
  const reflectionOf = (participantId: string) => ctx.aggregate.reflections.find((r) => r.meetingId === meeting.id && r.participantId === participantId);
  // Someone who joined after the meeting is not waiting for questions (none will come), unless they answered anyway.
  const asked = new Set(askedToReflect(ctx.aggregate, meeting).map((p) => p.id));
  const listed = meetingParticipants(ctx.aggregate, meeting.id).filter((p) => asked.has(p.id) || reflectionOf(p.id));
  const participants = listed.map((p) => {
    const reflection = reflectionOf(p.id);
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
