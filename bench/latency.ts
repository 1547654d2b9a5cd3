import path from 'node:path';
import { t } from '../bot/i18n';
import { createTables, ensureTables, uniqueTablePrefix } from '../bot/storage/tables';
import { NetworkStore } from '../bot/storage/networkStore';
import { startInstance } from './support/instance';
import type { LimitedChannel } from './support/limitedChannel';
import { BOT, exampleRows, fillerNetwork, latencyNetwork, TENANT } from './support/networks';
import { hr, mean, percentile, ratio, round, sleep, table } from './support/stats';
import { CpuMeter } from './support/cpu';
import { ROOT } from './support/child';
import type { ProfileSummary } from './support/profile';

// Benchmark 2: how long a bot turn takes at the service, with 1, 10 and 50 conversations at once,
// for (i) a chat message ("næste møde": finds the person's networks, loads them, answers with the
// next meeting's agenda card, posted back to the channel) and (ii) a card button (Action.Execute
// `reflection.save`: loads the network, writes the reflection, answers with the card in the HTTP
// response). Server-side = from the request reaching the service's HTTP server to the response being
// handed to the socket, timed inside the service process; the client's figure is shown beside it.
// Replies go to the fake channel with its limits off: the point here is the turn, not Teams' pacing.

export interface LatencyOptions {
  connectionString: string;
  azuritePid: number;
  channel: LimitedChannel;
  small: boolean;
  log: (line: string) => void;
}

const LEVELS = [1, 10, 50];

