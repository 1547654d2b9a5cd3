import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { hr, round } from './stats';

// CPU time per process over a benchmark phase (Linux /proc), to tell what limits it: a process near
// 1.0 core is CPU-bound; the machine has os.cpus().length cores for all of them together.

let ticksPerSecond = 100;
try {
  ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
  // keep 100
}

/** CPU milliseconds (user + system) a process has used so far; NaN if it is gone or there is no /proc. */
export function cpuMsOf(pid: number): number {
  if (pid === process.pid) {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return NaN;
  }
}

export class CpuMeter {
  private readonly marks = new Map<string, { pid: number; from: number; fromWall: number; to?: number; toWall?: number }>();

  /** Starts counting a process (its CPU time from now). */
  watch(name: string, pid: number) {
    this.marks.set(name, { pid, from: cpuMsOf(pid), fromWall: hr() });
  }

  /** Freezes a process's figure now (before it is killed or stopped). */
  freeze(name: string) {
    const mark = this.marks.get(name);
    if (mark && mark.to === undefined) {
      mark.to = cpuMsOf(mark.pid);
      mark.toWall = hr();
    }
  }

  /** CPU ms per process and its share of one core over the time it was watched. */
  report(): Record<string, { cpuMs: number; cores: number }> {
    const out: Record<string, { cpuMs: number; cores: number }> = {};
    for (const [name, mark] of this.marks) {
      const used = (mark.to ?? cpuMsOf(mark.pid)) - mark.from;
      const wall = (mark.toWall ?? hr()) - mark.fromWall;
      out[name] = { cpuMs: round(used), cores: round(used / wall, 2) };
    }
    return out;
  }
}

export const formatCpu = (report: Record<string, { cores: number }>) =>
  Object.entries(report)
    .map(([name, r]) => `${name} ${Number.isFinite(r.cores) ? r.cores.toFixed(2) : '?'}`)
    .join(', ');
