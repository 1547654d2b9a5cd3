import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// The service as a developer runs it (`npm run dev`): its own Azurite, the Agents Playground, the banner.

const root = path.resolve(__dirname, '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 40_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export const exited = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));

export interface RunningApp {
  /** http://127.0.0.1:PORT — the service (API, /api/messages, /tabs). */
  apiUrl: string;
  /** http://127.0.0.1:PLAYGROUND_PORT — the Agents Playground wired to the bot. */
  playgroundUrl: string;
  dataDir: string;
  child: ChildProcess;
  /** Everything the service printed so far (stdout and stderr). */
  output(): string;
  /** Ctrl-C, as a developer would; kills what is left if it does not stop in time. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Keep data here (not removed on stop). Default: a fresh temporary directory, removed on stop. */
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  readyTimeoutMs?: number;
}

/** Starts `node --import tsx bot/index.ts` on free ports and resolves once it prints its banner. */
export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const [port, playgroundPort] = [await freePort(), await freePort()];
  const ownDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'netvaerk-run-'));
  let output = '';
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', 'bot/index.ts'], {
    cwd: root,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      ...options.env,
      PORT: String(port),
      PLAYGROUND_PORT: String(playgroundPort),
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await stopProcess(child);
      if (ownDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    })());

  const app: RunningApp = {
    apiUrl: `http://127.0.0.1:${port}`,
    playgroundUrl: `http://127.0.0.1:${playgroundPort}`,
    dataDir,
    child,
    output: () => output,
    stop,
  };
  try {
    await waitFor(
      () => {
        if (child.exitCode !== null) throw new Error(`the service exited with code ${child.exitCode}:\n${output}`);
        return output.includes('Ctrl-C');
      },
      options.readyTimeoutMs ?? 60_000,
      'the service banner',
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return app;
}

/**
 * SIGINT and wait (the service stops the Playground and Azurite itself, forcing its exit after 10 s).
 * But the service handles SIGINT only once it is up: interrupted while starting, it dies at once and its
 * Playground (a child process) lives on. So note its child processes first and end, by pid, any that
 * outlive it; and should the service itself hang, SIGKILL it.
 */
export async function stopProcess(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = exited(child);
  const children = descendants(child.pid!);
  child.kill('SIGINT');
  let timer: NodeJS.Timeout | undefined;
  const inTime = await Promise.race([exit.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)))]);
  clearTimeout(timer);
  if (!inTime) {
    children.push(...descendants(child.pid!));
    child.kill('SIGKILL');
    await exit;
  }
  await endAll(children.filter(isAlive));
}

// Not unref'd: a script awaiting the clean-up must not exit half-way.
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Running (a zombie waiting for init to reap it counts as gone). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return !fs.existsSync('/proc/self'); // no procfs (macOS): trust kill(0)
  }
}

async function endAll(pids: number[]): Promise<void> {
  if (pids.length === 0) return;
  const signal = (sig: NodeJS.Signals) =>
    pids.forEach((pid) => {
      try {
        process.kill(pid, sig);
      } catch {
        // already gone
      }
    });
  signal('SIGTERM');
  for (let waited = 0; waited < 3000 && pids.some(isAlive); waited += 100) await delay(100);
  pids = pids.filter(isAlive);
  signal('SIGKILL');
}

/** Child processes of `pid`, their children and so on (Linux/macOS `ps`; none if `ps` is missing). */
function descendants(pid: number): number[] {
  let table: [number, number][];
  try {
    table = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  } catch {
    return [];
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const [p, pp] of table) {
      if (pp === parent && !found.includes(p)) {
        found.push(p);
        queue.push(p);
      }
    }
  }
  return found;
}
