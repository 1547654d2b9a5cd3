import { answerInputId, buildReflectionCard, REFLECTION_VERBS, SHARED_INPUT_ID, type ReflectionCardInput } from '../../../bot/reflections/card';
import { plannedNetwork } from '../domain/fixtures';
import { actionsOf, ofType, runTexts } from './cardKit';

// The reflection card ("Individuel opsamling", seed 002) in a participant's 1:1 chat.

const questions = ['Hvad tager du med?', 'Hvad fortæller du kollegerne?'];
const reflection = {
  answers: [
    { question: questions[0]!, answer: 'Nye kontakter' },
    { question: questions[1]!, answer: 'At frivillige gør en forskel' },
  ],
  shared: false,
  submittedAt: '2026-04-13T11:30:00.000Z',
};

function build(overrides: Partial<ReflectionCardInput> = {}) {
  const { meetings, network } = plannedNetwork();
  return buildReflectionCard({
    network,
    meeting: meetings[1]!,
    meetings,
    questions,
    mode: 'form',
    locale: 'da',
    refreshUserIds: ['u-helle'],
    ...overrides,
  });
}

describe('the reflection card', () => {
  it('names the network, the meeting in the series and its date', () => {
    const texts = runTexts(build({ subtheme: { title: 'Deleøkonomi' } }));
    expect(texts.slice(0, 3)).toEqual(['Din refleksion · Ensomhed blandt ældre', 'Netværksmøde 2 af 5: Deleøkonomi', '13.04.2026']);
    expect(runTexts(build({ locale: 'en' })).slice(0, 3)).toEqual(['Your reflection · Ensomhed blandt ældre', 'Network meeting 2 of 5', '13.04.2026']);
  });

  it('asks Teams for a fresh card for the given users with the verb reflection.refresh', () => {
    const card = build({ refreshUserIds: ['u-helle', 'u-helle', 'u-jens'] });
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'reflection.refresh', data: { networkId: 'n1', meetingId: 'm2', verb: 'reflection.refresh' } },
      userIds: ['u-helle', 'u-jens'],
    });
    expect(REFLECTION_VERBS.refresh).toBe('reflection.refresh');
  });

  it('still refreshes (for whoever opens it) without user ids', () => {
    expect(build({ refreshUserIds: undefined }).refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'reflection.refresh', data: { networkId: 'n1', meetingId: 'm2', verb: 'reflection.refresh' } },
    });
  });

  describe('as a form', () => {
    it('has one multiline input per question, the share toggle off and a save button', () => {
      const card = build();
      const inputs = ofType(card, 'Input.Text');
      expect(inputs).toEqual([
        { type: 'Input.Text', id: answerInputId(0), label: questions[0], isMultiline: true, maxLength: 4000, value: '' },
        { type: 'Input.Text', id: answerInputId(1), label: questions[1], isMultiline: true, maxLength: 4000, value: '' },
      ]);
      expect(ofType(card, 'Input.Toggle')).toEqual([
        expect.objectContaining({ id: SHARED_INPUT_ID, value: 'false', valueOn: 'true', valueOff: 'false' }),
      ]);
      expect(runTexts(card)).toContain('Dine svar er private: kun du og netværkslederen kan se dem, medmindre du vælger at dele dem med netværket.');
      expect(actionsOf(card).map((a) => [a.type, a.verb, a.title])).toEqual([
        ['Action.Execute', 'reflection.save', 'Gem refleksion'],
        ['Action.Submit', undefined, 'Gem refleksion'],
      ]);
      expect(card.actions![0]!.data).toEqual({ networkId: 'n1', meetingId: 'm2', verb: 'reflection.save' });
    });

    it('fills in the previous answers by question, and by position when a question was reworded', () => {
      const previous = { ...reflection, shared: true, answers: [{ question: 'Hvad tog du med?', answer: 'Gammel formulering' }, reflection.answers[1]!] };
      const card = build({ reflection: previous });
      expect(ofType(card, 'Input.Text').map((i) => i.value)).toEqual(['Gammel formulering', 'At frivillige gør en forskel']);
      expect(ofType(card, 'Input.Toggle')[0]!.value).toBe('true');
    });

    it('shows a notice above the questions', () => {
      const texts = runTexts(build({ notice: { text: 'Svaret er for langt', color: 'attention' } }));
      expect(texts[3]).toBe('Svaret er for langt');
      const run = ofType(build({ notice: { text: 'Gemt' } }), 'TextRun').find((r) => r.text === 'Gemt');
      expect(run).toMatchObject({ color: 'accent', weight: 'bolder' });
    });
  });

  describe('answered', () => {
    it('reads the answers back with an edit button and no inputs', () => {
      const card = build({ mode: 'answered', reflection });
      expect(ofType(card, 'Input.Text')).toEqual([]);
      const texts = runTexts(card);
      expect(texts).toContain('Gemt — kun du og netværkslederen kan se svarene.');
      expect(texts.slice(-4)).toEqual([questions[0], 'Nye kontakter', questions[1], 'At frivillige gør en forskel']);
      expect(actionsOf(card).map((a) => [a.type, a.verb ?? (a.data as { verb: string }).verb])).toEqual([
        ['Action.Execute', 'reflection.edit'],
        ['Action.Submit', 'reflection.edit'],
      ]);
    });

    it('says when the answers are shared, and marks a blank answer', () => {
      const texts = runTexts(build({ mode: 'answered', locale: 'en', reflection: { ...reflection, shared: true, answers: [{ question: questions[0]!, answer: '' }] } }));
      expect(texts).toContain('Saved and shared with the network.');
      expect(texts).toContain('(no answer)');
    });
  });

  describe('closed', () => {
    it('reads back without any action and says the meeting is closed', () => {
      const card = build({ mode: 'closed', reflection, notice: { text: 'Mødet er lukket', color: 'attention' } });
      expect(card.actions).toBeUndefined();
      expect(ofType(card, 'Input.Text')).toEqual([]);
      const texts = runTexts(card);
      expect(texts).toContain('Mødet er lukket');
      expect(texts).toContain('Nye kontakter');
      expect(texts.at(-1)).toBe('Netværkslederen har lukket mødet, så svarene kan ikke længere ændres.');
    });

    it('lists the questions as unanswered when the participant never answered', () => {
      const texts = runTexts(build({ mode: 'closed', locale: 'en' }));
      expect(texts).toContain('You have not answered.');
      expect(texts.filter((t) => t === '(no answer)')).toHaveLength(2);
      expect(texts).toContain(questions[0]);
    });
  });
});
