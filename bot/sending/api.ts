import type { NetworkAggregate } from '../domain/model';
import type { Job } from '../scheduler/job';
import { guarded, inNetwork, type NetworkContext } from '../api/context';

// What the bot has sent and will send, as the leader sees it in the tab: per recipient, and how it went.
// Posting now is with what is posted (agenda/api.ts, ideas/api.ts); who answered is in reflections/api.ts.

/** The network's scheduled and done sends (the scheduler's jobs). */
export const jobsOf = (ctx: NetworkContext) => guarded(() => ctx.services.jobs.listForNetwork(ctx.aggregate.network.id));

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

export const sendView = (aggregate: NetworkAggregate) => (job: Job): SendView => ({
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
