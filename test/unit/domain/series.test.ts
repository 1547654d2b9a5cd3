import type { Idea } from '../../../bot/domain/model';
import {
  AGENDA_POST_HOUR,
  agendaDueAt,
  askedToReflect,
  DEFAULT_DAYS_BEFORE_AGENDA,
  DEFAULT_REMINDER_DAYS,
  ideasWithoutOwner,
  isPostable,
  meetingEndsAt,
  meetingParticipants,
  meetingStartsAt,
  nextMeeting,
  openForReflection,
  reminderDueAt,
  wasPartOf,
} from '../../../bot/domain/series';
import { assignment, meeting, participant, plannedNetwork } from './fixtures';

// When things happen around a meeting, and for whom.

const utc = (date: Date) => date.toISOString();

describe('meeting times', () => {
  it('read date and clock time in Copenhagen', () => {
    const winter = meeting('m', 1, '2026-03-16', { start: '09:00', end: '12:00' });
    expect(utc(meetingStartsAt(winter))).toBe('2026-03-16T08:00:00.000Z');
    expect(utc(meetingEndsAt(winter))).toBe('2026-03-16T11:00:00.000Z');
    const summer = meeting('m', 1, '2026-06-08', { start: '13:15', end: '16:45' });
    expect(utc(meetingStartsAt(summer))).toBe('2026-06-08T11:15:00.000Z');
    expect(utc(meetingEndsAt(summer))).toBe('2026-06-08T14:45:00.000Z');
  });

  it('have the defaults the handbook uses', () => {
    expect(AGENDA_POST_HOUR).toBe(9);
    expect(DEFAULT_DAYS_BEFORE_AGENDA).toBe(7);
    expect(DEFAULT_REMINDER_DAYS).toBe(3);
  });
});

describe('agendaDueAt', () => {
  it.each([
    ['2026-03-30', 7, '2026-03-23T08:00:00.000Z'],
    ['2026-03-30', 1, '2026-03-29T07:00:00.000Z'],
    ['2026-10-27', 3, '2026-10-24T07:00:00.000Z'],
    ['2026-10-27', 2, '2026-10-25T08:00:00.000Z'],
    ['2026-06-10', 0, '2026-06-10T07:00:00.000Z'],
    ['2027-01-05', 7, '2026-12-29T08:00:00.000Z'],
  ])('meeting %s, %d days before → %s (09:00 Copenhagen)', (date, days, expected) => {
    expect(utc(agendaDueAt({ date }, days))).toBe(expected);
  });
});

describe('reminderDueAt', () => {
  it('is whole calendar days after the prompt went out, at the same local time across DST', () => {
    expect(utc(reminderDueAt(new Date('2026-05-11T10:00:00.000Z'), 3))).toBe('2026-05-14T10:00:00.000Z');
    expect(utc(reminderDueAt(new Date('2026-03-27T11:00:00.000Z'), 3))).toBe('2026-03-30T10:00:00.000Z');
    expect(utc(reminderDueAt(new Date('2026-10-23T13:00:00.000Z'), 3))).toBe('2026-10-26T14:00:00.000Z');
    expect(utc(reminderDueAt(new Date('2026-05-11T10:00:07.250Z'), 0))).toBe('2026-05-11T10:00:07.250Z');
  });
});

describe('wasPartOf and askedToReflect', () => {
  const held = meeting('m3', 3, '2026-05-11', { end: '12:00' }); // ends 10:00 UTC

  it('counts a participant added before the meeting ended, or without a recorded time, as part of it', () => {
    expect(wasPartOf({}, held)).toBe(true);
    expect(wasPartOf({ addedAt: '2026-05-01T08:00:00.000Z' }, held)).toBe(true);
    expect(wasPartOf({ addedAt: '2026-05-11T10:00:00.000Z' }, held)).toBe(true);
  });

  it('does not count a participant added after the meeting ended', () => {
    expect(wasPartOf({ addedAt: '2026-05-11T10:00:00.001Z' }, held)).toBe(false);
  });

  it('asks the meeting’s participants who were there by its end', () => {
    const aggregate = plannedNetwork();
    const late = participant('late', { addedAt: '2026-05-12T08:00:00.000Z' });
    const asked = askedToReflect({ ...aggregate, participants: [...aggregate.participants, late] }, held).map((p) => p.id);
    expect(asked).toEqual(meetingParticipants(aggregate, 'm3').map((p) => p.id));
    expect(asked).not.toContain('late');
  });
});

