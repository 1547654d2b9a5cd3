import {
  addDays,
  daysBetween,
  defaultEndDate,
  defaultMeetingEnd,
  formatDate,
  isRealIsoDate,
  isoWeek,
  todayInCopenhagen,
  weekIndexOf,
  weeksOfPeriod,
} from '../../../bot/domain/dates';

describe('dates in Copenhagen', () => {
  it('writes dates the Danish way', () => {
    expect(formatDate('2026-03-05')).toBe('05.03.2026');
    expect(formatDate('2028-02-29')).toBe('29.02.2028');
  });

  it('refuses to write what is not a calendar date', () => {
    for (const wrong of ['2026-02-29', '2026-13-01', '2026-3-5', '05.03.2026', '']) expect(() => formatDate(wrong)).toThrow(RangeError);
  });

  it('knows real calendar dates', () => {
    expect(isRealIsoDate('2028-02-29')).toBe(true);
    expect(isRealIsoDate('2026-02-29')).toBe(false);
    expect(isRealIsoDate('2026-13-01')).toBe(false);
    expect(isRealIsoDate('5/3/2026')).toBe(false);
  });

  it('numbers weeks by ISO 8601, also around DST changes and new year', () => {
    // DST starts Sunday 29.03.2026 and ends Sunday 25.10.2026
    expect(isoWeek('2026-03-29')).toEqual({ week: 13, weekYear: 2026 });
    expect(isoWeek('2026-03-30')).toEqual({ week: 14, weekYear: 2026 });
    expect(isoWeek('2026-10-25')).toEqual({ week: 43, weekYear: 2026 });
    expect(isoWeek('2026-10-26')).toEqual({ week: 44, weekYear: 2026 });
    expect(isoWeek('2026-12-31')).toEqual({ week: 53, weekYear: 2026 });
    expect(isoWeek('2027-01-03')).toEqual({ week: 53, weekYear: 2026 });
    expect(isoWeek('2025-12-29')).toEqual({ week: 1, weekYear: 2026 });
  });

  it('lists the weeks of a period across a DST change as whole calendar weeks', () => {
    const weeks = weeksOfPeriod('2026-03-18', '2026-04-08');
    expect(weeks.map((w) => w.week)).toEqual([12, 13, 14, 15]);
    expect(weeks.map((w) => w.monday)).toEqual(['2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06']);
    expect(weeks[1]).toMatchObject({ index: 2, sunday: '2026-03-29' });
  });

  it('lists the weeks of a period across new year with the right week-year', () => {
    const weeks = weeksOfPeriod('2026-12-21', '2027-01-12');
    expect(weeks.map((w) => `${w.week}/${w.weekYear}`)).toEqual(['52/2026', '53/2026', '1/2027', '2/2027']);
  });

  it('places a date in the week of the period', () => {
    expect(weekIndexOf('2026-03-18', '2026-03-16')).toBe(1);
    expect(weekIndexOf('2026-03-18', '2026-03-30')).toBe(3);
    expect(weekIndexOf('2026-03-18', '2026-03-13')).toBe(0);
  });

  it('ends a network 6 months after it starts by default', () => {
    expect(defaultEndDate('2026-02-02')).toBe('2026-08-02');
    expect(defaultEndDate('2026-08-31')).toBe('2027-02-28');
  });

  it('ends a meeting 3 hours after it starts by default, never after midnight', () => {
    expect(defaultMeetingEnd('09:00')).toBe('12:00');
    expect(defaultMeetingEnd('13:30')).toBe('16:30');
    expect(defaultMeetingEnd('22:00')).toBe('23:59');
  });

  it('finds today in Copenhagen, not in UTC', () => {
    expect(todayInCopenhagen(new Date('2026-01-14T23:30:00Z'))).toBe('2026-01-15'); // CET, +1
    expect(todayInCopenhagen(new Date('2026-06-14T22:30:00Z'))).toBe('2026-06-15'); // CEST, +2
    expect(todayInCopenhagen(new Date('2026-06-14T21:30:00Z'))).toBe('2026-06-14');
  });

  it('counts calendar days across a DST change', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });
});
