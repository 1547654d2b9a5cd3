import fc from 'fast-check';
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

beforeAll(async () => {
  app = await startTestApp('fuzz', { env: { SCHEDULER: 'off' } });
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
const requests = () => fc.record({
  route: fc.constantFrom(...routes),
  // Mostly the leader, who may do most, so requests get past the access checks into the handlers.
  user: fc.oneof({ weight: 6, arbitrary: fc.constant('lene') }, { weight: 4, arbitrary: fc.constantFrom('jens', 'ulla', 'dorthe', 'birgitte', '', 'ingen-sådan') }),
  params: fc.record({
    networkId: param('networkId'), meetingId: param('meetingId'), participantId: param('participantId'), subthemeId: param('subthemeId'),
    ideaId: param('ideaId'), categoryId: param('categoryId'), noteId: param('noteId'),
  }),
  query: fc.dictionary(fc.constantFrom('lang', 'channelId', 'view', 'x'), hostileText, { maxKeys: 2 }),
  body,
  ifMatch: fc.option(fc.oneof(hostileText, fc.constant('*')), { nil: undefined }),
  language: fc.constantFrom('da', 'en', 'de', '', '*;q=0'),
});

test('no input gets a 500 from the tab API', async () => {
  await fc.assert(
    fc.asyncProperty(requests(), async ({ route, user, params, query, body: sent, ifMatch, language }) => {
      const path = route.path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name as keyof typeof params] ?? 'x'));
      const search = new URLSearchParams(query).toString();
      const headers: Record<string, string> = { 'Accept-Language': language };
      if (user) headers['X-Dev-User'] = user;
      if (ifMatch !== undefined) headers['If-Match'] = encodeURIComponent(ifMatch);
      if (sent !== undefined) headers['Content-Type'] = 'application/json';
      const method = route.method === 'del' ? 'DELETE' : route.method.toUpperCase();
      const response = await fetch(`${app.url}${path}${search ? `?${search}` : ''}`, {
        method,
        headers,
        body: sent === undefined || method === 'GET' ? undefined : JSON.stringify(sent),
      });
      const text = await response.text();
      if (response.status >= 500) throw new Error(`${method} ${path} → ${response.status} ${text.slice(0, 300)}`);
      if (response.status >= 400) expect(JSON.parse(text).error).toMatchObject({ status: response.status, message: expect.any(String) });
    }),
    { numRuns: 600 },
  );
  // Still answering normally afterwards.
  expect((await clientFor(app, 'lene').get(`/api/networks/${ids.networkId}`)).status).toBe(200);
});

// Activities of every shape at the bot (local mode: no token needed, so the bot itself is what answers).
// Replies go to a local fake channel, which also refuses a share of them: a failed reply is no 500 either.
const activities = () =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record(
      {
        type: fc.oneof(fc.constantFrom('message', 'invoke', 'conversationUpdate', 'installationUpdate', 'messageReaction', 'event', 'typing'), hostileText),
        name: fc.constantFrom('adaptiveCard/action', 'composeExtension/query', 'x'),
        text: hostileText,
        serviceUrl: fc.constant('CHANNEL'),
        channelId: fc.constantFrom('msteams', 'emulator', ''),
        locale: fc.constantFrom('da-DK', 'en-US', 'xx', ''),
        conversation: fc.record({ id: hostileText, conversationType: fc.constantFrom('personal', 'channel', 'groupChat', 'x'), tenantId: hostileText }),
        from: fc.record({ id: hostileText, aadObjectId: fc.oneof(hostileText, fc.constant('d0000000-0000-4000-8000-000000000001')) }),
        recipient: fc.record({ id: hostileText }),
        value: fc.jsonValue({ maxDepth: 3 }),
        membersAdded: fc.array(fc.record({ id: hostileText }), { maxLength: 3 }),
        channelData: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: ['type', 'serviceUrl', 'conversation'] },
    ),
  );

test('no activity gets a 500 from the bot, and it keeps answering', async () => {
  let calls = 0;
  channel.refuse = () => (++calls % 4 === 0 ? { status: 403 } : undefined);
  await fc.assert(
    fc.asyncProperty(activities(), async (activity) => {
      const body = JSON.stringify(activity).replace('"CHANNEL"', JSON.stringify(channel.url));
      const response = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      const text = await response.text();
      // 501 is Bot Framework's answer to an invoke the bot does not handle, as Teams expects it.
      if (response.status >= 500 && response.status !== 501) throw new Error(`activity → ${response.status} ${text.slice(0, 300)}`);
    }),
    { numRuns: 150 },
  );
  expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
});