describe('isPostable', () => {
  it('needs an agenda with at least one item', () => {
    const item = { id: 'a', time: '09:00', content: 'Velkomst', process: '', purpose: '' };
    expect(isPostable(undefined)).toBe(false);
    expect(isPostable({ meetingId: 'm1', items: [], daysBeforeToPost: 7 })).toBe(false);
    expect(isPostable({ meetingId: 'm1', items: [item], daysBeforeToPost: 7 })).toBe(true);
  });
});

describe('meetingParticipants', () => {
  it('are the core participants and those invited to this meeting', () => {
    const network = plannedNetwork();
    const others = { ...network, participants: [...network.participants, participant('a2', { kind: 'along', role: 'researcher' })], assignments: [...network.assignments, assignment('m1', 'a2')] };
    expect(meetingParticipants(others, 'm3').map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'c1']);
    expect(meetingParticipants(others, 'm1').map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'a2']);
  });

  it('include a core participant who is not on the meeting’s plan', () => {
    const network = plannedNetwork();
    const onlyP1 = { ...network, assignments: [assignment('m2', 'p1')] };
    expect(meetingParticipants(onlyP1, 'm2').map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
  });
});

describe('nextMeeting', () => {
  const { meetings } = plannedNetwork();
  const shuffled = [meetings[4]!, meetings[2]!, meetings[0]!, meetings[3]!, meetings[1]!];

  it('is the first meeting of the series that has not ended', () => {
    expect(nextMeeting(shuffled, new Date('2026-01-01T00:00:00Z'))?.id).toBe('m1');
    expect(nextMeeting(shuffled, new Date('2026-03-16T11:00:01Z'))?.id).toBe('m2');
  });

  it('is the meeting going on right now', () => {
    // m2 is 2026-04-13 09:00–12:00 summer time = 07:00–10:00 UTC.
    expect(nextMeeting(shuffled, new Date('2026-04-13T09:59:59Z'))?.id).toBe('m2');
    expect(nextMeeting(shuffled, new Date('2026-04-13T10:00:00Z'))?.id).toBe('m3');
  });

  it('is the closing meeting last, and nothing after it', () => {
    expect(nextMeeting(shuffled, new Date('2026-06-10T00:00:00Z'))?.id).toBe('m5');
    expect(nextMeeting(shuffled, new Date('2026-06-29T10:00:00Z'))).toBeUndefined();
    expect(nextMeeting([], new Date())).toBeUndefined();
  });
});

describe('openForReflection', () => {
  const { meetings } = plannedNetwork();

  it('are the meetings that ended and are not closed, in series order', () => {
    const closedFirst = [meetings[2]!, { ...meetings[0]!, closedAt: '2026-03-20T10:00:00Z' }, meetings[1]!, meetings[3]!];
    expect(openForReflection(closedFirst, new Date('2026-05-11T10:00:00Z')).map((m) => m.id)).toEqual(['m2', 'm3']);
  });

  it('is nothing before the first meeting ends', () => {
    expect(openForReflection(meetings, new Date('2026-03-16T10:59:59Z'))).toEqual([]);
    expect(openForReflection(meetings, new Date('2026-03-16T11:00:00Z')).map((m) => m.id)).toEqual(['m1']);
  });
});

describe('ideasWithoutOwner', () => {
  it('are the parked ideas nobody has taken on yet', () => {
    const base = { raisedBy: { name: 'Helle' }, createdAt: '2026-03-16T12:00:00Z' };
    const ideas: Idea[] = [
      { ...base, id: 'free', text: 'a', status: 'parked' },
      { ...base, id: 'owned', text: 'b', status: 'parked', owner: { name: 'Ali' } },
      { ...base, id: 'takenOn', text: 'c', status: 'takenOn' },
      { ...base, id: 'dropped', text: 'd', status: 'dropped' },
      { ...base, id: 'free2', text: 'e', status: 'parked' },
    ];
    expect(ideasWithoutOwner(ideas).map((i) => i.id)).toEqual(['free', 'free2']);
    expect(ideasWithoutOwner([])).toEqual([]);
  });
});
