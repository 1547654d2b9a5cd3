import type { Logger } from '../config/logger';
import type { NetworkAggregate } from '../domain/model';
import { meetingEndsAt } from '../domain/series';
import { agendaCardFor } from '../agenda/card';
import { ideaLotCardFor } from '../ideas/card';
import type { NetworkStore } from '../storage/networkStore';
import { SendError } from '../teams/proactive';
import { networkLocale } from '../domain/network';
import { cardHash, HANDLERS, type JobContext, type JobResult } from './handlers';
import { idOf, type Job } from './job';
import type { JobStore } from './jobStore';
import { plannedJobs, reminderDaysOf, remindersOf } from './plan';
import { decideRetry } from './retry';

// The one sender: finds due jobs, claims each with its ETag, runs it, records the outcome. Several
// instances may run this loop at once; a claim makes sure only one of them sends.

export interface SchedulerOptions extends JobContext {
  logger: Logger;
  /** Distinguishes instances in claims (hostname + pid in production). */
  instanceId: string;
  pollMs?: number;
  /** How long a claim holds before another instance may take the job over. */
  leaseMs?: number;
  concurrency?: number;
  /** Full re-sync of every network's jobs, to heal anything a crash left out. */
  resyncMs?: number;
  random?: () => number;
}

export interface Scheduler {
  /** Runs every job that is due now; resolves with how many this instance ran. */
  runDue(): Promise<number>;
  /** Brings a network's jobs in line with its plan (after every change to it). */
  syncNetwork(networkId: string): Promise<void>;
  syncAll(): Promise<void>;
  /** Called after a network changed: sync soon, then send what became due. */
  networkChanged(networkId: string): void;
  start(): void;
  /** Stops polling and waits for sends in flight, so nothing is half-recorded. */
  stop(): Promise<void>;
}

