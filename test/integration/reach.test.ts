import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { clientFor, startTestApp } from '../support/testApp';
import { startFakeChannel, type FakeChannel } from '../support/fakeChannel';

// Reach before sending and "Send nu" with its true outcome, over the tab API with the scheduler running against a
// fake Teams channel: GET …/reach says who will receive what and who cannot and why; posting now is refused at once
// when the channel is out of reach, and otherwise answers sent, updated, refused by Teams (with the reason), or
// still under way when Teams asks the bot to wait.

const TEAM = '19:reachteam@thread.tacv2';
const CHANNEL = '19:reachplan@thread.tacv2';
const identity = (key: string) => findDevIdentity(key)!;

let app: App;
let channel: FakeChannel;
const clock = new Date('2030-01-10T10:00:00Z');
let lene: ReturnType<typeof clientFor>;
let networkId: string;
let meetingId: string;
const ids: Record<string, string> = {};

const N = () => `/api/networks/${networkId}`;
const M = () => `${N()}/meetings/${meetingId}`;
const reference = (id: string, type: string) => ({
  channelId: 'msteams',
  serviceUrl: channel.url,
  bot: { id: '28:bot', name: 'Netværk' },
  conversation: { name: '', id, conversationType: type, isGroup: type !== 'personal' },
});

beforeAll(async () => {
  channel = await startFakeChannel();
  // The clock stands still: a send Teams asked to wait for is not due again during the test.
  app = await startTestApp('reach', { now: () => clock, sendWait: { waitMs: 8_000, pollMs: 50 } });
  lene = clientFor(app, 'lene');
  // Created from Mine netværk: no team, no channel.
  const created = await lene.post('/api/networks', { name: 'Deleøkonomi', type: 'learning', theme: 'Deleøkonomi i kommunen', startDate: '2030-01-04' });
  networkId = created.body.id;
  const add = async (name: string, fields: object) => (ids[name] = (await lene.post(`${N()}/participants`, { name, kind: 'core', role: 'employee', unit: 'ØS', competenceAreas: [], ...fields })).body.id);
  await add('Jens Jensen', { userId: identity('jens').userId });
  await add('Helle Hansen', { userId: identity('helle').userId });
  await add('Ulla Uden Teams', { email: 'ulla@kommune.example' });
  meetingId = (await lene.post(`${N()}/meetings`, { number: 1, title: 'Opstart', date: '2030-01-30', start: '09:00', location: 'Rådhuset' })).body.id;
  await lene.put(`${M()}/agenda`, { items: [{ time: '09:00', content: 'Velkomst' }], daysBeforeToPost: 7 });
});

afterAll(async () => {
  await app?.stop();
  await channel?.close();
});

const statuses = (reach: any) => Object.fromEntries(reach.participants.map((p: any) => [p.name, p.status]));

test('a network made outside a channel reaches nobody, and says why per person and per meeting', async () => {
  const reach = await lene.get(`${N()}/reach`);
  expect(reach.status).toBe(200);
  expect(reach.body.channel).toEqual({ status: 'noChannel' });
  expect(reach.body.summary).toEqual({ channel: false, reachable: 0, unreachable: 3, total: 3 });
  expect(statuses(reach.body)).toEqual({ 'Jens Jensen': 'notInTeam', 'Helle Hansen': 'notInTeam', 'Ulla Uden Teams': 'noTeamsUser' });
  expect(reach.body.meetings).toEqual([
    { meetingId, agenda: { state: 'cannot', reason: 'noChannel' }, reflections: { state: 'due', at: '2030-01-30T11:00:00.000Z', reachable: 0, total: 3, unreachable: expect.any(Array) } },
  ]);
});

test('"Send nu" is refused at once, with the reason and what to do, and promises nothing', async () => {
  const agenda = await lene.post(`${M()}/agenda/post`, {});
  expect(agenda.status).toBe(422);
  expect(agenda.body.error).toMatchObject({ code: 'noChannel', message: expect.stringMatching(/^Kunne ikke sendes: Netværket er ikke knyttet til en kanal.+Knyt netværket til netværkets kanal/) });
  const english = await lene.post(`${N()}/ideas/post`, {}, { 'Accept-Language': 'en-GB' });
  expect(english.status).toBe(422);
  expect(english.body.error.message).toMatch(/^Could not be sent: The network is not linked to a channel/);
  // Nothing was scheduled that could never go out.
  const jobs = await app.services.jobs.listForNetwork(networkId);
  expect(jobs.filter((j) => j.onDemand)).toEqual([]);
});

test('linked to a channel where the app is not installed: the app is missing from the team', async () => {
  const network = (await lene.get(N())).body.network;
  expect((await lene.patch(N(), { teamId: TEAM, channelId: CHANNEL }, { 'If-Match': network.etag })).status).toBe(200);
  expect((await lene.get(`${N()}/reach`)).body.channel).toEqual({ status: 'botNotInTeam' });
  const refused = await lene.post(`${M()}/agenda/post`, {});
  expect(refused.status).toBe(422);
  expect(refused.body.error).toMatchObject({ code: 'botNotInTeam', message: expect.stringContaining('Tilføj Netværk-appen til teamet') });
});

