import ICAL from 'ical.js';
import { eventUid, meetingEvent, type CalendarEvent } from '../../../bot/calendar/event';
import { cancellationIcs, copenhagenVtimezone, invitationIcs } from '../../../bot/calendar/ics';
import type { Booking, NetworkAggregate } from '../../../bot/domain/model';
import type { Locale } from '../../../bot/i18n';
import { meeting, participant, plannedNetwork } from '../domain/fixtures';

// Every file is read back with ical.js, an iCalendar parser that shares nothing with the generator.

const NOW = new Date('2027-01-15T10:30:00Z');

/** A series around both daylight-saving changes of 2027 (28 March and 31 October). */
function network(): NetworkAggregate {
  const aggregate = plannedNetwork();
  aggregate.subthemes = [{ id: 's2', title: 'Æbler, pærer; og "citater" \\ skråstreg', description: '', order: 1 }];
  aggregate.meetings = [
    meeting('m1', 1, '2027-03-26'),
    meeting('m2', 2, '2027-03-29', {
      subthemeId: 's2',
      location: 'Rådhuset, lokale 3; 2. sal',
      purpose: 'At forstå: hvem, hvad; hvordan?\nAnden linje med æøå ÆØÅ',
      preparation: 'Læs artiklen (s. 3-7), og tag noter; gerne\n\nmed tomme linjer',
    }),
    meeting('m3', 3, '2027-10-29', { start: '13:00', end: '15:30' }),
    meeting('m4', 4, '2027-11-01', { online: true, location: '' }),
    meeting('m5', 5, '2027-11-15', { closing: true }),
  ];
  aggregate.participants.push(participant('x1', { name: 'Søren "Ø" Ås, Borger', kind: 'along', role: 'citizen', email: 'Soren@Example.dk' }));
  aggregate.assignments.push({ meetingId: 'm2', participantId: 'x1', contribution: '', involvementForm: 'participant' });
  return aggregate;
}

const events = (aggregate: NetworkAggregate, locale: Locale = 'da') => aggregate.meetings.map((m) => meetingEvent(aggregate, m, locale, undefined));
const byId = (list: CalendarEvent[], id: string) => list.find((e) => e.meetingId === id)!;

interface Parsed {
  calendar: ICAL.Component;
  events: ICAL.Event[];
  vevents: ICAL.Component[];
}

function parse(text: string): Parsed {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevents = calendar.getAllSubcomponents('vevent');
  return { calendar, vevents, events: vevents.map((v) => new ICAL.Event(v)) };
}

const eventOf = (parsed: Parsed, uid: string) => parsed.events.find((e) => e.uid === uid)!;
const mailto = (value: unknown) => String(value).replace(/^mailto:/i, '');

