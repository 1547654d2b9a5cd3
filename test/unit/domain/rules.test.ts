import { checkNetworkRules, issuesForEntity } from '../../../bot/domain/rules';
import { localizeIssues } from '../../../bot/domain/validate';
import { assignment, meeting, participant, plannedNetwork } from './fixtures';

describe('rules across the network', () => {
  it('finds nothing wrong with a well-planned network', () => {
    expect(checkNetworkRules(plannedNetwork())).toEqual([]);
  });

  it('explains in Danish that a meeting lies after the network period', () => {
    const aggregate = plannedNetwork();
    aggregate.meetings.push(meeting('m6', 6, '2026-08-20'));
    const issues = checkNetworkRules(aggregate);
    expect(issues).toEqual([
      {
        path: 'meetings.m6.date',
        key: 'validation.meetingOutsidePeriod',
        params: { date: '20.08.2026', start: '02.02.2026', end: '02.08.2026' },
      },
    ]);
    expect(localizeIssues(issuesForEntity(issues, 'meetings', 'm6'), 'da')).toEqual([
      { path: 'date', message: 'Mødedatoen 20.08.2026 ligger uden for netværkets periode (02.02.2026–02.08.2026).' },
    ]);
  });

  it('requires the network to end after it starts', () => {
    const aggregate = plannedNetwork();
    aggregate.network.endDate = '2026-02-01';
    const issues = checkNetworkRules(aggregate).filter((i) => i.path.startsWith('network.'));
    expect(localizeIssues(issues, 'en')).toEqual([
      { path: 'network.endDate', message: 'The end date (01.02.2026) must be after the start date (02.02.2026).' },
    ]);
  });

  it('requires a meeting to end after it starts', () => {
    const aggregate = plannedNetwork();
    aggregate.meetings[0]!.end = '08:30';
    expect(checkNetworkRules(aggregate)).toEqual([
      { path: 'meetings.m1.end', key: 'validation.meetingEndBeforeStart', params: { start: '09:00', end: '08:30' } },
    ]);
  });

  it('allows each meeting number once and only one closing meeting', () => {
    const aggregate = plannedNetwork();
    aggregate.meetings.push(meeting('m7', 2, '2026-04-20'), meeting('m8', 8, '2026-07-01', { closing: true }));
    expect(checkNetworkRules(aggregate)).toEqual([
      { path: 'meetings.m7.number', key: 'validation.meetingNumberTaken', params: { number: 2 } },
      { path: 'meetings.m8.closing', key: 'validation.onlyOneClosingMeeting' },
    ]);
  });

  it('requires references to meetings, participants, subthemes and categories to exist', () => {
    const aggregate = plannedNetwork();
    aggregate.meetings[0]!.subthemeId = 'gone';
    aggregate.assignments.push(assignment('m404', 'p404'));
    aggregate.ideas.push({ id: 'i1', text: 'Bytteri', meetingId: 'm404', raisedBy: { name: 'Helle' }, status: 'parked', createdAt: '2026-03-16T12:00:00Z' });
    aggregate.analysisNotes.push({ id: 'a1', categoryId: 'c404', text: 'Ledigt lokale', author: { name: 'Helle' }, priority: 'open' });
    expect(checkNetworkRules(aggregate).map((i) => `${i.path} ${i.key}`)).toEqual([
      'meetings.m1.subthemeId validation.unknownSubtheme',
      'assignments.m404:p404.meetingId validation.unknownMeeting',
      'assignments.m404:p404.participantId validation.unknownParticipant',
      'ideas.i1.meetingId validation.unknownMeeting',
      'analysisNotes.a1.categoryId validation.unknownCategory',
    ]);
  });

  it('allows an e-mail address only once among the participants, whatever the case', () => {
    const aggregate = plannedNetwork();
    aggregate.participants.push(participant('p9', { email: 'Helle@Kommune.dk' }));
    expect(checkNetworkRules(aggregate)).toEqual([
      { path: 'participants.p9.email', key: 'validation.emailTaken', params: { email: 'helle@kommune.dk' } },
    ]);
  });
});
