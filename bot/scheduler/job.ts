import type { ConversationRef } from '../teams/adapter';

// A scheduled send, stored as one row in the jobs table (PartitionKey = network id), so the
// leader's view of how a network's sends went is one partition query.

export const JOB_KINDS = [
  'agenda.post',
  'agenda.update',
  'reflection.fanout',
  'reflection.prompt',
  'reflection.reminder',
  'ideas.post',
  'ideas.update',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export type JobState = 'pending' | 'running' | 'done';
/** How a finished job ended; blocked = the user blocked the bot (403), notFound = the chat is gone (404). */
export type JobOutcome = 'sent' | 'updated' | 'skipped' | 'blocked' | 'notFound' | 'unreachable' | 'failed';

export interface Job {
  networkId: string;
  id: string;
  kind: JobKind;
  meetingId?: string;
  participantId?: string;
  dueAt: string;
  state: JobState;
  attempts: number;
  leaseUntil?: string;
  owner?: string;
  outcome?: JobOutcome;
  /** Why it was skipped or failed, in words for logs and the leader. */
  detail?: string;
  /** Where the message went and its id, so it can be updated in place. */
  activityId?: string;
  reference?: ConversationRef;
  /** Asked for by the leader ("post now"): the plan's own time no longer moves it. */
  onDemand?: boolean;
  /** Fingerprint of the card last posted, to know when the posted one is out of date. */
  cardHash?: string;
  /** When Teams accepted the message (a reflection prompt's reminder counts from here). */
  sentAt?: string;
  updatedAt?: string;
  etag?: string;
}

export function jobId(kind: JobKind, ...ids: string[]): string {
  return [kind, ...ids].join('|');
}

export interface NewJob {
  kind: JobKind;
  meetingId?: string;
  participantId?: string;
  dueAt: Date;
}

export function idOf(job: NewJob): string {
  return jobId(job.kind, ...[job.meetingId, job.participantId].filter((id): id is string => !!id));
}