describe('invitations (METHOD:REQUEST)', () => {
  const aggregate = network();
  const all = events(aggregate);
  const text = invitationIcs(all.map((event, i) => ({ event, sequence: i })), { locale: 'da', now: NOW });
  const parsed = parse(text);

  it('is one VCALENDAR with METHOD:REQUEST and one VEVENT per meeting, no recurrence', () => {
    expect(parsed.calendar.name).toBe('vcalendar');
    expect(parsed.calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(parsed.calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    expect(parsed.calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(parsed.events).toHaveLength(5);
    expect(parsed.vevents.every((v) => !v.hasProperty('rrule') && !v.hasProperty('rdate'))).toBe(true);
    expect(parsed.vevents.map((v) => v.getFirstPropertyValue('status'))).toEqual(Array(5).fill('CONFIRMED'));
  });

  it('writes CRLF line endings and folds lines at 75 octets', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
    expect(Math.max(...lines.map((line) => Buffer.byteLength(line, 'utf8')))).toBeLessThanOrEqual(75);
  });

  it('gives every meeting its stable UID and the SEQUENCE it was given', () => {
    expect(parsed.events.map((e) => e.uid)).toEqual(aggregate.meetings.map((m) => eventUid('n1', m.id)));
    expect(parsed.events.map((e) => e.sequence)).toEqual([0, 1, 2, 3, 4]);
    // Regenerated later, after a change, with another SEQUENCE: the same UID.
    const changed = network();
    changed.meetings[1]!.start = '10:00';
    const again = parse(invitationIcs([{ event: byId(events(changed), 'm2'), sequence: 7 }], { locale: 'da', now: new Date('2027-02-01T08:00:00Z') }));
    expect(again.events.map((e) => [e.uid, e.sequence])).toEqual([[eventUid('n1', 'm2'), 7]]);
  });

  it('stamps DTSTAMP in UTC', () => {
    const stamp = parsed.vevents[0]!.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.zone).toBe(ICAL.Timezone.utcTimezone);
    expect(stamp.toJSDate().toISOString()).toBe(NOW.toISOString());
  });

  it('carries Copenhagen wall-clock times with TZID, at the right instants on both sides of both DST changes', () => {
    const times = aggregate.meetings.map((m) => {
      const vevent = parsed.vevents.find((v) => v.getFirstPropertyValue('uid') === eventUid('n1', m.id))!;
      const start = vevent.getFirstProperty('dtstart')!;
      const end = vevent.getFirstProperty('dtend')!;
      const event = new ICAL.Event(vevent);
      return {
        tzid: [start.getParameter('tzid'), end.getParameter('tzid')],
        local: [event.startDate.toString(), event.endDate.toString()],
        utc: [event.startDate.toJSDate().toISOString(), event.endDate.toJSDate().toISOString()],
      };
    });
    const zone = ['Europe/Copenhagen', 'Europe/Copenhagen'];
    expect(times).toEqual([
      // Friday before summer time: UTC+1.
      { tzid: zone, local: ['2027-03-26T09:00:00', '2027-03-26T12:00:00'], utc: ['2027-03-26T08:00:00.000Z', '2027-03-26T11:00:00.000Z'] },
      // Monday after: UTC+2.
      { tzid: zone, local: ['2027-03-29T09:00:00', '2027-03-29T12:00:00'], utc: ['2027-03-29T07:00:00.000Z', '2027-03-29T10:00:00.000Z'] },
      // Friday before winter time: UTC+2.
      { tzid: zone, local: ['2027-10-29T13:00:00', '2027-10-29T15:30:00'], utc: ['2027-10-29T11:00:00.000Z', '2027-10-29T13:30:00.000Z'] },
      // Monday after: UTC+1.
      { tzid: zone, local: ['2027-11-01T09:00:00', '2027-11-01T12:00:00'], utc: ['2027-11-01T08:00:00.000Z', '2027-11-01T11:00:00.000Z'] },
      { tzid: zone, local: ['2027-11-15T09:00:00', '2027-11-15T12:00:00'], utc: ['2027-11-15T08:00:00.000Z', '2027-11-15T11:00:00.000Z'] },
    ]);
  });

  it('contains a valid VTIMEZONE for Europe/Copenhagen, and the times are read through it', () => {
    const vtimezones = parsed.calendar.getAllSubcomponents('vtimezone');
    expect(vtimezones).toHaveLength(1);
    const vtimezone = vtimezones[0]!;
    expect(vtimezone.getFirstPropertyValue('tzid')).toBe('Europe/Copenhagen');
    expect(vtimezone.getFirstPropertyValue('x-lic-location')).toBe('Europe/Copenhagen');
    const rules = ['standard', 'daylight'].map((name) => {
      const rule = vtimezone.getFirstSubcomponent(name)!;
      return [name, rule.getFirstPropertyValue('tzoffsetfrom')?.toString(), rule.getFirstPropertyValue('tzoffsetto')?.toString(), String(rule.getFirstPropertyValue('rrule'))];
    });
    expect(rules).toEqual([
      ['standard', '+02:00', '+01:00', 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU'],
      ['daylight', '+01:00', '+02:00', 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU'],
    ]);
    // The parser resolves TZID=Europe/Copenhagen to this block, not to a zone it knows itself.
    expect(ICAL.TimezoneService.has('Europe/Copenhagen')).toBe(false);
    const start = eventOf(parsed, eventUid('n1', 'm2')).startDate;
    expect(start.zone?.tzid).toBe('Europe/Copenhagen');
    expect(start.zone?.component?.toString()).toBe(vtimezone.toString());
    const zone = new ICAL.Timezone(vtimezone);
    const offset = (iso: string) => zone.utcOffset(ICAL.Time.fromDateTimeString(iso)) / 3600;
    expect([offset('2027-03-28T01:30:00'), offset('2027-03-28T03:30:00'), offset('2027-10-31T01:30:00'), offset('2027-10-31T03:30:00')]).toEqual([1, 2, 2, 1]);
    // Without the block the same line is a floating time: the instants above come from it.
    const withoutZone = text.replace(/BEGIN:VTIMEZONE[\s\S]*?END:VTIMEZONE\r\n/, '');
    expect(eventOf(parse(withoutZone), eventUid('n1', 'm2')).startDate.zone?.tzid).not.toBe('Europe/Copenhagen');
  });

  it('lists the organizer and the attendees with mailto and CN, asking for an answer', () => {
    const event = eventOf(parsed, eventUid('n1', 'm2'));
    const organizer = event.component.getFirstProperty('organizer')!;
    expect([mailto(organizer.getFirstValue()), organizer.getParameter('cn')]).toEqual(['anna@kommune.dk', 'Anna Andersen']);
    const attendees = event.attendees.map((a) => ({
      email: mailto(a.getFirstValue()),
      cn: a.getParameter('cn'),
      rsvp: a.getParameter('rsvp'),
      partstat: a.getParameter('partstat'),
      role: a.getParameter('role'),
    }));
    expect(attendees).toEqual([
      { email: 'ali@kommune.dk', cn: 'Ali Khan', rsvp: 'TRUE', partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' },
      { email: 'helle@kommune.dk', cn: 'Helle Hansen', rsvp: 'TRUE', partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' },
      { email: 'soren@example.dk', cn: 'Søren "Ø" Ås, Borger', rsvp: 'TRUE', partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' },
    ]);
    // Meeting 1 has only the core participants with an e-mail.
    expect(eventOf(parsed, eventUid('n1', 'm1')).attendees.map((a) => mailto(a.getFirstValue()))).toEqual(['ali@kommune.dk', 'helle@kommune.dk']);
  });

  it('writes subject, description and location so they read back identical, special characters and all', () => {
    const m2 = byId(all, 'm2');
    const event = eventOf(parsed, m2.uid);
    expect(event.summary).toBe('Netværksmøde 2 af 5: Æbler, pærer; og "citater" \\ skråstreg');
    expect(event.summary).toBe(m2.subject);
    expect(event.description).toBe(m2.body);
    expect(event.description).toContain('At forstå: hvem, hvad; hvordan?\nAnden linje med æøå ÆØÅ');
    expect(event.description).toContain('med tomme linjer');
    expect(event.location).toBe('Rådhuset, lokale 3; 2. sal');
    // Escaped on the wire: \, \; \n and \\.
    expect(text.replace(/\r\n[ \t]/g, '')).toContain('SUMMARY:Netværksmøde 2 af 5: Æbler\\, pærer\\; og "citater" \\\\ skråstreg');
    expect(eventOf(parsed, eventUid('n1', 'm4')).location).toBe('Online (Teams-møde)');
    expect(eventOf(parsed, eventUid('n1', 'm5')).summary).toBe('Afsluttende møde');
  });

  it('speaks English when the network does', () => {
    const english = network();
    english.network.locale = 'en';
    const file = parse(invitationIcs(events(english, 'en').map((event) => ({ event, sequence: 0 })), { locale: 'en', now: NOW }));
    expect(eventOf(file, eventUid('n1', 'm2')).summary).toBe('Network meeting 2 of 5: Æbler, pærer; og "citater" \\ skråstreg');
    expect(eventOf(file, eventUid('n1', 'm2')).description).toMatch(/^Theme: /);
    expect(eventOf(file, eventUid('n1', 'm4')).location).toBe('Online (Teams meeting)');
  });

  it('makes a file of one meeting alone', () => {
    const one = parse(invitationIcs([{ event: byId(all, 'm3'), sequence: 2 }], { locale: 'da', now: NOW }));
    expect(one.calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(one.events.map((e) => [e.uid, e.sequence, e.summary])).toEqual([[eventUid('n1', 'm3'), 2, 'Netværksmøde 3 af 5']]);
    expect(one.calendar.getAllSubcomponents('vtimezone')).toHaveLength(1);
  });
});

describe('cancellations (METHOD:CANCEL)', () => {
  const booking: Booking = {
    meetingId: 'gone',
    uid: eventUid('n1', 'gone'),
    sequence: 3,
    fingerprint: 'x',
    state: 'cancelled',
    subject: 'Netværksmøde 3 af 5: Ældre, ensomhed; og fællesskab',
    start: '2027-03-29T07:00:00.000Z',
    end: '2027-03-29T10:00:00.000Z',
  };
  const organizer = { name: 'Anna Andersen', email: 'anna@kommune.dk' };
  const attendees = [{ name: 'Ali Khan', email: 'ali@kommune.dk' }];

  it('cancels the event by its UID with the raised SEQUENCE, STATUS:CANCELLED, at the time it had', () => {
    const text = cancellationIcs([{ booking, organizer, attendees }], { locale: 'da', now: NOW });
    const parsed = parse(text);
    expect(parsed.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(parsed.events).toHaveLength(1);
    const [event] = parsed.events;
    expect(event!.uid).toBe(eventUid('n1', 'gone'));
    expect(event!.sequence).toBe(3);
    expect(event!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event!.summary).toBe('Aflyst: Netværksmøde 3 af 5: Ældre, ensomhed; og fællesskab');
    expect(event!.description).toBe('Mødet er aflyst: det er fjernet fra netværkets plan.');
    expect(event!.startDate.toString()).toBe('2027-03-29T09:00:00');
    expect(event!.startDate.zone?.tzid).toBe('Europe/Copenhagen');
    expect(event!.startDate.toJSDate().toISOString()).toBe('2027-03-29T07:00:00.000Z');
    expect(event!.endDate.toJSDate().toISOString()).toBe('2027-03-29T10:00:00.000Z');
    expect(mailto(event!.component.getFirstPropertyValue('organizer'))).toBe('anna@kommune.dk');
    expect(event!.attendees.map((a) => [mailto(a.getFirstValue()), a.getParameter('cn')])).toEqual([['ali@kommune.dk', 'Ali Khan']]);
    expect(parsed.calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Copenhagen');
  });

  it('cancels in English for an English network', () => {
    const event = parse(cancellationIcs([{ booking, organizer, attendees: [] }], { locale: 'en', now: NOW })).events[0]!;
    expect(event.summary).toBe('Cancelled: Netværksmøde 3 af 5: Ældre, ensomhed; og fællesskab');
    expect(event.description).toBe('The meeting is cancelled: it has been removed from the network’s plan.');
  });
});

test('the VTIMEZONE block is named Europe/Copenhagen throughout', () => {
  const block = copenhagenVtimezone();
  expect(block).not.toContain('Berlin');
  expect(block).toMatch(/^BEGIN:VTIMEZONE\r\nTZID:Europe\/Copenhagen\r\n/);
});
