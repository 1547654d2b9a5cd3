import type { Logger } from '../config/logger';
import type { Network } from '../domain/model';
import { commitChange, type CommitDeps } from '../changes/commit';
import type { Actor, RefusalReason } from '../changes/operation';
import { StoreError } from '../storage/errors';
import type { NetworkStore } from '../storage/networkStore';
import type { ConversationStore } from '../storage/conversationStore';
import { jobId, type Job } from '../scheduler/job';
import type { JobStore } from '../scheduler/jobStore';
import { matchMeetingEnd, networkMightHold, type CandidateNetwork, type TeamsMeetingEnd } from '../meetings/teamsMeeting';
import { endMeetingNow } from './operations';

// Teams says a meeting ended (its meetingEnd event, through the Bot Framework channel whose token the
// adapter checked): find the network meeting it is, and end it now, so the scheduler sends the
// reflection questions at once instead of at the planned end. Nothing is ever sent twice: the round is
// one job per meeting, and once it ran (at the planned end, or an earlier end) this does nothing more.

export interface MeetingEndServices extends CommitDeps {
  store: NetworkStore;
  jobs: JobStore;
  conversations: ConversationStore;
  newId: () => string;
  logger: Logger;
}

/** Who changed the meeting, as the plan's history shows it. */
export const TEAMS_ACTOR: Actor = { userId: 'microsoft-teams', name: 'Microsoft Teams' };

/** The meeting's reflection round has run, or runs right now: its questions went out (or were found to have nobody to go to). */
export const roundWentOut = (fanout: Job | undefined): boolean => !!fanout && fanout.state !== 'pending';

export const fanoutOf = (jobs: JobStore, networkId: string, meetingId: string): Promise<Job | undefined> =>
  jobs.get(networkId, jobId('reflection.fanout', meetingId));

export type MeetingEndResult = 'ended' | 'alreadyEnded' | 'alreadySent' | 'closed' | 'notYet' | 'noMatch' | 'ambiguous';

const REFUSED: Partial<Record<RefusalReason, MeetingEndResult>> = { alreadySent: 'alreadySent', meetingClosed: 'closed', rules: 'notYet' };

/** The tenant a network lives in, as Teams told it with the network's channel or team; undefined when unknown. */
async function tenantOf(conversations: ConversationStore, network: Network): Promise<string | undefined> {
  const channel = network.channelId ? await conversations.get(network.channelId) : undefined;
  if (channel?.tenantId) return channel.tenantId;
  return network.teamId ? (await conversations.listForTeam(network.teamId)).find((c) => c.tenantId)?.tenantId : undefined;
}

export async function endMeetingFromTeams(event: TeamsMeetingEnd, services: MeetingEndServices): Promise<MeetingEndResult> {
  const { store, logger } = services;
  const about = { conversationId: event.conversationId, title: event.title, endedAt: event.endedAt.toISOString() };
  const { networks } = await store.listNetworks();
  const candidates: CandidateNetwork[] = [];
  for (const network of networks.filter((n) => networkMightHold(n, event.endedAt))) {
    const aggregate = await store.load(network.id);
    if (aggregate) candidates.push({ aggregate, tenantId: await tenantOf(services.conversations, network) });
  }
  const match = matchMeetingEnd(event, candidates);
  if (!match.found) {
    logger.info({ ...about, reason: match.reason, candidates: match.candidates }, 'A Teams meeting ended that is no one network meeting; no reflection questions sent');
    return match.reason === 'ambiguous' ? 'ambiguous' : 'noMatch';
  }
  const where = { ...about, networkId: match.networkId, meetingId: match.meeting.id, by: match.by };
  // One retry: someone may have saved the network at the same moment.
  for (let attempt = 0; ; attempt++) {
    const aggregate = attempt === 0 ? candidates.find((c) => c.aggregate.network.id === match.networkId)!.aggregate : await store.load(match.networkId);
    if (!aggregate) return 'noMatch';
    const fanout = await fanoutOf(services.jobs, match.networkId, match.meeting.id);
    const outcome = endMeetingNow(
      { aggregate, actor: TEAMS_ACTOR, now: services.now(), newId: services.newId },
      { meetingId: match.meeting.id, roundSent: roundWentOut(fanout), by: 'teams', at: event.endedAt },
    );
    if (!outcome.ok) {
      logger.info({ ...where, reason: outcome.reason }, 'A Teams meeting ended; no reflection questions sent for it now');
      return REFUSED[outcome.reason] ?? 'noMatch';
    }
    if (outcome.rows.length === 0) {
      logger.info(where, 'A Teams meeting ended that had already ended; its reflection questions are under way');
      return 'alreadyEnded';
    }
    try {
      await commitChange(services, aggregate, outcome.next, outcome.rows, TEAMS_ACTOR.name);
      logger.info(where, 'A Teams meeting ended: its reflection questions go out now');
      return 'ended';
    } catch (error) {
      if (attempt === 0 && error instanceof StoreError && error.kind === 'conflict') continue;
      throw error;
    }
  }
}
