import os from 'node:os';
import { createTables, ensureTables, uniqueTablePrefix } from '../bot/storage/tables';
import { NetworkStore } from '../bot/storage/networkStore';
import { createConversationStore } from '../bot/storage/conversationStore';
import { JobStore } from '../bot/scheduler/jobStore';
import { SENDING_PACE, TEAMS_LIMITS } from '../bot/scheduler/sendBudget';
import { startInstance, type Instance } from './support/instance';
import { type Accepted, type ChannelLimits, type LimitedChannel } from './support/limitedChannel';
import { seedFanOut } from './support/networks';
import { hr, ratio, round, sleep, table, waitUntil } from './support/stats';
import { CpuMeter, formatCpu } from './support/cpu';

// Benchmark 1: the reflection round after a meeting with N participants, sent by the real scheduler
// (startApp with SCHEDULER=on, in its own process) through the real botbuilder adapter to a fake
// Teams channel that enforces Teams' limits. Scenarios: one instance; one instance SIGKILLed half-way
// and restarted; two instances at once.

export type FanOutScenario = 'single' | 'crash' | 'twins';

export interface FanOutOptions {
  connectionString: string;
  azuritePid: number;
  channel: LimitedChannel;
  participants: number;
  /** The channel's limits (default: Teams' limits + 5% random 429s). */
  limits: ChannelLimits;
  scenarios: FanOutScenario[];
  pollMs: number;
  /** The scheduler's claim lease: how long a dead instance's claims hold (renewed while a send runs). */
  leaseMs: number;
  timeoutMs: number;
  log: (line: string) => void;
}

const CEILING = TEAMS_LIMITS.perTenant.count; // 50 requests/s per app per tenant

export async function runFanOut(options: FanOutOptions) {
  const results: Record<string, unknown>[] = [];
  for (const scenario of options.scenarios) {
    options.log(`fan-out: ${scenario}, ${options.participants} participants…`);
    results.push(await runScenario(scenario, options));
  }
  const single = results.find((r) => r.scenario === 'single');
  for (const r of results) if (single) r.vsSingle = ratio(r.readyToLastMs as number, single.readyToLastMs as number);
  const text = table(
    `Fan-out: reflection prompts to ${options.participants} participants (ceiling ${CEILING} requests/s per tenant${process.env.BENCH_LIMITER_PER_TENANT ? `; WHAT-IF: the service's limiter set to ${process.env.BENCH_LIMITER_PER_TENANT}/s` : ''}; the channel also answers ${(options.limits.randomThrottle ?? 0) * 100}% of allowed requests 429 at random${options.limits.latencyMs ? `, and takes ${options.limits.latencyMs} ms per request` : ''})`,
    [
      { key: 'scenario', title: 'scenario' },
      { key: 'accepted', title: 'accepted' },
      { key: 'lost', title: 'lost' },
      { key: 'duplicated', title: 'duplicated' },
      { key: 'throttled', title: '429s (tenant/conv/random)' },
      { key: 'sustainedPerS', title: 'rate/s (middle 90%)' },
      { key: 'sustainedVsCeiling', title: '÷ceiling' },
      { key: 'ratePerS', title: 'rate/s (first→last)' },
      { key: 'peak1s', title: 'peak in 1 s' },
      { key: 'sendMs', title: 'first→last ms' },
      { key: 'readyToLastMs', title: 'ready→last ms' },
      { key: 'vsSingle', title: '÷ single' },
    ],
    results.map((r) => ({ ...r, throttled: `${r.throttled429} (${(r.throttledBy as Record<string, number>).tenant}/${(r.throttledBy as Record<string, number>).conversation}/${(r.throttledBy as Record<string, number>).random})` })),
  );
  const notes = results.flatMap((r) => (r.notes as string[]).map((n) => `  [${r.scenario}] ${n}`));
  return { text: [text, ...notes].join('\n'), results };
}

