import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { CHROMIUM_ARGS } from '../test/support/chromiumArgs';
import { chromium, type Browser } from 'playwright-core';
import { createTables, ensureTables, uniqueTablePrefix } from '../bot/storage/tables';
import { NetworkStore } from '../bot/storage/networkStore';
import { seedExamples } from '../scripts/seedExample';
import { SOCIAL_ECONOMY_ID } from '../scripts/examples';
import { ROOT } from './support/child';
import { startInstance } from './support/instance';
import { exampleRows, largeNetwork } from './support/networks';
import { LARGE } from './largeNetwork';
import { hr, median, percentile, ratio, round, table } from './support/stats';

// Benchmark 4: the tab pages. (a) What each entry page makes the browser download before it can run:
// its HTML, entry script, the chunks it imports statically and its CSS — raw and gzipped (node:zlib,
// default level 6) — and what it may load later (dynamic imports). Built with `vite build` into a
// temporary folder (same config as `npm run build:tabs`, plus a manifest), so dist/tabs is left alone.
// (b) How long until the planner is usable in headless Chromium: plan.html#planner opened standalone
// as the development identity "lene" (the leader), cold (a fresh browser context each time), timed from
// navigation start until the last meeting's row controls in the planning tool exist and are enabled.

export interface TabsOptions {
  connectionString: string;
  small: boolean;
  build: boolean;
  log: (line: string) => void;
  /** An earlier run's JSON (bench/results/…) whose figures are shown beside this run's; '' for none. */
  baseline?: string;
}

/** The run before the tabs were split (all sections and both languages in the first download; issue 17). */
export const TABS_BASELINE = path.join(ROOT, 'bench', 'results', '2026-12-03-vm-tabs.json');

interface Baseline {
  file: string;
  sizes: Map<string, number>;
  ready: Map<string, number>;
}

function readBaseline(file: string | undefined): Baseline | undefined {
  if (!file || !fs.existsSync(file)) return undefined;
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { results?: { tabs?: { sizes?: { page: string; gzipKiB: number }[]; timings?: { subject: string; readyMedianMs: number }[] } } };
  const tabs = json.results?.tabs;
  if (!tabs) return undefined;
  return {
    file: path.relative(ROOT, file),
    sizes: new Map((tabs.sizes ?? []).map((s) => [s.page, s.gzipKiB])),
    ready: new Map((tabs.timings ?? []).map((t) => [t.subject, t.readyMedianMs])),
  };
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const gz = (buffer: Buffer) => zlib.gzipSync(buffer).length;

function buildTabs(outDir: string): Promise<number> {
  const start = hr();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.config.mjs', '--logLevel', 'warn', '--outDir', outDir, '--manifest'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('exit', (code) => (code === 0 ? resolve(hr() - start) : reject(new Error(`vite build exited with ${code}`))));
  });
}

