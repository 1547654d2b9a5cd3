import { addDays, weeksOfPeriod } from '../../bot/domain/dates';
import type { Meeting, PhaseStep } from '../../bot/domain/model';
import { welfareExample } from '../../scripts/examples';
import { chartLayout, type ChartInput } from '../../tabs/src/plan/timeline/chartLayout';

// The process chart's layout (tabs/src/plan/timeline/chartLayout.ts), on seed 000's 27-week welfare process as
// `npm run seed:example` loads it: weeks left to right, months over their weeks, one line per phase, breaks, each
// network meeting on its day, reference-leader meetings and Chefforum in their lanes, today's line, and markers that
// would cover each other stacked so that every one stays there to see and to press.

// A Wednesday in ISO week 12 of 2027: the example started twelve weeks before this week's Monday, on Monday 28.12.2026
// (ISO week 53 of 2026), so the period crosses a year with 53 weeks.
const NOW = new Date('2027-03-24T10:00:00Z');
const example = welfareExample(NOW);
const input: ChartInput = {
  network: example.network,
  steps: example.phasePlan!.steps,
  meetings: example.meetings,
  today: '2027-03-24',
};
const layout = chartLayout(input);
const WEEK = 100 / 27;
const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 2);
const lane = (kind: string) => layout.lanes.find((l) => l.kind === kind)!;

describe('the process chart of the 27-week welfare example', () => {
  it('lays the 27 ISO weeks side by side, week 53 of 2026 first, each 1/27 of the width', () => {
    expect(example.network.startDate).toBe('2026-12-28');
    expect(layout.weeks).toHaveLength(27);
    expect(layout.weeks.map((w) => w.week)).toEqual([53, ...Array.from({ length: 26 }, (_, i) => i + 1)]);
    layout.weeks.forEach((w, i) => {
      close(w.x, i * WEEK);
      close(w.width, WEEK);
    });
    close(layout.weeks.at(-1)!.x + layout.weeks.at(-1)!.width, 100);
  });

  it('puts each month over the weeks whose Thursday falls in it (week 53 is December 2026, week 1 January)', () => {
    expect(layout.months.map((m) => `${m.year}-${m.month}:${m.weeks}`)).toEqual([
      '2026-12:1', '2027-1:4', '2027-2:4', '2027-3:4', '2027-4:5', '2027-5:4', '2027-6:4', '2027-7:1',
    ]);
    expect(layout.months.reduce((sum, m) => sum + m.weeks, 0)).toBe(27);
    for (const month of layout.months) {
      const first = layout.weeks.find((w) => w.monthStart && w.x === month.x);
      expect(first).toBeDefined();
      close(month.width, month.weeks * WEEK);
    }
    // Week 13 of 2027 runs Monday 29.03 to Sunday 04.04: its Thursday is 01.04, so it is April's first week.
    const week13 = layout.weeks.find((w) => w.week === 13)!;
    expect(week13).toMatchObject({ monday: '2027-03-29', monthStart: true });
  });

  it('draws the ten phases one per line in the seed’s weeks, and the four breaks where the seed has them', () => {
    expect(layout.phases.map((b) => [b.step.title, b.from.index, b.to.index])).toEqual([
      ['Fase 1: Kvalificering af tema', 1, 2],
      ['Fase 2: Netværksdesign', 5, 6],
      ['Fase 3: Fokusering', 7, 7],
      ['Fase 4: Opdagelse', 10, 11],
      ['Fase 5: Tematisering', 12, 12],
      ['Fase 6: Idégenerering', 14, 14],
      ['Fase 7: Prioritering', 17, 18],
      ['Fase 8: Opstart af test', 19, 19],
      ['Fase 8: Test af idéer', 20, 24],
      ['Fase 8: Evaluering af test', 25, 27],
    ]);
    expect(layout.breaks.map((b) => [b.from.week, b.to.week])).toEqual([[2, 3], [7, 8], [12, 12], [14, 15]]);
    const discovery = layout.phases[3]!;
    close(discovery.x, 9 * WEEK);
    close(discovery.width, 2 * WEEK);
    // Short bars carry their name on the side with room: after them early in the period, before them late in it.
    expect(layout.phases[0]!.label).toBe('after');
    expect(layout.phases.at(-1)!.label).toBe('before');
    close(layout.phases.at(-1)!.x + layout.phases.at(-1)!.width, 100);
  });

  it('puts each network meeting on its own day, numbered in the order of the series', () => {
    const meetings = lane('meeting').markers;
    expect(meetings.map((m) => [m.number, m.week.index, m.date])).toEqual([
      [1, 7, '2027-02-09'],
      [2, 10, '2027-03-02'],
      [3, 11, '2027-03-09'],
      [4, 12, '2027-03-16'],
      [5, 14, '2027-03-29'],
    ]);
    // Meeting 2 is on the Tuesday of week 10: one and a half days into that week.
    close(meetings[1]!.x, ((9 * 7 + 1.5) / (27 * 7)) * 100);
    expect(meetings.every((m) => m.slot === 0)).toBe(true);
    expect(lane('meeting').slots).toBe(1);
  });

  it('shows Chefforum at the start and at the delivery, and the reference-leader meetings between the meetings', () => {
    const chefforum = lane('chefforum').markers;
    expect(chefforum.map((m) => [m.step!.title, m.week.index, m.date])).toEqual([
      ['Chefforum: igangsættelse', 1, '2026-12-28'],
      ['Chefforum: leverance', 27, '2027-07-02'],
    ]);
    const referenceLeader = lane('referenceLeaderMeeting').markers;
    expect(referenceLeader.length).toBeGreaterThanOrEqual(2);
    const meetingWeeks = lane('meeting').markers.map((m) => m.week.index);
    for (const marker of referenceLeader.slice(1)) {
      // Between two network meetings at least two weeks apart, as the default plan places them.
      expect(meetingWeeks.some((w) => w < marker.week.index)).toBe(true);
      expect(meetingWeeks.some((w) => w > marker.week.index)).toBe(true);
    }
  });

  it('draws today’s line on today’s day in week 13 of the period (ISO week 12)', () => {
    expect(layout.today).toMatchObject({ date: '2027-03-24', week: { index: 13, week: 12 } });
    close(layout.today!.x, ((12 * 7 + 2.5) / (27 * 7)) * 100);
  });
});

