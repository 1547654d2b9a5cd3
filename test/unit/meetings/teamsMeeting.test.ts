import type { Booking, NetworkAggregate } from '../../../bot/domain/model';
import { joinUrlKeys, matchMeetingEnd, meetingEndKeys, networkMightHold, type TeamsMeetingEnd } from '../../../bot/meetings/teamsMeeting';
import { meeting, plannedNetwork } from '../domain/fixtures';

// Which network meeting a Teams meeting that ended is: by the Teams meeting itself (the booking's online
// meeting, or the link the leader chose), else by the network's channel and the day; never on a guess.

const THREAD = '19:meeting_NTM3ZDJjOTUtZGRhOS00MzYx@thread.v2';
const JOIN_URL = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0?context=%7b%22Tid%22%3a%22t1%22%2c%22Oid%22%3a%22o1%22%7d`;
const OTHER_URL = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_OTHER%40thread.v2/0?context=%7b%7d';
const CHANNEL = '19:netvaerk-kanal@thread.tacv2';

// m2 of the planned network is on 13.04.2026 09:00-12:00 in Copenhagen (07:00-10:00 UTC, summer time).
const endedDuring = new Date('2026-04-13T09:47:00Z');

function network(id: string, change: (aggregate: NetworkAggregate) => void = () => {}): NetworkAggregate {
  const aggregate = plannedNetwork();
  aggregate.network = { ...aggregate.network, id };
  change(aggregate);
  return aggregate;
}

const booking = (meetingId: string, joinUrl: string): Booking => ({ meetingId, uid: `uid-${meetingId}`, sequence: 0, fingerprint: 'f', state: 'booked', eventId: 'e', joinUrl });

function ended(overrides: Partial<TeamsMeetingEnd> = {}): TeamsMeetingEnd {
  return { meetingIds: [], endedAt: endedDuring, conversationId: '19:some-other-chat@thread.v2', tenantId: 'tenant-1', ...overrides };
}

describe('the keys a Teams meeting is known by', () => {
  test('a join link by its thread and message, however it is encoded or cased, and without its query', () => {
    const keys = joinUrlKeys(JOIN_URL);
    expect(keys).toContain(`thread:${THREAD.toLowerCase()}/0`);
    const reEncoded = `https://teams.microsoft.com/l/meetup-join/19%3Ameeting_NTM3ZDJjOTUtZGRhOS00MzYx%40thread.v2/0?context=%7B%7D&anon=true`;
    expect(joinUrlKeys(reEncoded)).toEqual(keys);
    expect(joinUrlKeys('https://teams.microsoft.com/meet/2345678901234?p=AbCdEf')).toEqual(['url:teams.microsoft.com/meet/2345678901234']);
    expect(joinUrlKeys('not a link')).toEqual([]);
    expect(joinUrlKeys(undefined)).toEqual([]);
  });

  test('Teams’ event by its join link, its base64 meeting id and its chat', () => {
    const meetingId = Buffer.from(`0#${THREAD}#0`).toString('base64');
    const byId = meetingEndKeys(ended({ meetingIds: [meetingId] }));
    const byChat = meetingEndKeys(ended({ conversationId: THREAD }));
    const byLink = meetingEndKeys(ended({ joinUrl: JOIN_URL }));
    for (const keys of [byId, byChat, byLink]) expect(keys).toContain(`thread:${THREAD.toLowerCase()}/0`);
  });

  test('two meetings in one channel are told apart by their message', () => {
    const first = meetingEndKeys(ended({ conversationId: `${CHANNEL};messageid=1712345678901` }));
    const second = joinUrlKeys(`https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(CHANNEL)}/1712999999999?context=%7b%7d`);
    expect(first.some((key) => second.includes(key))).toBe(false);
    const same = joinUrlKeys(`https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(CHANNEL)}/1712345678901?context=%7b%7d`);
    expect(first.some((key) => same.includes(key))).toBe(true);
  });
});

