import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

// What a tab page makes the browser download before it runs — the HTML's module script, its modulepreloads
// and every chunk those import statically — read from the built pages in dist/tabs (`npm test` builds them
// first; `npm run build:tabs` alone does too). Gzip at node:zlib's default level, as `npm run bench` counts.
// Issue 17: the plan page was 350 KiB gzipped with all sections and both languages; the budget is 250 KiB.

const TABS = path.resolve(__dirname, '..', '..', 'dist', 'tabs');
const BUDGET_KIB = 250;
const PAGES = ['plan.html', 'delivery.html', 'index.html', 'personal.html', 'config.html', 'consent.html'];

const read = (file: string) => fs.readFileSync(path.join(TABS, file));
const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** The page's first download: files (relative to dist/tabs) in the order found. */
function firstDownload(page: string): string[] {
  const html = read(page).toString('utf8');
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const code = read(file).toString('utf8');
    // Static imports only (`import{…}from"./x.js"`, `import"./x.js"`); `import("./x.js")` is a lazy chunk.
    for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      visit(path.posix.join(path.posix.dirname(file), match[1]!));
    }
  };
  for (const match of html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/tabs\/([^"]+\.js)"/g)) visit(match[1]!);
  return [...files];
}

const gzipped = (files: string[]) => files.reduce((sum, file) => sum + zlib.gzipSync(read(file)).length, 0);
const lazyChunks = (first: string[]) => fs.readdirSync(path.join(TABS, 'assets')).map((f) => `assets/${f}`).filter((f) => f.endsWith('.js') && !first.includes(f));
const containing = (files: string[], text: string) => files.filter((file) => read(file).includes(text));

describe('the tab pages download little before they run (dist/tabs)', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(TABS, 'plan.html'))) throw new Error('dist/tabs is not built: run `npm run build:tabs` first');
  });

  test.each(PAGES)(`%s: its first download of JavaScript is at most ${BUDGET_KIB} KiB gzipped`, (page) => {
    const files = firstDownload(page);
    expect(files.length).toBeGreaterThan(0);
    const size = gzipped(files);
    if (page === 'plan.html') console.log(`plan.html first download: ${files.length} JS files, ${kib(size)} KiB gzipped (budget ${BUDGET_KIB})`);
    expect(kib(size)).toBeLessThanOrEqual(BUDGET_KIB);
  });

  test('the plan page downloads its sections on demand: no section is in its first download, each is a chunk of its own', () => {
    const first = firstDownload('plan.html');
    const later = lazyChunks(first);
    const sections = ['Theme', 'Participants', 'Invitations', 'Meetings', 'Planner', 'Agenda', 'Reflections', 'Summary', 'Analysis', 'Calendar', 'Timeline'];
    // The build names a lazy chunk after its module (tabs/src/plan/planner/PlannerSection.tsx → assets/PlannerSection-<hash>.js).
    expect(first.filter((file) => /Section-[\w-]+\.js$/.test(file))).toEqual([]);
    for (const section of sections) expect({ section, chunks: later.filter((file) => file.startsWith(`assets/${section}Section-`)).length }).toEqual({ section, chunks: 1 });
    // The meeting side panel's view (tabs/src/meeting/) too: only Teams' side panel (or ?view=sidepanel) downloads it.
    expect({ first: first.filter((file) => file.startsWith('assets/SidePanel-')), later: later.filter((file) => file.startsWith('assets/SidePanel-')).length }).toEqual({ first: [], later: 1 });
  });

  test('one language per page load: neither catalogue is in a first download, and they are separate chunks', () => {
    for (const page of PAGES.filter((p) => p !== 'consent.html')) {
      const first = firstDownload(page);
      expect({ page, danish: containing(first, 'Henter afsnittet'), english: containing(first, 'Loading the section') }).toEqual({ page, danish: [], english: [] });
    }
    const later = lazyChunks(firstDownload('plan.html'));
    const danish = containing(later, 'Henter afsnittet');
    const english = containing(later, 'Loading the section');
    expect(danish).toHaveLength(1);
    expect(english).toHaveLength(1);
    expect(danish[0]).not.toBe(english[0]);
  });
});
