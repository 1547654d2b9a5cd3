import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBenchAzurite, type BenchAzurite } from './support/azurite';
import { startLimitedChannel, TEAMS_CHANNEL_LIMITS, type LimitedChannel } from './support/limitedChannel';
import { machineInfo } from './support/machine';
import { runFanOut, type FanOutScenario } from './fanout';
import { runLatency } from './latency';
import { runLargeNetwork } from './largeNetwork';
import { runTabs } from './tabs';
import { runJourney } from './journey';

// `npm run bench [-- --small] [-- --only fanout,latency,load,tabs,journey] [-- --scenarios single,crash,twins]`
// Starts its own Azurite (in memory, own process) and a rate-limited fake Teams channel, runs the
// benchmarks one after another, prints a table per benchmark and writes bench/results/<date>-<host>.json.

const BENCHMARKS = ['fanout', 'latency', 'load', 'tabs', 'journey'] as const;
type Benchmark = (typeof BENCHMARKS)[number];

function parseArgs(argv: string[]) {
  const value = (name: string) => {
    const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (i < 0) return undefined;
    return argv[i]!.includes('=') ? argv[i]!.split('=').slice(1).join('=') : argv[i + 1];
  };
  const small = argv.includes('--small');
  const only = (value('only')?.split(',') ?? [...BENCHMARKS]) as Benchmark[];
  for (const b of only) if (!BENCHMARKS.includes(b)) throw new Error(`unknown benchmark ${b}; choose from ${BENCHMARKS.join(', ')}`);
  const scenarios = (value('scenarios')?.split(',') ?? ['single', 'crash', 'twins']) as FanOutScenario[];
  return {
    small,
    only,
    scenarios,
    participants: Number(value('participants') ?? (small ? 100 : 1000)),
    out: value('out'),
    noBuild: argv.includes('--no-build'),
    baseline: value('baseline'),
    randomThrottle: value('random-throttle') === undefined ? undefined : Number(value('random-throttle')),
    limiterPerTenant: value('limiter-per-tenant'),
    channelLatencyMs: value('channel-latency-ms') === undefined ? undefined : Number(value('channel-latency-ms')),
    leaseMs: Number(value('lease-ms') ?? 15_000),
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.limiterPerTenant) process.env.BENCH_LIMITER_PER_TENANT = args.limiterPerTenant; // inherited by the service instances
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const started = new Date();
  const machineBefore = machineInfo();
  log(`machine: ${machineBefore.cpus}× ${machineBefore.cpuModel}, ${machineBefore.totalMemoryMiB} MiB, node ${machineBefore.node}; ${machineBefore.uptime}`);
  const report: Record<string, unknown> = {
    startedAt: started.toISOString(),
    size: args.small ? 'small' : 'full',
    args: process.argv.slice(2),
    machine: machineBefore,
    results: {},
  };
  const results = report.results as Record<string, unknown>;
  const texts: string[] = [];
  let azurite: BenchAzurite | undefined;
  let channel: LimitedChannel | undefined;
  const stopAll = async () => {
    await channel?.close().catch(() => undefined);
    await azurite?.stop().catch(() => undefined);
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    azurite = await startBenchAzurite();
    channel = await startLimitedChannel();
    log(`Azurite (pid ${azurite.pid}) and the limited channel at ${channel.url} are up`);
    const common = { connectionString: azurite.connectionString, azuritePid: azurite.pid, channel, log, small: args.small };
    for (const benchmark of args.only) {
      const t = Date.now();
      let out: { text: string; [key: string]: unknown };
      if (benchmark === 'fanout') {
        out = await runFanOut({
          ...common,
          participants: args.participants,
          scenarios: args.scenarios,
          pollMs: 200,
          leaseMs: args.leaseMs,
          limits: {
            ...TEAMS_CHANNEL_LIMITS,
            ...(args.randomThrottle !== undefined ? { randomThrottle: args.randomThrottle } : {}),
            ...(args.channelLatencyMs !== undefined ? { latencyMs: args.channelLatencyMs } : {}),
          },
          timeoutMs: Number(process.env.BENCH_TIMEOUT_MS ?? 10 * 60_000),
        });
      } else if (benchmark === 'latency') {
        out = await runLatency(common);
      } else if (benchmark === 'load') {
        out = await runLargeNetwork(common);
      } else if (benchmark === 'journey') {
        out = await runJourney(common);
      } else {
        out = await runTabs({ ...common, build: !args.noBuild, ...(args.baseline !== undefined ? { baseline: args.baseline } : {}) });
      }
      const { text, ...rest } = out;
      results[benchmark] = { ...rest, wallMs: Date.now() - t };
      texts.push(text);
      process.stdout.write(text + '\n');
    }
  } finally {
    await stopAll();
  }
  report.finishedAt = new Date().toISOString();
  report.machineAfter = { loadavg: machineInfo().loadavg, uptime: machineInfo().uptime };
  const date = started.toISOString().slice(0, 10);
  const file = args.out ?? path.join(__dirname, 'results', `${date}-${os.hostname()}${args.small ? '-small' : ''}${args.only.length < BENCHMARKS.length ? `-${args.only.join('+')}` : ''}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  log(`wrote ${path.relative(process.cwd(), file)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
