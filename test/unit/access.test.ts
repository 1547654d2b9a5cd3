import { canContribute, canEditPlan, roleOf, viewFor } from '../../bot/domain/access';
import type { NetworkAggregate, Reflection } from '../../bot/domain/model';
import { aNetwork, aParticipant } from '../support/fixtures';

function reflection(participantId: string, shared: boolean): Reflection {
  return { meetingId: 'm1', participantId, answers: [{ question: 'Hvad tager du med?', answer: `svar fra ${participantId}` }], shared, submittedAt: '2027-01-20T12:00:00Z' };
}

function aggregate(): NetworkAggregate {
  const jens = aParticipant({ id: 'p-jens', userId: 'u-jens' });
  const helle = aParticipant({ id: 'p-helle', name: 'Helle Hansen', userId: undefined, email: 'Helle@Kommune.example' });
  return {
    network: aNetwork({
      leader: { name: 'Lene', userId: 'u-lene' },
      coDriver: { name: 'Omar', userId: 'u-omar' },
      referenceLeader: { name: 'Birgitte', userId: 'u-birgitte' },
    }),
    themeRevisions: [], subthemes: [], meetings: [], assignments: [], agendas: [], summaries: [], ideas: [],
    analysisCategories: [], analysisNotes: [], bookings: [],
    participants: [jens, helle],
    reflections: [reflection('p-jens', false), reflection('p-helle', true)],
  };
}

describe('roles', () => {
  test('leader, co-driver, participant (by id or e-mail), reference leader, outsider', () => {
    const a = aggregate();
    expect(roleOf(a, { userId: 'u-lene' })).toBe('leader');
    expect(roleOf(a, { userId: 'u-omar' })).toBe('coDriver');
    expect(roleOf(a, { userId: 'u-jens' })).toBe('participant');
    expect(roleOf(a, { userId: 'u-helle', email: 'helle@kommune.example' })).toBe('participant');
    expect(roleOf(a, { userId: 'u-birgitte' })).toBe('referenceLeader');
    expect(roleOf(a, { userId: 'u-ulla', email: 'ulla@kommune.example' })).toBeUndefined();
  });

  test('someone claiming a linked participant’s e-mail with another id is not that participant', () => {
    const a = aggregate();
    a.participants[0]!.email = 'jens@kommune.example';
    expect(roleOf(a, { userId: 'u-impostor', email: 'jens@kommune.example' })).toBeUndefined();
  });

  test('only leader and co-driver edit the plan; the reference leader does not contribute', () => {
    expect([canEditPlan('leader'), canEditPlan('coDriver'), canEditPlan('participant'), canEditPlan('referenceLeader')]).toEqual([true, true, false, false]);
    expect([canContribute('participant'), canContribute('referenceLeader'), canContribute(undefined)]).toEqual([true, false, false]);
  });
});

describe('privacy of reflections', () => {
  test('a participant sees their own and shared reflections, never another’s private one', () => {
    const seen = viewFor(aggregate(), { userId: 'u-helle', email: 'helle@kommune.example' }).reflections.map((r) => r.participantId);
    expect(seen).toEqual(['p-helle']);
    const jensSees = viewFor(aggregate(), { userId: 'u-jens' }).reflections.map((r) => r.participantId).sort();
    expect(jensSees).toEqual(['p-helle', 'p-jens']);
  });

  test('leaders see all; the reference leader sees only shared; outsiders nothing', () => {
    expect(viewFor(aggregate(), { userId: 'u-omar' }).reflections).toHaveLength(2);
    expect(viewFor(aggregate(), { userId: 'u-birgitte' }).reflections.map((r) => r.participantId)).toEqual(['p-helle']);
    expect(viewFor(aggregate(), { userId: 'u-ulla' }).reflections).toHaveLength(0);
  });
});
