import net from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import type { App } from '../../bot/app';
import { STORAGE_REQUEST_TIMEOUT_MS } from '../../bot/storage/tables';
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

describe('bodies that could stop the service', () => {
  const send = (path: string, body: Buffer | string, headers: Record<string, string>) =>
    fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-user': 'lene', ...headers }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  const stillUp = async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect((await lene.get(N())).status).toBe(200);
  };

  test('a body that claims gzip but is not gets 400 with a message at the API and the bot, and the service stays up', async () => {
    for (const path of ['/api/networks', '/api/messages']) {
      const response = await send(path, 'abc', { 'content-encoding': 'gzip' });
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatchObject({ code: 'badEncoding', message: expect.stringMatching(/pakkes ud/) });
    }
    const truncated = gzipSync(JSON.stringify({ name: 'Afbrudt' })).subarray(0, 12);
    expect((await send('/api/networks', truncated, { 'content-encoding': 'gzip' })).status).toBe(400);
    await stillUp();
  });

  test('a small compressed body that inflates past the limit gets 413, counted after decoding', async () => {
    const bomb = gzipSync(Buffer.alloc(60 * 1024 * 1024, 0x20)); // 60 MB of spaces in ~60 KB
    const small = gzipSync(JSON.stringify({ name: 'x'.repeat(5000) })); // under the limit as sent, over it decoded
    expect(small.length).toBeLessThan(4096);
    for (const [path, body] of [['/api/networks', bomb], ['/api/messages', bomb], ['/api/networks', small]] as const) {
      const response = await send(path, body, { 'content-encoding': 'gzip' });
      expect(response.status).toBe(413);
      expect((await response.json()).error.message).toMatch(/4096/);
    }
    await stillUp();
  });

  test('compressed JSON within the limit is read like plain JSON (gzip, deflate, br); an unknown encoding is refused', async () => {
    const body = JSON.stringify({ name: 'Komprimeret', type: 'learning', theme: 'Tema', startDate: '2027-01-04' });
    for (const [encoding, bytes] of [['gzip', gzipSync(body)], ['deflate', deflateSync(body)], ['br', brotliCompressSync(body)]] as const) {
      const response = await send('/api/networks', bytes, { 'content-encoding': encoding });
      expect([encoding, response.status]).toEqual([encoding, 201]);
    }
    const unknown = await send('/api/networks', body, { 'content-encoding': 'compress' });
    expect(unknown.status).toBe(415);
    const xml = await send('/api/networks', '<network/>', { 'content-type': 'application/xml' });
    expect([xml.status, (await xml.json()).error.code]).toEqual([415, 'unsupportedMediaType']);
  });
});

test('query strings that parse to lists or objects are ignored, never a failure', async () => {
  for (const query of ['lang[]=en', 'lang[a]=en', 'channelId[]=x&channelId[]=y', 'meetingId[__proto__]=x']) {
    for (const path of [`${N()}/delivery.docx`, '/api/networks', `${N()}/sends`]) {
      const response = await fetch(`${app.url}${path}?${query}`, { headers: { 'x-dev-user': 'lene' } });
      expect([path, query, response.status < 500]).toEqual([path, query, true]);
    }
  }
});

describe('storage that hangs', () => {
  test('every call has a deadline: the API answers 503 and /healthz says degraded within seconds, and all is well after', async () => {
    proxy.set('hang');
    const started = Date.now();
    const [read, write, health] = await Promise.all([
      lene.get(N()),
      lene.post(`${N()}/participants`, { name: 'Mette', kind: 'core', role: 'employee', unit: 'SUN', competenceAreas: [] }),
      fetch(`${app.url}/healthz`).then(async (response) => ({ status: response.status, body: await response.json() })),
    ]);
    const waited = Date.now() - started;
    expect(read.status).toBe(503);
    expect(read.body.error).toMatchObject({ code: 'storageUnavailable', message: expect.stringMatching(/prøv igen/) });
    expect(write.status).toBe(503);
    expect(health).toEqual({ status: 503, body: { status: 'degraded', storage: 'unavailable' } });
    expect(waited).toBeLessThan(STORAGE_REQUEST_TIMEOUT_MS * 2 + 2000);

    proxy.set('pass');
    expect((await lene.get(N())).status).toBe(200);
  }, 30_000);
});

describe('clients that send slowly', () => {
  let slow: App;
  const limits = { headersMs: 800, requestMs: 1500, keepAliveMs: 500, checkEveryMs: 100 };
  beforeAll(async () => {
    slow = await startTestApp('slowclients', { env: { SCHEDULER: 'off' }, slowClientLimits: limits });
  });
  afterAll(() => slow?.stop());

  /** Opens a connection, writes `bytes`, then sends nothing more; resolves with what came back and when the server closed it. */
  const stall = (bytes: string) =>
    new Promise<{ answer: string; closedAfterMs: number }>((resolve) => {
      const socket = net.connect(Number(new URL(slow.url).port), '127.0.0.1');
      const started = Date.now();
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('error', () => {});
      socket.on('close', () => resolve({ answer, closedAfterMs: Date.now() - started }));
      socket.write(bytes);
    });

  test('a request that sends part of its body and then nothing gets 408 and its connection closed', async () => {
    const { answer, closedAfterMs } = await stall('POST /api/networks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\nX-Dev-User: lene\r\n\r\n{"name":');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(limits.requestMs + 2000);
  });

  test('a client that never finishes its headers is cut off', async () => {
    const { closedAfterMs } = await stall('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    expect(closedAfterMs).toBeLessThan(limits.headersMs + 2000);
    expect((await fetch(`${slow.url}/healthz`)).status).toBe(200);
  });
});
