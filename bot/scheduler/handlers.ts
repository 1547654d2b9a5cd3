import { createHash } from 'node:crypto';
import { t } from '../i18n';
import type { NetworkAggregate } from '../domain/model';
import { meetingEndsAt, meetingStartsAt, wasPartOf } from '../domain/series';
import type { AdaptiveCard } from '../cards/shared';
import { agendaCardFor } from '../agenda/card';
import { ideaLotCardFor } from '../ideas/card';
import { reflectionCardFor } from '../reflections/card';
import type { NetworkStore } from '../storage/networkStore';
import type { Messenger } from '../teams/proactive';
import type { ConversationRef } from '../teams/adapter';
import { jobId, type Job, type JobKind, type JobOutcome } from './job';
import type { JobStore } from './jobStore';
import type { Reach } from './reach';
import { promptSentAt, reflectionRound, reminderAfter } from './plan';
import { meetingOf, networkLocale } from '../domain/network';
import { coDriverOf } from '../domain/access';
import type { DeepLinkConfig } from '../domain/deepLink';

// What each kind of job does when it is due. A handler either returns how it ended or throws the
// channel's SendError, which the worker turns into a retry or a recorded failure.

export interface JobResult {
  outcome: JobOutcome;
  detail?: string;
  activityId?: string;
  reference?: ConversationRef;
  cardHash?: string;
  /** When Teams accepted the message. */
  sentAt?: string;
}

export interface JobContext {
  store: NetworkStore;
  jobs: JobStore;
  reach: Reach;
  messenger: Messenger;
  now: () => Date;
  /** What the cards' links back to the tab are made with; none: no links. */
  links?: DeepLinkConfig;
}

type Handler = (job: Job, aggregate: NetworkAggregate, ctx: JobContext) => Promise<JobResult>;

export const cardHash = (card: AdaptiveCard) => createHash('sha256').update(JSON.stringify({ ...card, refresh: undefined })).digest('base64url').slice(0, 22);

const skipped = (detail: string): JobResult => ({ outcome: 'skipped', detail });

const postAgenda: Handler = async (job, aggregate, ctx) => {
  const meeting = meetingOf(aggregate, job.meetingId);
  if (!meeting) return skipped('meeting deleted');
  if (!aggregate.agendas.some((a) => a.meetingId === meeting.id && a.items.length)) return skipped('agenda empty');
  if (meetingStartsAt(meeting) <= ctx.now()) return skipped('meeting already started');
  const reference = await ctx.reach.channelOf(aggregate.network);
  if (!reference) return { outcome: 'unreachable', detail: 'the bot is not in the network’s team' };
  const card = agendaCardFor(aggregate, meeting, networkLocale(aggregate.network), ctx.links);
  const activityId = await ctx.messenger.send(reference, { card });
  return { outcome: 'sent', activityId, reference, cardHash: cardHash(card) };
};

/** Updates a posted card in place and records its new fingerprint on the post job. */
async function updatePosted(postJobId: string, job: Job, card: AdaptiveCard, ctx: JobContext): Promise<JobResult> {
  const posted = await ctx.jobs.get(job.networkId, postJobId);
  if (!posted?.activityId || !posted.reference) return skipped('nothing posted yet');
  await ctx.messenger.update(posted.reference, posted.activityId, { card });
  const hash = cardHash(card);
  await ctx.jobs.change(posted, { cardHash: hash }, ctx.now());
  return { outcome: 'updated', activityId: posted.activityId, cardHash: hash };
}

const updateAgenda: Handler = async (job, aggregate, ctx) => {
  const meeting = meetingOf(aggregate, job.meetingId);
  if (!meeting) return skipped('meeting deleted');
  if (meetingEndsAt(meeting) <= ctx.now()) return skipped('meeting is over');
  return updatePosted(jobId('agenda.post', meeting.id), job, agendaCardFor(aggregate, meeting, networkLocale(aggregate.network), ctx.links), ctx);
};

