import fc from 'fast-check';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import pino from 'pino';
import type { App } from '../../bot/app';
import { routes } from '../../bot/api/routes';
import { clientFor, startTestApp } from '../support/testApp';
import { startFakeChannel, type FakeChannel } from '../support/fakeChannel';

// A randomized pass over every route of the tab API: random identities, ids, bodies, queries and
// If-Match headers, valid ones mixed with hostile ones. Whatever comes in, the answer is never a 500,
// and every refusal is the API's error body with a message. fast-check prints the seed and the
// smallest failing request if this ever fails.

jest.setTimeout(120_000);

let app: App;
let channel: FakeChannel;
const ids: Record<string, string> = {};
const logLines: { level: number; msg: string; err?: { type?: string } }[] = [];

beforeAll(async () => {
  const logger = pino({ level: 'warn' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
  app = await startTestApp('fuzz', { logger, env: { SCHEDULER: 'off' } });
  channel = await startFakeChannel();
  const lene = clientFor(app, 'lene');
  ids.networkId = (await lene.post('/api/networks', { name: 'Fuzz', type: 'learning', theme: 'Tilfældige input', startDate: '2027-01-04' })).body.id;
  const N = `/api/networks/${ids.networkId}`;
  ids.participantId = (await lene.post(`${N}/participants`, { name: 'Jens Jensen', kind: 'core', role: 'employee', unit: 'ØS', userId: 'd0000000-0000-4000-8000-000000000003', competenceAreas: [] })).body.id;
  ids.meetingId = (await lene.post(`${N}/meetings`, { number: 1, title: 'Møde', date: '2027-01-20', start: '09:00' })).body.id;
  ids.subthemeId = (await lene.post(`${N}/subthemes`, { title: 'Deltema' })).body.id;
  ids.ideaId = (await lene.post(`${N}/ideas`, { text: 'Idé' })).body.id;
  ids.categoryId = (await lene.post(`${N}/analysis/categories`, { title: 'Skjulte skatte' })).body.id;
  ids.noteId = (await lene.post(`${N}/analysis/notes`, { categoryId: ids.categoryId, text: 'Note' })).body.id;
});
afterAll(async () => {
  await app.stop();
  await channel.close();
});

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', "'", '"', '..', '%', '%00', 'a|b', 'a/b', '#', '?', '\u0000', '\u202e', 'æøå', 'x'.repeat(2000), '9'.repeat(400), '<script>'),
);
// Built inside the test: the ids exist only once beforeAll has made them.
const param = (name: string) => fc.oneof({ weight: 3, arbitrary: fc.constant(ids[name] ?? 'x') }, { weight: 1, arbitrary: hostileText });
const body = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom('name', 'title', 'text', 'date', 'start', 'end', 'status', 'kind', 'role', 'email', 'userId', 'owner', 'answers', 'items', 'steps', 'recommendations', 'number', 'shared', 'categoryId', 'meetingId', 'retentionMonths', 'reflectionReminderDays', '__proto__', 'constructor'), fc.oneof(hostileText, fc.jsonValue({ maxDepth: 2 }), fc.integer(), fc.double())),
);
// How the body travels: mostly plain, sometimes compressed, broken, or small but huge once decoded.
const ENCODINGS: Record<string, (bytes: Buffer) => { bytes: Buffer; header?: string }> = {
  identity: (bytes) => ({ bytes }),
  gzip: (bytes) => ({ bytes: gzipSync(bytes), header: 'gzip' }),
  deflate: (bytes) => ({ bytes: deflateSync(bytes), header: 'deflate' }),
  br: (bytes) => ({ bytes: brotliCompressSync(bytes), header: 'br' }),
  brokenGzip: (bytes) => ({ bytes: gzipSync(bytes).subarray(0, 8), header: 'gzip' }),
  notGzip: (bytes) => ({ bytes, header: 'gzip' }),
  unknown: (bytes) => ({ bytes, header: 'compress' }),
  // 8 MB of spaces after the JSON: a few KB as sent, far over the limit decoded.
  bomb: (bytes) => ({ bytes: gzipSync(Buffer.concat([bytes, Buffer.alloc(8 * 1024 * 1024, 0x20)])), header: 'gzip' }),
};
const encoding = fc.oneof({ weight: 12, arbitrary: fc.constant('identity') }, { weight: 4, arbitrary: fc.constantFrom(...Object.keys(ENCODINGS)) });

const requests = () => fc.record({
  route: fc.constantFrom(...routes),
  // Mostly the leader, who may do most, so requests get past the access checks into the handlers.
  user: fc.oneof({ weight: 6, arbitrary: fc.constant('lene') }, { weight: 4, arbitrary: fc.constantFrom('jens', 'ulla', 'dorthe', 'birgitte', '', 'ingen-sådan') }),
  params: fc.record({
    networkId: param('networkId'), meetingId: param('meetingId'), participantId: param('participantId'), subthemeId: param('subthemeId'),
    ideaId: param('ideaId'), categoryId: param('categoryId'), noteId: param('noteId'),
  }),
  query: fc.dictionary(fc.constantFrom('lang', 'channelId', 'view', 'meetingId', 'x', 'lang[]', 'lang[a]', 'channelId[0]', 'meetingId[]'), hostileText, { maxKeys: 3 }),
  body,
  ifMatch: fc.option(fc.oneof(hostileText, fc.constant('*')), { nil: undefined }),
  language: fc.constantFrom('da', 'en', 'de', '', '*;q=0'),
  encoding,
});

