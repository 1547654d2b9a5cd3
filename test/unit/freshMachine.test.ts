import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { installHint, missingPrograms, type SystemProgram } from '../../scripts/testMachine';

// What a new machine meets: `npm ci` must accept the lockfile, and `npm test` must say in one line what
// it cannot install itself.

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

interface LockedPackage {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  dev?: boolean;
}

describe('the lockfile npm ci installs from', () => {
  const manifest = read('package.json');
  const lock = read('package-lock.json') as { packages: Record<string, LockedPackage> };

  test('names exactly the dependencies package.json asks for', () => {
    const rootEntry = lock.packages['']!;
    expect(rootEntry.dependencies).toEqual(manifest.dependencies);
    expect((rootEntry as { devDependencies?: unknown }).devDependencies).toEqual(manifest.devDependencies);
  });

  test('has an entry for every dependency of every locked package, optional platform bindings included', () => {
    // npm's resolution: the nearest node_modules folder up from the package that needs it.
    const resolves = (from: string, name: string) => {
      for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))) {
        if (lock.packages[`${dir ? `${dir}/` : ''}node_modules/${name}`]) return true;
        if (!dir) return false;
      }
    };
    const missing: string[] = [];
    for (const [location, entry] of Object.entries(lock.packages)) {
      const optionalPeers = Object.entries(entry.peerDependenciesMeta ?? {}).filter(([, meta]) => meta.optional).map(([name]) => name);
      const needed = [...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {}), ...Object.keys(entry.peerDependencies ?? {}).filter((name) => !optionalPeers.includes(name))];
      for (const name of needed) if (!resolves(location, name)) missing.push(`${location || '(root)'} → ${name}`);
    }
    expect(missing).toEqual([]);
  });

  test('pins every direct dependency to one exact version', () => {
    const ranges = Object.entries({ ...manifest.dependencies, ...manifest.devDependencies }).filter(([, spec]) => !/^\d+\.\d+\.\d+$/.test(String(spec)));
    expect(ranges).toEqual([]);
  });
});

describe('npm test on a machine without the browser or LibreOffice', () => {
  const program = (what: string, present: boolean, packages: string[]): SystemProgram => ({ what, packages, found: () => present });

  test('finds what is missing and says in one line which packages to install', () => {
    const missing = missingPrograms([program('Chromium', false, ['chromium']), program('LibreOffice Writer', true, ['libreoffice-writer-nogui'])]);
    expect(missing.map((p) => p.what)).toEqual(['Chromium']);
    const hint = installHint(missing);
    expect(hint.split('\n')).toHaveLength(1);
    expect(hint).toContain('apt-get install -y --no-install-recommends chromium');
    expect(hint).not.toContain('libreoffice');
  });

  test('is wired as the step before the tests, and CI runs only the README command', () => {
    expect(read('package.json').scripts.pretest).toBe('tsx scripts/testMachine.ts');
    const ci = fs.readFileSync(path.join(root, '.ci', 'run'), 'utf8');
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).toMatch(/^npm test$/m);
    expect(ci).not.toMatch(/apt-get|npm install/);
  });
});

describe('engines tell the truth', () => {
  const manifest = read('package.json');
  const lock = read('package-lock.json') as { packages: Record<string, LockedPackage & { engines?: { node?: string } }> };
  // The lowest Node of each line our engines allow (e.g. 20.19.0, 22.0.0, 24.0.0).
  const lowest = (manifest.engines.node as string).split('||').map((range) => semver.minVersion(range.trim())!.version);

  test('every production dependency runs on every Node line we declare, so npm install warns about none', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([location, entry]) => location && !entry.dev && entry.engines?.node)
      .flatMap(([location, entry]) => lowest.filter((node) => !semver.satisfies(node, entry.engines!.node!)).map((node) => `${location} needs ${entry.engines!.node} (not ${node})`));
    expect(refusing).toEqual([]);
  });

  test('App Service runs a Node the engines allow, and the README names it', () => {
    const runtime = /linuxFxVersion: 'NODE\|(\d+)-lts'/.exec(fs.readFileSync(path.join(root, 'infra', 'azure.bicep'), 'utf8'))![1]!;
    expect(semver.satisfies(`${runtime}.0.0`, manifest.engines.node)).toBe(true);
    expect(fs.readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(`Node.js ${runtime}`);
  });
});
