import fs from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector';

// A CPU profile of the process it runs in (V8's sampling profiler through node:inspector, the same as
// `node --cpu-prof`), started and stopped around one benchmark phase, summarised as where the time went:
// the functions and the modules (a package under node_modules, a file of the repo, Node's own code) with
// the most self time. The raw profile is written too: open it in Chrome DevTools (Performance → Load
// profile) or VS Code to see the call trees.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileEntry {
  name: string;
  selfMs: number;
  /** Share of the busy time (all samples but idle). */
  share: number;
}

export interface ProfileSummary {
  /** Wall time profiled. */
  wallMs: number;
  /** Sampled time the thread was not idle. */
  busyMs: number;
  topFunctions: ProfileEntry[];
  topModules: ProfileEntry[];
  /** Where the raw .cpuprofile was written. */
  file?: string;
}

const ROOT = path.resolve(__dirname, '..', '..');

let session: Session | undefined;

const post = <T>(method: string, params?: object) =>
  new Promise<T>((resolve, reject) => session!.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));

export async function startProfile(intervalUs = 200): Promise<void> {
  if (session) throw new Error('a profile is already running');
  session = new Session();
  session.connect();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: intervalUs });
  await post('Profiler.start');
}

export async function stopProfile(file?: string, top = 15): Promise<ProfileSummary> {
  if (!session) throw new Error('no profile is running');
  const { profile } = await post<{ profile: CpuProfile }>('Profiler.stop');
  await post('Profiler.disable');
  session.disconnect();
  session = undefined;
  if (file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(profile));
  }
  return { ...summariseProfile(profile, top), ...(file ? { file } : {}) };
}

/** Self time per function and per module, from the samples (each sample's time is the delta to the next). */
export function summariseProfile(profile: CpuProfile, top = 15): Omit<ProfileSummary, 'file'> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time since the previous sample: it belongs to the sample before this one.
    const us = deltas[i + 1] ?? 0;
    selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + us);
  }
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    busyUs += us;
    const where = shortUrl(url);
    const name = where ? `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}` : functionName || '(native)';
    functions.set(name, (functions.get(name) ?? 0) + us);
    const module = moduleOf(url, functionName);
    modules.set(module, (modules.get(module) ?? 0) + us);
  }
  const rank = (map: Map<string, number>): ProfileEntry[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, selfMs: Math.round(us / 100) / 10, share: busyUs ? Math.round((us / busyUs) * 1000) / 1000 : 0 }));
  return {
    wallMs: Math.round((profile.endTime - profile.startTime) / 1000),
    busyMs: Math.round(busyUs / 1000),
    topFunctions: rank(functions),
    topModules: rank(modules),
  };
}

function shortUrl(url: string): string {
  if (!url) return '';
  const file = url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url;
  const inModules = file.lastIndexOf('/node_modules/');
  if (inModules >= 0) return file.slice(inModules + '/node_modules/'.length);
  return file.startsWith(ROOT) ? path.relative(ROOT, file) : file;
}

/** A package under node_modules, a file of the repo, Node's own code by area, or V8's pseudo-frames. */
export function moduleOf(url: string, functionName = ''): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const short = shortUrl(url);
  if (url.includes('/node_modules/')) {
    const parts = short.split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (short.startsWith('node:')) return short.split('/').slice(0, 2).join('/');
  return short;
}
