import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

// Runs a TypeScript file of bench/support in its own Node process (tsx), talking over IPC. The
// service, Azurite and the harness each get a process, as they would get machines in production, so
// a crash can be a real SIGKILL and the harness's own work does not sit on the service's event loop.

export const ROOT = path.resolve(__dirname, '..', '..');

export interface Child {
  process: ChildProcess;
  pid: number;
  /** Everything it printed (stdout + stderr), for a failure report. */
  output(): string;
  /** Sends a message and resolves with the first answer of type `${type}:done`. */
  request<T = unknown>(type: string, payload?: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  /** Resolves when the process has exited (code or signal). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startChild<T>(file: string, env: NodeJS.ProcessEnv, readyTimeoutMs = 60_000): Promise<{ child: Child; ready: T }> {
  let output = '';
  const proc = spawn(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', path.join(ROOT, 'bench', 'support', file)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  proc.stdout!.on('data', (chunk) => (output = (output + chunk).slice(-200_000)));
  proc.stderr!.on('data', (chunk) => (output = (output + chunk).slice(-200_000)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let nextId = 1;
  const child: Child = {
    process: proc,
    pid: proc.pid!,
    output: () => output,
    exited,
    request<R>(type: string, payload: Record<string, unknown> = {}, timeoutMs = 120_000) {
      const id = nextId++;
      return new Promise<R>((resolve, reject) => {
        const timer = setTimeout(() => {
          proc.off('message', onMessage);
          reject(new Error(`${file}: no answer to ${type} within ${timeoutMs} ms`));
        }, timeoutMs);
        const onMessage = (message: { type?: string; id?: number; value?: R; error?: string }) => {
          if (message.id !== id) return;
          clearTimeout(timer);
          proc.off('message', onMessage);
          if (message.error) reject(new Error(message.error));
          else resolve(message.value as R);
        };
        proc.on('message', onMessage);
        proc.send({ type, id, ...payload });
      });
    },
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill(signal);
      await exited;
    },
  };
  const ready = await new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file} was not ready within ${readyTimeoutMs} ms:\n${output}`)), readyTimeoutMs);
    proc.once('message', (message: { type?: string; value?: T }) => {
      clearTimeout(timer);
      if (message.type === 'ready') resolve(message.value as T);
      else reject(new Error(`${file}: unexpected first message ${JSON.stringify(message)}`));
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${file} exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
  return { child, ready };
}

/** In a child: answers requests of the parent by type. */
export function serveRequests(handlers: Record<string, (message: Record<string, unknown>) => Promise<unknown> | unknown>): void {
  process.on('message', async (message: { type: string; id: number }) => {
    const handler = handlers[message.type];
    try {
      if (!handler) throw new Error(`unknown request ${message.type}`);
      const value = await handler(message as unknown as Record<string, unknown>);
      process.send?.({ id: message.id, value });
    } catch (error) {
      process.send?.({ id: message.id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
  });
  // The parent going away ends the child (no orphans if the harness is interrupted).
  process.on('disconnect', () => process.exit(0));
}
