import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { clientFor, startTestApp } from '../support/testApp';
import { startFakeChannel, type FakeChannel } from '../support/fakeChannel';

// The leader's side of the bot's sends, over the tab API: preview, post now, delivery status per
// recipient, reflection status with only shared answers, and an idea from a reflection.

const TEAM = '19:team@thread.tacv2';
const CHANNEL = '19:plan@thread.tacv2';
const identity = (key: string) => findDevIdentity(key)!;

let app: App;
let channel: FakeChannel;
let clock = new Date('2027-01-10T10:00:00Z');
let lene: ReturnType<typeof clientFor>;
let networkId: string;
let meetingId: string;
let jensId: string;
let helleId: string;

const M = () => `/api/networks/${networkId}/meetings/${meetingId}`;
async function drain() {
  await app.scheduler.syncNetwork(networkId);
  while ((await app.scheduler.runDue()) > 0);
}

beforeAll(async () => {
  channel = await startFakeChannel();
  // The scheduler is off (the test drains it): "Send nu" answers at once that the send is under way.
  app = await startTestApp('sending', { now: () => clock, env: { SCHEDULER: 'off' }, sendWait: { waitMs: 0 } });
  lene = clientFor(app, 'lene');
  const created = await lene.post('/api/networks', { name: 'Ældre i eget hjem', type: 'welfare', theme: 'Længst muligt i eget hjem', startDate: '2027-01-04', teamId: TEAM, channelId: CHANNEL });
  networkId = created.body.id;
  const jens = await lene.post(`/api/networks/${networkId}/participants`, { name: 'Jens Jensen', kind: 'core', role: 'employee', unit: 'ØS', userId: identity('jens').userId, competenceAreas: [] });
  const helle = await lene.post(`/api/networks/${networkId}/participants`, { name: 'Helle Hansen', kind: 'core', role: 'manager', unit: 'SPO', email: 'helle@kommune.example', competenceAreas: [] });
  [jensId, helleId] = [jens.body.id, helle.body.id];
  meetingId = (await lene.post(`/api/networks/${networkId}/meetings`, { number: 1, title: 'Opstart', date: '2027-01-20', start: '09:00', location: 'Rådhuset' })).body.id;
  await lene.put(`${M()}/agenda`, { items: [{ time: '09:00', content: 'Velkomst' }], daysBeforeToPost: 7 });
  const reference = (id: string, type: string) => ({ channelId: 'msteams', serviceUrl: channel.url, bot: { id: '28:bot', name: 'Netværk' }, conversation: { name: '', id, conversationType: type, isGroup: type !== 'personal' } });
  await app.services.conversations.remember({ conversationId: TEAM, conversationType: 'channel', teamId: TEAM, reference: reference(TEAM, 'channel') });
  await app.services.conversations.remember({ conversationId: 'a:jens', conversationType: 'personal', userAadObjectId: identity('jens').userId, reference: reference('a:jens', 'personal') });
});

afterAll(async () => {
  await app?.stop();
  await channel?.close();
});

test('the agenda preview shows the unsaved draft as the card, and saves nothing', async () => {
  const preview = await lene.post(`${M()}/agenda/preview`, { items: [{ time: '10:00', content: 'Udkast: besøg i praksis' }] });
  expect(preview.status).toBe(200);
  expect(JSON.stringify(preview.body.card)).toContain('Udkast: besøg i praksis');
  expect(JSON.stringify(preview.body.card)).toContain('Netværksmøde 1 af 1');
  const plan = await lene.get(`/api/networks/${networkId}`);
  expect(plan.body.agendas[0].items.map((i: any) => i.content)).toEqual(['Velkomst']);
});

