import { startChild, type Child } from './child';
import { stopChild } from './azurite';

// A service instance in its own process (see instanceChild.ts).

export interface Instance {
  url: string;
  pid: number;
  child: Child;
  /** Server-side timings of labelled requests since the last call. */
  timings(): Promise<{ label: string; ms: number; status: number }[]>;
  /** Graceful stop (drains the scheduler, closes the server). */
  stop(): Promise<void>;
  /** A crash: SIGKILL, nothing drained, nothing recorded. */
  crash(): Promise<void>;
}

export interface InstanceOptions {
  connectionString: string;
  tablePrefix: string;
  scheduler: boolean;
  pollMs?: number;
  /** The scheduler's claim lease (SCHEDULER_LEASE_MS); the service's default when unset. */
  leaseMs?: number;
  instanceId?: string;
  tabsDir?: string;
  env?: NodeJS.ProcessEnv;
}

export async function startInstance(options: InstanceOptions): Promise<Instance> {
  const { child, ready } = await startChild<{ url: string; pid: number }>('instanceChild.ts', {
    BENCH_CONNECTION_STRING: options.connectionString,
    STORAGE_CONNECTION_STRING: options.connectionString,
    TABLE_PREFIX: options.tablePrefix,
    PORT: '0',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    SCHEDULER: options.scheduler ? 'on' : 'off',
    SCHEDULER_POLL_MS: String(options.pollMs ?? 200),
    ...(options.leaseMs ? { SCHEDULER_LEASE_MS: String(options.leaseMs) } : {}),
    INSTANCE_ID: options.instanceId ?? 'bench',
    START_PLAYGROUND: 'false',
    ...(options.tabsDir ? { TABS_DIR: options.tabsDir } : {}),
    // No Bot Framework app id: the adapter runs anonymous against the local fake channel.
    BOT_ID: '',
    AAD_APP_CLIENT_ID: '',
    ...options.env,
  });
  return {
    url: ready.url.replace('localhost', '127.0.0.1'),
    pid: ready.pid,
    child,
    timings: () => child.request('timings'),
    stop: () => stopChild(child, 15_000),
    crash: () => child.kill('SIGKILL'),
  };
}
