import ICAL from 'ical.js';
import type { App } from '../../bot/app';
import { eventUid } from '../../bot/calendar/event';
import type { StoreError } from '../../bot/storage/errors';
import { clientFor, startTestApp } from '../support/testApp';

// The meeting series as .ics over HTTP, when Graph is not configured: every download issues the current
// version (SEQUENCE raised only when something changed), deleted meetings are cancelled once, and the
// tab's status follows. Files are read back with ical.js.

let app: App;
let lene: ReturnType<typeof clientFor>;
let networkId: string;
let m1: string;
let m2: string;
let sorenId: string;
let clock = new Date('2027-02-01T09:00:00Z');

const N = () => `/api/networks/${networkId}`;

interface Download {
  status: number;
  contentType: string | null;
  disposition: string | null;
  text: string;
}

async function download(path: string, user = 'lene'): Promise<Download> {
  const response = await fetch(`${app.url}${path}`, { headers: { 'X-Dev-User': user } });
  return { status: response.status, contentType: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), text: await response.text() };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { method: calendar.getFirstPropertyValue('method'), calendar, events };
}

const summary = (text: string) =>
  parse(text).events.map((e) => ({
    uid: e.uid,
    sequence: e.sequence,
    start: e.startDate.toString(),
    utc: e.startDate.toJSDate().toISOString(),
    attendees: e.attendees.map((a) => String(a.getFirstValue()).replace(/^mailto:/i, '')),
  }));

const statuses = async () => {
  const got = await lene.get(`${N()}/calendar`);
  expect(got.status).toBe(200);
  return got.body;
};

beforeAll(async () => {
  app = await startTestApp('calendarics', { now: () => clock, env: { SCHEDULER: 'off' } });
  lene = clientFor(app, 'lene');
  const created = await lene.post('/api/networks', { name: 'Ældre i eget hjem', type: 'welfare', theme: 'Længst muligt i eget hjem', startDate: '2027-03-01', endDate: '2027-12-31' });
  expect(created.status).toBe(201);
  networkId = created.body.id;
  const add = (body: object) => lene.post(`${N()}/participants`, { role: 'employee', unit: 'ØS', competenceAreas: [], ...body });
  const added = await Promise.all([
    add({ name: 'Helle Hansen', kind: 'core', email: 'Helle@Kommune.example' }),
    add({ name: 'Jens Jensen', kind: 'core', email: 'jens@kommune.example' }),
    add({ name: 'Mette Madsen', kind: 'core' }),
    add({ name: 'Søren Sørensen', kind: 'along', role: 'citizen', email: 'soren@borger.example' }),
  ]);
  expect(added.map((r) => r.status)).toEqual([201, 201, 201, 201]);
  sorenId = added[3]!.body.id;
  // Either side of the change to summer time (28.03.2027).
  const first = await lene.post(`${N()}/meetings`, { number: 1, date: '2027-03-26', start: '09:00', location: 'Rådhuset, lokale 3', purpose: 'Hvad betyder "eget hjem"; for hvem?' });
  const second = await lene.post(`${N()}/meetings`, { number: 2, date: '2027-03-29', start: '09:00', location: 'Plejecenter Solhøj' });
  expect([first.status, second.status]).toEqual([201, 201]);
  [m1, m2] = [first.body.id, second.body.id];
  expect((await lene.put(`${N()}/meetings/${m1}/assignments/${added[0]!.body.id}`, { contribution: 'Oplæg', involvementForm: 'presentation' })).status).toBe(201);
});

afterAll(() => app?.stop());

test('before anything is issued every meeting is "not booked", with who gets it and who has no e-mail', async () => {
  const view = await statuses();
  expect(view.mode).toBe('ics');
  expect(view.cancelled).toEqual([]);
  expect(view.meetings).toEqual([
    { meetingId: m1, label: 'Netværksmøde 1 af 2', subject: 'Netværksmøde 1 af 2', date: '2027-03-26', start: '09:00', end: '12:00', attendees: 2, missingEmail: ['Mette Madsen'], status: 'notBooked' },
    { meetingId: m2, label: 'Netværksmøde 2 af 2', subject: 'Netværksmøde 2 af 2', date: '2027-03-29', start: '09:00', end: '12:00', attendees: 2, missingEmail: ['Mette Madsen'], status: 'notBooked' },
  ]);
});

