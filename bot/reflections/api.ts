import type { Meeting } from '../domain/model';
import { viewFor } from '../domain/access';
import { askedToReflect, meetingParticipants } from '../domain/series';
import type { Job } from '../scheduler/job';
import { commit, guarded, inNetwork, requestedMeeting, requireIfMatch, stamp } from '../api/context';
import { ApiError, conflict } from '../api/errors';
import { operationContext, perform } from '../api/perform';
import { jobsOf, reachFactsFor, sendView } from '../sending/api';
import { reachOf } from '../sending/reach';
import { endMeetingNow, myReflection, saveMyReflection } from './operations';
import { fanoutOf, roundWentOut } from './meetingEnd';
import { ideaFromAnswer } from '../ideas/operations';

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
  // Whom the bot reaches, before any job ran: "Kan ikke nås" with the reason instead of waiting for ever.
  const reach = reachOf(ctx.aggregate, await reachFactsFor(ctx, jobs), ctx.services.now());
  const reachOfParticipant = (participantId: string) => reach.participants.find((p) => p.participantId === participantId)?.status;
  const questions = reach.meetings.find((m) => m.meetingId === meeting.id)?.reflections;
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
      reach: reachOfParticipant(p.id),
      prompt: delivery(p.id, 'reflection.prompt'),
      reminder: delivery(p.id, 'reflection.reminder'),
      answered: !!reflection,
      submittedAt: reflection?.submittedAt,
      shared: !!reflection?.shared,
      answers: reflection?.shared ? reflection.answers : undefined,
    };
  });
  return { body: { meetingId: meeting.id, closedAt: meeting.closedAt, questions: questions && { state: questions.state, at: questions.at }, participants } };
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

/** POST …/meetings/:meetingId/reflections/:participantId/idea — an idea in an answer goes to the lot, credited to its author, with its owner if chosen. */
export const ideaFromReflection = inNetwork('edit', async (ctx) => {
  const meeting = requestedMeeting(ctx);
  const source = { meetingId: meeting.id, participantId: ctx.params.participantId! };
  const { value, etag } = await perform(ctx, ideaFromAnswer(operationContext(ctx), source, ctx.body));
  return { status: 201, body: value, etag };
});

/**
 * POST …/meetings/:meetingId/reflections/send — the leader ends the meeting now ("Send
 * refleksionsspørgsmål nu"): the questions go out at once instead of at the planned end, once. 200 with
 * the meeting (its `endedAt`); 409 when they already went out; 422 when the meeting is closed or not held yet.
 */
export const sendReflectionsNow = inNetwork('edit', async (ctx) => {
  const meeting = requestedMeeting(ctx);
  const fanout = await guarded(() => fanoutOf(ctx.services.jobs, ctx.aggregate.network.id, meeting.id));
  const outcome = endMeetingNow(operationContext(ctx), { meetingId: meeting.id, roundSent: roundWentOut(fanout), by: 'leader' });
  if (!outcome.ok && outcome.reason === 'meetingClosed') throw new ApiError(422, 'meetingClosed', 'api.reflectionsMeetingClosed');
  if (!outcome.ok && outcome.reason === 'rules') throw new ApiError(422, 'meetingNotHeld', outcome.issues[0]?.key ?? 'api.reflectionsNotYet', outcome.issues);
  // Already ended and the questions on their way: the same answer again, nothing written.
  if (outcome.ok && outcome.rows.length === 0) return { body: meeting, etag: meeting.etag };
  const { value, etag } = await perform(ctx, outcome);
  return { body: value, etag };
});
