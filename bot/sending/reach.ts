import type { Meeting, Network, NetworkAggregate, Participant } from '../domain/model';
import { orderMeetings } from '../domain/labels';
import { agendaDueAt, askedToReflect, DEFAULT_DAYS_BEFORE_AGENDA, isPostable, meetingEndsAt, meetingStartsAt } from '../domain/series';
import type { Job, JobKind, JobOutcome } from '../scheduler/job';
import type { ConversationStore } from '../storage/conversationStore';
import type { JobStore } from '../scheduler/jobStore';
import { toStoreError } from '../storage/errors';
import type { AgendaPlan, ChannelReach, MeetingReach, NetworkReach, PersonReach, SendKind, SendOutcome } from './view';

export type { NetworkReach };

// Who the bot will reach, before anything is sent: the network's channel (agendas, the idea lot) and each
// participant's 1:1 chat (reflection questions), and for whom it cannot and why. It looks where sending looks
// (bot/scheduler/reach.ts: the stored channel or any conversation of the team, a stored 1:1 chat or a team member
// the bot saw join) and at how the last sends ended — but opens no chat. The rules are pure (reachOf over
// ReachFacts); reachFactsOf gathers the facts from the stores.

/** Outcomes of a finished send that mean Teams did not take it. */
export const FAILED_OUTCOMES: readonly JobOutcome[] = ['blocked', 'notFound', 'unreachable', 'failed'];

export const CHANNEL_KINDS: readonly JobKind[] = ['agenda.post', 'agenda.update', 'ideas.post', 'ideas.update'];
const PERSONAL_KINDS: readonly JobKind[] = ['reflection.prompt', 'reflection.reminder'];

// The view's words for kinds and outcomes are the scheduler's: a new one there must be named in view.ts too.
const sameWords: [JobKind, JobOutcome] extends [SendKind, SendOutcome] ? ([SendKind, SendOutcome] extends [JobKind, JobOutcome] ? true : never) : never = true;
void sameWords;

/** What the stores know, gathered once (reachFactsOf). */
export interface ReachFacts {
  /** The bot has a conversation in the network's channel, or in its team (which carries the channel). */
  channelKnown: boolean;
  /** Stored 1:1 chats by the person's Entra object id, with when each was last stored. */
  personalChats: ReadonlyMap<string, string>;
  /** Entra object ids of the team members the bot saw join the network's team. */
  teamMembers: ReadonlySet<string>;
  /** The network's jobs: how its sends ended. */
  jobs: readonly Job[];
}

const finishedAt = (job: Job) => job.updatedAt ?? job.dueAt;
const newest = (jobs: Job[]) => [...jobs].sort((a, b) => finishedAt(b).localeCompare(finishedAt(a)))[0];

/** The channel: linked, reached by the bot, and whether the last send there went through. */
export function channelReach(network: Pick<Network, 'channelId'>, facts: Pick<ReachFacts, 'channelKnown' | 'jobs'>): ChannelReach {
  if (!network.channelId) return { status: 'noChannel' };
  if (!facts.channelKnown) return { status: 'botNotInTeam' };
  // 'unreachable' was about the channel not being known; it is known now.
  const last = newest(facts.jobs.filter((j) => CHANNEL_KINDS.includes(j.kind) && j.state === 'done' && j.outcome && j.outcome !== 'skipped' && j.outcome !== 'unreachable'));
  if (last?.outcome && FAILED_OUTCOMES.includes(last.outcome)) {
    return { status: 'lastSendFailed', lastFailure: { kind: last.kind, outcome: last.outcome, detail: last.detail || undefined, at: last.updatedAt } };
  }
  return { status: 'ok' };
}

/** One participant's 1:1 chat: no Teams user, not reachable, blocked or gone (unless they wrote since), or ok. */
export function personReach(network: Pick<Network, 'teamId'>, participant: Participant, facts: ReachFacts): PersonReach {
  const base = { participantId: participant.id, name: participant.name };
  const { userId } = participant;
  if (!userId) return { ...base, status: 'noTeamsUser' };
  const chatAt = facts.personalChats.get(userId);
  const last = newest(
    facts.jobs.filter((j) => PERSONAL_KINDS.includes(j.kind) && j.participantId === participant.id && j.state === 'done' && ['sent', 'blocked', 'notFound'].includes(j.outcome ?? '')),
  );
  // A chat stored after the refusal means they wrote to the bot again: it reaches them now.
  const refusedSince = last && last.outcome !== 'sent' && !(chatAt && chatAt > finishedAt(last));
  if (refusedSince) return { ...base, status: last.outcome === 'blocked' ? 'blocked' : 'chatGone' };
  if (chatAt) return { ...base, status: 'ok', via: 'chat' };
  if (network.teamId && facts.teamMembers.has(userId)) return { ...base, status: 'ok', via: 'teamMember' };
  return { ...base, status: 'notInTeam' };
}

