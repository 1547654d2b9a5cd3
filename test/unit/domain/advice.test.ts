import { adviceGroupTitleKey, adviseOnPlan, groupAdvice, localizeAdvice } from '../../../bot/domain/advice';
import { t } from '../../../bot/i18n';
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
        group: 'meetingWithoutCore',
        section: 'planner',
      },
      {
        message: 'No core participants are planned for the closing meeting, where the learning is analysed and brought together.',
        refs: ['m5'],
        group: 'meetingWithoutCore',
        section: 'planner',
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
      { message: 'Lone Lund er ikke sat på noget møde endnu.', refs: ['r1'], group: 'participantInNoMeeting', section: 'planner' },
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

describe('advice grouped and counted, each kind in its section (issue 17)', () => {
  /** A young network: three core participants only on meeting 1, two along the way on none, no outside view, one area of the diamond. */
  function youngNetwork() {
    const aggregate = plannedNetwork();
    aggregate.participants = aggregate.participants.filter((p) => !['p4', 'p5', 'c1'].includes(p.id));
    aggregate.participants.push(participant('a1', { name: 'Birgit Bach', kind: 'along' }), participant('b1', { name: 'Bo Berg', kind: 'along' }));
    for (const p of aggregate.participants) p.competenceAreas = ['professionalExpertise'];
    aggregate.assignments = aggregate.assignments.filter((a) => a.meetingId === 'm1' && ['p1', 'p2', 'p3'].includes(a.participantId));
    return aggregate;
  }

  it('counts advice of one kind together, in the order the kinds come, and names each inside', () => {
    const localized = localizeAdvice(adviseOnPlan(youngNetwork()), 'da');
    const groups = groupAdvice(localized);
    expect(groups.map((g) => [g.group, g.section, g.items.length])).toEqual([
      ['coreGroupSize', 'participants', 1],
      ['meetingWithoutCore', 'planner', 4],
      ['externalPerspective', 'participants', 1],
      ['participantInNoMeeting', 'planner', 2],
      ['competenceUncovered', 'participants', 2],
    ]);
    // Every advice is in exactly one group: nothing is lost by grouping.
    expect(groups.flatMap((g) => g.items)).toHaveLength(localized.length);
    const meetings = groups.find((g) => g.group === 'meetingWithoutCore')!;
    expect(meetings.items.map((item) => item.refs)).toEqual([['m2'], ['m3'], ['m4'], ['m5']]);
    expect(t('da', adviceGroupTitleKey('meetingWithoutCore'), { count: meetings.items.length })).toBe('4 møder uden kernedeltagere');
    expect(t('en', adviceGroupTitleKey('meetingWithoutCore'), { count: meetings.items.length })).toBe('4 meetings without core participants');
  });

  it('says one or many in each language', () => {
    expect(t('da', adviceGroupTitleKey('meetingWithoutCore'), { count: 1 })).toBe('1 møde uden kernedeltagere');
    expect(t('da', adviceGroupTitleKey('participantInNoMeeting'), { count: 1 })).toBe('1 deltager er ikke sat på noget møde');
    expect(t('da', adviceGroupTitleKey('participantInNoMeeting'), { count: 2 })).toBe('2 deltagere er ikke sat på noget møde');
    expect(t('en', adviceGroupTitleKey('competenceUncovered'), { count: 1 })).toBe('1 area of the competence diamond is not covered');
    expect(t('en', adviceGroupTitleKey('competenceUncovered'), { count: 3 })).toBe('3 areas of the competence diamond are not covered');
  });

  it('places the core group, outside views and the diamond under participants; who comes when under the planner', () => {
    const bySection = (section: string) =>
      localizeAdvice(adviseOnPlan(youngNetwork()), 'en')
        .filter((item) => item.section === section)
        .map((item) => item.message);
    expect(bySection('participants')).toEqual([
      expect.stringMatching(/^Core participants: 3\./),
      expect.stringMatching(/external perspectives/),
      expect.stringMatching(/frameworks of public administration/),
      expect.stringMatching(/resources and backing/),
    ]);
    expect(bySection('planner')).toEqual([
      expect.stringMatching(/network meeting 2\./),
      expect.stringMatching(/network meeting 3\./),
      expect.stringMatching(/network meeting 4\./),
      expect.stringMatching(/closing meeting/),
      'Birgit Bach is not planned for any meeting yet.',
      'Bo Berg is not planned for any meeting yet.',
    ]);
  });

  it('has no groups when there is no advice', () => {
    expect(groupAdvice(localizeAdvice(adviseOnPlan(plannedNetwork()), 'da'))).toEqual([]);
  });
});