test('"post now" posts the agenda to the channel; pressed again, it updates the posted card', async () => {
  const first = await lene.post(`${M()}/agenda/post`, {});
  expect(first.status).toBe(202);
  expect(first.body).toEqual({ state: 'sending', kind: 'agenda.post' });
  await drain();
  expect(channel.calls.filter((c) => c.method === 'POST' && c.conversationId === CHANNEL)).toHaveLength(1);

  expect((await lene.post(`${M()}/agenda/post`, {})).body).toEqual({ state: 'sending', kind: 'agenda.update' });
  await drain();
  expect(channel.calls.filter((c) => c.method === 'POST' && c.conversationId === CHANNEL)).toHaveLength(1);
  expect(channel.calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
});

test('after the meeting the leader sees per participant whether the card arrived and who answered', async () => {
  clock = new Date('2027-01-20T11:05:00Z');
  await drain();

  const sends = await lene.get(`/api/networks/${networkId}/sends?meetingId=${meetingId}`);
  const prompt = sends.body.sends.find((d: any) => d.kind === 'reflection.prompt');
  expect(prompt).toMatchObject({ participantName: 'Jens Jensen', state: 'done', outcome: 'sent' });

  const before = await lene.get(`${M()}/reflection-status`);
  const byName = Object.fromEntries(before.body.participants.map((p: any) => [p.name, p]));
  expect(byName['Jens Jensen']).toMatchObject({ hasTeams: true, answered: false, prompt: { outcome: 'sent' } });
  expect(byName['Helle Hansen']).toMatchObject({ hasTeams: false, answered: false });
  expect(byName['Helle Hansen'].prompt).toBeUndefined();
});

test('someone who joined after the meeting is not listed as waiting for its questions, which will never come', async () => {
  const late = await lene.post(`/api/networks/${networkId}/participants`, { name: 'Sene Sofie', kind: 'core', role: 'employee', userId: 'd0000000-0000-4000-8000-0000000000aa', competenceAreas: [] });
  expect(late.status).toBe(201);
  const status = await lene.get(`${M()}/reflection-status`);
  expect(status.body.participants.map((p: any) => p.name)).not.toContain('Sene Sofie');
  expect(status.body.participants.map((p: any) => p.name)).toContain('Jens Jensen');
});

test('reflection status shows answers only where the participant shared them', async () => {
  const jens = clientFor(app, 'jens');
  await jens.put(`${M()}/reflections/mine`, { answers: [{ question: 'Hvad tager du med?', answer: 'Idé: fælles vikarpulje' }], shared: false });
  let status = await lene.get(`${M()}/reflection-status`);
  let row = status.body.participants.find((p: any) => p.participantId === jensId);
  expect(row).toMatchObject({ answered: true, shared: false });
  expect(row.answers).toBeUndefined();

  const mine = await jens.get(`${M()}/reflections`);
  await jens.put(`${M()}/reflections/mine`, { answers: [{ question: 'Hvad tager du med?', answer: 'Idé: fælles vikarpulje' }], shared: true }, { 'If-Match': mine.body.reflections[0].etag });
  status = await lene.get(`${M()}/reflection-status`);
  row = status.body.participants.find((p: any) => p.participantId === jensId);
  expect(row.answers[0].answer).toBe('Idé: fælles vikarpulje');
});

test('an idea in an answer goes to the parking lot in one click, credited to its author', async () => {
  const idea = await lene.post(`${M()}/reflections/${jensId}/idea`, { text: 'Fælles vikarpulje' });
  expect(idea.status).toBe(201);
  expect(idea.body).toMatchObject({ text: 'Fælles vikarpulje', meetingId, status: 'parked', raisedBy: { name: 'Jens Jensen' } });
  const noReflection = await lene.post(`${M()}/reflections/${helleId}/idea`, { text: 'x' });
  expect(noReflection.status).toBe(404);
  // With its owner in the same request: stored together, or (an owner from outside the network) not at all.
  const owned = await lene.post(`${M()}/reflections/${jensId}/idea`, { text: 'Fælles kørselsordning', owner: { participantId: helleId } });
  expect(owned.status).toBe(201);
  expect(owned.body.owner).toMatchObject({ name: 'Helle Hansen' });
  const before = (await lene.get(`/api/networks/${networkId}`)).body.ideas.length;
  const outsider = await lene.post(`${M()}/reflections/${jensId}/idea`, { text: 'Uden ejer', owner: { name: 'Udefra', userId: 'u-nobody' } });
  expect(outsider.status).toBe(422);
  expect((await lene.get(`/api/networks/${networkId}`)).body.ideas).toHaveLength(before);
  // Only the leaders move an answer to the lot.
  expect((await clientFor(app, 'jens').post(`${M()}/reflections/${jensId}/idea`, { text: 'x' })).status).toBe(403);
});

test('delivery status and sending are for the leaders only', async () => {
  const jens = clientFor(app, 'jens');
  expect((await jens.get(`/api/networks/${networkId}/sends`)).status).toBe(403);
  expect((await jens.get(`${M()}/reflection-status`)).status).toBe(403);
  expect((await jens.post(`${M()}/agenda/post`, {})).status).toBe(403);
});
