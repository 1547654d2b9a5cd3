import ICAL from 'ical.js';
import type { App } from '../../bot/app';
import { eventUid, meetingEvent } from '../../bot/calendar/event';
import { clientFor, startTestApp } from '../support/testApp';

// The meeting series as .ics over HTTP, when Graph is not configured: the write that changes a meeting
// records its new version (SEQUENCE), a download only reads — the same plan is the same file — and a
// deleted meeting's cancellation can be fetched again. Files are read back with ical.js.

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

const stamps = (text: string) => parse(text).events.map((e) => e.component.getFirstPropertyValue('dtstamp')!.toString());
const storedRows = async () => JSON.stringify(await app.services.store.load(networkId));

test('a meeting has its invitation from when it is planned: status, who gets it and who has no e-mail', async () => {
  const view = await statuses();
  expect(view.mode).toBe('ics');
  expect(view.cancelled).toEqual([]);
  const planned = clock.toISOString();
  expect(view.meetings).toEqual([
    { meetingId: m1, label: 'Netværksmøde 1 af 2', subject: 'Netværksmøde 1 af 2', date: '2027-03-26', start: '09:00', end: '12:00', attendees: 2, missingEmail: ['Mette Madsen'], status: 'booked', bookedAt: planned },
    { meetingId: m2, label: 'Netværksmøde 2 af 2', subject: 'Netværksmøde 2 af 2', date: '2027-03-29', start: '09:00', end: '12:00', attendees: 2, missingEmail: ['Mette Madsen'], status: 'booked', bookedAt: planned },
  ]);
});

test('the series file: one event per meeting, in Copenhagen time across the DST change', async () => {
  const file = await download(`${N()}/calendar/series.ics`);
  expect(file.status).toBe(200);
  expect(file.contentType).toMatch(/^text\/calendar; charset=utf-8/);
  expect(file.disposition).toBe(`attachment; filename="aeldre-i-eget-hjem-moedeserie.ics"; filename*=UTF-8''${encodeURIComponent('Ældre i eget hjem – mødeserie.ics')}`);
  expect(parse(file.text).method).toBe('REQUEST');
  expect(summary(file.text)).toEqual([
    // Meeting 1 was "1 af 1" until meeting 2 was planned: that was its version 0.
    { uid: eventUid(networkId, m1), sequence: 1, start: '2027-03-26T09:00:00', utc: '2027-03-26T08:00:00.000Z', attendees: ['helle@kommune.example', 'jens@kommune.example'] },
    { uid: eventUid(networkId, m2), sequence: 0, start: '2027-03-29T09:00:00', utc: '2027-03-29T07:00:00.000Z', attendees: ['helle@kommune.example', 'jens@kommune.example'] },
  ]);
  expect(parse(file.text).events[0]!.description).toContain('Formål: Hvad betyder "eget hjem"; for hvem?');
  expect(parse(file.text).events[0]!.location).toBe('Rådhuset, lokale 3');
  // DTSTAMP is when the version came about (the meetings were planned), not when the file was fetched.
  expect(stamps(file.text)).toEqual(['2027-02-01T09:00:00Z', '2027-02-01T09:00:00Z']);
});

test('a download changes nothing: two downloads a day apart are the same file, and the stored rows are as they were', async () => {
  const before = await storedRows();
  const first = await download(`${N()}/calendar/series.ics`);
  const oneMeeting = await download(`${N()}/meetings/${m1}/calendar.ics`);
  clock = new Date('2027-02-02T09:00:00Z');
  const second = await download(`${N()}/calendar/series.ics`);
  expect(second.text).toBe(first.text);
  expect((await download(`${N()}/meetings/${m1}/calendar.ics`)).text).toBe(oneMeeting.text);
  expect((await download(`${N()}/calendar/cancellations.ics`)).status).toBe(404);
  expect(await storedRows()).toBe(before);
});

test('a new time raises that meeting’s SEQUENCE in the next file, stamped when it changed', async () => {
  const meeting = (await lene.get(N())).body.meetings.find((m: any) => m.id === m1);
  expect((await lene.patch(`${N()}/meetings/${m1}`, { start: '10:00', end: '13:00' }, { 'If-Match': meeting.etag })).status).toBe(200);
  clock = new Date('2027-02-03T09:00:00Z');

  const file = await download(`${N()}/calendar/series.ics`);
  expect(summary(file.text).map(({ sequence, start, utc }) => ({ sequence, start, utc }))).toEqual([
    { sequence: 2, start: '2027-03-26T10:00:00', utc: '2027-03-26T09:00:00.000Z' },
    { sequence: 0, start: '2027-03-29T09:00:00', utc: '2027-03-29T07:00:00.000Z' },
  ]);
  expect(stamps(file.text)).toEqual(['2027-02-02T09:00:00Z', '2027-02-01T09:00:00Z']);
  expect((await statuses()).meetings.map((m: any) => [m.status, m.bookedAt])).toEqual([['booked', '2027-02-02T09:00:00.000Z'], ['booked', '2027-02-01T09:00:00.000Z']]);
  expect((await download(`${N()}/calendar/series.ics`)).text).toBe(file.text);
});

