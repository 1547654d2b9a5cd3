import { weeksOfPeriod } from '../../../bot/domain/dates';
import { currentStep, defaultPhasePlan, suggestedMeetingWeeks } from '../../../bot/domain/phases';
import { plannedNetwork } from './fixtures';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const welfare = { type: 'welfare' as const, startDate: '2026-02-02', endDate: '2026-08-02' };
const learning = { type: 'learning' as const, startDate: '2026-02-02', endDate: '2026-08-02' };

describe('the default process plan', () => {
  it('fits the 8-phase welfare process into a 6-month period', () => {
    const weeks = weeksOfPeriod(welfare.startDate, welfare.endDate).length;
    const { steps } = defaultPhasePlan(welfare, 'da');
    const phases = steps.filter((s) => s.kind === 'phase');
    expect(phases.map((s) => s.title.split(':')[0])).toEqual([
      'Fase 1', 'Fase 2', 'Fase 3', 'Fase 4', 'Fase 5', 'Fase 6', 'Fase 7', 'Fase 8', 'Fase 8', 'Fase 8',
    ]);
    for (const step of steps) {
      expect(step.startWeek).toBeGreaterThanOrEqual(1);
      expect(step.endWeek).toBeGreaterThanOrEqual(step.startWeek);
      expect(step.endWeek).toBeLessThanOrEqual(weeks);
    }
    expect(phases.at(-1)).toMatchObject({ title: 'Fase 8: Evaluering af test', endWeek: weeks });
    expect(steps.filter((s) => s.kind === 'break').length).toBe(4);
    expect(steps.find((s) => s.id === 'chefforum-delivery')).toMatchObject({ date: '2026-08-02', startWeek: weeks });
  });

  it('squeezes the welfare process into 3 months without losing a phase or running past the end', () => {
    const short = { ...welfare, endDate: '2026-05-03' };
    const weeks = weeksOfPeriod(short.startDate, short.endDate).length;
    const { steps } = defaultPhasePlan(short, 'en');
    expect(steps.filter((s) => s.kind === 'phase')).toHaveLength(10);
    expect(Math.max(...steps.map((s) => s.endWeek))).toBe(weeks);
    expect(steps.find((s) => s.id === 'process-3-focus')?.title).toBe('Phase 3: Focusing');
    const phaseWeeks = new Set(steps.filter((s) => s.kind === 'phase').flatMap((s) => range(s.startWeek, s.endWeek)));
    const breakWeeks = steps.filter((s) => s.kind === 'break').flatMap((s) => range(s.startWeek, s.endWeek));
    expect(breakWeeks.filter((w) => phaseWeeks.has(w))).toEqual([]);
  });

  it('gives a learning network the handbook’s 4 phases, one after the other', () => {
    const phases = defaultPhasePlan(learning, 'da').steps.filter((s) => s.kind === 'phase');
    expect(phases.map((s) => s.title)).toEqual([
      'Fase 1: Opstart',
      'Fase 2: Netværksdesign',
      'Fase 3: Generer læring',
      'Fase 4: Spredning af læring til basis',
    ]);
    for (let i = 1; i < phases.length; i++) expect(phases[i]!.startWeek).toBe(phases[i - 1]!.endWeek + 1);
  });

  it('puts a reference-leader meeting between network meetings that are weeks apart', () => {
    const aggregate = plannedNetwork();
    const { steps } = defaultPhasePlan(aggregate.network, 'da', aggregate.meetings);
    const referenceLeader = steps.filter((s) => s.kind === 'referenceLeaderMeeting' && s.date);
    // meetings on 16.03, 13.04, 11.05, 08.06 and 29.06
    expect(referenceLeader.map((s) => s.date)).toEqual(['2026-03-30', '2026-04-27', '2026-05-25', '2026-06-18']);
    expect(referenceLeader[0]?.title).toBe('Møde med referenceleder');
  });

  it('suggests meetings in the weeks of the welfare example for a 6-month period', () => {
    expect(suggestedMeetingWeeks(welfare)).toEqual([7, 10, 11, 12, 14]);
  });
});

describe('where are we now', () => {
  const plan = defaultPhasePlan(welfare, 'da');

  it('is before the start until the start date in Copenhagen', () => {
    const position = currentStep(plan, welfare, new Date('2026-01-31T12:00:00Z'));
    expect(position).toMatchObject({ position: 'before', today: '2026-01-31' });
    expect(position.next?.id).toBe('chefforum-start');
  });

  it('finds the phase of today, counting the day in Copenhagen', () => {
    // 23:30 UTC on Sunday 15.03 is already Monday 16.03 in Copenhagen: week 7, the first meeting.
    const position = currentStep(plan, welfare, new Date('2026-03-15T23:30:00Z'));
    expect(position).toMatchObject({ position: 'during', today: '2026-03-16', week: 7 });
    expect(position.step?.title).toBe('Fase 3: Fokusering');
  });

  it('says so when today is in a break', () => {
    const position = currentStep(plan, welfare, new Date('2026-02-18T09:00:00Z'));
    expect(position.step).toMatchObject({ kind: 'break', title: 'Pause' });
    expect(position.next?.title).toBe('Fase 2: Netværksdesign');
  });

  it('is after the end once the period is over', () => {
    expect(currentStep(plan, welfare, new Date('2026-08-03T10:00:00Z'))).toMatchObject({ position: 'after' });
  });
});
