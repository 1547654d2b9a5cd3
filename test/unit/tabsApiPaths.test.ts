import fs from 'node:fs';
import path from 'node:path';

// One typed API client: every path under /api/networks is built in tabs/src/shell/networkApi.ts, and nowhere else
// in the tab pages (no hand-built `/api/networks/${…}` in feature code, no second copy of a response type's path).

const tabs = path.resolve(__dirname, '..', '..', 'tabs', 'src');
const CLIENT = path.join('shell', 'networkApi.ts');

function sourcesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourcesUnder(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('the tabs’ API paths', () => {
  test('only the typed client builds paths under /api/networks', () => {
    const offenders = sourcesUnder(tabs)
      .filter((file) => path.relative(tabs, file) !== CLIENT)
      .flatMap((file) =>
        fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .map((line, index) => ({ line, index }))
          .filter(({ line }) => /['"`]\/api\/networks|\/api\/networks\//.test(line))
          .map(({ line, index }) => `${path.relative(tabs, file)}:${index + 1}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  test('the client is where they are built', () => {
    expect(fs.readFileSync(path.join(tabs, CLIENT), 'utf8')).toContain("const NETWORKS = '/api/networks';");
  });
});
