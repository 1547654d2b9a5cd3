import { InteractionRequiredAuthError } from '@azure/msal-node';
import { createLocalJWKSet } from 'jose';
import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { clientFor, startTestApp, teamsModeEnv } from '../support/testApp';
import { meetingEvent } from '../../bot/calendar/event';
import { nth, startGraphStub, type GraphStub, type StubCall } from '../support/graphStub';
import { CLIENT_ID, TENANT, mint, newSigningKey } from '../unit/auth/tokens';

// Booking the series in the leader's Outlook calendar: the real service over HTTP, the real Graph
// client, a Graph-shaped stub in place of graph.microsoft.com, and a token provider in place of
// on-behalf-of (no token service here). The stores are real: Azurite.

const lene = findDevIdentity('lene')!;
const omar = findDevIdentity('omar')!;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TEAMS_APP = '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

let stub: GraphStub;
let app: App;
let tokenFailure: Error | undefined;
const as = (user: string, headers: Record<string, string> = {}) => clientFor(app, user, headers);

beforeAll(async () => {
  stub = await startGraphStub();
  app = await startTestApp('calgraph', {
    // The Teams app's id is known: a network linked to a channel gets Teams deep links (issue 18).
    env: { GRAPH_BASE_URL: stub.url, SCHEDULER: 'off', TEAMS_APP_ID: TEAMS_APP },
    graph: {
      tokens: async (caller) => {
        if (tokenFailure) throw tokenFailure;
        return `token-for-${caller.userId}`;
      },
      // No Retry-After: retry at once (what Retry-After asks is still waited for).
      retry: { delaySeconds: 0 },
    },
  });
});

afterAll(async () => {
  await app?.stop();
  await stub?.close();
});

beforeEach(() => {
  stub.reset();
  tokenFailure = undefined;
});

// The first two either side of the change to summer time (28 March 2027).
const DATES = ['2027-03-10', '2027-04-07', '2027-04-21', '2027-05-05', '2027-05-19', '2027-06-02', '2027-06-16', '2027-06-23', '2027-06-30'];

interface Plan {
  id: string;
  meetings: string[];
  participants: Record<string, string>;
}

/** A network led by Lene, with subthemes, meetings and participants (core ones in every meeting). */
async function aNetwork(meetingCount: number, extra: Record<string, unknown> = {}): Promise<Plan> {
  const leader = as('lene');
  const created = await leader.post('/api/networks', { name: 'Socialøkonomi', type: 'learning', theme: 'Socialøkonomiske virksomheder', startDate: '2027-01-04', ...extra });
  expect(created.status).toBe(201);
  const id = created.body.id;
  const N = `/api/networks/${id}`;
  const subthemes = ['Rammer og økonomi', 'Samarbejde med virksomheder'];
  const subthemeIds: string[] = [];
  for (const title of subthemes) subthemeIds.push((await leader.post(`${N}/subthemes`, { title })).body.id);
  const participants: Record<string, string> = {};
  for (const [name, kind, email] of [
    ['Jens Jensen', 'core', 'jens.jensen@kommune.example'],
    ['Helle Hansen', 'core', 'Helle.Hansen@kommune.example'],
    ['Ida Iversen', 'core', undefined],
    ['Karin Kristensen', 'along', 'karin@virksomhed.example'],
  ] as const) {
    const reply = await leader.post(`${N}/participants`, { name, kind, role: 'employee', unit: 'ØS', ...(email ? { email } : {}), competenceAreas: [] });
    expect(reply.status).toBe(201);
    participants[name] = reply.body.id;
  }
  const meetings: string[] = [];
  for (let i = 0; i < meetingCount; i++) {
    const date = DATES[i]!;
    const reply = await leader.post(`${N}/meetings`, {
      number: i + 1, date, start: '10:00', end: '13:00',
      location: 'Rådhuset, lokale 129', online: i === 1, purpose: 'Vi lærer af hinanden',
      ...(subthemeIds[i] ? { subthemeId: subthemeIds[i] } : {}),
    });
    expect(reply.status).toBe(201);
    meetings.push(reply.body.id);
  }
  return { id, meetings, participants };
}

