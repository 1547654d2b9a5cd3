import { weekIndexOf, weeksOfPeriod, type PeriodWeek } from '@domain/dates';
import { orderMeetings } from '@domain/labels';
import type { Meeting, Network, PhaseStep } from '@domain/model';

// The timeline as rows of weeks: what starts, what goes on, and which meetings fall in each.

export interface WeekRow {
  week: PeriodWeek;
  /** Steps whose first week this is, in plan order. */
  starting: PhaseStep[];
  /** Phases and breaks that started earlier and go on in this week. */
  continuing: PhaseStep[];
  meetings: Meeting[];
}

const spans = (s: PhaseStep) => s.kind === 'phase' || s.kind === 'break';

export function sortSteps(steps: readonly PhaseStep[]): PhaseStep[] {
  return [...steps].sort((a, b) => a.startWeek - b.startWeek || a.endWeek - b.endWeek || a.title.localeCompare(b.title));
}

export function weekRows(network: Pick<Network, 'startDate' | 'endDate'>, steps: readonly PhaseStep[], meetings: readonly Meeting[]): WeekRow[] {
  const sorted = sortSteps(steps);
  const ordered = orderMeetings(meetings);
  const weeks = weeksOfPeriod(network.startDate, network.endDate);
  const last = weeks.length;
  return weeks.map((week) => ({
    week,
    // A step the leader placed beyond the period's end is shown in its last week rather than lost.
    starting: sorted.filter((s) => Math.min(s.startWeek, last) === week.index),
    continuing: sorted.filter((s) => spans(s) && s.startWeek < week.index && week.index <= s.endWeek),
    meetings: ordered.filter((m) => weekIndexOf(network.startDate, m.date) === week.index),
  }));
}

/** The Chefforum step the delivery is handed over at: the last one, unless it is the start (Chefforum choosing the theme). */
export function deliveryStepOf(steps: readonly PhaseStep[]): string | undefined {
  const chefforum = steps.filter((s) => s.kind === 'chefforum').sort((a, b) => a.endWeek - b.endWeek || a.startWeek - b.startWeek);
  const last = chefforum.at(-1);
  return last && (last.endWeek > 1 || chefforum.length > 1) ? last.id : undefined;
}
