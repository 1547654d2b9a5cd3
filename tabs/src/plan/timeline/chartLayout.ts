import { addDays, daysBetween, weekIndexOf, weeksOfPeriod, type PeriodWeek } from '@domain/dates';
import { orderMeetings } from '@domain/labels';
import type { IsoDate, Meeting, Network, PhaseStep } from '@domain/model';
import { sortSteps } from './weeks';

// The process as a picture, without React: where each week, month, phase, break, meeting, reference-leader meeting,
// Chefforum and today's line go on a horizontal axis of the network's period. Positions are percentages of the chart's
// track (0 = the first week's Monday, 100 = the last week's Sunday night), so the same layout fits a laptop screen and
// an A4 landscape page without clipping anything.

export type MarkerLane = 'meeting' | 'referenceLeaderMeeting' | 'chefforum';
export const MARKER_LANES: readonly MarkerLane[] = ['meeting', 'referenceLeaderMeeting', 'chefforum'];

export interface ChartWeek extends PeriodWeek {
  /** Left edge and width, % of the track. */
  x: number;
  width: number;
  /** The first week of a month (by its Thursday, as ISO weeks go): a stronger line. */
  monthStart: boolean;
}

export interface ChartMonth {
  year: number;
  /** 1-12 */
  month: number;
  x: number;
  width: number;
  /** How many of the period's weeks belong to the month (by their Thursday). */
  weeks: number;
}

/** Where a phase's name goes: inside a long bar, or beside a short one on the side with room. */
export type LabelSide = 'inside' | 'after' | 'before';

export interface ChartBar {
  step: PhaseStep;
  /** Weeks of the period the bar covers, kept inside the period. */
  from: PeriodWeek;
  to: PeriodWeek;
  x: number;
  width: number;
  label: LabelSide;
}

export interface ChartMarker {
  /** Unique within the chart. */
  key: string;
  kind: MarkerLane;
  /** Centre of the marker, % of the track: on its date when it has one, else the middle of its week. */
  x: number;
  /** Markers closer than a week in one lane are stacked: 0 is the top line of the lane. */
  slot: number;
  week: PeriodWeek;
  /** The last week of a step that spans several (a reference-leader meeting 'in weeks 12-13'). */
  toWeek?: PeriodWeek;
  date?: IsoDate;
  step?: PhaseStep;
  meeting?: Meeting;
  /** A meeting's place in the series (1-based), shown in its marker. */
  number?: number;
}

export interface ChartLane {
  kind: MarkerLane;
  markers: ChartMarker[];
  /** Lines the lane needs (at least 1). */
  slots: number;
}

export interface ChartLayout {
  weeks: ChartWeek[];
  months: ChartMonth[];
  /** One row per phase, in the order they start. */
  phases: ChartBar[];
  breaks: ChartBar[];
  lanes: ChartLane[];
  /** Today's line, when today falls in the period's weeks. */
  today?: { date: IsoDate; week: PeriodWeek; x: number };
}

export interface ChartInput {
  network: Pick<Network, 'startDate' | 'endDate'>;
  steps: readonly PhaseStep[];
  meetings: readonly Meeting[];
  today: IsoDate;
}

/** Markers nearer than this (in weeks) in one lane would overlap on a 1366-px screen or an A4 page: stack them. */
const MIN_GAP_WEEKS = 0.75;
/** A bar this wide (% of the track) holds its name; a shorter one has it beside it. */
const INSIDE_FROM = 40;
/** A short bar ending before this point has its name after it; one ending later, before it. */
const AFTER_UNTIL = 60;

const round = (n: number) => Math.round(n * 1000) / 1000;

