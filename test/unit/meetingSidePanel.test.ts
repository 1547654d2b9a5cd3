import type { AgendaItem, Meeting } from '../../bot/domain/model';
import { t, type MessageKey, type MessageParams } from '../../bot/i18n';
import { agendaMoment, copenhagenClock, endClock, meetingAtHand, untilNextMinute } from '../../tabs/src/meeting/atHand';
import { questionsState } from '../../tabs/src/meeting/questions';
import { isSidePanel, sidePanelAsked } from '../../tabs/src/meeting/view';
import type { ParticipantStatus, ReflectionStatus } from '../../tabs/src/shell/networkApi';

// The meeting side panel's rules (tabs/src/meeting/): which network meeting is at hand and which agenda item is on now,
// both by the clock in Copenhagen (summer and winter time alike), and how the reflection questions stand, in words.

const meeting = (id: string, date: string, start = '09:00', end = '12:00', more: Partial<Meeting> = {}): Meeting => ({
  id,
  number: 1,
  closing: false,
  title: id,
  date,
  start,
  end,
  location: '',
  online: false,
  purpose: '',
  preparation: '',
  reflectionQuestions: [],
  calendarEventIds: {},
  ...more,
});
const item = (id: string, time: string, content = id): AgendaItem => ({ id, time, content, process: '', purpose: '' });
/** A moment in Copenhagen on 17.03.2027 (winter time, UTC+1) or 16.06.2027 (summer time, UTC+2). */
const winter = (clock: string) => new Date(`2027-03-17T${clock}:00+01:00`);
const summer = (clock: string) => new Date(`2027-06-16T${clock}:00+02:00`);

describe('the meeting at hand', () => {
  const series = [meeting('m1', '2027-02-10'), meeting('m2', '2027-03-17', '09:00', '12:00'), meeting('m3', '2027-04-14'), meeting('closing', '2027-05-12')];

  test("today's meeting, all day long — before, during and after it", () => {
    for (const clock of ['06:00', '10:30', '18:00', '23:59']) expect(meetingAtHand(series, winter(clock))?.id).toBe('m2');
  });

  test('no meeting today: the next one; the series over: the last one; no meetings: none', () => {
    expect(meetingAtHand(series, new Date('2027-03-18T08:00:00+01:00'))?.id).toBe('m3');
    expect(meetingAtHand(series, new Date('2027-01-01T08:00:00+01:00'))?.id).toBe('m1');
    expect(meetingAtHand(series, new Date('2027-06-01T08:00:00+02:00'))?.id).toBe('closing');
    expect(meetingAtHand([], winter('10:00'))).toBeUndefined();
  });

  test('the date is Copenhagen’s, not UTC’s: 00:30 on the meeting day is already the meeting day', () => {
    // 23:30 UTC on 16.03 is 00:30 on 17.03 in Copenhagen.
    expect(meetingAtHand(series, new Date('2027-03-16T23:30:00Z'))?.id).toBe('m2');
    expect(copenhagenClock(new Date('2027-03-16T23:30:00Z'))).toEqual({ date: '2027-03-17', minutes: 30 });
    expect(copenhagenClock(summer('14:05'))).toEqual({ date: '2027-06-16', minutes: 14 * 60 + 5 });
  });

  test('two meetings on one day: the one on now or still to come, else the last one held', () => {
    const day = [meeting('afternoon', '2027-03-17', '13:00', '15:00'), meeting('morning', '2027-03-17', '09:00', '11:00')];
    expect(meetingAtHand(day, winter('08:00'))?.id).toBe('morning');
    expect(meetingAtHand(day, winter('10:59'))?.id).toBe('morning');
    expect(meetingAtHand(day, winter('11:00'))?.id).toBe('afternoon');
    expect(meetingAtHand(day, winter('16:00'))?.id).toBe('afternoon');
  });
});

describe('the agenda item on now', () => {
  const m = meeting('m', '2027-06-16', '09:00', '12:00');
  // Out of order on purpose: the agenda is read in the order of the day.
  const items = [item('lunch', '11:30'), item('welcome', '09:00'), item('talk', '09:15'), item('groups', '10:00')];
  const at = (clock: string) => agendaMoment(items, m, summer(clock));

  test('each item runs until the next one begins; the last until the meeting ends', () => {
    expect(at('09:00')).toMatchObject({ phase: 'during', current: { id: 'welcome' }, until: '09:15', next: { id: 'talk' } });
    expect(at('09:14')).toMatchObject({ phase: 'during', current: { id: 'welcome' } });
    expect(at('09:15')).toMatchObject({ phase: 'during', current: { id: 'talk' }, until: '10:00', next: { id: 'groups' } });
    expect(at('11:59')).toMatchObject({ phase: 'during', current: { id: 'lunch' }, until: '12:00' });
    expect(at('11:59')).not.toHaveProperty('next');
  });

  test('before the first item: none is on, the first is next; after the end: none', () => {
    expect(at('08:45')).toEqual({ phase: 'before', next: expect.objectContaining({ id: 'welcome' }) });
    expect(at('12:00')).toEqual({ phase: 'after' });
    expect(at('20:00')).toEqual({ phase: 'after' });
  });

  test('another day: nothing is on, whatever the clock says', () => {
    expect(agendaMoment(items, m, winter('10:00'))).toEqual({ phase: 'otherDay' });
    expect(agendaMoment(items, { ...m, date: '2027-06-17' }, summer('10:00'))).toEqual({ phase: 'otherDay' });
  });

  test('a meeting that really ended early (Teams, or the leader sent the questions) is over, with its real end', () => {
    const ended = { ...m, endedAt: '2027-06-16T09:40:00.000Z' }; // 11:40 in Copenhagen
    expect(agendaMoment(items, ended, summer('11:39'))).toMatchObject({ phase: 'during', current: { id: 'lunch' } });
    expect(agendaMoment(items, ended, summer('11:40'))).toEqual({ phase: 'after' });
    expect(endClock(ended)).toBe('11:40');
    expect(endClock(m)).toBe('12:00');
  });

  test('two items at the same time: the later in the list is the one on', () => {
    const twins = [item('a', '10:00'), item('b', '10:00'), item('c', '10:30')];
    expect(agendaMoment(twins, m, summer('10:10'))).toMatchObject({ current: { id: 'b' }, next: { id: 'c' } });
  });

  test('no agenda: on or not by the meeting’s own times', () => {
    expect(agendaMoment([], m, summer('08:00'))).toEqual({ phase: 'before' });
    expect(agendaMoment([], m, summer('10:00'))).toEqual({ phase: 'on' });
    expect(agendaMoment([], m, summer('12:30'))).toEqual({ phase: 'after' });
  });

  test('the panel moves on at the next whole minute', () => {
    expect(untilNextMinute(new Date('2027-06-16T08:29:30.000Z'))).toBe(30_000);
    expect(untilNextMinute(new Date('2027-06-16T08:30:00.000Z'))).toBe(60_000);
  });
});

