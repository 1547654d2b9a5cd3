import { endMeetingNow } from '../../../bot/reflections/operations';
import { meetingEndsAt, meetingPlannedEndAt } from '../../../bot/domain/series';
import { plannedJobs } from '../../../bot/scheduler/plan';
import { meetingEvent } from '../../../bot/calendar/event';
import { as, aNetworkAggregate, BIRGITTE, JENS, LENE, reasonOf } from './context';

// Ending a meeting now (Teams' meetingEnd, or the leader's "Send refleksionsspørgsmål nu"): the reflection
// round becomes due at the real end, once; the calendar keeps the planned end.

const TEAMS = { userId: 'microsoft-teams', name: 'Microsoft Teams' };
const during = new Date('2027-01-20T09:47:00Z'); // 10:47 in Copenhagen, meeting m1 is 09:00-12:00

test('the meeting ends now: endedAt is stored and the round is due then, not at the planned end', () => {
  const ctx = { ...as(LENE), now: during };
  const outcome = endMeetingNow(ctx, { meetingId: 'm1', roundSent: false, by: 'leader' });
  if (!outcome.ok) throw new Error(outcome.reason);
  expect(outcome.value.endedAt).toBe('2027-01-20T09:47:00.000Z');
  expect(outcome.rows).toEqual([expect.objectContaining({ op: 'update', kind: 'meeting', ids: ['m1'] })]);
  const ended = outcome.next.meetings.find((m) => m.id === 'm1')!;
  expect(meetingEndsAt(ended)).toEqual(during);
  expect(plannedJobs(outcome.next).find((j) => j.kind === 'reflection.fanout' && j.meetingId === 'm1')?.dueAt).toEqual(during);
  // The calendar still shows the meeting as planned.
  expect(meetingPlannedEndAt(ended)).toEqual(new Date('2027-01-20T11:00:00Z'));
  expect(meetingEvent(outcome.next, ended, 'da', undefined).endsAt).toEqual(new Date('2027-01-20T11:00:00Z'));
});

test('idempotent: a meeting that already ended stays as it ended, and nothing is written', () => {
  const first = endMeetingNow({ ...as(TEAMS), now: during }, { meetingId: 'm1', roundSent: false, by: 'teams' });
  if (!first.ok) throw new Error(first.reason);
  const later = { ...as(LENE, first.next), now: new Date('2027-01-20T10:05:00Z') };
  const again = endMeetingNow(later, { meetingId: 'm1', roundSent: false, by: 'leader' });
  expect(again).toMatchObject({ ok: true, rows: [] });
  if (again.ok) expect(again.value.endedAt).toBe('2027-01-20T09:47:00.000Z');
});

test('the questions go once: refused when the round already went out', () => {
  expect(reasonOf(endMeetingNow({ ...as(LENE), now: during }, { meetingId: 'm1', roundSent: true, by: 'leader' }))).toBe('alreadySent');
  expect(reasonOf(endMeetingNow({ ...as(TEAMS), now: during }, { meetingId: 'm1', roundSent: true, by: 'teams' }))).toBe('alreadySent');
});

test('refused for a closed meeting, a meeting not held yet, and an unknown one', () => {
  expect(reasonOf(endMeetingNow({ ...as(LENE), now: new Date('2027-02-17T12:00:00Z') }, { meetingId: 'm2', roundSent: false, by: 'leader' }))).toBe('meetingClosed');
  expect(reasonOf(endMeetingNow({ ...as(LENE), now: new Date('2027-01-19T22:59:00Z') }, { meetingId: 'm1', roundSent: false, by: 'leader' }))).toBe('rules');
  // 00:10 on the meeting's day in Copenhagen is its day.
  expect(reasonOf(endMeetingNow({ ...as(LENE), now: new Date('2027-01-19T23:10:00Z') }, { meetingId: 'm1', roundSent: false, by: 'leader' }))).toBe('ok');
  expect(reasonOf(endMeetingNow({ ...as(LENE), now: during }, { meetingId: 'nope', roundSent: false, by: 'leader' }))).toBe('notFound');
});

test('from the tab only the leaders end a meeting; Teams’ own event needs no person', () => {
  expect(reasonOf(endMeetingNow({ ...as(JENS), now: during }, { meetingId: 'm1', roundSent: false, by: 'leader' }))).toBe('onlyLeaders');
  expect(reasonOf(endMeetingNow({ ...as(BIRGITTE), now: during }, { meetingId: 'm1', roundSent: false, by: 'leader' }))).toBe('onlyLeaders');
  expect(reasonOf(endMeetingNow({ ...as(TEAMS), now: during }, { meetingId: 'm1', roundSent: false, by: 'teams' }))).toBe('ok');
});

test('Teams’ end time is taken when it is not in the future; the stamp says who ended it', () => {
  const outcome = endMeetingNow({ ...as(TEAMS), now: during }, { meetingId: 'm1', roundSent: false, by: 'teams', at: new Date('2027-01-20T09:45:30Z') });
  expect(outcome.ok && outcome.value).toMatchObject({ endedAt: '2027-01-20T09:45:30.000Z', updatedBy: 'Microsoft Teams' });
  const future = endMeetingNow({ ...as(TEAMS), now: during }, { meetingId: 'm1', roundSent: false, by: 'teams', at: new Date('2027-01-20T15:00:00Z') });
  expect(future.ok && future.value.endedAt).toBe('2027-01-20T09:47:00.000Z');
});

test('without endedAt the meeting ends when planned', () => {
  const m1 = aNetworkAggregate().meetings[0]!;
  expect(meetingEndsAt(m1)).toEqual(meetingPlannedEndAt(m1));
});
