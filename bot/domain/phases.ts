import { t, type Locale, type MessageKey } from '../i18n';
import { addDays, daysBetween, todayInCopenhagen, weekIndexOf, weeksOfPeriod } from './dates';
import type { IsoDate, Meeting, Network, PhaseKind, PhasePlan, PhaseStep } from './model';

// Default process plans, written on a template period and stretched or squeezed to the
// network's real number of weeks. Titles and descriptions are written in the network's
// language when the plan is made: after that they are the leader's text to edit.

interface TemplateStep {
  id: string;
  kind: PhaseKind;
  key: MessageKey;
  start: number;
  end: number;
}

interface ProcessTemplate {
  weeks: number;
  steps: TemplateStep[];
  meetingWeeks: number[];
}

const phase = (id: string, key: MessageKey, start: number, end: number): TemplateStep =>
  ({ id, kind: 'phase', key, start, end });
const pause = (id: string, start: number, end: number): TemplateStep =>
  ({ id, kind: 'break', key: 'phase.break', start, end });

/** Seed 002: the learning network's 4 phases over about 6 months with 4-5 meetings. */
const LEARNING: ProcessTemplate = {
  weeks: 26,
  steps: [
    phase('learning-1-startup', 'phase.learning.startup', 1, 4),
    phase('learning-2-design', 'phase.learning.design', 5, 7),
    phase('learning-3-generate', 'phase.learning.generate', 8, 22),
    phase('learning-4-spread', 'phase.learning.spread', 23, 26),
  ],
  meetingWeeks: [8, 12, 16, 19, 22],
};

/** Seed 000: the week-by-week welfare process (8 phases, breaks, meetings in weeks 7, 10, 11, 12 and 14). */
const WELFARE_AND_INNOVATION: ProcessTemplate = {
  weeks: 27,
  steps: [
    phase('process-1-qualify-theme', 'phase.process.qualifyTheme', 1, 2),
    pause('process-break-1', 3, 4),
    phase('process-2-design', 'phase.process.design', 5, 6),
    phase('process-3-focus', 'phase.process.focus', 7, 7),
    pause('process-break-2', 8, 9),
    phase('process-4-discovery', 'phase.process.discovery', 10, 11),
    phase('process-5-themes', 'phase.process.themes', 12, 12),
    pause('process-break-3', 13, 13),
    phase('process-6-ideas', 'phase.process.ideas', 14, 14),
    pause('process-break-4', 15, 16),
    phase('process-7-prioritise', 'phase.process.prioritise', 17, 18),
    phase('process-8-test-start', 'phase.process.testStart', 19, 19),
    phase('process-8-test', 'phase.process.test', 20, 24),
    phase('process-8-evaluate', 'phase.process.evaluate', 25, 27),
  ],
  meetingWeeks: [7, 10, 11, 12, 14],
};

type PlannedNetwork = Pick<Network, 'type' | 'startDate' | 'endDate'>;
type PlannedMeeting = Pick<Meeting, 'date'>;

function templateFor(network: PlannedNetwork): ProcessTemplate {
  return network.type === 'learning' ? LEARNING : WELFARE_AND_INNOVATION;
}

function periodLength(network: PlannedNetwork): number {
  return Math.max(1, weeksOfPeriod(network.startDate, network.endDate).length);
}

function scaler(templateWeeks: number, periodWeeks: number) {
  const ratio = periodWeeks / templateWeeks;
  return (start: number, end: number) => {
    // Rounding the same boundary the same way keeps steps that touch in the template touching in the plan.
    const startWeek = Math.min(periodWeeks, 1 + Math.round((start - 1) * ratio));
    return { startWeek, endWeek: Math.min(periodWeeks, Math.max(startWeek, Math.round(end * ratio))) };
  };
}

/** Where the template would put the network meetings, as weeks of the network's period. */
export function suggestedMeetingWeeks(network: PlannedNetwork): number[] {
  const template = templateFor(network);
  const scale = scaler(template.weeks, periodLength(network));
  return template.meetingWeeks.map((week) => scale(week, week).startWeek);
}

/**
 * The default plan: the type's phases and breaks, Chefforum at start and end, and a meeting with the
 * reference leader early on and between network meetings that are at least two weeks apart. With real
 * meetings the reference-leader meetings fall between them (and get a date); otherwise between the
 * template's suggested meeting weeks.
 */