export function entrySizes(outDir: string) {
  const manifest = JSON.parse(fs.readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const sizeOf = (file: string) => {
    const buffer = fs.readFileSync(path.join(outDir, file));
    return { raw: buffer.length, gzip: gz(buffer) };
  };
  const rows: Record<string, unknown>[] = [];
  for (const [key, entry] of Object.entries(manifest).filter(([, c]) => c.isEntry).sort(([a], [b]) => a.localeCompare(b))) {
    const initial = new Set<string>();
    const css = new Set<string>();
    const visit = (k: string) => {
      const chunk = manifest[k]!;
      if (initial.has(chunk.file)) return;
      initial.add(chunk.file);
      chunk.css?.forEach((c) => css.add(c));
      chunk.imports?.forEach(visit);
    };
    visit(key);
    const lazy = new Set<string>();
    const visitLazy = (k: string) => {
      const chunk = manifest[k]!;
      if (initial.has(chunk.file) || lazy.has(chunk.file)) return;
      lazy.add(chunk.file);
      chunk.css?.forEach((c) => lazy.add(c));
      chunk.imports?.forEach(visitLazy);
      chunk.dynamicImports?.forEach(visitLazy);
    };
    const visitDynamic = (k: string) => {
      const chunk = manifest[k]!;
      chunk.dynamicImports?.forEach(visitLazy);
      chunk.imports?.forEach((i) => manifest[i]!.dynamicImports?.forEach(visitLazy));
    };
    visitDynamic(key);
    const html = sizeOf(key);
    const files = [...initial, ...css].map(sizeOf);
    const later = [...lazy].map(sizeOf);
    const sum = (list: { raw: number; gzip: number }[], k: 'raw' | 'gzip') => list.reduce((s, f) => s + f[k], 0);
    rows.push({
      page: key,
      files: files.length + 1,
      rawKiB: round((html.raw + sum(files, 'raw')) / 1024),
      gzipKiB: round((html.gzip + sum(files, 'gzip')) / 1024),
      jsGzipKiB: round(sum([...initial].map(sizeOf), 'gzip') / 1024),
      cssGzipKiB: round(sum([...css].map(sizeOf), 'gzip') / 1024),
      lazyGzipKiB: round(sum(later, 'gzip') / 1024),
      gzipRatio: ratio(html.gzip + sum(files, 'gzip'), html.raw + sum(files, 'raw')),
    });
  }
  return rows;
}

/**
 * Installed in the page before it runs: notes performance.now() when the planner is usable. A string,
 * not a function: tsx (esbuild) would wrap a function's inner functions in a helper the page lacks.
 * It looks once per frame: a MutationObserver on the whole document (as until 04.12.2026) recorded each of the
 * large planner's ~10,000 new nodes and cost the page it measured 30–95 ms of its main thread.
 */
export function plannerReadyProbe(user: string, meetings: number): string {
  return `(() => {
    localStorage.setItem('netvaerk.devUser', ${JSON.stringify(user)});
    const check = () => {
      const sections = document.querySelectorAll('section[data-meeting]');
      const last = sections[sections.length - 1];
      const control = sections.length >= ${meetings} && last.querySelector('button[id^="planner-add-"], button[id^="planner-edit-"], button[id^="planner-remove-"]');
      if (!control || control.disabled || control.getAttribute('aria-disabled') === 'true' || control.getClientRects().length === 0) {
        requestAnimationFrame(check);
        return;
      }
      window.__plannerReady = performance.now();
    };
    requestAnimationFrame(check);
  })();`;
}

export async function runTabs(options: TabsOptions) {
  const runs = options.small ? 2 : 7;
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netvaerk-bench-tabs-'));
  let buildMs: number | undefined;
  try {
    if (options.build) {
      options.log(`tabs: vite build into ${outDir}…`);
      buildMs = await buildTabs(outDir);
    } else {
      // Reuse dist/tabs: the sizes need the manifest, which `npm run build:tabs` does not write (add --manifest).
      if (!fs.existsSync(path.join(ROOT, 'dist', 'tabs', '.vite', 'manifest.json'))) throw new Error('--no-build needs dist/tabs built with --manifest');
      fs.cpSync(path.join(ROOT, 'dist', 'tabs'), outDir, { recursive: true });
    }
    const sizes = entrySizes(outDir);

    const prefix = uniqueTablePrefix('tabs');
    const tables = createTables({ connectionString: options.connectionString, prefix });
    await ensureTables(tables);
    const store = new NetworkStore(tables.networks);
    await seedExamples(store);
    const large = largeNetwork(LARGE);
    await store.commit(large.network.id, exampleRows(large));
    const example = (await store.load(SOCIAL_ECONOMY_ID))!;

    const instance = await startInstance({ connectionString: options.connectionString, tablePrefix: prefix, scheduler: false, instanceId: 'tabs', tabsDir: outDir });
    let browser: Browser | undefined;
    const timings: Record<string, unknown>[] = [];
    let served: { contentEncoding: string | null; contentLength: string | null } | undefined;
    try {
      // Does the service compress what it serves? (Browsers always offer gzip.)
      const html = await (await fetch(`${instance.url}/tabs/plan.html`)).text();
      const script = /src="([^"]+\.js)"/.exec(html)?.[1];
      if (script) {
        const response = await fetch(new URL(script, `${instance.url}/tabs/plan.html`), { headers: { 'accept-encoding': 'gzip, br' } });
        await response.arrayBuffer();
        served = { contentEncoding: response.headers.get('content-encoding'), contentLength: response.headers.get('content-length') };
      }
      browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, timeout: 30_000 });
      for (const [name, aggregate] of [
        ['example network', example],
        ['large network', large],
      ] as const) {
        const ready: number[] = [];
        const dcl: number[] = [];
        const apiMs: number[] = [];
        options.log(`tabs: planner of the ${name}, ${runs} cold loads…`);
        for (let i = 0; i < runs + 1; i++) {
          const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } });
          await context.addInitScript({ content: plannerReadyProbe('lene', aggregate.meetings.length) });
          const page = await context.newPage();
          await page.goto(`${instance.url}/tabs/plan.html?networkId=${encodeURIComponent(aggregate.network.id)}#planner`, { waitUntil: 'commit' });
          const at = await page.waitForFunction(() => (window as unknown as { __plannerReady?: number }).__plannerReady, undefined, { timeout: 60_000, polling: 100 });
          const readyMs = (await at.jsonValue()) as number;
          const nav = await page.evaluate(() => {
            const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
            const api = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => /\/api\/networks\/[^/?]+$/.test(new URL(r.name).pathname));
            return { dcl: entry?.domContentLoadedEventEnd ?? NaN, api: api.length ? Math.max(...api.map((r) => r.duration)) : NaN };
          });
          await context.close();
          if (i === 0) continue; // the first load also warms the service and Chromium's process
          ready.push(readyMs);
          dcl.push(nav.dcl);
          apiMs.push(nav.api);
        }
        timings.push({
          subject: `plan.html#planner, ${name}`,
          meetings: aggregate.meetings.length,
          plannerRows: aggregate.assignments.length,
          runs,
          readyMedianMs: round(median(ready)),
          readyP95Ms: round(percentile(ready, 95)),
          domContentLoadedMs: round(median(dcl)),
          apiGetMs: round(median(apiMs)),
        });
      }
    } finally {
      await browser?.close();
      await instance.stop();
    }
    timings[1]!.vsExample = ratio(timings[1]!.readyMedianMs as number, timings[0]!.readyMedianMs as number);
    timings[0]!.vsExample = 1;
    for (const t of timings) t.readyVsDcl = ratio(t.readyMedianMs as number, t.domContentLoadedMs as number);
    // Beside an earlier run (by default the one before the split): its figure and this run's ÷ it.
    const baseline = readBaseline(options.baseline ?? TABS_BASELINE);
    if (baseline) {
      for (const row of sizes) {
        const before = baseline.sizes.get(row.page as string);
        if (before !== undefined) Object.assign(row, { beforeGzipKiB: before, vsBefore: ratio(row.gzipKiB as number, before) });
      }
      for (const t of timings) {
        const before = baseline.ready.get(t.subject as string);
        if (before !== undefined) Object.assign(t, { beforeReadyMs: before, vsBefore: ratio(t.readyMedianMs as number, before) });
      }
    }

    const text = [
      table(
        `Tab pages: what each entry page downloads before it runs (vite build${buildMs ? ` in ${round(buildMs)} ms` : ''})`,
        [
          { key: 'page', title: 'page' },
          { key: 'files', title: 'files' },
          { key: 'rawKiB', title: 'raw KiB' },
          { key: 'gzipKiB', title: 'gzip KiB' },
          { key: 'jsGzipKiB', title: 'JS gzip' },
          { key: 'cssGzipKiB', title: 'CSS gzip' },
          { key: 'gzipRatio', title: 'gzip÷raw' },
          { key: 'lazyGzipKiB', title: 'later (lazy) gzip' },
          ...(baseline ? [{ key: 'beforeGzipKiB', title: 'before: gzip KiB' }, { key: 'vsBefore', title: '÷ before' }] : []),
        ],
        sizes,
      ),
      served?.contentEncoding === 'gzip'
        ? '  the service sends them gzipped to a browser that accepts it: the gzip column is what travels'
        : `  the service sends them with Content-Encoding: ${served?.contentEncoding ?? 'none'}: a browser downloads the raw size unless a proxy/CDN compresses`,
      table(
        'Planner usable in headless Chromium (cold context; navigation start → last meeting\'s row control enabled), median',
        [
          { key: 'subject', title: 'page' },
          { key: 'meetings', title: 'meetings' },
          { key: 'plannerRows', title: 'planner rows' },
          { key: 'readyMedianMs', title: 'ready ms' },
          { key: 'readyP95Ms', title: 'p95 ms' },
          { key: 'domContentLoadedMs', title: 'DOMContentLoaded ms' },
          { key: 'apiGetMs', title: 'GET network ms' },
          { key: 'readyVsDcl', title: 'ready÷DCL' },
          { key: 'vsExample', title: '÷ example' },
          ...(baseline ? [{ key: 'beforeReadyMs', title: 'before: ready ms' }, { key: 'vsBefore', title: '÷ before' }] : []),
        ],
        timings,
      ),
      baseline ? `  before: ${baseline.file} (load average and machine in that file)` : '',
    ].filter(Boolean).join('\n');
    return { text, buildMs: buildMs && round(buildMs), sizes, served, timings, baseline: baseline?.file };
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