describe('matching the meeting that ended', () => {
  test('by the online meeting the calendar booking made (its join link)', () => {
    const booked = network('n1', (a) => a.bookings.push(booking('m2', JOIN_URL)));
    const match = matchMeetingEnd(ended({ joinUrl: JOIN_URL, meetingIds: [Buffer.from(`0#${THREAD}#0`).toString('base64')] }), [{ aggregate: booked }]);
    expect(match).toMatchObject({ found: true, networkId: 'n1', meeting: { id: 'm2' }, by: 'teamsMeeting' });
  });

  test('by the meeting id alone, when the event carries no link', () => {
    const booked = network('n1', (a) => a.bookings.push(booking('m2', JOIN_URL)));
    const match = matchMeetingEnd(ended({ meetingIds: [Buffer.from(`0#${THREAD}#0`).toString('base64')] }), [{ aggregate: booked }]);
    expect(match).toMatchObject({ found: true, meeting: { id: 'm2' } });
  });

  test('by the leader’s choice of Teams meeting, among several networks', () => {
    const chosen = network('n1', (a) => (a.meetings[1] = { ...a.meetings[1]!, teamsMeetingJoinUrl: JOIN_URL }));
    const other = network('n2', (a) => (a.meetings[1] = { ...a.meetings[1]!, teamsMeetingJoinUrl: OTHER_URL }));
    const match = matchMeetingEnd(ended({ joinUrl: JOIN_URL }), [{ aggregate: other }, { aggregate: chosen }]);
    expect(match).toMatchObject({ found: true, networkId: 'n1', meeting: { id: 'm2' }, by: 'teamsMeeting' });
  });

  test('a link reused for every meeting picks the one planned that day', () => {
    const reused = network('n1', (a) => (a.meetings = a.meetings.map((m) => ({ ...m, teamsMeetingJoinUrl: JOIN_URL }))));
    expect(matchMeetingEnd(ended({ joinUrl: JOIN_URL }), [{ aggregate: reused }])).toMatchObject({ found: true, meeting: { id: 'm2' } });
  });

  test('not a meeting planned another day, nor one that ended before the meeting began', () => {
    const chosen = network('n1', (a) => (a.meetings[1] = { ...a.meetings[1]!, teamsMeetingJoinUrl: JOIN_URL }));
    expect(matchMeetingEnd(ended({ joinUrl: JOIN_URL, endedAt: new Date('2026-04-14T09:47:00Z') }), [{ aggregate: chosen }])).toMatchObject({ found: false, reason: 'none' });
    // A test of the link at 08:30, before the meeting's 09:00.
    expect(matchMeetingEnd(ended({ joinUrl: JOIN_URL, endedAt: new Date('2026-04-13T06:30:00Z') }), [{ aggregate: chosen }])).toMatchObject({ found: false, reason: 'none' });
  });

  test('else the network whose channel it was held in, and its one meeting that day', () => {
    const inChannel = network('n1', (a) => (a.network = { ...a.network, channelId: CHANNEL }));
    const elsewhere = network('n2', (a) => (a.network = { ...a.network, channelId: '19:another@thread.tacv2' }));
    const event = ended({ conversationId: `${CHANNEL};messageid=1712345678901`, channelId: CHANNEL });
    expect(matchMeetingEnd(event, [{ aggregate: elsewhere }, { aggregate: inChannel }])).toMatchObject({ found: true, networkId: 'n1', meeting: { id: 'm2' }, by: 'channelAndDay' });
  });

  test('no match: another chat, no link, or nothing planned that day in the channel', () => {
    const inChannel = network('n1', (a) => (a.network = { ...a.network, channelId: CHANNEL }));
    expect(matchMeetingEnd(ended({ joinUrl: OTHER_URL }), [{ aggregate: inChannel }])).toEqual({ found: false, reason: 'none', candidates: [] });
    const nextDay = ended({ conversationId: CHANNEL, endedAt: new Date('2026-04-14T09:47:00Z') });
    expect(matchMeetingEnd(nextDay, [{ aggregate: inChannel }])).toMatchObject({ found: false, reason: 'none' });
  });

  test('ambiguous: two meetings that day in the channel, or one link on two networks’ meetings — nothing is guessed', () => {
    const twoThatDay = network('n1', (a) => {
      a.network = { ...a.network, channelId: CHANNEL };
      a.meetings.push(meeting('m2b', 6, '2026-04-13', { start: '13:00', end: '15:00' }));
    });
    const late = ended({ conversationId: CHANNEL, endedAt: new Date('2026-04-13T13:05:00Z') });
    expect(matchMeetingEnd(late, [{ aggregate: twoThatDay }])).toMatchObject({ found: false, reason: 'ambiguous', candidates: [{ meetingId: 'm2' }, { meetingId: 'm2b' }] });

    const a = network('n1', (x) => (x.meetings[1] = { ...x.meetings[1]!, teamsMeetingJoinUrl: JOIN_URL }));
    const b = network('n2', (x) => (x.meetings[1] = { ...x.meetings[1]!, teamsMeetingJoinUrl: JOIN_URL }));
    expect(matchMeetingEnd(ended({ joinUrl: JOIN_URL }), [{ aggregate: a }, { aggregate: b }])).toMatchObject({ found: false, reason: 'ambiguous' });
  });

  test('another tenant’s Teams meeting never ends a network’s meeting', () => {
    const chosen = network('n1', (a) => (a.meetings[1] = { ...a.meetings[1]!, teamsMeetingJoinUrl: JOIN_URL }));
    expect(matchMeetingEnd(ended({ joinUrl: JOIN_URL, tenantId: 'tenant-2' }), [{ aggregate: chosen, tenantId: 'tenant-1' }])).toMatchObject({ found: false, reason: 'none' });
    expect(matchMeetingEnd(ended({ joinUrl: JOIN_URL, tenantId: 'TENANT-1' }), [{ aggregate: chosen, tenantId: 'tenant-1' }])).toMatchObject({ found: true });
  });

  test('a cancelled booking’s Teams meeting is no longer the meeting’s', () => {
    const cancelled = network('n1', (a) => a.bookings.push({ ...booking('m2', JOIN_URL), state: 'cancelled' }));
    expect(matchMeetingEnd(ended({ joinUrl: JOIN_URL }), [{ aggregate: cancelled }])).toMatchObject({ found: false });
  });

  test('only networks whose period holds the day are worth loading', () => {
    const { network: n } = plannedNetwork(); // 02.02.2026-02.08.2026
    expect(networkMightHold(n, endedDuring)).toBe(true);
    expect(networkMightHold(n, new Date('2026-08-03T09:00:00Z'))).toBe(false);
  });
});