const book = (plan: Plan, user = 'lene', headers: Record<string, string> = {}) => as(user, headers).post(`/api/networks/${plan.id}/calendar/book`, {});
const network = async (plan: Plan) => (await as('lene').get(`/api/networks/${plan.id}`)).body;
const bookingOf = async (plan: Plan, meetingId: string) => (await network(plan)).bookings.find((b: any) => b.meetingId === meetingId);
const meetingRow = async (plan: Plan, meetingId: string) => (await network(plan)).meetings.find((m: any) => m.id === meetingId);
const emails = (event: { attendees?: { emailAddress: { address: string } }[] }) => event.attendees!.map((a) => a.emailAddress.address).sort();
const ofKind = (kind: string) => stub.calls.filter((c) => stub.kindOf(c) === kind);

describe('booking the series through Graph', () => {
  let plan: Plan;
  beforeAll(async () => {
    plan = await aNetwork(2);
    const M2 = `/api/networks/${plan.id}/meetings/${plan.meetings[1]}`;
    expect((await as('lene').put(`${M2}/assignments/${plan.participants['Karin Kristensen']}`, { contribution: 'Oplæg' })).status).toBe(201);
  });

  test('creates one event per meeting in the leader’s own calendar, in Copenhagen time, with the meeting’s participants', async () => {
    const reply = await book(plan);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      meetings: plan.meetings.map((meetingId) => ({ meetingId, status: 'booked', action: 'created' })),
      cancelled: 0,
    });

    const creates = ofKind('create');
    expect(creates).toHaveLength(2);
    for (const call of creates) {
      expect(call.authorization).toBe(`Bearer token-for-${lene.userId}`);
      expect(call.body.transactionId).toMatch(GUID);
    }
    const [first, second] = plan.meetings.map((id) => creates.find((c) => c.body.subject.startsWith(id === plan.meetings[0] ? 'Netværksmøde 1' : 'Netværksmøde 2'))!.body);
    expect(first).toMatchObject({
      subject: 'Netværksmøde 1 af 2: Rammer og økonomi',
      start: { dateTime: '2027-03-10T10:00:00', timeZone: 'Romance Standard Time' },
      end: { dateTime: '2027-03-10T13:00:00', timeZone: 'Romance Standard Time' },
      location: { displayName: 'Rådhuset, lokale 129' },
      isOnlineMeeting: false,
      body: { contentType: 'text' },
    });
    expect(first!.body.content).toContain('Formål: Vi lærer af hinanden');
    // Core participants with an e-mail (Ida has none), in lower case; Karin only where she is invited.
    expect(emails(first!)).toEqual(['helle.hansen@kommune.example', 'jens.jensen@kommune.example']);
    expect(first!.attendees.every((a: any) => a.type === 'required')).toBe(true);
    expect(second).toMatchObject({
      subject: 'Netværksmøde 2 af 2: Samarbejde med virksomheder',
      start: { dateTime: '2027-04-07T10:00:00', timeZone: 'Romance Standard Time' },
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    });
    expect(emails(second!)).toEqual(['helle.hansen@kommune.example', 'jens.jensen@kommune.example', 'karin@virksomhed.example']);
    expect(stub.live()).toHaveLength(2);

    // Stored per meeting: the event id, whose calendar, SEQUENCE 0; the tab shows every meeting booked.
    const booking = await bookingOf(plan, plan.meetings[0]!);
    expect(booking).toMatchObject({ state: 'booked', sequence: 0, organizerId: lene.userId });
    expect(stub.events.get(booking.eventId)?.subject).toBe('Netværksmøde 1 af 2: Rammer og økonomi');
    const calendar = await as('lene').get(`/api/networks/${plan.id}/calendar`);
    expect(calendar.body.mode).toBe('graph');
    expect(calendar.body.meetings.map((m: any) => m.status)).toEqual(['booked', 'booked']);
  });

  test('booking again changes nothing: no request reaches Graph', async () => {
    const reply = await book(plan);
    expect(reply.body.meetings.map((m: any) => m.action)).toEqual(['unchanged', 'unchanged']);
    expect(stub.calls).toHaveLength(0);
  });

  test('a new time updates the event in place (PATCH), and raises SEQUENCE', async () => {
    expect(stub.calls).toHaveLength(0);
    const M1 = `/api/networks/${plan.id}/meetings/${plan.meetings[0]}`;
    const before = await bookingOf(plan, plan.meetings[0]!);
    const etag = (await meetingRow(plan, plan.meetings[0]!)).etag;
    expect((await as('lene').patch(M1, { start: '11:00', end: '14:30' }, { 'If-Match': etag })).status).toBe(200);
    expect((await as('lene').get(`/api/networks/${plan.id}/calendar`)).body.meetings[0].status).toBe('changed');

    const reply = await book(plan);
    expect(reply.body.meetings).toEqual([
      { meetingId: plan.meetings[0], status: 'booked', action: 'updated' },
      { meetingId: plan.meetings[1], status: 'booked', action: 'unchanged' },
    ]);
    expect(stub.calls.map((c) => `${c.method} ${c.path}`)).toEqual([`PATCH /v1.0/me/events/${encodeURIComponent(before.eventId)}`]);
    expect(stub.events.get(before.eventId)).toMatchObject({
      start: { dateTime: '2027-03-10T11:00:00', timeZone: 'Romance Standard Time' },
      end: { dateTime: '2027-03-10T14:30:00', timeZone: 'Romance Standard Time' },
    });
    expect(stub.live()).toHaveLength(2);
    expect(await bookingOf(plan, plan.meetings[0]!)).toMatchObject({ eventId: before.eventId, sequence: 1, state: 'booked' });
  });

  test('an attendee added to one meeting and removed from another: both events get their whole new list', async () => {
    const N = `/api/networks/${plan.id}`;
    const karin = plan.participants['Karin Kristensen'];
    const assignment = (await network(plan)).assignments.find((a: any) => a.participantId === karin);
    expect((await as('lene').del(`${N}/meetings/${plan.meetings[1]}/assignments/${karin}`, { 'If-Match': assignment.etag })).status).toBe(204);
    expect((await as('lene').put(`${N}/meetings/${plan.meetings[0]}/assignments/${karin}`, {})).status).toBe(201);

    const reply = await book(plan);
    expect(reply.body.meetings.map((m: any) => m.action)).toEqual(['updated', 'updated']);
    const [first, second] = await Promise.all(plan.meetings.map((id) => bookingOf(plan, id)));
    expect(emails(stub.events.get(first.eventId)!)).toEqual(['helle.hansen@kommune.example', 'jens.jensen@kommune.example', 'karin@virksomhed.example']);
    expect(emails(stub.events.get(second.eventId)!)).toEqual(['helle.hansen@kommune.example', 'jens.jensen@kommune.example']);
    expect(ofKind('update').every((c) => Array.isArray(c.body.attendees))).toBe(true);
    expect(ofKind('create')).toHaveLength(0);
  });

  test('a deleted meeting’s event is cancelled with a message, once', async () => {
    const deleted = plan.meetings[1]!;
    const { eventId } = await bookingOf(plan, deleted);
    const etag = (await meetingRow(plan, deleted)).etag;
    expect((await as('lene').del(`/api/networks/${plan.id}/meetings/${deleted}`, { 'If-Match': etag })).status).toBe(204);

    const reply = await book(plan);
    expect(reply.status).toBe(200);
    expect(reply.body.cancelled).toBe(1);
    // The remaining meeting is now "1 af 1": its subject changed, so it is updated too.
    expect(reply.body.meetings).toEqual([{ meetingId: plan.meetings[0], status: 'booked', action: 'updated' }]);
    const cancels = ofKind('cancel');
    expect(cancels.map((c) => c.path)).toEqual([`/v1.0/me/events/${encodeURIComponent(eventId)}/cancel`]);
    expect(cancels[0]!.body).toEqual({ comment: 'Mødet er aflyst: det er fjernet fra netværkets plan.' });
    expect(stub.events.get(eventId)?.cancelled).toBeDefined();
    expect(stub.live().map((e) => e.subject)).toEqual(['Netværksmøde 1 af 1: Rammer og økonomi']);
    expect(await bookingOf(plan, deleted)).toMatchObject({ state: 'cancelled', eventId });

    stub.reset();
    expect((await book(plan)).body).toEqual({ meetings: [{ meetingId: plan.meetings[0], status: 'booked', action: 'unchanged' }], cancelled: 0 });
    expect(stub.calls).toHaveLength(0);
  });

  test('only the leaders may book; a participant gets 403', async () => {
    const jens = await as('lene').patch(`/api/networks/${plan.id}/participants/${plan.participants['Jens Jensen']}`,
      { userId: findDevIdentity('jens')!.userId }, { 'If-Match': (await network(plan)).participants.find((p: any) => p.name === 'Jens Jensen').etag });
    expect(jens.status).toBe(200);
    expect((await book(plan, 'jens')).status).toBe(403);
    expect(stub.calls).toHaveLength(0);
  });
});

