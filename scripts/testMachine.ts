// npm test's first step (pretest): the system programs the tests drive that npm cannot install —
// Chromium for the tab pages and the Agents Playground, LibreOffice Writer to read the Word export
// back. Found: nothing to do. Missing, as root on Debian/Ubuntu: installed with apt-get, as .ci/run
// used to. Otherwise one line says what to install, instead of hundreds of failing tests.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface SystemProgram {
  what: string;
  /** Debian packages that provide it. */
  packages: string[];
  found: () => boolean;
}

const onPath = (command: string) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));

export const SYSTEM_PROGRAMS: SystemProgram[] = [
  {
    what: 'Chromium (browser tests)',
    packages: ['chromium', 'fonts-dejavu-core'],
    found: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
  },
  {
    what: 'LibreOffice Writer (reads the Word export back)',
    packages: ['libreoffice-writer-nogui'],
    found: () => onPath('soffice'),
  },
];

export function missingPrograms(programs = SYSTEM_PROGRAMS): SystemProgram[] {
  return programs.filter((program) => !program.found());
}

export function installHint(missing: SystemProgram[]): string {
  const packages = missing.flatMap((program) => program.packages).join(' ');
  return `npm test needs ${missing.map((program) => program.what).join(' and ')}: run \`sudo apt-get install -y --no-install-recommends ${packages}\` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium you have.`;
}

function aptInstall(packages: string[]): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]) => spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] }).status === 0;
  return run(['update', '-qq']) && run(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
}

function main(): void {
  const missing = missingPrograms();
  if (!missing.length) return;
  const canInstall = process.getuid?.() === 0 && onPath('apt-get');
  if (canInstall) {
    console.log(`Installing ${missing.map((program) => program.what).join(' and ')} with apt-get (once)…`);
    if (aptInstall(missing.flatMap((program) => program.packages)) && !missingPrograms().length) return;
  }
  console.error(installHint(missingPrograms()));
  process.exit(1);
}

if (require.main === module) main();