test('a new attendee raises the SEQUENCE again and is invited; a write that changes no event records nothing', async () => {
  expect((await lene.put(`${N()}/meetings/${m1}/assignments/${sorenId}`, { contribution: 'Borgerens perspektiv', involvementForm: 'interview' })).status).toBe(201);
  const before = await storedRows();
  const meeting = (await lene.get(N())).body.meetings.find((m: any) => m.id === m1);
  expect((await lene.patch(`${N()}/meetings/${m1}`, { reflectionQuestions: ['Hvad tager du med?'] }, { 'If-Match': meeting.etag })).status).toBe(200);
  const bookings = (text: string) => JSON.stringify(JSON.parse(text).bookings);
  expect(bookings(await storedRows())).toBe(bookings(before));

  const file = await download(`${N()}/calendar/series.ics`);
  const [first, second] = summary(file.text);
  expect(first).toMatchObject({ sequence: 3, attendees: ['helle@kommune.example', 'jens@kommune.example', 'soren@borger.example'] });
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

test('a change no write recorded (made straight in storage) still gives a higher SEQUENCE, the same on every download', async () => {
  const stored = (await app.services.store.load(networkId))!;
  const meeting = stored.meetings.find((m) => m.id === m2)!;
  const { etag, ...value } = meeting;
  await app.services.store.commit(networkId, [{ op: 'update', kind: 'meeting', ids: [m2], value: { ...value, location: 'Plejecenter Solhøj, salen' }, etag }]);
  const files = [await download(`${N()}/calendar/series.ics`), await download(`${N()}/calendar/series.ics`)];
  expect(files.map((f) => summary(f.text).map((e) => e.sequence))).toEqual([[3, 1], [3, 1]]);
  expect(files[1]!.text).toBe(files[0]!.text);
  // The next write that changes the meeting goes on from there.
  const current = (await lene.get(N())).body.meetings.find((m: any) => m.id === m2);
  expect((await lene.patch(`${N()}/meetings/${m2}`, { location: 'Plejecenter Solhøj' }, { 'If-Match': current.etag })).status).toBe(200);
  expect(summary((await download(`${N()}/calendar/series.ics`)).text).map((e) => e.sequence)).toEqual([3, 2]);
});

test('a deleted meeting is cancelled one SEQUENCE above its last invitation, and the cancellation can be downloaded again', async () => {
  const meeting = (await lene.get(N())).body.meetings.find((m: any) => m.id === m2);
  clock = new Date('2027-02-04T09:00:00Z');
  expect((await lene.del(`${N()}/meetings/${m2}`, { 'If-Match': meeting.etag })).status).toBe(204);
  clock = new Date('2027-02-05T09:00:00Z');

  const view = await statuses();
  expect(view.meetings.map((m: any) => [m.meetingId, m.label, m.status])).toEqual([[m1, 'Netværksmøde 1 af 1', 'booked']]);
  expect(view.cancelled).toEqual([{ meetingId: m2, subject: 'Netværksmøde 2 af 2', start: '2027-03-29T07:00:00.000Z' }]);
  // "1 af 1" is a new subject: the remaining meeting has a new version.
  expect(summary((await download(`${N()}/calendar/series.ics`)).text).map((e) => e.sequence)).toEqual([4]);

  const before = await storedRows();
  const file = await download(`${N()}/calendar/cancellations.ics`);
  expect(file.status).toBe(200);
  expect(file.contentType).toMatch(/^text\/calendar; charset=utf-8/);
  expect(file.disposition).toContain('filename="aeldre-i-eget-hjem-aflysninger.ics"');
  const parsed = parse(file.text);
  expect(parsed.method).toBe('CANCEL');
  expect(parsed.events.map((e) => ({ uid: e.uid, sequence: e.sequence, status: e.component.getFirstPropertyValue('status'), summary: e.summary, utc: e.startDate.toJSDate().toISOString() }))).toEqual([
    { uid: eventUid(networkId, m2), sequence: 3, status: 'CANCELLED', summary: 'Aflyst: Netværksmøde 2 af 2', utc: '2027-03-29T07:00:00.000Z' },
  ]);
  expect(stamps(file.text)).toEqual(['2027-02-04T09:00:00Z']);
  expect(parsed.events[0]!.attendees.map((a) => String(a.getFirstValue()).replace(/^mailto:/i, ''))).toEqual(['helle@kommune.example', 'jens@kommune.example']);
  expect(String(parsed.events[0]!.component.getFirstPropertyValue('organizer'))).toMatch(/^mailto:lene\.holm@kommune\.example$/i);

  clock = new Date('2027-02-06T09:00:00Z');
  const again = await download(`${N()}/calendar/cancellations.ics`);
  expect(again.status).toBe(200);
  expect(again.text).toBe(file.text);
  expect(await storedRows()).toBe(before);
  expect((await statuses()).cancelled).toHaveLength(1);
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
  expect(stored!.bookings.find((b) => b.meetingId === m1)!.sequence).toBe(4);
});

test('control characters and bidi overrides typed into a name never reach the calendar file (RFC 5545 forbids them)', async () => {
  const added = await lene.post(`${N()}/participants`, { name: 'Ida\u0000 \u202EnesnaH\u202C', kind: 'core', role: 'employee', email: 'ida@kommune.example', competenceAreas: [] });
  expect([added.status, added.body.name]).toEqual([201, 'Ida nesnaH']);
  const file = await download(`${N()}/calendar/series.ics`);
  expect(file.text.replace(/\r\n[ \t]/g, '')).toContain('CN="Ida nesnaH":MAILTO:ida@kommune.example'); // unfolded
  expect(file.text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/);
});

describe('the link to the meeting in the plan (issue 18)', () => {
  let id: string;
  let meetingId: string;
  const P = () => `/api/networks/${id}`;
  const linkTo = (meeting: string) => `${app.url}/tabs/plan.html?networkId=${id}#agenda:${meeting}`;

  beforeAll(async () => {
    const created = await lene.post('/api/networks', { name: 'Ældre i eget hjem, runde 2', type: 'welfare', theme: 'Længst muligt i eget hjem', startDate: '2027-03-01' });
    id = created.body.id;
    await lene.post(`${P()}/participants`, { name: 'Helle Hansen', kind: 'core', role: 'employee', email: 'helle@kommune.example', competenceAreas: [] });
    meetingId = (await lene.post(`${P()}/meetings`, { number: 1, date: '2027-04-12', start: '09:00', location: 'Rådhuset' })).body.id;
  });

  test('the invitation’s DESCRIPTION and URL lead to the meeting’s agenda in the plan (here the tab page: no Teams app id)', async () => {
    const [event] = parse((await download(`${P()}/meetings/${meetingId}/calendar.ics`)).text).events;
    expect(event!.description).toContain(`Mødet i netværkets plan: ${linkTo(meetingId)}`);
    expect(event!.component.getFirstPropertyValue('url')).toBe(linkTo(meetingId));
    // The series file says the same.
    expect(parse((await download(`${P()}/calendar/series.ics`)).text).events[0]!.component.getFirstPropertyValue('url')).toBe(linkTo(meetingId));
  });

  test('a version recorded before events had the link shows "changed" once; the next write records it, at the SEQUENCE the files carried, and then it is stable', async () => {
    // As stored by the app before the link: the fingerprint of the event without it.
    const stored = (await app.services.store.load(id))!;
    const booking = stored.bookings.find((b) => b.meetingId === meetingId)!;
    const withoutLink = meetingEvent(stored, stored.meetings[0]!, 'da', undefined).fingerprint;
    expect(withoutLink).not.toBe(booking.fingerprint);
    const { etag, ...value } = booking;
    await app.services.store.commit(id, [{ op: 'update', kind: 'booking', ids: [meetingId], value: { ...value, fingerprint: withoutLink }, etag }]);

    const status = async () => (await lene.get(`${P()}/calendar`)).body.meetings.map((m: any) => m.status);
    expect(await status()).toEqual(['changed']);
    // Meanwhile every file carries the new version, one above the stored one.
    const sequence = async () => summary((await download(`${P()}/calendar/series.ics`)).text)[0]!.sequence;
    expect(await sequence()).toBe(booking.sequence + 1);

    // Any write to the network (here a subtheme) brings the version up to date, at that same SEQUENCE.
    clock = new Date('2027-02-10T09:00:00Z');
    expect((await lene.post(`${P()}/subthemes`, { title: 'Hjemmeplejen' })).status).toBe(201);
    expect(await status()).toEqual(['booked']);
    expect(await sequence()).toBe(booking.sequence + 1);

    // Stable from then on: another write records nothing, and the file is the same.
    const file = (await download(`${P()}/calendar/series.ics`)).text;
    const bookingsBefore = JSON.stringify((await app.services.store.load(id))!.bookings.map(({ etag: _e, ...b }) => b));
    expect((await lene.post(`${P()}/subthemes`, { title: 'Pårørende' })).status).toBe(201);
    expect(JSON.stringify((await app.services.store.load(id))!.bookings.map(({ etag: _e, ...b }) => b))).toBe(bookingsBefore);
    expect((await download(`${P()}/calendar/series.ics`)).text).toBe(file);
    expect(await status()).toEqual(['booked']);
  });
});