describe('which view the plan page shows', () => {
  const context = (frameContext: string) => ({ context: { page: { frameContext } } }) as never;
  test("Teams' side panel, or ?view=sidepanel in a browser; the channel tab and the stage show the plan", () => {
    expect(isSidePanel(context('sidePanel'), '')).toBe(true);
    expect(isSidePanel({}, '?networkId=n&view=sidepanel')).toBe(true);
    expect(isSidePanel(context('content'), '?networkId=n')).toBe(false);
    expect(isSidePanel({}, '?view=print')).toBe(false);
    expect(sidePanelAsked('?view=sidepanel')).toBe(true);
  });
});

describe('the reflection questions in words', () => {
  const da = (key: MessageKey, params?: MessageParams) => t('da', key, params);
  const person = (name: string, more: Partial<ParticipantStatus> = {}): ParticipantStatus => ({
    participantId: name,
    name,
    hasTeams: true,
    reach: 'ok',
    answered: false,
    shared: false,
    ...more,
  });
  const status = (questions: ReflectionStatus['questions'], participants: ParticipantStatus[], more: Partial<ReflectionStatus> = {}): ReflectionStatus => ({
    meetingId: 'm',
    questions,
    participants,
    ...more,
  });
  const people = [person('Jens Jensen'), person('Omar Ali'), person('Helle Hansen', { hasTeams: false, reach: 'noTeamsUser' }), person('Bo Berg', { reach: 'notInTeam' })];
  const now = new Date('2027-06-16T08:00:00Z');

  test('due at the planned end: when, and to how many of those asked; who cannot be reached, and why', () => {
    const said = questionsState(status({ state: 'due', at: '2027-06-16T10:00:00Z' }, people), da, 'da', now);
    expect(said).toMatchObject({ state: 'due', reachable: 2, total: 4, settled: true });
    expect(said.text).toBe('Spørgsmålene går automatisk ud 16.06.2027 kl. 12:00, når mødet slutter efter planen – til 2 af 4 deltagere.');
    expect(said.unreachable).toEqual(['Kan ikke nås – ingen Teams-bruger: Helle Hansen.', 'Kan ikke nås – ikke med i netværkets team: Bo Berg.']);
  });

  test('due now (just ended): on their way; then sent, counted as the prompts go out', () => {
    expect(questionsState(status({ state: 'due', at: '2027-06-16T08:00:00Z' }, people), da, 'da', now)).toMatchObject({
      state: 'underWay',
      text: 'Spørgsmålene er på vej til 2 af 4 deltagere.',
      settled: false,
    });
    const sending = people.map((p, i) => (i === 0 ? { ...p, prompt: { state: 'done' as const, outcome: 'sent' as const, dueAt: '', attempts: 1 } } : i === 1 ? { ...p, prompt: { state: 'pending' as const, dueAt: '', attempts: 0 } } : p));
    expect(questionsState(status({ state: 'asked' }, sending), da, 'da', now)).toMatchObject({ text: 'Spørgsmålene er på vej: sendt til 1 af 4 deltagere indtil nu.', settled: false });
    const sent = sending.map((p) => (p.prompt ? { ...p, prompt: { state: 'done' as const, outcome: 'sent' as const, dueAt: '', attempts: 1 } } : p));
    expect(questionsState(status({ state: 'asked' }, sent), da, 'da', now)).toMatchObject({ text: 'Spørgsmålene er sendt til 2 af 4 deltagere.', settled: true });
  });

  test('ended now by the leader: on their way at once, although the status still names the planned end', () => {
    const planned = status({ state: 'due', at: '2027-06-16T10:00:00Z' }, people);
    expect(questionsState(planned, da, 'da', now, '2027-06-16T07:59:00Z')).toMatchObject({ state: 'underWay', settled: false });
    expect(questionsState(planned, da, 'da', now)).toMatchObject({ state: 'due' });
  });

  test('a closed meeting sends none, and says so — in English too', () => {
    expect(questionsState(status({ state: 'closed' }, people, { closedAt: '2027-06-16T11:00:00Z' }), da, 'da', now).text).toBe(
      'Mødet er lukket for refleksioner, så der sendes ingen spørgsmål.',
    );
    const en = (key: MessageKey, params?: MessageParams) => t('en', key, params);
    expect(questionsState(status({ state: 'due', at: '2027-06-16T10:00:00Z' }, [person('Jens Jensen')]), en, 'en', now).text).toBe(
      'The questions go out by themselves on 16.06.2027 at 12:00, when the meeting ends as planned – to 1 of 1 participant.',
    );
  });
});
