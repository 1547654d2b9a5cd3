import { t, type MessageKey, type MessageParams } from '../i18n';
import { guarded, type ApiResult, type NetworkContext } from '../api/context';
import { ApiError } from '../api/errors';
import { idOf, type Job, type JobKind } from '../scheduler/job';
import { channelKnown, channelReach } from './reach';
import { reasonKey } from './reasons';
import { channelProblem, whenOf, type Problem } from './view';

// "Send nu" to the channel (the agenda, the idea lot), answered with what happened instead of a promise:
// refused at once when the channel is known to be out of reach; otherwise scheduled on demand as any send,
// then the answer waits a bounded time for the job to end — sent, updated, or not sent with the reason and
// what to do. A send still under way (Teams asked to wait) answers 202; the tab then follows GET …/sends.

export interface SendWait {
  /** How long the answer waits for the send to end (default 8 s). */
  waitMs: number;
  /** How often it looks at the job meanwhile (default 200 ms). */
  pollMs: number;
}

export const DEFAULT_SEND_WAIT: SendWait = { waitMs: 8_000, pollMs: 200 };

/** A refusal in words: "Kunne ikke sendes: <reason> <what to do>", with the outcome as its code. */
const notSent = (status: number, code: string, { reason, todo }: Problem) => new ApiError(status, code, 'send.refused', [], { reason, todo });

/** Schedules `job` now (on demand) and answers how it went, within the wait. */
export async function sendToChannelNow(ctx: NetworkContext, job: { kind: JobKind; meetingId?: string }): Promise<ApiResult> {
  const { network } = ctx.aggregate;
  const translate = (key: MessageKey, params?: MessageParams) => t(ctx.locale, key, params);
  const known = await guarded(() => channelKnown(ctx.services.conversations, network));
  const channel = channelReach(network, { channelKnown: known, jobs: [] });
  if (channel.status === 'noChannel' || channel.status === 'botNotInTeam') {
    throw notSent(422, channel.status, channelProblem(translate, channel.status));
  }
  const now = ctx.services.now();
  const next = { ...job, dueAt: now };
  await guarded(() => ctx.services.jobs.reschedule(network.id, next, now, { onDemand: true }));
  ctx.services.networkChanged(network.id);
  const { waitMs = DEFAULT_SEND_WAIT.waitMs, pollMs = DEFAULT_SEND_WAIT.pollMs } = ctx.services.sendWait ?? {};
  const ended = await waitForEnd(ctx, idOf(next), { waitMs, pollMs });
  if (!ended || ended.state !== 'done') {
    const retryAt = ended?.state === 'pending' && ended.attempts > 0 ? ended.dueAt : undefined;
    return { status: 202, body: { state: 'sending', kind: job.kind, ...(retryAt ? { retryAt } : {}) } };
  }
  const at = ended.sentAt ?? ended.updatedAt ?? now.toISOString();
  if (ended.outcome === 'sent' || ended.outcome === 'updated') return { body: { outcome: ended.outcome, kind: job.kind, sentAt: at } };
  if (ended.outcome === 'skipped') {
    const key = ended.detail ? reasonKey(ended.detail) : undefined;
    throw new ApiError(409, 'skipped', 'send.skippedAt', [], { ...whenOf(at), reason: key ? translate(key) : ended.detail || '—' });
  }
  const outcome = ended.outcome ?? 'failed';
  // Teams refused it (blocked, gone, an error): the gateway's answer; out of reach: ours.
  throw notSent(outcome === 'unreachable' ? 422 : 502, outcome, channelProblem(translate, outcome, ended.detail));
}

/** The job once it has ended, or as it is when the wait is over; undefined when it is gone. */
async function waitForEnd(ctx: NetworkContext, id: string, wait: SendWait): Promise<Job | undefined> {
  const deadline = Date.now() + wait.waitMs;
  for (;;) {
    const job = await guarded(() => ctx.services.jobs.get(ctx.aggregate.network.id, id));
    if (!job || job.state === 'done' || Date.now() >= deadline) return job;
    await new Promise((resolve) => setTimeout(resolve, Math.min(wait.pollMs, Math.max(0, deadline - Date.now()))));
  }
}