test('with the app in the team: team members and stored chats are reached, the others say why', async () => {
  await app.services.conversations.remember({ conversationId: TEAM, conversationType: 'channel', teamId: TEAM, reference: reference(TEAM, 'channel') });
  await app.services.conversations.rememberMember({ teamId: TEAM, userId: '29:jens', aadObjectId: identity('jens').userId, name: 'Jens Jensen', serviceUrl: channel.url });
  const reach = await lene.get(`${N()}/reach`);
  expect(reach.body.channel).toEqual({ status: 'ok' });
  expect(reach.body.participants).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ name: 'Jens Jensen', status: 'ok', via: 'teamMember' }),
      expect.objectContaining({ name: 'Helle Hansen', status: 'notInTeam' }),
      expect.objectContaining({ name: 'Ulla Uden Teams', status: 'noTeamsUser' }),
    ]),
  );
  expect(reach.body.meetings[0]).toMatchObject({ agenda: { state: 'scheduled', at: '2030-01-23T08:00:00.000Z' }, reflections: { reachable: 1, total: 3 } });
  // Computing reach opened no chat.
  expect(channel.calls.filter((c) => c.conversationId === undefined)).toEqual([]);
});

test('a channel that refuses (403): "Send nu" answers not sent, with the reason; the send and the reach keep it', async () => {
  channel.refuse = (call) => (call.conversationId === CHANNEL ? { status: 403 } : undefined);
  const answer = await lene.post(`${M()}/agenda/post`, {});
  expect(answer.status).toBe(502);
  expect(answer.body.error).toMatchObject({ code: 'blocked', message: expect.stringMatching(/^Kunne ikke sendes: Teams afviste beskeden i kanalen.+Tilføj Netværk-appen til teamet igen/) });
  const sends = (await lene.get(`${N()}/sends?meetingId=${meetingId}`)).body.sends;
  expect(sends).toContainEqual(expect.objectContaining({ kind: 'agenda.post', state: 'done', outcome: 'blocked', onDemand: true }));
  expect((await lene.get(`${N()}/reach`)).body.channel).toMatchObject({ status: 'lastSendFailed', lastFailure: { kind: 'agenda.post', outcome: 'blocked' } });
});

test('a channel that takes it: sent, with when; pressed again the posted card is updated', async () => {
  channel.refuse = undefined;
  const sent = await lene.post(`${M()}/agenda/post`, {});
  expect(sent.status).toBe(200);
  expect(sent.body).toEqual({ outcome: 'sent', kind: 'agenda.post', sentAt: clock.toISOString() });
  expect(channel.calls.filter((c) => c.method === 'POST' && c.conversationId === CHANNEL)).toHaveLength(1);
  expect((await lene.get(`${N()}/reach`)).body.channel).toEqual({ status: 'ok' });

  const updated = await lene.post(`${M()}/agenda/post`, {});
  expect(updated.status).toBe(200);
  expect(updated.body).toMatchObject({ outcome: 'updated', kind: 'agenda.update' });
  expect(channel.calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
});

test('Teams asks the bot to wait (429): the answer says it is still being sent and when it tries again', async () => {
  // botbuilder itself retries a 429 a few times (Retry-After 1 s) before the scheduler records when to try again.
  channel.refuse = (call) => (call.conversationId === CHANNEL ? { status: 429, retryAfterSeconds: 1 } : undefined);
  const answer = await lene.post(`${N()}/ideas/post`, {});
  expect(answer.status).toBe(202);
  expect(answer.body).toEqual({ state: 'sending', kind: 'ideas.post', retryAt: new Date(clock.getTime() + 1_000).toISOString() });
  const sends = (await lene.get(`${N()}/sends`)).body.sends;
  expect(sends).toContainEqual(expect.objectContaining({ kind: 'ideas.post', state: 'pending', attempts: 1 }));
  channel.refuse = undefined;
});

test('reflection status says who cannot be reached before any send ran, and why', async () => {
  const status = await lene.get(`${M()}/reflection-status`);
  expect(status.body.questions).toEqual({ state: 'due', at: '2030-01-30T11:00:00.000Z' });
  const byName = Object.fromEntries(status.body.participants.map((p: any) => [p.name, p]));
  expect(byName['Ulla Uden Teams']).toMatchObject({ hasTeams: false, reach: 'noTeamsUser' });
  expect(byName['Helle Hansen']).toMatchObject({ hasTeams: true, reach: 'notInTeam' });
  expect(byName['Jens Jensen']).toMatchObject({ reach: 'ok' });
});

test('reach is for the leaders only', async () => {
  expect((await clientFor(app, 'jens').get(`${N()}/reach`)).status).toBe(403);
  expect((await clientFor(app, 'ulla').get(`${N()}/reach`)).status).toBe(403);
});
