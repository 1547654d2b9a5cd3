import type { App } from '../../bot/app';
import { emulatorConnectionString } from '../../bot/storage/azurite';
import { clientFor, startTestApp } from '../support/testApp';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';

// What a user sees when things break: storage gone before or in the middle of a request, and requests
// that are not what the service expects. The service answers clearly, writes all or nothing, and stays up.

const target = new URL(/TableEndpoint=(http:\/\/[^/;]+)/.exec(process.env.TEST_TABLES_CONNECTION_STRING!)![1]!);

let proxy: TcpProxy;
let app: App;
let lene: ReturnType<typeof clientFor>;
let networkId: string;
const N = () => `/api/networks/${networkId}`;

beforeAll(async () => {
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
  const connectionString = emulatorConnectionString(proxy.port);
  app = await startTestApp('faults', { connectionString, env: { STORAGE_CONNECTION_STRING: connectionString, SCHEDULER: 'off', MAX_BODY_BYTES: '4096' } });
  lene = clientFor(app, 'lene');
  networkId = (await lene.post('/api/networks', { name: 'Robusthed', type: 'learning', theme: 'Første tema', startDate: '2027-01-04' })).body.id;
});
afterEach(() => {
  proxy.set('pass');
  proxy.cutMatching = undefined;
});
afterAll(async () => {
  await app?.stop();
  await proxy?.close();
});

const theme = (heading: string) => ({
  theme: heading,
  whyInteresting: `Fordi ${heading}`,
  challengeAndConsequences: '', potentialOrDream: '', valueForWhom: '', whereFelt: '', subthemesApproach: '', contributors: '',
  characteristics: {},
});

describe('storage unavailable', () => {
  test('reads and writes get a clear 503 in Danish, health says degraded, and all is well when storage is back', async () => {
    proxy.set('refuse');
    const read = await lene.get(N());
    expect(read.status).toBe(503);
    expect(read.body.error).toMatchObject({ code: 'storageUnavailable', message: expect.stringMatching(/lager|prøv igen/i) });
    const write = await lene.post(`${N()}/participants`, { name: 'Mette', kind: 'core', role: 'employee', unit: 'SUN', competenceAreas: [] });
    expect(write.status).toBe(503);
    const english = await lene.get(N(), { 'Accept-Language': 'en' });
    expect(english.body.error.message).toMatch(/storage/i);
    const health = await fetch(`${app.url}/healthz`);
    expect([health.status, (await health.json()).storage]).toEqual([503, 'unavailable']);

    proxy.set('pass');
    const after = await lene.get(N());
    expect(after.status).toBe(200);
    expect(after.body.participants).toEqual([]); // the refused write left nothing behind
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  test('storage gone in the middle of a write: 503, and the change is there whole, never half or twice', async () => {
    const before = (await lene.get(N())).body;
    proxy.set('cutAfterRequest');
    proxy.cutMatching = /\$batch/; // the network loads; its transaction is cut after storage committed it
    // One transaction: the theme, its revision and the network's heading.
    const cut = await lene.put(`${N()}/theme`, theme('Andet tema'));
    expect(cut.status).toBe(503);
    expect(proxy.cutRequests).toBeGreaterThanOrEqual(1);

    proxy.set('pass');
    const after = (await lene.get(N())).body;
    // The cut came after storage answered, so the transaction was committed: whole, and once, though retried.
    expect(after.themeRevisions).toHaveLength(before.themeRevisions.length + 1);
    expect(after.network.theme).toBe('Andet tema');
    expect(after.theme.whyInteresting).toBe('Fordi Andet tema');
    // Saving again from what the user sees now works.
    const again = await lene.put(`${N()}/theme`, theme('Andet tema'), after.theme ? { 'If-Match': after.theme.etag } : {});
    expect([200, 201]).toContain(again.status);
  });
});

describe('requests the service does not expect', () => {
  const post = (path: string, body: string, contentType = 'application/json') =>
    fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': contentType, 'x-dev-user': 'lene' }, body });

  test('invalid JSON and bodies that are not activities get 400 at the bot and the API', async () => {
    for (const body of ['{"type": "message", ', 'null', '[]', '"text"', '{"type": 5}', '{"type":"message","serviceUrl":"x"}']) {
      expect((await post('/api/messages', body)).status).toBe(400);
    }
    const api = await post('/api/networks', '{"name": ');
    expect(api.status).toBe(400);
    expect((await api.json()).error).toMatchObject({ code: 'badJson', message: expect.stringMatching(/JSON/) });
  });

  test('a body over the limit gets 413 with a message, and the service stays up', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(5000) });
    for (const path of ['/api/messages', '/api/networks']) {
      const response = await post(path, big);
      expect(response.status).toBe(413);
    }
    const api = await post('/api/networks', big);
    expect((await api.json()).error.message).toMatch(/4096/);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect((await lene.get(N())).status).toBe(200);
  });
});
