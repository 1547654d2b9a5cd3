import { DateTime } from 'luxon';
import { ZONE, timeToMinutes } from '@domain/dates';
import type { AgendaItem, ClockTime, IsoDate, Meeting } from '@domain/model';

// The meeting side panel's two questions, answered by the clock in Copenhagen (pure, tested without a page):
// which network meeting is at hand, and where in its agenda the meeting is now.

/** The wall clock in Copenhagen: the calendar date and the minutes since midnight. */
export interface Wallclock {
  date: IsoDate;
  minutes: number;
}

export function copenhagenClock(now: Date): Wallclock {
  const at = DateTime.fromJSDate(now, { zone: ZONE });
  return { date: at.toISODate() as IsoDate, minutes: at.hour * 60 + at.minute };
}

type Timed = Pick<Meeting, 'id' | 'date' | 'start' | 'end'>;

const chronological = <M extends Timed>(meetings: readonly M[]): M[] =>
  [...meetings].sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));

/**
 * The network meeting the side panel opens on: today's (the one on now, or still to come today, else the last one
 * held today); no meeting today, the next one; the series over, the last one. Undefined without meetings.
 */
export function meetingAtHand<M extends Timed>(meetings: readonly M[], now: Date): M | undefined {
  const clock = copenhagenClock(now);
  const ordered = chronological(meetings);
  const today = ordered.filter((m) => m.date === clock.date);
  if (today.length) return today.find((m) => timeToMinutes(m.end) > clock.minutes) ?? today[today.length - 1];
  return ordered.find((m) => m.date > clock.date) ?? ordered[ordered.length - 1];
}

/**
 * Where the meeting is by the clock (a meeting that really ended, `endedAt`, is over whatever its plan said). `otherDay`: not today. `before`: today, before the first item (or the start).
 * `during`: `current` runs now, `until` the next item's time or the meeting's end. `after`: the last item is over.
 * `next` is the item after the current one (before the meeting: the first). `on`: the meeting runs now, without an agenda.
 */
export type AgendaMoment =
  | { phase: 'otherDay' }
  | { phase: 'before'; next?: AgendaItem }
  | { phase: 'during'; current: AgendaItem; until: ClockTime; next?: AgendaItem }
  | { phase: 'on' }
  | { phase: 'after' };

/** The agenda in the order of the day (items at the same time keep their order). */
export const inTimeOrder = (items: readonly AgendaItem[]): AgendaItem[] => [...items].sort((a, b) => a.time.localeCompare(b.time));

/** A meeting as the clock sees it: its day and times, and when it really ended if it ended early (Teams, the leader). */
export type MeetingTimes = Pick<Meeting, 'date' | 'start' | 'end'> & { endedAt?: string };

export function agendaMoment(items: readonly AgendaItem[], meeting: MeetingTimes, now: Date): AgendaMoment {
  const clock = copenhagenClock(now);
  if (meeting.date !== clock.date) return { phase: 'otherDay' };
  if (meeting.endedAt && Date.parse(meeting.endedAt) <= now.getTime()) return { phase: 'after' };
  const ordered = inTimeOrder(items);
  const end = timeToMinutes(meeting.end);
  // The item on now: the last one whose time has come (of two at the same time, the later in the list).
  let index = -1;
  ordered.forEach((item, i) => {
    if (timeToMinutes(item.time) <= clock.minutes) index = i;
  });
  if (!ordered.length) {
    if (clock.minutes < timeToMinutes(meeting.start)) return { phase: 'before' };
    return clock.minutes < end ? { phase: 'on' } : { phase: 'after' };
  }
  if (index < 0) return { phase: 'before', next: ordered[0] };
  const current = ordered[index]!;
  const next = ordered[index + 1];
  const until = next ? next.time : meeting.end;
  // The last item lasts until the meeting ends; a meeting that ends before its last item's time ends with it.
  if (timeToMinutes(until) <= clock.minutes) return { phase: 'after' };
  return { phase: 'during', current, until, ...(next ? { next } : {}) };
}

/** When the meeting ended or ends, as the clock in Copenhagen shows it: the real end if there was one, else the plan's. */
export const endClock = (meeting: MeetingTimes): ClockTime =>
  meeting.endedAt ? DateTime.fromISO(meeting.endedAt, { zone: ZONE }).toFormat('HH:mm') : meeting.end;

/** Milliseconds until the next whole minute: the side panel moves its "Nu" then, not up to a minute late. */
export const untilNextMinute = (now: Date): number => 60_000 - (now.getTime() % 60_000);