describe('Graph saying "wait" or failing', () => {
  beforeEach(() => stub.clearCalendar());

  test('429 with Retry-After: the client waits at least that long, then the same create goes through', async () => {
    const plan = await aNetwork(1);
    stub.fail({ when: nth('create', 1), status: 429, retryAfterSeconds: 2 });
    const reply = await book(plan);
    expect(reply.body.meetings).toEqual([{ meetingId: plan.meetings[0], status: 'booked', action: 'created' }]);

    const [refused, retried] = ofKind('create') as [StubCall, StubCall];
    expect(refused.status).toBe(429);
    expect(retried.status).toBe(201);
    expect(retried.body.transactionId).toBe(refused.body.transactionId);
    // Measured by the stub: from its 429 going out to the retry coming in.
    expect(retried.receivedAt - refused.respondedAt!).toBeGreaterThanOrEqual(2000);
    expect(stub.live().filter((e) => e.transactionId === refused.body.transactionId)).toHaveLength(1);
  });

  test('a failure half-way is stored per meeting; booking again finishes without a duplicate, even where Graph made the event but the answer was lost', async () => {
    const plan = await aNetwork(4);
    stub.latencyMs = 20;
    stub.fail({ when: nth('create', 2), status: 500 });
    // The crash between Graph creating the event and us storing its id: the event exists, the answer fails.
    stub.fail({ when: nth('create', 3), status: 500, afterApplying: true });

    const first = await book(plan);
    expect(first.status).toBe(200);
    const failed = first.body.meetings.filter((m: any) => m.status === 'failed');
    expect(failed).toHaveLength(2);
    expect(failed[0].error).toMatch(/Microsoft 365 svarede ikke \(500\)/);
    expect(first.body.meetings.filter((m: any) => m.status === 'booked')).toHaveLength(2);
    expect(stub.live()).toHaveLength(3); // two booked + the one whose answer was lost

    const view = await as('lene').get(`/api/networks/${plan.id}/calendar`);
    expect(view.body.meetings.map((m: any) => m.status).sort()).toEqual(['booked', 'booked', 'failed', 'failed']);
    expect(view.body.meetings.find((m: any) => m.status === 'failed').error).toMatch(/Book igen om lidt/);

    stub.reset();
    const again = await book(plan);
    expect(again.body.meetings.map((m: any) => m.status)).toEqual(['booked', 'booked', 'booked', 'booked']);
    expect(again.body.meetings.filter((m: any) => m.action === 'unchanged')).toHaveLength(2);

    // Exactly one event per meeting: the lost one was found again by its transactionId, not made twice.
    const live = stub.live();
    expect(live).toHaveLength(4);
    expect(new Set(live.map((e) => e.transactionId)).size).toBe(4);
    expect(new Set(live.map((e) => e.subject)).size).toBe(4);
    const bookings = (await network(plan)).bookings;
    expect(bookings.map((b: any) => b.state)).toEqual(['booked', 'booked', 'booked', 'booked']);
    expect(new Set(bookings.map((b: any) => b.eventId))).toEqual(new Set(live.map((e) => e.id)));
    expect(bookings.every((b: any) => b.error === undefined && b.sequence === 0)).toBe(true);
  });

  test('503 after Graph made the event: the client retries with the same transactionId and gets that event', async () => {
    const plan = await aNetwork(1);
    stub.fail({ when: nth('create', 1), status: 503, afterApplying: true });
    const reply = await book(plan);
    expect(reply.body.meetings).toEqual([{ meetingId: plan.meetings[0], status: 'booked', action: 'created' }]);
    expect(ofKind('create').map((c) => c.status)).toEqual([503, 201]);
    expect(stub.live().filter((e) => e.transactionId === ofKind('create')[0]!.body.transactionId)).toHaveLength(1);
  });

  test('an event deleted in Outlook is made again when its meeting changes', async () => {
    const plan = await aNetwork(1);
    await book(plan);
    const { eventId } = await bookingOf(plan, plan.meetings[0]!);
    stub.events.delete(eventId);
    const etag = (await meetingRow(plan, plan.meetings[0]!)).etag;
    await as('lene').patch(`/api/networks/${plan.id}/meetings/${plan.meetings[0]}`, { location: 'Jobcentret' }, { 'If-Match': etag });
    stub.reset();

    const reply = await book(plan);
    expect(reply.body.meetings).toEqual([{ meetingId: plan.meetings[0], status: 'booked', action: 'created' }]);
    expect(ofKind('update').map((c) => c.status)).toEqual([404]);
    const after = await bookingOf(plan, plan.meetings[0]!);
    expect(after.eventId).not.toBe(eventId);
    expect(stub.live()).toEqual([expect.objectContaining({ id: after.eventId, location: { displayName: 'Jobcentret' } })]);
  });

  test('a double click books once: both answers say booked, one event per meeting', async () => {
    const plan = await aNetwork(3);
    stub.latencyMs = 30;
    const [one, two] = await Promise.all([book(plan), book(plan)]);
    for (const reply of [one, two]) {
      expect(reply.status).toBe(200);
      expect(reply.body.meetings.map((m: any) => m.status)).toEqual(['booked', 'booked', 'booked']);
    }
    expect(stub.live()).toHaveLength(3);
    expect((await network(plan)).bookings.map((b: any) => b.state)).toEqual(['booked', 'booked', 'booked']);
  });

  test('at most 4 requests at a time reach the leader’s mailbox', async () => {
    const plan = await aNetwork(9);
    stub.latencyMs = 150;
    const reply = await book(plan);
    expect(reply.body.meetings.every((m: any) => m.status === 'booked')).toBe(true);
    expect(ofKind('create')).toHaveLength(9);
    expect(stub.maxConcurrent()).toBe(4);
  });
});