test('the series file: one event per meeting at SEQUENCE 0, in Copenhagen time across the DST change', async () => {
  const file = await download(`${N()}/calendar/series.ics`);
  expect(file.status).toBe(200);
  expect(file.contentType).toMatch(/^text\/calendar; charset=utf-8/);
  expect(file.disposition).toBe(`attachment; filename="aeldre-i-eget-hjem-moedeserie.ics"; filename*=UTF-8''${encodeURIComponent('Ældre i eget hjem – mødeserie.ics')}`);
  expect(parse(file.text).method).toBe('REQUEST');
  expect(summary(file.text)).toEqual([
    { uid: eventUid(networkId, m1), sequence: 0, start: '2027-03-26T09:00:00', utc: '2027-03-26T08:00:00.000Z', attendees: ['helle@kommune.example', 'jens@kommune.example'] },
    { uid: eventUid(networkId, m2), sequence: 0, start: '2027-03-29T09:00:00', utc: '2027-03-29T07:00:00.000Z', attendees: ['helle@kommune.example', 'jens@kommune.example'] },
  ]);
  expect(parse(file.text).events[0]!.description).toContain('Formål: Hvad betyder "eget hjem"; for hvem?');
  expect(parse(file.text).events[0]!.location).toBe('Rådhuset, lokale 3');

  const view = await statuses();
  expect(view.meetings.map((m: any) => [m.status, m.bookedAt])).toEqual([['booked', clock.toISOString()], ['booked', clock.toISOString()]]);
});

test('downloaded again without changes, the SEQUENCE stays', async () => {
  clock = new Date('2027-02-02T09:00:00Z');
  const file = await download(`${N()}/calendar/series.ics`);
  expect(summary(file.text).map((e) => e.sequence)).toEqual([0, 0]);
  expect((await statuses()).meetings.map((m: any) => m.bookedAt)).toEqual(['2027-02-01T09:00:00.000Z', '2027-02-01T09:00:00.000Z']);
});

test('a new time raises that meeting’s SEQUENCE and shows "changed" until it is issued', async () => {
  const meeting = (await lene.get(N())).body.meetings.find((m: any) => m.id === m1);
  expect((await lene.patch(`${N()}/meetings/${m1}`, { start: '10:00', end: '13:00' }, { 'If-Match': meeting.etag })).status).toBe(200);
  expect((await statuses()).meetings.map((m: any) => m.status)).toEqual(['changed', 'booked']);

  const file = await download(`${N()}/calendar/series.ics`);
  expect(summary(file.text).map(({ sequence, start, utc }) => ({ sequence, start, utc }))).toEqual([
    { sequence: 1, start: '2027-03-26T10:00:00', utc: '2027-03-26T09:00:00.000Z' },
    { sequence: 0, start: '2027-03-29T09:00:00', utc: '2027-03-29T07:00:00.000Z' },
  ]);
  expect((await statuses()).meetings.map((m: any) => m.status)).toEqual(['booked', 'booked']);
});

test('a new attendee raises the SEQUENCE again and is invited', async () => {
  expect((await lene.put(`${N()}/meetings/${m1}/assignments/${sorenId}`, { contribution: 'Borgerens perspektiv', involvementForm: 'interview' })).status).toBe(201);
  const file = await download(`${N()}/calendar/series.ics`);
  const [first, second] = summary(file.text);
  expect(first).toMatchObject({ sequence: 2, attendees: ['helle@kommune.example', 'jens@kommune.example', 'soren@borger.example'] });
  expect(second).toMatchObject({ sequence: 0 });
  const cn = parse(file.text).events[0]!.attendees.map((a) => a.getParameter('cn'));
  expect(cn).toEqual(['Helle Hansen', 'Jens Jensen', 'Søren Sørensen']);
});

test('one meeting’s file holds that meeting alone', async () => {
  const file = await download(`${N()}/meetings/${m2}/calendar.ics`);
  expect(file.status).toBe(200);
  expect(file.disposition).toContain('filename="aeldre-i-eget-hjem-netvaerksmoede-2-af-2.ics"');
  expect(summary(file.text)).toEqual([expect.objectContaining({ uid: eventUid(networkId, m2), sequence: 0 })]);
  expect(parse(file.text).events[0]!.summary).toBe('Netværksmøde 2 af 2');
  expect((await download(`${N()}/meetings/nope/calendar.ics`)).status).toBe(404);
});

