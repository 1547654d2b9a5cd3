import type { NetworkAggregate } from '../domain/model';
import type { Job } from '../scheduler/job';
import { guarded, inNetwork, type NetworkContext } from '../api/context';
import { reachFactsOf, reachOf } from './reach';
import type { SendRecord } from './view';

// What the bot has sent and will send, as the leader sees it in the tab: per recipient, and how it went; and
// before anything is sent, whom it will reach (GET …/reach). Posting now is with what is posted (agenda/api.ts,
// ideas/api.ts, both through sendNow.ts); who answered is in reflections/api.ts.

/** The network's scheduled and done sends (the scheduler's jobs). */
export const jobsOf = (ctx: NetworkContext) => guarded(() => ctx.services.jobs.listForNetwork(ctx.aggregate.network.id));

export type SendView = SendRecord;

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
  sentAt: job.sentAt,
  onDemand: job.onDemand || undefined,
});

/** GET …/sends[?meetingId=] — every scheduled send and how it went, per recipient. */
export const listSends = inNetwork('edit', async (ctx) => {
  const jobs = (await jobsOf(ctx)).filter((j) => !ctx.query.meetingId || j.meetingId === ctx.query.meetingId);
  return { body: { sends: jobs.sort((a, b) => a.dueAt.localeCompare(b.dueAt)).map(sendView(ctx.aggregate)) } };
});

/** The reach facts of the network in the request (jobs when the caller has them). */
export const reachFactsFor = (ctx: NetworkContext, jobs?: readonly Job[]) => guarded(() => reachFactsOf(ctx.services, ctx.aggregate, jobs));

/** GET …/reach — who will receive what (the channel, each participant's chat), who cannot and why; per meeting. */
export const networkReach = inNetwork('edit', async (ctx) => ({
  body: reachOf(ctx.aggregate, await reachFactsFor(ctx), ctx.services.now()),
}));