describe('consent and configuration', () => {
  test('no consent (MSAL interaction_required) is 401 consentRequired with a message, and nothing is booked', async () => {
    const plan = await aNetwork(1);
    tokenFailure = new InteractionRequiredAuthError('interaction_required', 'correlation-1', 'AADSTS65001: The user or administrator has not consented to use the application.');
    const da = await book(plan);
    expect(da.status).toBe(401);
    expect(da.body.error).toMatchObject({ status: 401, code: 'consentRequired' });
    expect(da.body.error.message).toMatch(/Netværk skal have tilladelse til at skrive i din kalender/);
    const en = await book(plan, 'lene', { 'Accept-Language': 'en-GB' });
    expect(en.body.error.message).toMatch(/Netværk needs permission to write in your calendar/);
    expect(stub.calls).toHaveLength(0);
    expect((await network(plan)).bookings).toEqual([]);
  });

  test('events in another leader’s calendar are left alone, with the reason', async () => {
    const plan = await aNetwork(1, { coDriver: { name: omar.name, userId: omar.userId } });
    expect((await book(plan)).body.meetings[0].status).toBe('booked');
    const etag = (await meetingRow(plan, plan.meetings[0]!)).etag;
    await as('lene').patch(`/api/networks/${plan.id}/meetings/${plan.meetings[0]}`, { start: '09:00' }, { 'If-Match': etag });
    stub.reset();

    const reply = await book(plan, 'omar');
    expect(reply.body.meetings[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/en anden leders kalender/) });
    expect(stub.calls).toHaveLength(0);
  });

  test('in Teams the request’s own SSO token is what on-behalf-of exchanges; Entra ID with a client secret configures Graph', async () => {
    const key = await newSigningKey('k1');
    const assertions: (string | undefined)[] = [];
    const teams = await startTestApp('calgraphteams', {
      env: teamsModeEnv({ clientId: CLIENT_ID, tenantId: TENANT }, { GRAPH_BASE_URL: stub.url, SCHEDULER: 'off' }),
      auth: { keySet: createLocalJWKSet({ keys: [key.jwk] }) },
      graph: { tokens: async (caller) => (assertions.push(caller.ssoToken), 'graph-token') },
    });
    const withSecret = await startTestApp('calgraphsecret', { env: teamsModeEnv({ clientId: CLIENT_ID, tenantId: TENANT }, { AAD_APP_CLIENT_SECRET: 'secret' }) });
    try {
      expect(withSecret.services.calendar?.configured).toBe(true);
      const sso = await mint(key);
      const leader = clientFor(teams, 'ignored', { Authorization: `Bearer ${sso}` });
      const created = await leader.post('/api/networks', { name: 'I Teams', type: 'learning', theme: 'Tema', startDate: '2027-01-04' });
      expect(created.status).toBe(201);
      await leader.post(`/api/networks/${created.body.id}/meetings`, { number: 1, date: '2027-03-10', start: '10:00' });
      const reply = await leader.post(`/api/networks/${created.body.id}/calendar/book`, {});
      expect(reply.body.meetings[0].status).toBe('booked');
      expect(assertions.length).toBeGreaterThan(0);
      expect(assertions.every((assertion) => assertion === sso)).toBe(true);
      expect(ofKind('create')[0]!.authorization).toBe('Bearer graph-token');
    } finally {
      await teams.stop();
      await withSecret.stop();
    }
  });

  test('without Graph configured the booking answers 400 graphNotConfigured (the tab offers .ics)', async () => {
    const plain = await startTestApp('calgraphoff', { env: { SCHEDULER: 'off' } });
    try {
      expect(plain.services.calendar).toBeUndefined();
      const leader = clientFor(plain, 'lene');
      const created = await leader.post('/api/networks', { name: 'Uden Graph', type: 'learning', theme: 'Tema', startDate: '2027-01-04' });
      const reply = await leader.post(`/api/networks/${created.body.id}/calendar/book`, {});
      expect(reply.status).toBe(400);
      expect(reply.body.error).toMatchObject({ code: 'graphNotConfigured' });
      expect(reply.body.error.message).toMatch(/\.ics/);
    } finally {
      await plain.stop();
    }
  });
});

