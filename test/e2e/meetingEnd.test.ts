import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { clientFor, startTestApp } from '../support/testApp';
import { startFakeChannel, type FakeChannel } from '../support/fakeChannel';
import { startGraphStub, stubJoinUrl, type GraphStub } from '../support/graphStub';

// Teams' meeting end event over the Bot Framework protocol: posted to the service's /api/messages through
// the real adapter, with the scheduler running. The reflection questions go out when the Teams meeting
// ends, once; the planned end passing afterwards sends nothing again; a meeting that is not the network's
// (another chat, another tenant) sends nothing; and when the planned end came first, the event adds nothing.

const TENANT = 'tenant-horsens';
const TEAM = '19:team-general@thread.tacv2';
const CHANNEL = '19:netvaerk-kanal@thread.tacv2';
const THREAD = '19:meeting_ZmI3YzJkNDUtOGE2Ny00@thread.v2';
const JOIN_URL = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0?context=%7b%22Tid%22%3a%22${TENANT}%22%7d`;
const identity = (key: string) => findDevIdentity(key)!;

let app: App;
let channel: FakeChannel;
let graph: GraphStub;
let clock = new Date('2027-01-20T08:00:00Z');
let lene: ReturnType<typeof clientFor>;
let networkId: string;
const meetings: Record<'first' | 'second' | 'third', string> = { first: '', second: '', third: '' };
let sequence = 0;

/** The reflection cards posted about one meeting (their buttons carry its id). */
const promptsAbout = (meetingId: string) =>
  channel.calls.filter((c) => c.method === 'POST' && c.conversationId?.startsWith('a:') && JSON.stringify(c.body).includes(meetingId));
/** The scheduler polls every 100 ms: this is several rounds of it. */
const aWhile = () => new Promise((resolve) => setTimeout(resolve, 1200));
const meetingNow = async (meetingId: string) => (await lene.get(`/api/networks/${networkId}`)).body.meetings.find((m: any) => m.id === meetingId);

async function meetingEnd(fields: { conversation: Record<string, unknown>; value: Record<string, unknown>; channelData?: Record<string, unknown>; tenant?: string }) {
  const tenant = fields.tenant ?? TENANT;
  const response = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: `in-${++sequence}`,
      type: 'event',
      name: 'application/vnd.microsoft.meetingEnd',
      timestamp: clock.toISOString(),
      channelId: 'msteams',
      serviceUrl: channel.url,
      recipient: { id: '28:netvaerk-bot', name: 'Netværk' },
      from: { id: '29:lene', aadObjectId: identity('lene').userId },
      conversation: { isGroup: true, tenantId: tenant, ...fields.conversation },
      channelData: { tenant: { id: tenant }, source: null, ...fields.channelData },
      value: { MeetingType: 'Scheduled', ...fields.value },
      locale: 'da-DK',
    }),
  });
  return response.status;
}

beforeAll(async () => {
  channel = await startFakeChannel();
  graph = await startGraphStub();
  app = await startTestApp('meetingend', {
    now: () => clock,
    env: { SCHEDULER: 'on', SCHEDULER_POLL_MS: '100', GRAPH_BASE_URL: graph.url },
    // Booking in the leader's Outlook calendar, against the Graph stub.
    graph: { tokens: async (caller) => `token-for-${caller.userId}`, retry: { delaySeconds: 0 } },
  });
  lene = clientFor(app, 'lene');
  const created = await lene.post('/api/networks', {
    name: 'Ældre i eget hjem', type: 'welfare', theme: 'Længst muligt i eget hjem', startDate: '2027-01-04', teamId: TEAM, channelId: CHANNEL, reflectionReminderDays: 0,
  });
  expect(created.status).toBe(201);
  networkId = created.body.id;
  const reference = (id: string, type: string) => ({ channelId: 'msteams', serviceUrl: channel.url, bot: { id: '28:netvaerk-bot', name: 'Netværk' }, conversation: { name: '', id, conversationType: type, isGroup: type !== 'personal', tenantId: TENANT } });
  // The bot knows the network's channel (so its tenant) and the participants' 1:1 chats.
  await app.services.conversations.remember({ conversationId: CHANNEL, conversationType: 'channel', teamId: TEAM, tenantId: TENANT, reference: reference(CHANNEL, 'channel') });
  for (const key of ['jens', 'helle']) {
    const who = identity(key);
    expect((await lene.post(`/api/networks/${networkId}/participants`, { name: who.name, kind: 'core', role: 'employee', unit: 'ØS', userId: who.userId, competenceAreas: [] })).status).toBe(201);
    await app.services.conversations.remember({ conversationId: `a:${key}`, conversationType: 'personal', tenantId: TENANT, userAadObjectId: who.userId, reference: reference(`a:${key}`, 'personal') });
  }
  // Three meetings, 09:00-12:00 in Copenhagen (08:00-11:00 UTC).
  const add = async (number: number, date: string) =>
    (await lene.post(`/api/networks/${networkId}/meetings`, { number, title: `Møde ${number}`, date, start: '09:00', end: '12:00', location: 'Rådhuset', online: true })).body;
  const first = await add(1, '2027-01-20');
  // The leader chooses the Teams meeting the first meeting is held in.
  const chosen = await lene.patch(`/api/networks/${networkId}/meetings/${first.id}`, { teamsMeetingJoinUrl: JOIN_URL }, { 'If-Match': first.etag });
  expect(chosen.status).toBe(200);
  expect(chosen.body.teamsMeetingJoinUrl).toBe(JOIN_URL);
  meetings.first = first.id;
  meetings.second = (await add(2, '2027-01-27')).id;
  meetings.third = (await add(3, '2027-02-03')).id;
});

afterAll(async () => {
  await app?.stop();
  await channel?.close();
  await graph?.close();
});

test('a link that is not a Teams meeting’s is refused in words', async () => {
  const meeting = await meetingNow(meetings.second);
  const wrong = await lene.patch(`/api/networks/${networkId}/meetings/${meetings.second}`, { teamsMeetingJoinUrl: 'https://example.com/meet' }, { 'If-Match': meeting.etag });
  expect(wrong.status).toBe(400);
  expect(wrong.body.error.details[0]).toMatchObject({ path: 'teamsMeetingJoinUrl', message: expect.stringContaining('Teams-mødet') });
});

test('the Teams meeting ends before the planned end: the questions go out then, to each participant once', async () => {
  clock = new Date('2027-01-20T09:47:00Z'); // 10:47 in Copenhagen, planned end 12:00
  await aWhile();
  expect(promptsAbout(meetings.first)).toHaveLength(0);

  // Teams writes the link its own way: upper-case escapes, its own query.
  const teamsLink = `https://teams.microsoft.com/l/meetup-join/19%3Ameeting_ZmI3YzJkNDUtOGE2Ny00%40thread.v2/0?context=%7B%22Tid%22%3A%22${TENANT}%22%2C%22Oid%22%3A%22x%22%7D`;
  const status = await meetingEnd({
    conversation: { id: THREAD },
    channelData: { meeting: { id: Buffer.from(`0#${THREAD}#0`).toString('base64') } },
    value: { Id: Buffer.from(`0#${THREAD}#0`).toString('base64'), JoinUrl: teamsLink, Title: 'Netværksmøde 1', EndTime: '2027-01-20T09:46:30.000Z' },
  });
  expect(status).toBe(200);
  await channel.received(2);
  await aWhile();
  expect(promptsAbout(meetings.first).map((c) => c.conversationId).sort()).toEqual(['a:helle', 'a:jens']);
  expect((await meetingNow(meetings.first)).endedAt).toBe('2027-01-20T09:46:30.000Z');
  // Nothing is said in the meeting's chat: the questions are the answer.
  expect(channel.calls.filter((c) => c.conversationId === THREAD)).toHaveLength(0);
  const reflections = await lene.get(`/api/networks/${networkId}/meetings/${meetings.first}/reflection-status`);
  expect(reflections.body.questions.state).toBe('asked');
  expect(reflections.body.participants.map((p: any) => p.prompt?.outcome)).toEqual(['sent', 'sent']);
});