test('no input gets a 500 from the tab API', async () => {
  await fc.assert(
    fc.asyncProperty(requests(), async ({ route, user, params, query, body: sent, ifMatch, language, encoding: how }) => {
      const path = route.path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name as keyof typeof params] ?? 'x'));
      const search = new URLSearchParams(query).toString();
      const headers: Record<string, string> = { 'Accept-Language': language };
      if (user) headers['X-Dev-User'] = user;
      if (ifMatch !== undefined) headers['If-Match'] = encodeURIComponent(ifMatch);
      if (sent !== undefined) headers['Content-Type'] = 'application/json';
      const method = route.method === 'del' ? 'DELETE' : route.method.toUpperCase();
      const withBody = sent !== undefined && method !== 'GET';
      const encoded = withBody ? ENCODINGS[how]!(Buffer.from(JSON.stringify(sent))) : undefined;
      if (encoded?.header) headers['Content-Encoding'] = encoded.header;
      const response = await fetch(`${app.url}${path}${search ? `?${search}` : ''}`, {
        method,
        headers,
        body: encoded ? new Uint8Array(encoded.bytes) : undefined,
      });
      const text = await response.text();
      if (response.status >= 500) throw new Error(`${method} ${path} (${how}) → ${response.status} ${text.slice(0, 300)}`);
      // Refused once decoding passes the limit; a path no route knows is refused before the body is read.
      if (how === 'bomb' && encoded) expect([413, 404]).toContain(response.status);
      if (response.status >= 400) expect(JSON.parse(text).error).toMatchObject({ status: response.status, message: expect.any(String) });
    }),
    { numRuns: 600 },
  );
  // Still answering normally afterwards.
  expect((await clientFor(app, 'lene').get(`/api/networks/${ids.networkId}`)).status).toBe(200);
});

// A field of the wrong type where the bot expects text, and card presses with verbs from Object.prototype.
const notText = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }));
const verb = fc.oneof(fc.constantFrom('__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf', 'ideas.refresh', 'analysis.refresh', 'idea.add'), hostileText, notText);
const cardPress = fc.oneof(
  fc.record({ action: fc.record({ type: fc.constant('Action.Execute'), verb, data: fc.oneof(fc.constant({ networkId: 'NETWORK' }), fc.jsonValue({ maxDepth: 2 })) }) }),
  fc.record({ verb, networkId: fc.constant('NETWORK') }),
);

// Activities of every shape at the bot (local mode: no token needed, so the bot itself is what answers).
// Replies go to a local fake channel, which also refuses a share of them: a failed reply is no 500 either.
const activities = () =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record(
      {
        type: fc.oneof(fc.constantFrom('message', 'invoke', 'conversationUpdate', 'installationUpdate', 'messageReaction', 'event', 'typing'), hostileText),
        name: fc.oneof(fc.constantFrom('adaptiveCard/action', 'composeExtension/query', 'x'), notText),
        text: fc.oneof(hostileText, notText),
        serviceUrl: fc.constant('CHANNEL'),
        channelId: fc.constantFrom('msteams', 'emulator', ''),
        locale: fc.oneof(fc.constantFrom('da-DK', 'en-US', 'xx', ''), notText),
        conversation: fc.record({ id: hostileText, conversationType: fc.constantFrom('personal', 'channel', 'groupChat', 'x'), tenantId: hostileText }),
        from: fc.oneof(fc.record({ id: hostileText, aadObjectId: fc.oneof(hostileText, notText, fc.constant('d0000000-0000-4000-8000-000000000001')) }), notText),
        recipient: fc.record({ id: hostileText }),
        value: fc.oneof(fc.jsonValue({ maxDepth: 3 }), cardPress),
        membersAdded: fc.oneof(fc.array(fc.record({ id: hostileText }), { maxLength: 3 }), hostileText, notText),
        channelData: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: ['type', 'serviceUrl', 'conversation'] },
    ),
  );

test('no activity gets a 500 from the bot or fails its turn, and it keeps answering', async () => {
  let calls = 0;
  channel.refuse = () => (++calls % 4 === 0 ? { status: 403 } : undefined);
  logLines.length = 0;
  await fc.assert(
    fc.asyncProperty(activities(), async (activity) => {
      const body = JSON.stringify(activity).replace('"CHANNEL"', JSON.stringify(channel.url)).replaceAll('"NETWORK"', JSON.stringify(ids.networkId));
      const response = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      const text = await response.text();
      // 501 is Bot Framework's answer to an invoke the bot does not handle, as Teams expects it.
      if (response.status >= 500 && response.status !== 501) throw new Error(`activity → ${response.status} ${text.slice(0, 300)}`);
    }),
    { numRuns: 150 },
  );
  // Errors the channel or storage answer with (RestError: a refused reply, a hostile id as a key) may fail
  // a turn; anything else, a TypeError above all, means the bot misread an activity.
  expect(logLines.filter((line) => line.level >= pino.levels.values.error! && line.err?.type !== 'RestError')).toEqual([]);
  expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
});