test('two downloads at once issue one version: the one that loses the race reloads and finds it issued', async () => {
  const meeting = (await lene.get(N())).body.meetings.find((m: any) => m.id === m2);
  expect((await lene.patch(`${N()}/meetings/${m2}`, { location: 'Plejecenter Solhøj, salen' }, { 'If-Match': meeting.etag })).status).toBe(200);
  // Both requests have loaded the network before either writes: their commits are let through together.
  const store = app.services.store;
  const commit = store.commit;
  const outcomes: string[] = [];
  const arrived: (() => void)[] = [];
  store.commit = async (id, changes) => {
    if (outcomes.length + arrived.length < 2) await new Promise<void>((resolve) => arrived.push(resolve) === 2 && arrived.forEach((go) => go()));
    try {
      const etags = await commit.call(store, id, changes);
      outcomes.push('stored');
      return etags;
    } catch (error) {
      outcomes.push((error as StoreError).kind);
      throw error;
    }
  };
  let files: Download[];
  try {
    files = await Promise.all([download(`${N()}/calendar/series.ics`), download(`${N()}/calendar/series.ics`)]);
  } finally {
    store.commit = commit;
  }
  expect(outcomes.sort()).toEqual(['conflict', 'stored']);
  expect(files.map((f) => f.status)).toEqual([200, 200]);
  expect(files.map((f) => summary(f.text).map((e) => e.sequence))).toEqual([[2, 1], [2, 1]]);
  const stored = await app.services.store.load(networkId);
  expect(stored!.bookings.find((b) => b.meetingId === m2)!.sequence).toBe(1);
});

test('a deleted meeting is listed to cancel; its cancellation raises the SEQUENCE once, then nothing is left', async () => {
  const meeting = (await lene.get(N())).body.meetings.find((m: any) => m.id === m2);
  expect((await lene.del(`${N()}/meetings/${m2}`, { 'If-Match': meeting.etag })).status).toBe(204);

  let view = await statuses();
  expect(view.meetings.map((m: any) => [m.meetingId, m.label, m.status])).toEqual([[m1, 'Netværksmøde 1 af 1', 'changed']]);
  expect(view.cancelled).toEqual([{ meetingId: m2, subject: 'Netværksmøde 2 af 2', start: '2027-03-29T07:00:00.000Z' }]);

  const file = await download(`${N()}/calendar/cancellations.ics`);
  expect(file.status).toBe(200);
  expect(file.contentType).toMatch(/^text\/calendar; charset=utf-8/);
  expect(file.disposition).toContain('filename="aeldre-i-eget-hjem-aflysninger.ics"');
  const parsed = parse(file.text);
  expect(parsed.method).toBe('CANCEL');
  expect(parsed.events.map((e) => ({ uid: e.uid, sequence: e.sequence, status: e.component.getFirstPropertyValue('status'), summary: e.summary, utc: e.startDate.toJSDate().toISOString() }))).toEqual([
    { uid: eventUid(networkId, m2), sequence: 2, status: 'CANCELLED', summary: 'Aflyst: Netværksmøde 2 af 2', utc: '2027-03-29T07:00:00.000Z' },
  ]);
  expect(parsed.events[0]!.attendees.map((a) => String(a.getFirstValue()).replace(/^mailto:/i, ''))).toEqual(['helle@kommune.example', 'jens@kommune.example']);
  expect(String(parsed.events[0]!.component.getFirstPropertyValue('organizer'))).toMatch(/^mailto:lene\.holm@kommune\.example$/i);

  view = await statuses();
  expect(view.cancelled).toEqual([]);
  const again = await lene.get(`${N()}/calendar/cancellations.ics`);
  expect(again.status).toBe(404);
  expect(again.body.error.message).toBe('Der er ingen slettede møder, hvis aflysning mangler at blive sendt.');
});

test('a network without meetings has no series file', async () => {
  const empty = await lene.post('/api/networks', { name: 'Tomt netværk', type: 'learning', theme: 'Intet endnu', startDate: '2027-03-01' });
  const got = await lene.get(`/api/networks/${empty.body.id}/calendar/series.ics`, { 'Accept-Language': 'en' });
  expect(got.status).toBe(404);
  expect(got.body.error.message).toBe('The network has no meetings yet — plan them first.');
  expect((await lene.get(`/api/networks/${empty.body.id}/calendar`)).body).toEqual({ mode: 'ics', meetings: [], cancelled: [] });
});

test('the calendar is for the leaders: a participant gets 403 everywhere', async () => {
  const jens = clientFor(app, 'jens');
  await clientFor(app, 'lene').post(`${N()}/participants`, { name: 'Jens Jensen', kind: 'along', role: 'employee', unit: 'ØS', competenceAreas: [], userId: 'd0000000-0000-4000-8000-000000000003' });
  expect((await jens.get(N())).status).toBe(200);
  expect((await jens.get(`${N()}/calendar`)).status).toBe(403);
  for (const path of [`${N()}/calendar/series.ics`, `${N()}/meetings/${m1}/calendar.ics`, `${N()}/calendar/cancellations.ics`]) {
    expect((await download(path, 'jens')).status).toBe(403);
  }
  const stored = await app.services.store.load(networkId);
  expect(stored!.bookings.find((b) => b.meetingId === m1)!.sequence).toBe(2);
});
