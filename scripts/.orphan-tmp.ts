import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { freePort, stopProcess } from '../test/support/runApp';
(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nv-orphan-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/index.ts'], { cwd: '/work/main', env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(await freePort()), PLAYGROUND_PORT: String(await freePort()), DATA_DIR: dataDir }, stdio: 'ignore' });
  let pg = 0;
  while (!pg) {
    const out = execFileSync('ps', ['-o', 'pid=,cmd=', '--ppid', String(child.pid)], { encoding: 'utf8' });
    const line = out.split('\n').find((l) => l.includes('agentsplayground'));
    if (line) pg = Number(line.trim().split(' ')[0]);
    else await new Promise((r) => setTimeout(r, 50));
  }
  console.log('app', child.pid, 'playground', pg, 'stopping during startup');
  await stopProcess(child);
  await new Promise((r) => setTimeout(r, 500));
  console.log('app exit', child.exitCode, child.signalCode);
  console.log(execFileSync('ps', ['-o', 'pid,ppid,stat,cmd', '-p', String(pg)], { encoding: 'utf8' }).slice(0, 300));
})().catch((e) => console.log('err', e.message));