export function chartLayout({ network, steps, meetings, today }: ChartInput): ChartLayout {
  const periodWeeks = weeksOfPeriod(network.startDate, network.endDate);
  const count = Math.max(1, periodWeeks.length);
  const firstMonday = periodWeeks[0]?.monday ?? network.startDate;
  const weekX = (index: number) => round(((index - 1) / count) * 100);
  const weekWidth = round(100 / count);
  const clampWeek = (index: number) => Math.min(Math.max(1, index), count);
  const weekAt = (index: number) => periodWeeks[clampWeek(index) - 1]!;
  /** The middle of a day: a marker on a Tuesday sits on Tuesday, not on the line between two weeks. */
  const dayX = (date: IsoDate) => round(((daysBetween(firstMonday, date) + 0.5) / (count * 7)) * 100);
  const inPeriod = (date: IsoDate) => {
    const index = weekIndexOf(network.startDate, date);
    return index >= 1 && index <= count;
  };

  const monthOf = (week: PeriodWeek) => {
    // An ISO week belongs to the month (and year) of its Thursday.
    const [year, month] = addDays(week.monday, 3).split('-').map(Number);
    return { year: year!, month: month! };
  };
  const months: ChartMonth[] = [];
  const weeks: ChartWeek[] = periodWeeks.map((week) => {
    const { year, month } = monthOf(week);
    const last = months.at(-1);
    const monthStart = !last || last.year !== year || last.month !== month;
    if (monthStart) months.push({ year, month, x: weekX(week.index), width: 0, weeks: 0 });
    const current = months.at(-1)!;
    current.weeks += 1;
    current.width = round(current.weeks * weekWidth);
    return { ...week, x: weekX(week.index), width: weekWidth, monthStart };
  });

  const bar = (step: PhaseStep): ChartBar => {
    const start = clampWeek(step.startWeek);
    const end = Math.max(start, clampWeek(step.endWeek));
    const x = weekX(start);
    const width = round(((end - start + 1) / count) * 100);
    const label: LabelSide = width >= INSIDE_FROM ? 'inside' : x + width <= AFTER_UNTIL ? 'after' : 'before';
    return { step, from: weekAt(start), to: weekAt(end), x, width, label };
  };
  const sorted = sortSteps(steps);
  const phases = sorted.filter((s) => s.kind === 'phase').map(bar);
  const breaks = sorted.filter((s) => s.kind === 'break').map(bar);

  const ordered = orderMeetings(meetings);
  const meetingMarkers = ordered
    .map((meeting, i) => ({ meeting, number: i + 1 }))
    .filter(({ meeting }) => inPeriod(meeting.date))
    .map(({ meeting, number }): Omit<ChartMarker, 'slot'> => ({
      key: `meeting-${meeting.id}`,
      kind: 'meeting',
      x: dayX(meeting.date),
      week: weekAt(weekIndexOf(network.startDate, meeting.date)),
      date: meeting.date,
      meeting,
      number,
    }));
  const stepMarkers = (kind: MarkerLane) =>
    sorted
      .filter((s) => s.kind === kind)
      .map((step): Omit<ChartMarker, 'slot'> => {
        // A date inside the period decides; otherwise the step's (first) week, as the list shows it.
        const dated = step.date && inPeriod(step.date) ? step.date : undefined;
        const start = dated ? weekIndexOf(network.startDate, dated) : clampWeek(step.startWeek);
        const end = clampWeek(step.endWeek);
        return {
          key: `step-${step.id}`,
          kind,
          x: dated ? dayX(dated) : round(((start - 0.5) / count) * 100),
          week: weekAt(start),
          ...(end > start ? { toWeek: weekAt(end) } : {}),
          ...(step.date ? { date: step.date } : {}),
          step,
        };
      });

  const minGap = (MIN_GAP_WEEKS / count) * 100;
  const lanes = MARKER_LANES.map((kind): ChartLane => {
    const markers = stack(kind === 'meeting' ? meetingMarkers : stepMarkers(kind), minGap);
    return { kind, markers, slots: Math.max(1, ...markers.map((m) => m.slot + 1)) };
  });

  const todayIndex = weekIndexOf(network.startDate, today);
  const todayLine = todayIndex >= 1 && todayIndex <= count ? { date: today, week: weekAt(todayIndex), x: dayX(today) } : undefined;

  return { weeks, months, phases, breaks, lanes, ...(todayLine ? { today: todayLine } : {}) };
}

/** Left to right; each marker takes the first line of its lane where it keeps its distance from the one before it. */
function stack(markers: Omit<ChartMarker, 'slot'>[], minGap: number): ChartMarker[] {
  const lastX: number[] = [];
  return [...markers]
    .sort((a, b) => a.x - b.x || a.key.localeCompare(b.key))
    .map((marker) => {
      let slot = lastX.findIndex((x) => marker.x - x >= minGap);
      if (slot === -1) slot = lastX.length;
      lastX[slot] = marker.x;
      return { ...marker, slot };
    });
}