const fanOutReflections: Handler = async (job, aggregate, ctx) => {
  const round = reflectionRound(aggregate, job.meetingId!, ctx.now());
  if (round.length === 0) return skipped('no participant with Teams to ask');
  await ctx.jobs.addMany(job.networkId, round, ctx.now());
  return { outcome: 'sent', detail: `${round.filter((j) => j.kind === 'reflection.prompt').length} prompts` };
};

/**
 * A prompt, or its reminder. The reminder goes only after its prompt went out, counted from then (the
 * prompt schedules it once Teams accepted it); nobody is asked about a meeting held before they joined.
 */
function reflectionHandler(reminder: boolean): Handler {
  return async (job, aggregate, ctx) => {
    const meeting = meetingOf(aggregate, job.meetingId);
    const participant = aggregate.participants.find((p) => p.id === job.participantId);
    if (!meeting || !participant) return skipped('meeting or participant deleted');
    if (meeting.closedAt) return skipped('meeting closed');
    if (!wasPartOf(participant, meeting)) return skipped('added to the network after the meeting');
    if (aggregate.reflections.some((r) => r.meetingId === meeting.id && r.participantId === participant.id)) return skipped('already answered');
    if (reminder && !promptSentAt(await ctx.jobs.get(job.networkId, jobId('reflection.prompt', meeting.id, participant.id)))) {
      return skipped('the prompt was not sent');
    }
    const reach = await ctx.reach.personalOf(aggregate.network, participant);
    if (!reach) return { outcome: 'unreachable', detail: 'no Teams chat with this person' };
    // The card is in the network's language, as the leader's questions are, whatever the person's Teams language.
    const locale = networkLocale(aggregate.network);
    const notice = reminder ? { text: t(locale, 'card.reflection.reminder') } : undefined;
    const card = reflectionCardFor(aggregate, meeting, participant, { locale, refreshUserIds: reach.teamsUserId ? [reach.teamsUserId] : [], notice, links: ctx.links });
    const activityId = await ctx.messenger.send(reach.reference, { card });
    const sentAt = ctx.now();
    if (!reminder) {
      const next = reminderAfter(aggregate, { meetingId: meeting.id, participantId: participant.id }, sentAt);
      // Reschedule, not add: a reminder left from before (skipped while its prompt was not out) counts from now.
      if (next) await ctx.jobs.reschedule(job.networkId, next, sentAt);
    }
    return { outcome: 'sent', activityId, reference: reach.reference, sentAt: sentAt.toISOString() };
  };
}

const postIdeaLot: Handler = async (_job, aggregate, ctx) => {
  const reference = await ctx.reach.channelOf(aggregate.network);
  if (!reference) return { outcome: 'unreachable', detail: 'the bot is not in the network’s team' };
  const card = await channelIdeaLot(aggregate, ctx);
  const activityId = await ctx.messenger.send(reference, { card });
  return { outcome: 'sent', activityId, reference, cardHash: cardHash(card) };
};

const updateIdeaLot: Handler = async (job, aggregate, ctx) =>
  updatePosted(jobId('ideas.post'), job, await channelIdeaLot(aggregate, ctx), ctx);

/** The shared view for the channel; leaders get their own (with status controls) by refresh. */
async function channelIdeaLot(aggregate: NetworkAggregate, ctx: JobContext) {
  const { network } = aggregate;
  const leaders = [network.leader.userId, coDriverOf(aggregate)?.userId].filter((id): id is string => !!id);
  return ideaLotCardFor(aggregate, { locale: networkLocale(aggregate.network), refreshUserIds: await ctx.reach.teamsUserIds(network, leaders), links: ctx.links });
}

export const HANDLERS: Record<JobKind, Handler> = {
  'agenda.post': postAgenda,
  'agenda.update': updateAgenda,
  'reflection.fanout': fanOutReflections,
  'reflection.prompt': reflectionHandler(false),
  'reflection.reminder': reflectionHandler(true),
  'ideas.post': postIdeaLot,
  'ideas.update': updateIdeaLot,
};