async function runScenario(scenario: FanOutScenario, options: FanOutOptions): Promise<Record<string, unknown>> {
  const { channel, participants: count } = options;
  const prefix = uniqueTablePrefix(`fan${scenario}`);
  const tables = createTables({ connectionString: options.connectionString, prefix });
  await ensureTables(tables);
  const store = new NetworkStore(tables.networks);
  const jobs = new JobStore(tables.jobs);
  channel.reset(options.limits);

  const seedStart = hr();
  const { network, meeting, participants, conversationIds } = await seedFanOut(store, createConversationStore(tables.conversations), count, channel.url);
  const conversationOf = new Map(participants.map((p, i) => [p.id, conversationIds[i]!]));
  const seedMs = hr() - seedStart;
  const promptKey = `card:${network.id}|${meeting.id}`;
  const isPrompt = (a: Accepted) => (a.kind === 'send' || a.kind === 'reply') && a.key === promptKey;
  const expected = new Set(conversationIds);
  const delivered = new Set<string>();
  let acceptedPrompts = 0;
  const notes: string[] = [];

  const instanceOptions = (instanceId: string) => ({ connectionString: options.connectionString, tablePrefix: prefix, scheduler: true, pollMs: options.pollMs, leaseMs: options.leaseMs, instanceId });
  const instances: Instance[] = [];
  const t0 = hr();
  const cpu = new CpuMeter();
  cpu.watch('harness+channel', process.pid);
  cpu.watch('azurite', options.azuritePid);
  let readyAt = 0;
  const crash: Record<string, unknown> = {};
  let crashDone: Promise<void> | undefined;

  channel.onAccepted = (a) => {
    if (!isPrompt(a)) return;
    acceptedPrompts++;
    delivered.add(a.conversationId!);
    if (scenario === 'crash' && acceptedPrompts === Math.ceil(count / 2) && !crashDone) {
      crash.killAtMs = a.at - t0;
      crash.acceptedAtKill = acceptedPrompts;
      cpu.freeze('instance A');
      crashDone = (async () => {
        await instances[0]!.crash();
        crash.deadAtMs = hr() - t0;
        crash.acceptedWhenDead = acceptedPrompts;
        // What the dead instance held: claimed ('running', its name) and not finished.
        const held = (await jobs.listForNetwork(network.id)).filter((j) => j.kind === 'reflection.prompt' && j.state === 'running' && j.owner === 'A');
        const heldConversations = held.map((j) => conversationOf.get(j.participantId ?? ''));
        crash.heldByDead = held.length;
        crash.heldAlreadyAccepted = heldConversations.filter((c) => c && delivered.has(c)).length;
        crash.heldLeaseEndsInMs = held.length ? Math.max(...held.map((j) => Date.parse(j.leaseUntil!) - Date.now())) : 0;
        crash.heldIds = heldConversations;
        const restartAt = hr();
        instances.push(await startInstance(instanceOptions('B')));
        cpu.watch('instance B', instances[1]!.pid);
        crash.restartReadyMs = hr() - t0;
        crash.restartStartMs = hr() - restartAt;
      })();
    }
  };

  try {
    if (scenario === 'twins') {
      instances.push(...(await Promise.all([startInstance(instanceOptions('A')), startInstance(instanceOptions('B'))])));
    } else {
      instances.push(await startInstance(instanceOptions('A')));
    }
    readyAt = hr() - t0;
    instances.forEach((instance, i) => cpu.watch(`instance ${'AB'[i]}`, instance.pid));
    await waitUntil(() => delivered.size >= expected.size, options.timeoutMs, `all ${count} prompts accepted (${delivered.size} so far)`, 100);
    if (crashDone) await crashDone;
    // Every prompt job finished (a retaken or retried job could still send once more): only then count duplicates.
    await waitUntil(
      async () => (await jobs.listForNetwork(network.id)).filter((j) => j.kind === 'reflection.prompt' && j.state !== 'done').length === 0,
      options.timeoutMs,
      'every prompt job done',
      1000,
    );
    await sleep(500);
  } catch (error) {
    for (const [i, instance] of instances.entries()) options.log(`instance ${i} output (tail):\n${instance.child.output().slice(-4000)}`);
    options.log(`channel: ${channel.accepted.length} accepted, ${channel.refused.length} refused; e.g. ${JSON.stringify(channel.accepted.slice(0, 2))}; expected key ${promptKey}`);
    throw error;
  } finally {
    channel.onAccepted = undefined;
    ['instance A', 'instance B', 'azurite', 'harness+channel'].forEach((name) => cpu.freeze(name));
    await Promise.all(instances.map((i) => i.stop().catch(() => undefined)));
  }

  const prompts = channel.accepted.filter(isPrompt);
  const counts = channel.countsByKey(isPrompt);
  const duplicated = [...counts.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const lost = [...expected].filter((c) => !delivered.has(c)).length;
  const first = Math.min(...prompts.map((a) => a.at));
  const last = Math.max(...prompts.map((a) => a.at));
  const sendMs = last - first;
  const ratePerS = prompts.length > 1 ? (prompts.length - 1) / (sendMs / 1000) : NaN;
  // The middle 90% of acceptances: the pace while sending, without the start and the tail.
  const times = prompts.map((a) => a.at).sort((a, b) => a - b);
  const p5 = times[Math.floor(times.length * 0.05)]!;
  const p95 = times[Math.ceil(times.length * 0.95) - 1]!;
  const sustainedPerS = times.length > 20 ? (Math.ceil(times.length * 0.95) - 1 - Math.floor(times.length * 0.05)) / ((p95 - p5) / 1000) : NaN;
  const throttledBy = { tenant: 0, conversation: 0, random: 0 };
  for (const r of channel.refused) throttledBy[r.reason]++;
  const allJobs = (await jobs.listForNetwork(network.id)).filter((j) => j.kind === 'reflection.prompt');
  const outcomes: Record<string, number> = {};
  for (const j of allJobs) outcomes[j.outcome ?? j.state] = (outcomes[j.outcome ?? j.state] ?? 0) + 1;
  const claims = allJobs.reduce((sum, j) => sum + j.attempts, 0);
  const owners: Record<string, number> = {};
  for (const j of allJobs) owners[j.owner ?? '?'] = (owners[j.owner ?? '?'] ?? 0) + 1;
  // Requests Teams refused are retried first inside botbuilder (its HTTP pipeline honours Retry-After),
  // then by the scheduler (job back to pending with the Retry-After as delay): claims − jobs counts the latter.
  notes.push(
    `seeded in ${round(seedMs)} ms; instance(s) ready after ${round(readyAt)} ms; first prompt accepted ${round(first - t0)} ms after start, ${round(first - t0 - readyAt)} ms after the instance was ready (it syncs the network, runs the fan-out job, which creates ${allJobs.length} prompt jobs in transactions of 100, then sends; each prompt schedules its reminder once Teams accepted it)`,
    `jobs: ${JSON.stringify(outcomes)}; claims ${claims} for ${allJobs.length} jobs (${claims - allJobs.length} re-claims); sent by ${JSON.stringify(owners)}`,
  );
  const cpuUse = cpu.report();
  notes.push(`CPU in cores (average over the scenario; instances from ready): ${formatCpu(cpuUse)} — the machine has ${os.cpus().length}`);
  if (scenario === 'crash') {
    const retaken = new Set((crash.heldIds as (string | undefined)[]).filter(Boolean) as string[]);
    const afterRestart = prompts.filter((a) => a.at - t0 > (crash.restartReadyMs as number));
    const retakenAccepts = afterRestart.filter((a) => retaken.has(a.conversationId!));
    const othersAfterRestart = afterRestart.filter((a) => !retaken.has(a.conversationId!));
    const lastOther = othersAfterRestart.length ? Math.max(...othersAfterRestart.map((a) => a.at - t0)) : (crash.restartReadyMs as number);
    const lastRetaken = retakenAccepts.length ? Math.max(...retakenAccepts.map((a) => a.at - t0)) : NaN;
    crash.leaseCostMs = Number.isFinite(lastRetaken) ? Math.max(0, lastRetaken - lastOther) : 0;
    crash.firstRetakenAcceptedMs = retakenAccepts.length ? Math.min(...retakenAccepts.map((a) => a.at - t0)) : undefined;
    delete crash.heldIds;
    notes.push(
      `killed (SIGKILL) at ${round(crash.killAtMs as number)} ms with ${crash.acceptedAtKill} prompts accepted; it held ${crash.heldByDead} claimed jobs, ` +
        `${crash.heldAlreadyAccepted} of them already accepted by Teams but not recorded as sent (these are sent again after the lease → duplicates)`,
      `restart ready ${round(crash.restartStartMs as number)} ms after the kill; the held jobs' lease (${options.leaseMs / 1000} s) ran out ${round(crash.heldLeaseEndsInMs as number)} ms after the kill; ` +
        `the restarted instance sent all other prompts by ${round(lastOther)} ms and the last retaken one at ${round(lastRetaken)} ms → the lease cost ${round(crash.leaseCostMs as number)} ms`,
    );
  }
  if (scenario === 'twins') {
    notes.push(`both instances take their send slots from one budget per tenant in Table Storage: together they pace at the service's ${SENDING_PACE.perTenantPerSecond}/s; the channel's tenant 429s show whether they stayed under ${CEILING}/s`);
  }
  return {
    scenario,
    participants: count,
    expected: expected.size,
    accepted: prompts.length,
    lost,
    duplicated,
    throttled429: channel.refused.length,
    throttledBy,
    ratePerS: round(ratePerS),
    ceilingPerS: CEILING,
    rateVsCeiling: ratio(ratePerS, CEILING),
    sustainedPerS: round(sustainedPerS),
    sustainedVsCeiling: ratio(sustainedPerS, CEILING),
    requestsSeenByChannel: prompts.length + channel.refused.length,
    /** Accepted prompts and 429s per second from the first acceptance: the shape of the run. */
    acceptedPerSecond: perSecond(prompts.map((a) => a.at), first),
    refusedPerSecond: perSecond(channel.refused.map((r) => r.at), first),
    peak1s: channel.maxInWindow(1000),
    sendMs: round(sendMs),
    totalMs: round(last - t0),
    readyToLastMs: round(last - t0 - readyAt),
    startupMs: round(readyAt),
    firstAcceptedMs: round(first - t0),
    readyToFirstMs: round(first - t0 - readyAt),
    leaseMs: options.leaseMs,
    seedMs: round(seedMs),
    outcomes,
    claims,
    owners,
    ...(scenario === 'crash' ? { crash } : {}),
    cpu: cpuUse,
    notes,
  };
}

function perSecond(times: number[], from: number): number[] {
  const buckets: number[] = [];
  for (const t of times) {
    const i = Math.max(0, Math.floor((t - from) / 1000));
    while (buckets.length <= i) buckets.push(0);
    buckets[i]!++;
  }
  return buckets;
}
