import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// `npm start` as a user runs it: the service starts its own emulator and the Agents Playground,
// keeps data under DATA_DIR across a restart, and Ctrl-C leaves nothing behind.

const root = path.resolve(__dirname, '..', '..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('timed out');
}

function start(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/index.ts'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('npm start, locally', () => {
  jest.setTimeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netvaerk-run-'));
  const running: ChildProcess[] = [];
  afterAll(async () => {
    // A failed assertion must not leave a service (and its playground) running.
    await Promise.all(running.filter((c) => c.exitCode === null && c.signalCode === null).map((c) => (c.kill('SIGINT'), exited(c))));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const createNetwork = async (api: string, name: string): Promise<string> => {
    const created = await fetch(`${api}/api/networks`, {
      method: 'POST',
      headers: { 'X-Dev-User': 'lene', 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, type: 'welfare', theme: 'Frivillige i ældreplejen', startDate: '2027-02-01' }),
    });
    expect(created.status).toBe(201);
    return (await created.json()).id;
  };

  /** Starts the service again on the same data and finds the network there. */
  const restartAndFind = async (env: NodeJS.ProcessEnv, api: string, id: string, name: string) => {
    const again = start(env);
    running.push(again.child);
    try {
      await waitFor(async () => again.output().includes('Ctrl-C'));
      const found = await fetch(`${api}/api/networks/${id}`, { headers: { 'X-Dev-User': 'lene' } });
      expect(found.status).toBe(200);
      expect((await found.json()).network.name).toBe(name);
    } finally {
      again.child.kill('SIGINT');
      await exited(again.child);
    }
  };

  test('starts emulator and playground, keeps data across a restart, and stops cleanly on Ctrl-C', async () => {
    const [port, playgroundPort] = [await freePort(), await freePort()];
    const env = { PORT: String(port), PLAYGROUND_PORT: String(playgroundPort), DATA_DIR: dataDir };
    const api = `http://127.0.0.1:${port}`;

    const first = start(env);
    running.push(first.child);
    await waitFor(async () => first.output().includes('Ctrl-C'));
    expect(await answers(`${api}/healthz`)).toBe(true);
    expect(await answers(`http://127.0.0.1:${playgroundPort}`)).toBe(true);
    expect(first.output()).toContain(`http://localhost:${playgroundPort}`);
    expect(first.output()).toContain('/tabs/index.html');

    const id = await createNetwork(api, 'Frivillighed på tværs');

    first.child.kill('SIGINT');
    expect(await exited(first.child)).toBe(0);
    expect(await answers(`${api}/healthz`)).toBe(false);
    expect(await answers(`http://127.0.0.1:${playgroundPort}`)).toBe(false);

    await restartAndFind(env, api, id, 'Frivillighed på tværs');
  });

  test('a write the service acknowledged survives a hard crash (kill -9), and only this machine can reach the service', async () => {
    const port = await freePort();
    // No playground: a killed service cannot stop its child processes.
    const env = { PORT: String(port), START_PLAYGROUND: 'false', DATA_DIR: fs.mkdtempSync(path.join(dataDir, 'crash-')) };
    const api = `http://127.0.0.1:${port}`;
    const first = start(env);
    running.push(first.child);
    await waitFor(async () => first.output().includes('Ctrl-C'));
    const id = await createNetwork(api, 'Lige før nedbruddet');
    // Development identities are trusted, so the service is not reachable from other machines.
    const outside = Object.values(os.networkInterfaces()).flat().find((address) => address && address.family === 'IPv4' && !address.internal);
    if (outside) expect(await answers(`http://${outside.address}:${port}/healthz`)).toBe(false);
    first.child.kill('SIGKILL');
    await exited(first.child);

    await restartAndFind(env, api, id, 'Lige før nedbruddet');
  });
});
