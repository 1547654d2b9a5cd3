import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../config/logger';

// The Microsoft 365 Agents Playground (a devDependency): a local Teams-like chat wired to our bot.

export interface RunningPlayground {
  url: string;
  stop(): Promise<void>;
}

export async function startPlayground(options: { port: number; botUrl: string; workDir: string; logger: Logger }): Promise<RunningPlayground> {
  const cli = path.join(path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
  fs.mkdirSync(options.workDir, { recursive: true });
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, 'start', '-e', options.botUrl, '-c', 'msteams', '-p', String(options.port), '--disable-telemetry'],
    // It writes ./devTools/ into its working directory: keep that under .data/, not in the project.
    { cwd: options.workDir, env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log = options.logger.child({ component: 'playground' });
  child.stdout?.on('data', (chunk: Buffer) => log.debug(chunk.toString().trim()));
  child.stderr?.on('data', (chunk: Buffer) => log.debug(chunk.toString().trim()));
  const url = `http://localhost:${options.port}`;
  await waitUntilAnswering(url, child);
  return {
    url,
    stop: () => stopChild(child),
  };
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Agents Playground exited with code ${child.exitCode}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`Agents Playground did not answer on ${url}`);
}

/** SIGTERM, then SIGKILL if it lingers: no orphan keeps the port. */
export function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