export function defaultPhasePlan(
  network: PlannedNetwork,
  locale: Locale,
  meetings: readonly PlannedMeeting[] = [],
): PhasePlan {
  const template = templateFor(network);
  const periodWeeks = periodLength(network);
  const scale = scaler(template.weeks, periodWeeks);
  const step = (id: string, kind: PhaseKind, key: MessageKey, startWeek: number, endWeek: number, date?: IsoDate) => ({
    id,
    kind,
    title: t(locale, key),
    description: t(locale, `${key}.description` as MessageKey),
    startWeek,
    endWeek,
    ...(date ? { date } : {}),
  });
  const phasesAndBreaks = withoutOverlappingBreaks(template.steps.map((s) => ({ ...s, ...scale(s.start, s.end) })));
  const referenceLeader = (id: string, week: number, date?: IsoDate) =>
    step(id, 'referenceLeaderMeeting', 'phase.referenceLeaderMeeting', week, week, date);
  const referenceLeaderMeetings = referenceLeaderSlots(network, meetings, suggestedMeetingWeeks(network));

  const steps: PhaseStep[] = [
    step('chefforum-start', 'chefforum', 'phase.chefforumStart', 1, 1, network.startDate),
    ...phasesAndBreaks.map((s) => step(s.id, s.kind, s.key, s.startWeek, s.endWeek)),
    // the handbook's week-by-week welfare example: the leader talks to the reference leader while qualifying the theme, then between meetings
    referenceLeader('reference-leader-0', scale(2, 2).startWeek),
    ...referenceLeaderMeetings.map(({ week, date }, i) => referenceLeader(`reference-leader-${i + 1}`, week, date)),
    step('chefforum-delivery', 'chefforum', 'phase.chefforumDelivery', periodWeeks, periodWeeks, network.endDate),
  ];
  return { steps: sortSteps(steps) };
}

type Placed = { kind: PhaseKind; startWeek: number; endWeek: number };

/** In a short period a squeezed phase may spill into a break: the break gives way, and goes if nothing is left. */
function withoutOverlappingBreaks<S extends Placed>(steps: S[]): S[] {
  const phases = steps.filter((s) => s.kind === 'phase');
  return steps.flatMap((s) => {
    if (s.kind !== 'break') return [s];
    let { startWeek, endWeek } = s;
    for (const p of phases) {
      if (p.startWeek <= startWeek && startWeek <= p.endWeek) startWeek = p.endWeek + 1;
      if (p.startWeek <= endWeek && endWeek <= p.endWeek) endWeek = p.startWeek - 1;
    }
    return startWeek <= endWeek ? [{ ...s, startWeek, endWeek }] : [];
  });
}

type Slot = { week: number; date?: IsoDate };

function referenceLeaderSlots(network: PlannedNetwork, meetings: readonly PlannedMeeting[], suggestedWeeks: number[]) {
  const points: Slot[] =
    meetings.length > 0
      ? meetings
          .map((m) => m.date)
          .sort()
          .map((date) => ({ week: weekIndexOf(network.startDate, date), date }))
      : suggestedWeeks.map((week) => ({ week }));
  return points.slice(1).flatMap((after, i): Slot[] => {
    const before = points[i]!;
    if (after.week - before.week < 2) return [];
    if (!before.date || !after.date) return [{ week: Math.floor((before.week + after.week) / 2) }];
    const date = addDays(before.date, Math.floor(daysBetween(before.date, after.date) / 2));
    return [{ week: weekIndexOf(network.startDate, date), date }];
  });
}

function sortSteps(steps: PhaseStep[]): PhaseStep[] {
  return [...steps].sort((a, b) => a.startWeek - b.startWeek || a.endWeek - b.endWeek);
}

export interface PlanPosition {
  position: 'before' | 'during' | 'after';
  today: IsoDate;
  /** Week of the network period that today falls in (1-based; 0 or less before the start). */
  week: number;
  /** The phase or break under way; a phase wins over a break, a later phase over an earlier one. */
  step?: PhaseStep;
  /** The first step that starts after this week. */
  next?: PhaseStep;
}

export function currentStep(
  plan: PhasePlan,
  network: Pick<Network, 'startDate' | 'endDate'>,
  now: Date,
): PlanPosition {
  const today = todayInCopenhagen(now);
  const week = weekIndexOf(network.startDate, today);
  const steps = sortSteps(plan.steps);
  const position = today < network.startDate ? 'before' : today > network.endDate ? 'after' : 'during';
  const next =
    position === 'before' ? steps[0] : position === 'after' ? undefined : steps.find((s) => s.startWeek > week);
  if (position !== 'during') return { position, today, week, ...(next ? { next } : {}) };

  const rank = (s: PhaseStep) => (s.kind === 'phase' ? 1 : 0);
  const current = steps
    .filter((s) => (s.kind === 'phase' || s.kind === 'break') && s.startWeek <= week && week <= s.endWeek)
    .sort((a, b) => rank(b) - rank(a) || b.startWeek - a.startWeek)[0];
  return { position, today, week, ...(current ? { step: current } : {}), ...(next ? { next } : {}) };
}