export async function runLatency(options: LatencyOptions) {
  const { channel, small } = options;
  const users = Math.max(...LEVELS);
  const fillers = small ? 10 : 100;
  const requestsAt = (c: number) => (small ? Math.max(20, c * 3) : Math.max(200, c * 20));
  const prefix = uniqueTablePrefix('latency');
  const tables = createTables({ connectionString: options.connectionString, prefix });
  await ensureTables(tables);
  const store = new NetworkStore(tables.networks);
  const { aggregate, users: people } = latencyNetwork(users);
  await store.commit(aggregate.network.id, exampleRows(aggregate));
  for (let i = 0; i < fillers; i++) {
    const filler = fillerNetwork(i);
    await store.commit(filler.network.id, exampleRows(filler));
  }
  const networkId = aggregate.network.id;
  const meetingId = aggregate.meetings[0]!.id;
  channel.reset({});

  const instance = await startInstance({ connectionString: options.connectionString, tablePrefix: prefix, scheduler: false, instanceId: 'latency' });
  let sequence = 0;
  const activity = (user: number, fields: Record<string, unknown>) => ({
    id: `in-${++sequence}`,
    channelId: 'msteams',
    serviceUrl: channel.url,
    recipient: BOT,
    from: { id: `29:latency-${user}`, name: people[user]!.name, aadObjectId: people[user]!.aadObjectId },
    conversation: { id: `a:latency-${user}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'da-DK',
    timestamp: new Date().toISOString(),
    ...fields,
  });
  const kinds = {
    text: (user: number) => activity(user, { type: 'message', text: 'næste møde' }),
    cardAction: (user: number) =>
      activity(user, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'reflection.save',
            data: { networkId, meetingId, verb: 'reflection.save', answer0: `Svar ${sequence}: ${'borgerens forløb på tværs '.repeat(8)}`, answer1: 'Afprøve fælles visitation', shared: 'false' },
          },
          trigger: 'manual',
        },
      }),
  } as const;
  const saved = t('da', 'action.reflection.saved');
  let failures = 0;
  const failureSamples: string[] = [];

  async function send(kind: keyof typeof kinds, user: number, label: string): Promise<number> {
    const body = JSON.stringify(kinds[kind](user));
    const start = hr();
    const response = await fetch(`${instance.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bench-label': label },
      body,
    });
    const text = await response.text();
    const ms = hr() - start;
    const ok = response.status === 200 && (kind === 'text' || text.includes(saved));
    if (!ok) {
      failures++;
      if (failureSamples.length < 3) failureSamples.push(`${kind} → ${response.status} ${text.slice(0, 200)}`);
    }
    return ms;
  }

  type Storage = { store: number; requests: Record<string, number> };
  const storage = () => instance.child.request<Storage>('roundTrips');
  /** Storage requests between two readings, per turn, by table (what the service sent, retries included). */
  const requestsPerTurn = (from: Storage, to: Storage, turns: number) => {
    const byTable: Record<string, number> = {};
    let sent = 0;
    for (const [name, count] of Object.entries(to.requests)) {
      const more = count - (from.requests[name] ?? 0);
      sent += more;
      if (more > 0) byTable[name] = round(more / turns);
    }
    return { total: round(sent / turns), byTable };
  };
  /** Waits until the service stops sending to storage (a save's background job sync ends after its answer). */
  const settled = async () => {
    let last = JSON.stringify(await storage());
    for (let i = 0; i < 50; i++) {
      await sleep(100);
      const now = JSON.stringify(await storage());
      if (now === last) return;
      last = now;
    }
  };

  /** One person per conversation, who waits for the answer before writing again; `total` turns in all. */
  async function drive(kind: keyof typeof kinds, concurrency: number, total: number, label: string): Promise<number[]> {
    const client: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, user) => {
        while (next < total) {
          next++;
          client.push(await send(kind, user, label));
        }
      }),
    );
    return client;
  }

  const rows: Record<string, unknown>[] = [];
  const profiles: Record<string, ProfileSummary> = {};
  try {
    // Warm-up: JIT, connection pools, Azurite's first queries.
    for (let i = 0; i < 10; i++) {
      await send('text', i % users, 'warmup');
      await send('cardAction', i % users, 'warmup');
    }
    await settled();
    await instance.timings();
    for (const kind of Object.keys(kinds) as (keyof typeof kinds)[]) {
      for (const concurrency of LEVELS) {
        const total = requestsAt(concurrency);
        const label = `${kind}-c${concurrency}`;
        options.log(`latency: ${label}, ${total} requests…`);
        const repliesBefore = channel.accepted.length;
        const storageBefore = await storage();
        const cpu = new CpuMeter();
        cpu.watch('service', instance.pid);
        cpu.watch('azurite', options.azuritePid);
        cpu.watch('harness', process.pid);
        const start = hr();
        const client = await drive(kind, concurrency, total, label);
        const wallMs = hr() - start;
        const used = cpu.report();
        // CPU and storage per turn include what the turns set off in the background (a job sync, for a save that needs one).
        await settled();
        const all = cpu.report();
        const requests = requestsPerTurn(storageBefore, await storage(), total);
        const server = (await instance.timings()).filter((x) => x.label === label).map((x) => x.ms);
        const replies = channel.accepted.length - repliesBefore;
        const p50 = percentile(server, 50);
        const p95 = percentile(server, 95);
        const p99 = percentile(server, 99);
        const serviceMs = all.service!.cpuMs / total;
        const azuriteMs = all.azurite!.cpuMs / total;
        rows.push({
          kind,
          concurrency,
          requests: total,
          throughputPerS: round(total / (wallMs / 1000)),
          serverP50Ms: round(p50),
          serverP95Ms: round(p95),
          serverP99Ms: round(p99),
          serverMeanMs: round(mean(server)),
          p95OverP50: ratio(p95, p50),
          p99OverP50: ratio(p99, p50),
          clientP50Ms: round(percentile(client, 50)),
          clientP95Ms: round(percentile(client, 95)),
          clientMinusServerP50Ms: round(percentile(client, 50) - p50),
          channelReplies: replies,
          cpuCores: { service: used.service!.cores, azurite: used.azurite!.cores, harness: used.harness!.cores },
          cpu: `${used.service!.cores.toFixed(2)}/${used.azurite!.cores.toFixed(2)}/${used.harness!.cores.toFixed(2)}`,
          serviceCpuMsPerTurn: round(serviceMs),
          azuriteCpuMsPerTurn: round(azuriteMs),
          azuriteShareOfCpu: ratio(azuriteMs, serviceMs + azuriteMs),
          storageRequestsPerTurn: requests.total,
          storageRequestsPerTurnByTable: requests.byTable,
          storageByTable: Object.entries(requests.byTable)
            .map(([name, n]) => `${name} ${n}`)
            .join(', '),
        });
      }
    }
    // Where the service's CPU goes: a profiled pass at 10 conversations per kind, apart from the measured
    // runs above (the sampling profiler costs a little time itself).
    for (const kind of Object.keys(kinds) as (keyof typeof kinds)[]) {
      const label = `${kind}-c10-profiled`;
      const total = small ? 40 : 200;
      options.log(`latency: ${label}, ${total} requests…`);
      await instance.child.request('profileStart');
      await drive(kind, 10, total, label);
      await settled();
      const file = path.join(ROOT, 'test-output', 'bench-profiles', `latency-${kind}-c10-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
      profiles[kind] = await instance.child.request<ProfileSummary>('profileStop', { file });
      await instance.timings();
    }
  } finally {
    await instance.stop();
  }
  for (const row of rows) {
    const base = rows.find((r) => r.kind === row.kind && r.concurrency === 1)!;
    row.p50VsOneConversation = ratio(row.serverP50Ms as number, base.serverP50Ms as number);
  }
  const text = table(
    `Bot turn latency over Azurite, server-side (network of ${users} participants + ${fillers} other networks in the table; SCHEDULER off; a save of anything but a reflection triggers the job sync, as in production)`,
    [
      { key: 'kind', title: 'turn' },
      { key: 'concurrency', title: 'conversations' },
      { key: 'requests', title: 'requests' },
      { key: 'throughputPerS', title: 'turns/s' },
      { key: 'serverP50Ms', title: 'p50 ms' },
      { key: 'serverP95Ms', title: 'p95 ms' },
      { key: 'serverP99Ms', title: 'p99 ms' },
      { key: 'p95OverP50', title: 'p95÷p50' },
      { key: 'p99OverP50', title: 'p99÷p50' },
      { key: 'p50VsOneConversation', title: 'p50÷p50@1' },
      { key: 'clientP50Ms', title: 'client p50' },
      { key: 'clientMinusServerP50Ms', title: 'client−server' },
      { key: 'cpu', title: 'CPU cores svc/azurite/harness' },
    ],
    rows,
  );
  const costs = table(
    'What one turn costs (measured runs above; CPU and storage include what a turn sets off in the background)',
    [
      { key: 'kind', title: 'turn' },
      { key: 'concurrency', title: 'conversations' },
      { key: 'serviceCpuMsPerTurn', title: 'service CPU ms/turn' },
      { key: 'azuriteCpuMsPerTurn', title: 'Azurite CPU ms/turn' },
      { key: 'azuriteShareOfCpu', title: 'Azurite share' },
      { key: 'storageRequestsPerTurn', title: 'storage requests/turn' },
      { key: 'storageByTable', title: 'by table', align: 'left' },
    ],
    rows,
  );
  const profileText = Object.entries(profiles).map(([kind, summary]) =>
    [
      `\n  CPU profile of the service, ${kind} at 10 conversations: ${summary.busyMs} ms busy of ${summary.wallMs} ms (raw: ${path.relative(process.cwd(), summary.file ?? '')})`,
      '    top modules (self time):   ' + summary.topModules.slice(0, 8).map((m) => `${m.name} ${(m.share * 100).toFixed(0)}%`).join(', '),
      '    top functions (self time): ' + summary.topFunctions.slice(0, 8).map((f) => `${f.name} ${(f.share * 100).toFixed(0)}%`).join(' · '),
    ].join('\n'),
  );
  const notes = [
    `  failed turns: ${failures}${failureSamples.length ? ` (${failureSamples.join(' | ')})` : ''}; replies to "næste møde" reached the channel: ${rows
      .filter((r) => r.kind === 'text')
      .map((r) => `${r.channelReplies}/${r.requests}`)
      .join(', ')}`,
  ];
  return { text: [text, costs, ...profileText, ...notes].join('\n'), rows, profiles, failures, failureSamples, fillerNetworks: fillers, participants: users };
}
