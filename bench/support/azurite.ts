import { startChild, type Child } from './child';

export interface BenchAzurite {
  connectionString: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startBenchAzurite(): Promise<BenchAzurite> {
  const { child, ready } = await startChild<{ connectionString: string }>('azuriteChild.ts', {});
  return {
    connectionString: ready.connectionString,
    pid: child.pid,
    async stop() {
      await stopChild(child);
    },
  };
}

export async function stopChild(child: Child, graceMs = 10_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  await Promise.race([child.request('stop', {}, graceMs).catch(() => undefined), new Promise((r) => setTimeout(r, graceMs))]);
  await Promise.race([child.exited, new Promise((r) => setTimeout(r, 2000))]);
  await child.kill('SIGKILL');
}