test('Teams sending the event again, and the planned end passing, send nothing more', async () => {
  expect(await meetingEnd({ conversation: { id: THREAD }, value: { JoinUrl: JOIN_URL, EndTime: '2027-01-20T09:46:30.000Z' } })).toBe(200);
  await aWhile();
  clock = new Date('2027-01-20T11:30:00Z'); // 12:30: the planned end has passed
  await aWhile();
  clock = new Date('2027-01-21T09:00:00Z');
  await aWhile();
  expect(promptsAbout(meetings.first)).toHaveLength(2);
  expect((await meetingNow(meetings.first)).endedAt).toBe('2027-01-20T09:46:30.000Z');
});

test('a Teams meeting that is not the network’s sends nothing: another chat and link, or another tenant', async () => {
  clock = new Date('2027-01-27T09:30:00Z'); // during meeting 2
  const calls = channel.calls.length;
  const otherThread = '19:meeting_b3RoZXItbWVldGluZw@thread.v2';
  expect(await meetingEnd({
    conversation: { id: otherThread },
    value: { JoinUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(otherThread)}/0?context=%7b%7d`, EndTime: clock.toISOString() },
  })).toBe(200);
  // Held in the network's channel, but in another tenant's Teams.
  expect(await meetingEnd({
    tenant: 'tenant-elsewhere',
    conversation: { id: `${CHANNEL};messageid=1800000000000` },
    channelData: { channel: { id: CHANNEL }, team: { id: TEAM } },
    value: { EndTime: clock.toISOString() },
  })).toBe(200);
  await aWhile();
  expect(channel.calls.length).toBe(calls);
  expect((await meetingNow(meetings.second)).endedAt).toBeUndefined();
});

test('a meeting held in the network’s channel is the network’s meeting of that day', async () => {
  expect(await meetingEnd({
    conversation: { id: `${CHANNEL};messageid=1800000000000`, conversationType: 'channel' },
    channelData: { channel: { id: CHANNEL }, team: { id: TEAM } },
    value: { Title: 'Netværksmøde 2', EndTime: '2027-01-27T09:30:00.000Z' },
  })).toBe(200);
  await channel.received(4);
  await aWhile();
  expect(promptsAbout(meetings.second).map((c) => c.conversationId).sort()).toEqual(['a:helle', 'a:jens']);
  expect((await meetingNow(meetings.second)).endedAt).toBe('2027-01-27T09:30:00.000Z');
});

test('when the planned end came first, the meeting end event that comes later adds nothing', async () => {
  clock = new Date('2027-02-03T11:05:00Z'); // meeting 3 ended at 12:00 Copenhagen, as planned
  await channel.received(6);
  await aWhile();
  expect(promptsAbout(meetings.third)).toHaveLength(2);
  expect(await meetingEnd({
    conversation: { id: `${CHANNEL};messageid=1900000000000`, conversationType: 'channel' },
    channelData: { channel: { id: CHANNEL }, team: { id: TEAM } },
    value: { EndTime: '2027-02-03T11:04:00.000Z' },
  })).toBe(200);
  await aWhile();
  expect(promptsAbout(meetings.third)).toHaveLength(2);
  expect((await meetingNow(meetings.third)).endedAt).toBeUndefined();
});

test('a meeting booked online through the calendar is known by the Teams meeting Outlook made for it', async () => {
  // A second network, its series booked in Lene's calendar as Teams meetings.
  const created = await lene.post('/api/networks', { name: 'Sundhed i nærmiljøet', type: 'learning', theme: 'Sundhed tæt på borgeren', startDate: '2027-01-04', reflectionReminderDays: 0 });
  const other = created.body.id;
  for (const key of ['jens', 'helle']) {
    const who = identity(key);
    await lene.post(`/api/networks/${other}/participants`, { name: who.name, kind: 'core', role: 'employee', unit: 'SUF', userId: who.userId, competenceAreas: [] });
  }
  const booked = (await lene.post(`/api/networks/${other}/meetings`, { number: 1, title: 'Opstart', date: '2027-02-10', start: '13:00', end: '15:00', location: '', online: true })).body.id;
  expect((await lene.post(`/api/networks/${other}/calendar/book`, {})).status).toBe(200);
  const [event] = graph.live();
  const booking = (await app.services.store.load(other))!.bookings.find((b) => b.meetingId === booked)!;
  expect(booking.joinUrl).toBe(stubJoinUrl(event!.id));

  // The meeting's chat is the thread in the join link; Teams' event names the meeting by its id only.
  const thread = decodeURIComponent(/meetup-join\/([^/]+)\//.exec(booking.joinUrl!)![1]!);
  clock = new Date('2027-02-10T13:20:00Z'); // 14:20 in Copenhagen, planned end 15:00
  const before = channel.calls.length;
  expect(await meetingEnd({
    conversation: { id: thread },
    channelData: { meeting: { id: Buffer.from(`0#${thread}#0`).toString('base64') } },
    value: { Id: Buffer.from(`0#${thread}#0`).toString('base64'), Title: event!.subject, EndTime: clock.toISOString() },
  })).toBe(200);
  await channel.received(before + 2);
  await aWhile();
  expect(promptsAbout(booked).map((c) => c.conversationId).sort()).toEqual(['a:helle', 'a:jens']);
  clock = new Date('2027-02-10T14:30:00Z'); // the planned end passes
  await aWhile();
  expect(promptsAbout(booked)).toHaveLength(2);
});
