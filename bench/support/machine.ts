import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** What the figures were measured on: they mean little without it. */
export function machineInfo() {
  const cpus = os.cpus();
  let uptime = '';
  try {
    uptime = execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    uptime = `loadavg ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`;
  }
  return {
    hostname: os.hostname(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemoryMiB: Math.round(os.totalmem() / 1024 / 1024),
    freeMemoryMiB: Math.round(os.freemem() / 1024 / 1024),
    node: process.version,
    loadavg: os.loadavg().map((n) => Number(n.toFixed(2))),
    uptime,
  };
}
