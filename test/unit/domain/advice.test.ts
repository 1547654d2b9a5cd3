import { adviseOnPlan, localizeAdvice } from '../../../bot/domain/advice';
import { checkNetworkRules } from '../../../bot/domain/rules';
import { assignment, meeting, participant, plannedNetwork } from './fixtures';

describe('advice on the plan', () => {
  it('has nothing to add to a well-planned network', () => {
    expect(adviseOnPlan(plannedNetwork())).toEqual([]);
  });

  it('advises on 3 core participants without making it an error', () => {
    const aggregate = plannedNetwork();
    aggregate.participants = aggregate.participants.filter((p) => !['p4', 'p5'].includes(p.id));
    aggregate.assignments = aggregate.assignments.filter((a) => !['p4', 'p5'].includes(a.participantId));
    expect(checkNetworkRules(aggregate)).toEqual([]);
    const advice = adviseOnPlan(aggregate);
    expect(advice).toEqual([{ key: 'advice.tooFewCore', params: { count: 3 }, refs: ['p1', 'p2', 'p3'] }]);
    expect(localizeAdvice(advice, 'da')[0]?.message).toBe(
      'Antal kernedeltagere: 3. Håndbogen anbefaler 4-6, så en stabil kerne kender hinanden fra møde til møde.',
    );
  });

  it('advises on more than 6 core participants', () => {
    const aggregate = plannedNetwork();
    for (const id of ['p6', 'p7']) {
      aggregate.participants.push(participant(id));
      aggregate.assignments.push(assignment('m1', id));
    }
    expect(adviseOnPlan(aggregate)).toEqual([
      { key: 'advice.tooManyCore', params: { count: 7 }, refs: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'] },
    ]);
  });

  it('points at meetings without any core participant', () => {
    const aggregate = plannedNetwork();
    aggregate.assignments = aggregate.assignments.filter((a) => a.meetingId !== 'm2' && a.meetingId !== 'm5');
    expect(localizeAdvice(adviseOnPlan(aggregate), 'en')).toEqual([
      {
        message: 'No core participants are planned for network meeting 2. Keep the core on board so you do not start from scratch at every meeting.',
        refs: ['m2'],
      },
      {
        message: 'No core participants are planned for the closing meeting, where the learning is analysed and brought together.',
        refs: ['m5'],
      },
    ]);
  });

  it('misses the citizens’ perspective when only employees take part', () => {
    const aggregate = plannedNetwork();
    aggregate.participants = aggregate.participants.filter((p) => p.id !== 'c1');
    aggregate.assignments = aggregate.assignments.filter((a) => a.participantId !== 'c1');
    expect(adviseOnPlan(aggregate)).toEqual([{ key: 'advice.noExternalPerspective' }]);
  });

  it('counts an employee with external perspectives in the competence diamond as an outside view', () => {
    const aggregate = plannedNetwork();
    aggregate.participants = aggregate.participants.filter((p) => p.id !== 'c1');
    aggregate.participants[0]!.competenceAreas.push('externalPerspectives');
    expect(adviseOnPlan(aggregate)).toEqual([]);
  });

  it('names a participant who is in no meeting', () => {
    const aggregate = plannedNetwork();
    aggregate.participants.push(participant('r1', { name: 'Lone Lund', kind: 'along', role: 'researcher' }));
    expect(localizeAdvice(adviseOnPlan(aggregate), 'da')).toEqual([
      { message: 'Lone Lund er ikke sat på noget møde endnu.', refs: ['r1'] },
    ]);
  });

  it('names the areas of the competence diamond nobody covers', () => {
    const aggregate = plannedNetwork();
    for (const p of aggregate.participants) p.competenceAreas = ['professionalExpertise'];
    expect(adviseOnPlan(aggregate).map((a) => a.key)).toEqual([
      'advice.competenceUncovered.publicAdministrationFrameworks',
      'advice.competenceUncovered.resourcesAndBacking',
    ]);
  });

  it('stays quiet about meetings and participants before there is anything to plan', () => {
    const aggregate = plannedNetwork();
    aggregate.participants = [];
    aggregate.assignments = [];
    aggregate.meetings = [meeting('m1', 1, '2026-03-16')];
    expect(adviseOnPlan(aggregate)).toEqual([{ key: 'advice.tooFewCore', params: { count: 0 }, refs: [] }]);
  });
});
