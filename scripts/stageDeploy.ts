// npm run stage:deploy: stages what the App Service runs into .deploy/ — the built service (dist/bot),
// the built tab pages (dist/tabs), package.json, package-lock.json and the production node_modules
// (`npm ci --omit=dev --ignore-scripts` inside .deploy/, see PRODUCTION_INSTALL). m365agents.yml's deploy step zips .deploy/
// and zip-deploys it. Run `npm run build` first. The file selection is a function, for the tests.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** What goes into the artifact, relative to the repository root. Directories are copied whole. */
export const DEPLOY_ENTRIES = ['dist/bot', 'dist/tabs', 'package.json', 'package-lock.json'] as const;

/** Files that must exist, or the artifact would not start or would break the Teams app. */
export const REQUIRED_FILES = [
  'dist/bot/index.js',
  'dist/tabs/config.html',
  'dist/tabs/personal.html',
  'dist/tabs/consent.html',
  'package.json',
  'package-lock.json',
] as const;

export const STAGE_DIR = '.deploy';

/**
 * The production install in the stage folder: exactly the locked versions (package-lock.json), without
 * devDependencies and without install scripts (none is needed at run time).
 */
export const PRODUCTION_INSTALL = ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'] as const;

const npmCommand = (): string => (process.platform === 'win32' ? 'npm.cmd' : 'npm');

/** Every file that would be staged (relative, '/'-separated, sorted); throws if a required file is missing. */
export function deployFileSelection(root: string): string[] {
  const missing = REQUIRED_FILES.filter((file) => !existsSync(join(root, file)));
  if (missing.length) {
    throw new Error(`Missing ${missing.join(', ')} — run \`npm run build\` first (and \`npm ci\` for the dependencies).`);
  }
  const files: string[] = [];
  const walk = (path: string): void => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path)) walk(join(path, entry));
    } else {
      files.push(relative(root, path).split(sep).join('/'));
    }
  };
  for (const entry of DEPLOY_ENTRIES) walk(join(root, entry));
  return files.sort();
}

/** Copies the selection into `outDir` (emptied first); with `install`, adds the production node_modules. */
export function stageDeploy(root: string, outDir = join(root, STAGE_DIR), options: { install?: boolean } = {}): string[] {
  const files = deployFileSelection(root);
  const target = resolve(outDir);
  if (target === resolve(root) || resolve(root).startsWith(target + sep)) throw new Error(`Refusing to stage into ${target}`);
  rmSync(target, { recursive: true, force: true });
  for (const file of files) {
    const to = join(target, file);
    mkdirSync(dirname(to), { recursive: true });
    cpSync(join(root, file), to);
  }
  if (options.install ?? true) {
    const result = spawnSync(npmCommand(), [...PRODUCTION_INSTALL], { cwd: target, stdio: 'inherit', shell: process.platform === 'win32' });
    if (result.status !== 0) throw new Error(`npm ${PRODUCTION_INSTALL.join(' ')} failed in ${target} (exit ${result.status ?? result.signal})`);
  }
  return files;
}

if (require.main === module) {
  try {
    const root = resolve(__dirname, '..');
    const files = stageDeploy(root);
    console.log(`Staged ${files.length} files and the production node_modules in ${STAGE_DIR}/`);
  } catch (error) {
    console.error(`npm run stage:deploy: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
