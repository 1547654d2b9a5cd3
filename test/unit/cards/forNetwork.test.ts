import { agendaCardFor } from '../../../bot/agenda/card';
import { ideaLotCardFor } from '../../../bot/ideas/card';
import { reflectionCardFor, reflectionQuestionsOf } from '../../../bot/reflections/card';
import type { NetworkAggregate, Reflection } from '../../../bot/domain/model';
import { plannedNetwork } from '../domain/fixtures';
import { idea, objects, ofType, runTexts } from './cardKit';

// A network's cards, assembled from its stored state.

function aggregate(): NetworkAggregate {
  const network = plannedNetwork();
  return {
    ...network,
    subthemes: [{ id: 's1', title: 'Deleøkonomi', description: '', order: 1 }],
    meetings: network.meetings.map((m) => (m.id === 'm2' ? { ...m, subthemeId: 's1' } : m)),
    agendas: [{ meetingId: 'm2', daysBeforeToPost: 7, items: [{ id: 'a', time: '09:00', content: 'Velkomst', process: '', purpose: '' }] }],
    ideas: [
      idea('free', { text: 'Fri idé' }),
      idea('owned', { text: 'Idé med tovholder', owner: { name: 'Ali Khan', userId: 'u-ali' } }),
      idea('tested', { text: 'Testet idé', status: 'tested' }),
    ],
  };
}

const reflection = (overrides: Partial<Reflection> = {}): Reflection => ({
  meetingId: 'm2',
  participantId: 'p1',
  answers: [{ question: 'Hvad tager du med?', answer: 'Nye kontakter' }],
  shared: false,
  submittedAt: '2026-04-13T12:00:00.000Z',
  ...overrides,
});

describe('agendaCardFor', () => {
  it('uses the meeting’s agenda, subtheme and the ideas nobody owns yet', () => {
    const a = aggregate();
    const texts = runTexts(agendaCardFor(a, a.meetings[1]!, 'da', undefined));
    expect(texts).toContain('Netværksmøde 2 af 5: Deleøkonomi');
    expect(texts).toContain('Velkomst');
    expect(texts).toContain('• Fri idé');
    expect(texts.some((t) => t.includes('Idé med tovholder') || t.includes('Testet idé'))).toBe(false);
  });

  it('says the programme follows for a meeting without an agenda', () => {
    const a = aggregate();
    expect(runTexts(agendaCardFor(a, a.meetings[2]!, 'en', undefined))).toContain('The programme will follow.');
  });
});

describe('reflectionCardFor', () => {
  const modeOf = (card: ReturnType<typeof reflectionCardFor>) =>
    ofType(card, 'Input.Text').length ? 'form' : objects(card).some(({ node }) => node.verb === 'reflection.edit') ? 'answered' : 'closed';

  it('shows the form until the participant has answered', () => {
    const a = aggregate();
    expect(modeOf(reflectionCardFor(a, a.meetings[1]!, a.participants[0]!, { locale: 'da' }))).toBe('form');
  });

  it('reads an answer back, and shows the form again while editing', () => {
    const a = { ...aggregate(), reflections: [reflection()] };
    expect(modeOf(reflectionCardFor(a, a.meetings[1]!, a.participants[0]!, { locale: 'da' }))).toBe('answered');
    expect(modeOf(reflectionCardFor(a, a.meetings[1]!, a.participants[0]!, { locale: 'da', editing: true }))).toBe('form');
  });

  it('is closed once the leader closed the meeting, even while editing', () => {
    const a = { ...aggregate(), reflections: [reflection()] };
    const closed = { ...a.meetings[1]!, closedAt: '2026-04-20T10:00:00.000Z' };
    const card = reflectionCardFor(a, closed, a.participants[0]!, { locale: 'da', editing: true });
    expect(modeOf(card)).toBe('closed');
    expect(card.actions).toBeUndefined();
  });

  it('only uses the participant’s own reflection', () => {
    const a = { ...aggregate(), reflections: [reflection({ participantId: 'p2' }), reflection({ meetingId: 'm1' })] };
    expect(modeOf(reflectionCardFor(a, a.meetings[1]!, a.participants[0]!, { locale: 'da' }))).toBe('form');
  });

  it('passes refresh users and the notice on', () => {
    const a = aggregate();
    const card = reflectionCardFor(a, a.meetings[1]!, a.participants[0]!, { locale: 'en', refreshUserIds: ['u-1'], notice: { text: 'Saved' } });
    expect(card.refresh).toMatchObject({ action: { verb: 'reflection.refresh', data: { networkId: 'n1', meetingId: 'm2' } }, userIds: ['u-1'] });
    expect(runTexts(card)).toContain('Saved');
  });

  it('asks the leader’s own questions, else the handbook’s four in the user’s language', () => {
    const a = aggregate();
    expect(reflectionQuestionsOf({ ...a.meetings[1]!, reflectionQuestions: ['Egen?'] }, 'en')).toEqual(['Egen?']);
    expect(reflectionQuestionsOf(a.meetings[1]!, 'en')[0]).toBe('What can you take with you from today?');
    const card = reflectionCardFor(a, a.meetings[1]!, a.participants[0]!, { locale: 'da' });
    expect(ofType(card, 'Input.Text').map((i) => i.label)).toHaveLength(4);
  });
});

describe('ideaLotCardFor', () => {
  it('shows status controls to leaders only', () => {
    const a = aggregate();
    expect(ofType(ideaLotCardFor(a, { locale: 'da', isLeader: true }), 'Input.ChoiceSet')).toHaveLength(3);
    expect(ofType(ideaLotCardFor(a, { locale: 'da' }), 'Input.ChoiceSet')).toHaveLength(0);
  });

  it('hides "take ownership" on the viewer’s own idea and passes refresh users and notice on', () => {
    const a = aggregate();
    const card = ideaLotCardFor(a, { locale: 'da', userId: 'u-ali', refreshUserIds: ['u-leader'], notice: 'Gemt' });
    const owned = objects(card).map(({ node }) => node).filter((n) => n.type === 'Action.Execute' && n.verb === 'idea.own').map((n) => (n.data as { ideaId: string }).ideaId);
    expect(owned).toEqual(['free', 'tested']);
    expect(card.refresh).toMatchObject({ userIds: ['u-leader'] });
    expect(runTexts(card)).toContain('Gemt');
  });
});