const REMINDERS_OFF = 'reminders are off';

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { jobs, store, logger, now, instanceId } = options;
  const pollMs = options.pollMs ?? 2000;
  const leaseMs = options.leaseMs ?? 15_000;
  const concurrency = options.concurrency ?? 16;
  let timer: NodeJS.Timeout | undefined;
  let resyncTimer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;
  const syncing = new Map<string, Promise<void>>();
  const dirty = new Set<string>();

  async function runJob(candidate: Job, networks: Map<string, Promise<NetworkAggregate | undefined>>): Promise<boolean> {
    const claimed = await jobs.claim(candidate, instanceId, now(), leaseMs);
    if (!claimed) return false; // another instance has it
    const lease = keepLease(claimed);
    try {
      if (!networks.has(claimed.networkId)) networks.set(claimed.networkId, store.load(claimed.networkId));
      const aggregate = await networks.get(claimed.networkId)!;
      const result: JobResult = aggregate ? await HANDLERS[claimed.kind](claimed, aggregate, options) : { outcome: 'skipped', detail: 'network deleted' };
      await jobs.finish(await lease.release(), result.outcome, now(), { ...result, detail: result.detail ?? '' });
      logger.info({ job: claimed.id, networkId: claimed.networkId, outcome: result.outcome }, 'Job done');
    } catch (error) {
      networks.delete(claimed.networkId);
      await recordFailure(await lease.release(), error);
    }
    return true;
  }

  /**
   * The claim lives as long as the send: renewed every third of the lease while the job runs (a send
   * waiting for its slot or retrying a 429 can take longer than a lease), so another instance takes a job
   * over only when its owner is truly gone. `release` stops renewing and gives the job as last stored.
   */
  function keepLease(claimed: Job) {
    let current = claimed;
    let renewing: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      renewing = renewing.then(async () => {
        const renewed = await jobs.change(current, { leaseUntil: new Date(now().getTime() + leaseMs).toISOString() }, now());
        if (renewed) current = renewed;
        else logger.warn({ job: current.id, networkId: current.networkId }, 'Could not renew the claim: another instance took the job over');
      }).catch((error) => logger.warn({ err: error, job: current.id }, 'Could not renew the claim'));
    }, Math.max(1000, leaseMs / 3));
    timer.unref?.();
    return {
      async release(): Promise<Job> {
        clearInterval(timer);
        await renewing;
        return current;
      },
    };
  }

  async function recordFailure(job: Job, error: unknown) {
    const failure = error instanceof SendError ? error : { status: undefined, retryAfterMs: undefined, message: String(error) };
    const decision = decideRetry(failure, job.attempts, options.random);
    const detail = `${failure.status ?? 'error'}: ${(error as Error).message ?? error}`.slice(0, 500);
    if ('giveUp' in decision) {
      logger.warn({ job: job.id, networkId: job.networkId, outcome: decision.giveUp, detail }, 'Job gave up');
      await jobs.finish(job, decision.giveUp, now(), { detail }).catch((e) => logger.error({ err: e }, 'Could not record job outcome'));
    } else {
      logger.info({ job: job.id, retryInMs: decision.retryInMs, detail }, 'Job will retry');
      await jobs.retryAt(job, new Date(now().getTime() + decision.retryInMs), detail, now()).catch((e) => logger.error({ err: e }, 'Could not reschedule job'));
    }
  }

  /**
   * Runs the due jobs with `concurrency` workers, fetching the next due jobs while the last ones are still being
   * sent (when fewer than `concurrency` wait), so a fan-out of 1,000 is one steady stream rather than batches of
   * 200 with a pause after each, while the slowest send of a batch (a 429's Retry-After) finished.
   */
  async function runDue(): Promise<number> {
    const queue: Job[] = [];
    const taken = new Set<string>();
    let networks = new Map<string, Promise<NetworkAggregate | undefined>>();
    let fetching: Promise<void> | undefined;
    let exhausted = false;
    let ran = 0;
    const refill = () =>
      (fetching ??= (async () => {
        const due = await jobs.due(now());
        const fresh = due.filter((job) => !taken.has(`${job.networkId}|${job.id}`));
        for (const job of fresh) taken.add(`${job.networkId}|${job.id}`);
        queue.push(...fresh);
        if (fresh.length === 0) exhausted = true;
        // A network is loaded once per fetch of due jobs, not once per run: a long run still sees changes.
        networks = new Map();
      })().finally(() => {
        fetching = undefined;
      }));
    await refill();
    const worker = async () => {
      for (;;) {
        if (queue.length < concurrency && !exhausted && !stopped) void refill().catch(() => undefined);
        const job = queue.shift();
        if (job) {
          if (await runJob(job, networks)) ran++;
          continue;
        }
        if (!fetching) return;
        await fetching.catch(() => undefined);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
    return ran;
  }

  /** `heal`: also set the due-jobs hints again from the jobs (the periodic full sync). */
  async function syncNetwork(networkId: string, heal = false): Promise<void> {
    const at = now();
    const [aggregate, existing] = await Promise.all([store.load(networkId), jobs.listForNetwork(networkId)]);
    if (heal) await jobs.rehint(networkId, existing);
    const byId = new Map(existing.map((job) => [job.id, job]));
    const planned = aggregate ? plannedJobs(aggregate) : [];
    const plannedIds = new Set(planned.map(idOf));
    for (const job of planned) {
      const current = byId.get(idOf(job));
      if (!current) await jobs.add(networkId, job, at);
      else if (current.state === 'pending' && !current.onDemand && current.dueAt !== job.dueAt.toISOString()) await jobs.change(current, { dueAt: job.dueAt.toISOString() }, at);
    }
    for (const job of existing) {
      const unplanned = (job.kind === 'agenda.post' || job.kind === 'reflection.fanout') && !plannedIds.has(job.id);
      if (job.state === 'pending' && (unplanned || !aggregate)) await jobs.finish(job, 'skipped', at, { detail: 'no longer in the plan' });
    }
    if (aggregate) await syncReminders(aggregate, existing, at);
    if (aggregate) await refreshPostedCards(aggregate, existing, at);
  }

  /**
   * Reminders follow the prompts that went out, `reflectionReminderDays` after each: a changed number of
   * days moves the waiting ones, 0 days drops them, and a prompt sent without its reminder (a crash in
   * between) gets it. A prompt not sent has no reminder; its handler checks that again when it is due.
   */
  async function syncReminders(aggregate: NetworkAggregate, existing: Job[], at: Date) {
    const byId = new Map(existing.map((job) => [job.id, job]));
    for (const reminder of remindersOf(aggregate, existing)) {
      const current = byId.get(idOf(reminder));
      if (!current) await jobs.add(aggregate.network.id, reminder, at);
      else if (current.state === 'pending' && current.dueAt !== reminder.dueAt.toISOString()) await jobs.change(current, { dueAt: reminder.dueAt.toISOString() }, at);
      // Reminders turned off and on again: the ones dropped meanwhile are due again (now, if their day has passed).
      else if (current.state === 'done' && current.outcome === 'skipped' && current.detail === REMINDERS_OFF) await jobs.reschedule(aggregate.network.id, reminder, at);
    }
    if (reminderDaysOf(aggregate) > 0) return;
    for (const job of existing) {
      if (job.kind === 'reflection.reminder' && job.state === 'pending') await jobs.finish(job, 'skipped', at, { detail: REMINDERS_OFF });
    }
  }

  /** A posted agenda or idea lot whose content changed is updated in place, not posted again. */
  async function refreshPostedCards(aggregate: NetworkAggregate, existing: Job[], at: Date) {
    const locale = networkLocale(aggregate.network);
    for (const job of existing) {
      if (job.state !== 'done' || !job.activityId) continue;
      if (job.kind === 'agenda.post') {
        const meeting = aggregate.meetings.find((m) => m.id === job.meetingId);
        if (!meeting || meetingEndsAt(meeting) <= at) continue;
        if (cardHash(agendaCardFor(aggregate, meeting, locale, options.links)) !== job.cardHash) {
          await jobs.reschedule(aggregate.network.id, { kind: 'agenda.update', meetingId: meeting.id, dueAt: at }, at);
        }
      }
      if (job.kind === 'ideas.post' && cardHash(ideaLotCardFor(aggregate, { locale, links: options.links })) !== job.cardHash) {
        await jobs.reschedule(aggregate.network.id, { kind: 'ideas.update', dueAt: at }, at);
      }
    }
  }

  /** One sync per network at a time; changes during a sync cause one more. */
  function networkChanged(networkId: string) {
    if (syncing.has(networkId)) {
      dirty.add(networkId);
      return;
    }
    const run = syncNetwork(networkId)
      .catch((error) => logger.error({ err: error, networkId }, 'Could not sync the network’s jobs'))
      .finally(() => {
        syncing.delete(networkId);
        if (dirty.delete(networkId)) networkChanged(networkId);
        else if (!stopped) tick();
      });
    syncing.set(networkId, run);
  }

  async function syncAll() {
    const { networks } = await store.listNetworks();
    for (const network of networks) await syncNetwork(network.id, true);
  }

  let ticking = false;
  function tick() {
    if (ticking || stopped) return;
    ticking = true;
    running = (async () => {
      try {
        while (!stopped && (await runDue()) > 0);
      } catch (error) {
        logger.error({ err: error }, 'Scheduler tick failed');
      } finally {
        ticking = false;
      }
    })();
  }

  return {
    runDue,
    syncNetwork: (networkId) => syncNetwork(networkId),
    syncAll,
    networkChanged,
    start() {
      if (!stopped) return;
      stopped = false;
      const healAll = () => syncAll().catch((error) => logger.error({ err: error }, 'Could not sync all networks'));
      void healAll().then(tick);
      timer = setInterval(tick, pollMs);
      resyncTimer = setInterval(healAll, options.resyncMs ?? 10 * 60_000);
      timer.unref?.();
      resyncTimer.unref?.();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearInterval(resyncTimer);
      await running;
      await Promise.all(syncing.values());
    },
  };
}
