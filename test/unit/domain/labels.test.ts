import {
  defaultReflectionQuestions,
  involvementFormLabel,
  meetingLabel,
  meetingSubject,
  roleLabel,
} from '../../../bot/domain/labels';
import { meeting, plannedNetwork } from './fixtures';

describe('meeting labels', () => {
  const { meetings } = plannedNetwork();

  it('numbers network meetings out of the whole series', () => {
    expect(meetingLabel(meetings[1]!, meetings, 'da')).toBe('Netværksmøde 2 af 5');
    expect(meetingLabel(meetings[1]!, meetings, 'en')).toBe('Network meeting 2 of 5');
  });

  it('calls the closing meeting by its name', () => {
    expect(meetingLabel(meetings[4]!, meetings, 'da')).toBe('Afsluttende møde');
    expect(meetingLabel(meetings[4]!, meetings, 'en')).toBe('Closing meeting');
  });

  it('keeps the numbering whole when a meeting is deleted', () => {
    const withoutSecond = meetings.filter((m) => m.id !== 'm2');
    expect(meetingLabel(meetings[3]!, withoutSecond, 'da')).toBe('Netværksmøde 3 af 4');
  });

  it('counts a meeting that is not saved yet', () => {
    expect(meetingLabel(meeting('new', 6, '2026-07-01'), meetings.slice(0, 4), 'da')).toBe('Netværksmøde 5 af 5');
  });

  it('adds the subtheme to the calendar subject', () => {
    expect(meetingSubject(meetings[0]!, meetings, 'da', 'Hvad er deleøkonomi?')).toBe(
      'Netværksmøde 1 af 5: Hvad er deleøkonomi?',
    );
    expect(meetingSubject(meetings[0]!, meetings, 'da', '  ')).toBe('Netværksmøde 1 af 5');
  });
});

describe('the handbook’s individual reflection questions', () => {
  it('asks the four questions in Danish', () => {
    expect(defaultReflectionQuestions('da')).toEqual([
      'Hvad kan du tage med fra i dag?',
      'Hvis du skulle fortælle dine kolleger noget fra i dag, hvad skulle det så være?',
      'Hvordan kan du bruge det, vi har gennemgået i dag, i forhold til at løse dine opgaver?',
      'Hvilke idéer opstod på mødet, og hvem er tovholder på at arbejde videre med dem uden for netværket?',
    ]);
  });

  it('asks the same four in English', () => {
    const questions = defaultReflectionQuestions('en');
    expect(questions).toHaveLength(4);
    expect(questions[0]).toBe('What can you take with you from today?');
  });
});

describe('labels for the vocabulary', () => {
  it('translates known involvement forms and leaves the leader’s own words alone', () => {
    expect(involvementFormLabel('focusGroup', 'da')).toBe('Fokusgruppe');
    expect(involvementFormLabel('Workshop m. borgere, facilitator', 'en')).toBe('Workshop m. borgere, facilitator');
    expect(roleLabel('relative', 'da')).toBe('Pårørende');
  });
});
