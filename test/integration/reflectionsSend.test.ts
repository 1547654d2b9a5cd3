import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { t } from '../../bot/i18n';
import { clientFor, startTestApp } from '../support/testApp';
import { startFakeChannel, type FakeChannel } from '../support/fakeChannel';

// "Send refleksionsspørgsmål nu": the leader ends the meeting now (POST …/meetings/:id/reflections/send),
// the questions go out at once and only once — not again when the planned end passes.

const TEAM = '19:team@thread.tacv2';
const CHANNEL = '19:plan@thread.tacv2';
const identity = (key: string) => findDevIdentity(key)!;

let app: App;
let channel: FakeChannel;
let clock = new Date('2027-01-19T10:00:00Z');
let lene: ReturnType<typeof clientFor>;
let networkId: string;
let meetingId: string;

const M = (id = meetingId) => `/api/networks/${networkId}/meetings/${id}`;
/** The reflection cards posted to a chat, reminders (days later) left out. */
const promptsTo = (conversationId: string) =>
  channel.calls.filter((c) => c.method === 'POST' && c.conversationId === conversationId && !JSON.stringify(c.body).includes(t('da', 'card.reflection.reminder')));
async function drain() {
  await app.scheduler.syncNetwork(networkId);
  while ((await app.scheduler.runDue()) > 0);
}

beforeAll(async () => {
  channel = await startFakeChannel();
  app = await startTestApp('reflsend', { now: () => clock, env: { SCHEDULER: 'off' } });
  lene = clientFor(app, 'lene');
  const created = await lene.post('/api/networks', { name: 'Ældre i eget hjem', type: 'welfare', theme: 'Længst muligt i eget hjem', startDate: '2027-01-04', teamId: TEAM, channelId: CHANNEL });
  networkId = created.body.id;
  await lene.post(`/api/networks/${networkId}/participants`, { name: 'Jens Jensen', kind: 'core', role: 'employee', unit: 'ØS', userId: identity('jens').userId, competenceAreas: [] });
  // 20.01.2027 09:00-12:00 in Copenhagen = 08:00-11:00 UTC.
  meetingId = (await lene.post(`/api/networks/${networkId}/meetings`, { number: 1, title: 'Opstart', date: '2027-01-20', start: '09:00', end: '12:00', location: 'Rådhuset' })).body.id;
  const reference = (id: string, type: string) => ({ channelId: 'msteams', serviceUrl: channel.url, bot: { id: '28:bot', name: 'Netværk' }, conversation: { name: '', id, conversationType: type, isGroup: type !== 'personal' } });
  await app.services.conversations.remember({ conversationId: 'a:jens', conversationType: 'personal', userAadObjectId: identity('jens').userId, reference: reference('a:jens', 'personal') });
});

afterAll(async () => {
  await app?.stop();
  await channel?.close();
});

test('before the meeting’s day nothing is sent: 422 in words', async () => {
  const early = await lene.post(`${M()}/reflections/send`, {});
  expect(early.status).toBe(422);
  expect(early.body.error.message).toBe(t('da', 'api.reflectionsNotYet'));
  await drain();
  expect(promptsTo('a:jens')).toHaveLength(0);
});

test('only the leaders send the questions now', async () => {
  clock = new Date('2027-01-20T10:47:00Z');
  expect((await clientFor(app, 'jens').post(`${M()}/reflections/send`, {})).status).toBe(403);
  expect((await clientFor(app, 'birgitte').post(`${M()}/reflections/send`, {})).status).toBe(403);
});

test('the leader presses during the meeting: it ends now, and the questions go out at once', async () => {
  const sent = await lene.post(`${M()}/reflections/send`, {});
  expect(sent.status).toBe(200);
  expect(sent.body).toMatchObject({ id: meetingId, endedAt: '2027-01-20T10:47:00.000Z' });
  expect(sent.etag).toBeTruthy();
  // Pressed again before the round ran: the same answer, nothing more.
  const again = await lene.post(`${M()}/reflections/send`, {});
  expect(again.status).toBe(200);
  expect(again.body.endedAt).toBe('2027-01-20T10:47:00.000Z');

  await drain();
  expect(promptsTo('a:jens')).toHaveLength(1);
  const status = await lene.get(`${M()}/reflection-status`);
  expect(status.body.participants[0]).toMatchObject({ name: 'Jens Jensen', prompt: { outcome: 'sent' } });
  const plan = await lene.get(`/api/networks/${networkId}`);
  expect(plan.body.meetings.find((m: any) => m.id === meetingId).endedAt).toBe('2027-01-20T10:47:00.000Z');
});

test('pressed once the questions went out: 409 "already sent", in Danish and in English', async () => {
  const late = await lene.post(`${M()}/reflections/send`, {});
  expect(late.status).toBe(409);
  expect(late.body.error).toMatchObject({ code: 'alreadySent', message: t('da', 'api.reflectionsAlreadySent') });
  expect(late.body.error.message).toMatch(/^Spørgsmålene er allerede sendt/);
  const english = await lene.post(`${M()}/reflections/send`, {}, { 'Accept-Language': 'en' });
  expect(english.body.error.message).toBe(t('en', 'api.reflectionsAlreadySent'));
});

test('the planned end passing afterwards sends nothing again', async () => {
  clock = new Date('2027-01-20T11:30:00Z');
  await drain();
  clock = new Date('2027-01-21T11:30:00Z');
  await drain();
  expect(promptsTo('a:jens')).toHaveLength(1);
});

test('after the planned end the round already ran: 409, and nothing is sent again', async () => {
  const second = (await lene.post(`/api/networks/${networkId}/meetings`, { number: 2, title: 'Praksis', date: '2027-01-21', start: '09:00', end: '10:00', location: 'Rådhuset' })).body.id;
  await drain(); // 21.01 12:30 in Copenhagen: meeting 2 ended at 10:00, its round goes now
  expect(promptsTo('a:jens')).toHaveLength(2);
  const late = await lene.post(`${M(second)}/reflections/send`, {});
  expect(late.status).toBe(409);
  await drain();
  expect(promptsTo('a:jens')).toHaveLength(2);
});

test('a closed meeting sends no questions: 422 in words', async () => {
  const third = await lene.post(`/api/networks/${networkId}/meetings`, { number: 3, title: 'Idéer', date: '2027-01-28', start: '09:00', location: 'Rådhuset' });
  clock = new Date('2027-01-28T08:30:00Z');
  await lene.post(`${M(third.body.id)}/close`, {}, { 'If-Match': third.etag! });
  const closed = await lene.post(`${M(third.body.id)}/reflections/send`, {});
  expect(closed.status).toBe(422);
  expect(closed.body.error.message).toBe(t('da', 'api.reflectionsMeetingClosed'));
  await drain();
  expect(promptsTo('a:jens')).toHaveLength(2);
});

test('an unknown meeting is 404', async () => {
  expect((await lene.post(`${M('no-such-meeting')}/reflections/send`, {})).status).toBe(404);
});