describe('the link to the meeting in the plan (issue 18)', () => {
  const CHANNEL = '19:kanal-7@thread.tacv2';
  const bodyOf = async (plan: Plan, meetingId: string) => stub.events.get((await bookingOf(plan, meetingId)).eventId)!.body!.content as string;

  test('a network in a channel: each event links to its meeting’s agenda through the Teams deep link to the channel tab', async () => {
    const plan = await aNetwork(2, { teamId: '19:team-7@thread.skype', channelId: CHANNEL });
    expect((await book(plan)).status).toBe(200);
    for (const meetingId of plan.meetings) {
      const line = (await bodyOf(plan, meetingId)).split('\n').find((l) => l.startsWith('Mødet i netværkets plan: '))!;
      const link = new URL(line.slice('Mødet i netværkets plan: '.length));
      expect(`${link.origin}${link.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${TEAMS_APP}/${plan.id}`);
      expect(JSON.parse(link.searchParams.get('context')!)).toEqual({ subEntityId: `agenda:${meetingId}`, channelId: CHANNEL });
      expect(link.searchParams.get('webUrl')).toBe(`${app.url}/tabs/plan.html?networkId=${plan.id}#agenda:${meetingId}`);
    }
    // The same link the next time: booking again finds nothing changed.
    stub.reset();
    expect((await book(plan)).body.meetings.map((m: any) => m.action)).toEqual(['unchanged', 'unchanged']);
    expect(stub.calls).toHaveLength(0);
  });

  test('a network in no channel: the tab page’s own address (locally, where it opens on its own)', async () => {
    const plan = await aNetwork(1);
    await book(plan);
    expect(await bodyOf(plan, plan.meetings[0]!)).toContain(`Mødet i netværkets plan: ${app.url}/tabs/plan.html?networkId=${plan.id}#agenda:${plan.meetings[0]}`);
  });

  test('events booked before they had the link are "changed" once: booking again adds it in place, then nothing changes', async () => {
    const plan = await aNetwork(2);
    await book(plan);
    // As the app stored them before the link: the fingerprint of the event without it.
    const stored = (await app.services.store.load(plan.id))!;
    const changes = stored.bookings.map(({ etag, ...booking }) => {
      const meeting = stored.meetings.find((m) => m.id === booking.meetingId)!;
      return { op: 'update' as const, kind: 'booking' as const, ids: [booking.meetingId], value: { ...booking, fingerprint: meetingEvent(stored, meeting, 'da', undefined).fingerprint }, etag };
    });
    await app.services.store.commit(plan.id, changes);
    const statuses = async () => (await as('lene').get(`/api/networks/${plan.id}/calendar`)).body.meetings.map((m: any) => m.status);
    expect(await statuses()).toEqual(['changed', 'changed']);

    stub.reset();
    expect((await book(plan)).body.meetings.map((m: any) => m.action)).toEqual(['updated', 'updated']);
    expect(ofKind('update')).toHaveLength(2);
    expect(ofKind('create')).toHaveLength(0);
    for (const call of ofKind('update')) expect(call.body.body.content).toContain(`${app.url}/tabs/plan.html?networkId=${plan.id}#agenda:`);
    expect(await statuses()).toEqual(['booked', 'booked']);

    stub.reset();
    expect((await book(plan)).body.meetings.map((m: any) => m.action)).toEqual(['unchanged', 'unchanged']);
    expect(stub.calls).toHaveLength(0);
    expect(await statuses()).toEqual(['booked', 'booked']);
  });
});
