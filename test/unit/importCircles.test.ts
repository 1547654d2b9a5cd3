import path from 'node:path';
import ts from 'typescript';

// No import circles, in the service or in the tab pages: data flows one way (pages → sections → shared → shell,
// and everything → the domain). Type-only imports count: a circle of types is still a circle of modules.

interface MadgeResult {
  circular(): string[][];
  warnings(): { skipped: string[] };
  obj(): Record<string, string[]>;
}
type Madge = (paths: string[], config: object) => Promise<MadgeResult>;
// madge ships no types; this is the part of its API used here.
const madge: Madge = require('madge');

const root = path.resolve(__dirname, '..', '..');

/** A tsconfig's compilerOptions as madge wants them: JSON (it converts them itself), paths against an absolute base. */
function compilerOptionsOf(tsconfig: string): Record<string, unknown> {
  const file = path.join(root, tsconfig);
  const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const options = config.compilerOptions as Record<string, unknown>;
  // Without a baseUrl madge drops "paths" (its resolver needs one); TypeScript reads paths from the tsconfig's folder.
  return { ...options, baseUrl: path.dirname(file) };
}

async function graphOf(folder: string, tsconfig: string): Promise<MadgeResult> {
  return madge([path.join(root, folder)], {
    baseDir: root,
    fileExtensions: ['ts', 'tsx'],
    tsConfig: { compilerOptions: compilerOptionsOf(tsconfig) },
    detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
  });
}

describe('import circles', () => {
  jest.setTimeout(60_000);

  test('the service (bot/) has none', async () => {
    const graph = await graphOf('bot', 'tsconfig.json');
    expect(graph.warnings().skipped).toEqual([]);
    expect(graph.circular()).toEqual([]);
  });

  test('the tab pages (tabs/src) have none, the domain they import by name included', async () => {
    const graph = await graphOf('tabs/src', 'tabs/tsconfig.json');
    // An import madge cannot resolve (an alias it does not know) would hide the circles through it.
    expect(graph.warnings().skipped).toEqual([]);
    expect(Object.keys(graph.obj())).toContain('bot/domain/model.ts');
    expect(graph.circular()).toEqual([]);
  });
});