describe('the process chart’s layout in harder cases', () => {
  const network = { startDate: '2027-01-04', endDate: '2027-03-28' }; // weeks 1-12 of 2027
  const meeting = (id: string, number: number, date: string): Meeting =>
    ({ id, number, closing: false, title: `Møde ${number}`, date, start: '09:00', end: '12:00', location: '', online: false, purpose: '', etag: '' }) as Meeting;
  const step = (id: string, kind: PhaseStep['kind'], startWeek: number, endWeek: number, date?: string): PhaseStep =>
    ({ id, kind, title: id, description: '', startWeek, endWeek, ...(date ? { date } : {}) });

  it('keeps every marker that falls in one week: the ones that would overlap go on a line of their own', () => {
    const result = chartLayout({
      network,
      steps: [
        step('rl-a', 'referenceLeaderMeeting', 5, 5),
        step('rl-b', 'referenceLeaderMeeting', 5, 5),
        step('rl-c', 'referenceLeaderMeeting', 5, 5, '2027-02-05'),
      ],
      meetings: [meeting('m1', 1, '2027-02-01'), meeting('m2', 2, '2027-02-02'), meeting('m3', 3, '2027-02-03'), meeting('m4', 4, '2027-02-15')],
      today: '2027-01-10',
    });
    const meetings = result.lanes.find((l) => l.kind === 'meeting')!;
    expect(meetings.markers.map((m) => [m.meeting!.id, m.week.index, m.slot])).toEqual([
      ['m1', 5, 0], ['m2', 5, 1], ['m3', 5, 2], ['m4', 7, 0],
    ]);
    expect(meetings.slots).toBe(3);
    const referenceLeader = result.lanes.find((l) => l.kind === 'referenceLeaderMeeting')!;
    expect(referenceLeader.markers).toHaveLength(3);
    expect(new Set(referenceLeader.markers.map((m) => m.slot)).size).toBe(3);
    expect(new Set(referenceLeader.markers.map((m) => m.key)).size).toBe(3);
    expect(result.lanes.find((l) => l.kind === 'chefforum')).toMatchObject({ markers: [], slots: 1 });
  });

  it('draws a step the leader placed beyond the period in its last week, as the list does, and no today line outside the period', () => {
    const weeks = weeksOfPeriod(network.startDate, network.endDate).length;
    const result = chartLayout({
      network,
      steps: [step('late', 'phase', 11, 40), step('chefforum-late', 'chefforum', 30, 30)],
      meetings: [meeting('outside', 1, addDays(network.endDate, 30))],
      today: addDays(network.endDate, 1),
    });
    expect(result.phases[0]).toMatchObject({ from: { index: 11 }, to: { index: weeks } });
    close(result.phases[0]!.x + result.phases[0]!.width, 100);
    expect(result.lanes.find((l) => l.kind === 'chefforum')!.markers[0]!.week.index).toBe(weeks);
    // A meeting outside the period is refused by the API; if one is there, it is not drawn off the chart.
    expect(result.lanes.find((l) => l.kind === 'meeting')!.markers).toEqual([]);
    expect(result.today).toBeUndefined();
  });

  it('writes a long phase’s name inside its bar', () => {
    const result = chartLayout({ network, steps: [step('long', 'phase', 2, 9)], meetings: [], today: '2027-01-04' });
    expect(result.phases[0]!.label).toBe('inside');
    close(result.today!.x, (0.5 / (12 * 7)) * 100);
  });
});
