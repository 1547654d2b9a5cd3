import { TableClient } from '@azure/data-tables';
import { createTables, ensureTables, uniqueTablePrefix } from '../bot/storage/tables';
import { NetworkStore } from '../bot/storage/networkStore';
import { ROW_SECTIONS, type RowKind } from '../bot/storage/rows';
import type { NetworkAggregate } from '../bot/domain/model';
import { seedExamples } from '../scripts/seedExample';
import { SOCIAL_ECONOMY_ID } from '../scripts/examples';
import { startInstance } from './support/instance';
import { aNetwork, emptyAggregate, exampleRows, largeNetwork, type LargeShape } from './support/networks';
import { hr, median, percentile, ratio, round, table } from './support/stats';
import { CpuMeter, formatCpu } from './support/cpu';

// Benchmark 3: a large network — 60 participants, 10 meetings, 200 ideas and 60 reflections PER
// MEETING (600 in all; every participant answers after every meeting, the heavier reading), with every
// participant on every meeting in the planning tool (600 planner rows), an agenda and a plenary
// summary per meeting. Written through NetworkStore.commit, then read with NetworkStore.load: the plan
// section alone (must be exactly ONE query) and the whole partition, counting the store's own
// round trips and the HTTP requests the SDK really makes (it pages past 1,000 rows). Then the tab
// API's GET /api/networks/:id (the plan tab's first request) on the service. Baselines: a network
// with only its network row, and the handbook's example network (scripts/examples).

export interface LargeOptions {
  connectionString: string;
  azuritePid: number;
  small: boolean;
  log: (line: string) => void;
}

export const LARGE: LargeShape = { participants: 60, meetings: 10, ideas: 200, reflectionsPerMeeting: 60 };

/** A TableClient that counts the HTTP requests it sends and the bytes it receives. */
function countingClient(connectionString: string, tableName: string) {
  const counter = { requests: 0, bytes: 0 };
  const client = TableClient.fromConnectionString(connectionString, tableName, {
    allowInsecureConnection: true,
    additionalPolicies: [
      {
        position: 'perCall',
        policy: {
          name: 'benchCounter',
          async sendRequest(request, next) {
            counter.requests++;
            const response = await next(request);
            counter.bytes += response.bodyAsText?.length ?? 0;
            return response;
          },
        },
      },
    ],
  });
  return { client, counter };
}