function agendaPlan(aggregate: NetworkAggregate, meeting: Meeting, channel: ChannelReach, jobs: readonly Job[], now: Date): AgendaPlan {
  const post = jobs.find((j) => j.kind === 'agenda.post' && j.meetingId === meeting.id);
  if (post?.state === 'done' && post.outcome === 'sent') return { state: 'posted', at: post.sentAt ?? post.updatedAt };
  if (meetingStartsAt(meeting) <= now) return { state: 'over' };
  if (channel.status === 'noChannel' || channel.status === 'botNotInTeam') return { state: 'cannot', reason: channel.status };
  if (post?.state === 'done' && post.outcome && FAILED_OUTCOMES.includes(post.outcome)) return { state: 'failed', outcome: post.outcome, at: post.updatedAt };
  const agenda = aggregate.agendas.find((a) => a.meetingId === meeting.id);
  if (!isPostable(agenda)) return { state: 'noAgenda' };
  if (post && post.state !== 'done') return { state: 'scheduled', at: post.dueAt };
  const due = agendaDueAt(meeting, agenda.daysBeforeToPost ?? DEFAULT_DAYS_BEFORE_AGENDA);
  return { state: 'scheduled', at: (due < now ? now : due).toISOString() };
}

/** Who is reached and who is not, for the network and per meeting. Pure. */
export function reachOf(aggregate: NetworkAggregate, facts: ReachFacts, now: Date): NetworkReach {
  const channel = channelReach(aggregate.network, facts);
  const participants = aggregate.participants.map((p) => personReach(aggregate.network, p, facts));
  const ok = new Set(participants.filter((p) => p.status === 'ok').map((p) => p.participantId));
  const meetings = orderMeetings(aggregate.meetings).map((meeting): MeetingReach => {
    const asked = askedToReflect(aggregate, meeting);
    const fanout = facts.jobs.find((j) => j.kind === 'reflection.fanout' && j.meetingId === meeting.id);
    const state = meeting.closedAt ? 'closed' : fanout?.state === 'done' ? 'asked' : 'due';
    return {
      meetingId: meeting.id,
      agenda: agendaPlan(aggregate, meeting, channel, facts.jobs, now),
      reflections: {
        state,
        at: state === 'due' ? (fanout?.dueAt ?? meetingEndsAt(meeting).toISOString()) : undefined,
        reachable: asked.filter((p) => ok.has(p.id)).length,
        total: asked.length,
        unreachable: asked.filter((p) => !ok.has(p.id)).map((p) => p.id),
      },
    };
  });
  return {
    channel,
    participants,
    summary: { channel: channel.status === 'ok', reachable: ok.size, unreachable: participants.length - ok.size, total: participants.length },
    meetings,
  };
}

export interface ReachStores {
  conversations: ConversationStore;
  jobs: JobStore;
}

const stored = <T>(work: Promise<T>): Promise<T> => work.catch((error: unknown) => Promise.reject(toStoreError(error)));

/** Whether the bot can post in the network's channel, as the sender finds it (bot/scheduler/reach.ts channelOf). */
export async function channelKnown(conversations: ConversationStore, network: Pick<Network, 'teamId' | 'channelId'>): Promise<boolean> {
  if (!network.channelId) return false;
  if (await stored(conversations.get(network.channelId))) return true;
  return !!network.teamId && (await stored(conversations.listForTeam(network.teamId))).length > 0;
}

/** The facts reach is computed from; `jobs` when the caller has them already. Reads only: no chat is opened. */
export async function reachFactsOf(stores: ReachStores, aggregate: NetworkAggregate, jobs?: readonly Job[]): Promise<ReachFacts> {
  const { network } = aggregate;
  const userIds = [...new Set(aggregate.participants.map((p) => p.userId).filter((id): id is string => !!id))];
  const [known, members, chats, allJobs] = await Promise.all([
    channelKnown(stores.conversations, network),
    network.teamId ? stored(stores.conversations.listTeamMembers(network.teamId)) : Promise.resolve([]),
    Promise.all(userIds.map(async (id) => [id, (await stored(stores.conversations.findPersonal(id)))?.updatedAt] as const)),
    jobs ?? stored(stores.jobs.listForNetwork(network.id)),
  ]);
  return {
    channelKnown: known,
    personalChats: new Map(chats.filter((entry): entry is readonly [string, string] => !!entry[1])),
    teamMembers: new Set(members.map((m) => m.aadObjectId).filter((id): id is string => !!id)),
    jobs: allJobs,
  };
}
