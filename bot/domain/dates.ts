import { DateTime } from 'luxon';
import type { ClockTime, IsoDate } from './model';

// All calendar arithmetic happens on dates in Copenhagen, never on millisecond offsets,
// so a week that contains a DST change is still exactly seven calendar days.
export const ZONE = 'Europe/Copenhagen';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isRealIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && DateTime.fromISO(value, { zone: ZONE }).isValid;
}

export function isClockTime(value: string): boolean {
  return CLOCK_TIME.test(value);
}

// A card or a chat answer reads the same few dates many times, and parsing one in a zone is most of a date's cost
// (profiled in `npm run bench`): each date is parsed once. DateTimes are immutable, so sharing them is safe; the
// memo is emptied when it grows past a year of days many times over.
const parsedDays = new Map<string, DateTime>();
const MEMO_LIMIT = 4096;

function memo<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size >= MEMO_LIMIT) map.clear();
    value = make();
    map.set(key, value);
  }
  return value;
}

function day(date: IsoDate): DateTime {
  return memo(parsedDays, date, () => {
    const parsed = DateTime.fromISO(date, { zone: ZONE });
    if (!ISO_DATE.test(date) || !parsed.isValid) throw new RangeError(`Not an ISO calendar date: ${date}`);
    return parsed.startOf('day');
  });
}

function iso(dt: DateTime): IsoDate {
  return dt.toISODate() as IsoDate;
}

/**
 * 'dd.mm.yyyy', the Danish way of writing dates. A calendar date needs no zone to be written: read from the string
 * (a tab's first date no longer waits for the zone's rules to load, ~20 ms in a browser).
 */
export function formatDate(date: IsoDate): string {
  const [year, month, dayOfMonth] = date.split('-').map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, dayOfMonth));
  if (!ISO_DATE.test(date) || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== dayOfMonth) {
    throw new RangeError(`Not an ISO calendar date: ${date}`);
  }
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/** ISO 8601 week and the year it belongs to (31.12.2026 is week 53 of 2026; 01.01.2027 too). */
export function isoWeek(date: IsoDate): { week: number; weekYear: number } {
  const dt = day(date);
  return { week: dt.weekNumber, weekYear: dt.weekYear };
}

/** Start + 6 months; a start on the 31st ends on the last day of the shorter month. */
export function defaultEndDate(start: IsoDate): IsoDate {
  return iso(day(start).plus({ months: 6 }));
}

/** Start + 3 hours, the handbook's usual meeting length; capped at 23:59 because a meeting lives on one date. */
export function defaultMeetingEnd(start: ClockTime): ClockTime {
  const minutes = Math.min(timeToMinutes(start) + 180, 23 * 60 + 59);
  return minutesToTime(minutes);
}

export function timeToMinutes(time: ClockTime): number {
  if (!isClockTime(time)) throw new RangeError(`Not a HH:mm time: ${time}`);
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function minutesToTime(total: number): ClockTime {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

/** The calendar date in Copenhagen at the instant `now`. */
export function todayInCopenhagen(now: Date): IsoDate {
  return iso(DateTime.fromJSDate(now, { zone: ZONE }));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return iso(day(date).plus({ days }));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(day(to).diff(day(from), 'days').days);
}

export interface PeriodWeek {
  /** 1-based position in the period; week 1 contains the start date. */
  index: number;
  week: number;
  weekYear: number;
  monday: IsoDate;
  sunday: IsoDate;
}

/** The ISO weeks a period touches, from the week of `start` to the week of `end`. */
export function weeksOfPeriod(start: IsoDate, end: IsoDate): PeriodWeek[] {
  const weeks: PeriodWeek[] = [];
  const last = day(end).startOf('week');
  for (let monday = day(start).startOf('week'); monday <= last; monday = monday.plus({ weeks: 1 })) {
    weeks.push({
      index: weeks.length + 1,
      week: monday.weekNumber,
      weekYear: monday.weekYear,
      monday: iso(monday),
      sunday: iso(monday.plus({ days: 6 })),
    });
  }
  return weeks;
}

/** Which week of the period (1-based) a date falls in; 0 or negative before the period. */
export function weekIndexOf(periodStart: IsoDate, date: IsoDate): number {
  const days = daysBetween(iso(day(periodStart).startOf('week')), date);
  return Math.floor(days / 7) + 1;
}

/** "tirsdag 03.03.2026" / "Tuesday 03.03.2026": dates are dd.mm.yyyy in both languages. */
const longDates = new Map<string, string>();

export function formatLongDate(date: IsoDate, locale: 'da' | 'en'): string {
  return memo(longDates, `${locale}|${date}`, () => {
    const dt = day(date);
    return `${dt.setLocale(locale === 'da' ? 'da-DK' : 'en-GB').toFormat('cccc')} ${dt.toFormat('dd.MM.yyyy')}`;
  });
}