export async function runLargeNetwork(options: LargeOptions) {
  const iterations = options.small ? 5 : 30;
  const prefix = uniqueTablePrefix('large');
  const tables = createTables({ connectionString: options.connectionString, prefix });
  await ensureTables(tables);
  const { client, counter } = countingClient(options.connectionString, `${prefix}networks`);
  const store = new NetworkStore(client);

  const large = largeNetwork(LARGE);
  const empty = emptyAggregate(aNetwork({ name: 'Tomt netværk' }));
  const rows = exampleRows(large);
  const bySection: Record<string, number> = {};
  for (const r of rows) bySection[ROW_SECTIONS[r.kind as RowKind]] = (bySection[ROW_SECTIONS[r.kind as RowKind]] ?? 0) + 1;

  options.log(`large network: writing ${rows.length} rows…`);
  const trips0 = store.roundTrips;
  const req0 = counter.requests;
  const writeStart = hr();
  await store.commit(large.network.id, rows);
  const write = { rows: rows.length, bySection, ms: round(hr() - writeStart), transactions: store.roundTrips - trips0, httpRequests: counter.requests - req0 };
  await store.commit(empty.network.id, exampleRows(empty));
  await seedExamples(store);

  const subjects: { name: string; id: string; section?: 'plan'; expect?: NetworkAggregate }[] = [
    { name: 'empty network, plan', id: empty.network.id, section: 'plan' },
    { name: 'empty network, all', id: empty.network.id },
    { name: 'example network, plan', id: SOCIAL_ECONOMY_ID, section: 'plan' },
    { name: 'example network, all', id: SOCIAL_ECONOMY_ID },
    { name: 'large network, plan', id: large.network.id, section: 'plan' },
    { name: 'large network, all', id: large.network.id },
  ];
  // Round-robin over the subjects (after 3 warm-up rounds), so a busy moment of the machine does not
  // land on one subject only.
  const samples = subjects.map(() => ({ times: [] as number[], trips: 0, requests: 0, bytes: 0, aggregate: undefined as NetworkAggregate | undefined }));
  const cpu = new CpuMeter();
  cpu.watch('harness (SDK + assemble)', process.pid);
  cpu.watch('azurite', options.azuritePid);
  for (let i = 0; i < iterations + 3; i++) {
    for (const [k, subject] of subjects.entries()) {
      const sample = samples[k]!;
      const t0 = store.roundTrips;
      const r0 = counter.requests;
      const b0 = counter.bytes;
      const start = hr();
      sample.aggregate = await store.load(subject.id, subject.section);
      const ms = hr() - start;
      if (i < 3) continue;
      sample.times.push(ms);
      sample.trips = store.roundTrips - t0;
      sample.requests = counter.requests - r0;
      sample.bytes = counter.bytes - b0;
    }
  }
  const loadCpu = cpu.report();
  const loads: Record<string, unknown>[] = subjects.map((subject, k) => {
    const { times, trips, requests, bytes, aggregate } = samples[k]!;
    const a = aggregate!;
    return {
      subject: subject.name,
      storeRoundTrips: trips,
      httpRequests: requests,
      entities:
        1 + a.participants.length + a.meetings.length + a.assignments.length + a.agendas.length + a.subthemes.length + a.summaries.length + a.reflections.length +
        a.ideas.length + a.analysisNotes.length + a.analysisCategories.length + a.themeRevisions.length + (a.theme ? 1 : 0) + (a.phasePlan ? 1 : 0) + (a.delivery ? 1 : 0),
      kiB: round(bytes / 1024),
      medianMs: round(median(times)),
      p95Ms: round(percentile(times, 95)),
    };
  });
  const baseline = (name: string) => loads.find((l) => l.subject === name)!.medianMs as number;
  for (const l of loads) l.vsEmpty = ratio(l.medianMs as number, baseline(String(l.subject).endsWith('plan') ? 'empty network, plan' : 'empty network, all'));
  const planTrips = loads.find((l) => l.subject === 'large network, plan')!;
  const planOneQuery = planTrips.storeRoundTrips === 1 && planTrips.httpRequests === 1;

  options.log('large network: the API GET on the service…');
  const instance = await startInstance({ connectionString: options.connectionString, tablePrefix: prefix, scheduler: false, instanceId: 'load' });
  const api: Record<string, unknown>[] = [];
  try {
    for (const [name, id] of [
      ['empty network', empty.network.id],
      ['example network', SOCIAL_ECONOMY_ID],
      ['large network', large.network.id],
    ] as const) {
      const client: number[] = [];
      let size = 0;
      let status = 0;
      for (let i = 0; i < iterations + 2; i++) {
        const start = hr();
        const response = await fetch(`${instance.url}/api/networks/${encodeURIComponent(id)}`, {
          headers: { 'X-Dev-User': 'lene', 'x-bench-label': i < 2 ? 'warmup' : name, 'accept-encoding': 'gzip' },
        });
        const body = await response.arrayBuffer();
        if (i >= 2) client.push(hr() - start);
        size = body.byteLength;
        status = response.status;
      }
      const server = (await instance.timings()).filter((x) => x.label === name).map((x) => x.ms);
      api.push({
        subject: `GET /api/networks/:id, ${name}`,
        status,
        kiB: round(size / 1024),
        serverMedianMs: round(median(server)),
        serverP95Ms: round(percentile(server, 95)),
        clientMedianMs: round(median(client)),
      });
    }
  } finally {
    await instance.stop();
  }
  for (const a of api) a.vsEmpty = ratio(a.serverMedianMs as number, api[0]!.serverMedianMs as number);

  const text = [
    table(
      `Loading a large network (${LARGE.participants} participants, ${LARGE.meetings} meetings, ${LARGE.ideas} ideas, ${LARGE.reflectionsPerMeeting} reflections per meeting = ${LARGE.meetings * LARGE.reflectionsPerMeeting}; ${rows.length} rows: ${JSON.stringify(bySection)}), median of ${iterations}`,
      [
        { key: 'subject', title: 'NetworkStore.load' },
        { key: 'storeRoundTrips', title: 'store round trips' },
        { key: 'httpRequests', title: 'HTTP requests' },
        { key: 'entities', title: 'entities (no index rows)' },
        { key: 'kiB', title: 'KiB' },
        { key: 'medianMs', title: 'median ms' },
        { key: 'p95Ms', title: 'p95 ms' },
        { key: 'vsEmpty', title: '÷ empty' },
      ],
      loads,
    ),
    `  plan section of the large network in exactly one query: ${planOneQuery ? 'yes' : 'NO'}; written in ${write.ms} ms as ${write.transactions} batch transactions (${write.httpRequests} HTTP requests)`,
    `  CPU in cores while loading (the loads run one at a time): ${formatCpu(loadCpu)}`,
    table(
      'The tab API: GET /api/networks/:id as the leader (what the plan tab loads first)',
      [
        { key: 'subject', title: 'request' },
        { key: 'status', title: 'status' },
        { key: 'kiB', title: 'KiB' },
        { key: 'serverMedianMs', title: 'server median ms' },
        { key: 'serverP95Ms', title: 'server p95 ms' },
        { key: 'clientMedianMs', title: 'client median ms' },
        { key: 'vsEmpty', title: '÷ empty' },
      ],
      api,
    ),
  ].join('\n');
  return { text, shape: LARGE, write, loads, loadCpu, planOneQuery, api, iterations };
}
