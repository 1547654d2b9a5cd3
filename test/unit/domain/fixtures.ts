import type { Assignment, Meeting, NetworkAggregate, Participant } from '../../../bot/domain/model';

export function participant(id: string, overrides: Partial<Participant> = {}): Participant {
  return {
    id,
    name: `Deltager ${id}`,
    kind: 'core',
    role: 'employee',
    unit: 'Social og Sundhed',
    competenceAreas: ['professionalExpertise'],
    customCompetences: [],
    ...overrides,
  };
}

export function meeting(id: string, number: number, date: string, overrides: Partial<Meeting> = {}): Meeting {
  return {
    id,
    number,
    closing: false,
    title: '',
    date,
    start: '09:00',
    end: '12:00',
    location: 'Rådhuset, lokale 129',
    online: false,
    purpose: '',
    preparation: '',
    reflectionQuestions: [],
    calendarEventIds: {},
    ...overrides,
  };
}

export function assignment(meetingId: string, participantId: string): Assignment {
  return { meetingId, participantId, contribution: '', involvementForm: 'participant' };
}

/** A well-planned welfare network: 5 core participants, a citizen, 4 meetings and a closing meeting. */
export function plannedNetwork(): NetworkAggregate {
  const core = ['p1', 'p2', 'p3', 'p4', 'p5'];
  const participants = [
    participant('p1', { name: 'Helle Hansen', email: 'helle@kommune.dk', competenceAreas: ['professionalExpertise'] }),
    participant('p2', { name: 'Jens Jensen', role: 'manager', competenceAreas: ['resourcesAndBacking'] }),
    participant('p3', { name: 'Sara Nielsen', competenceAreas: ['publicAdministrationFrameworks'] }),
    participant('p4', { name: 'Ali Khan', email: 'ali@kommune.dk' }),
    participant('p5', { name: 'Mette Berg' }),
    participant('c1', { name: 'Søren Sørensen', kind: 'along', role: 'citizen', competenceAreas: [] }),
  ];
  const meetings = [
    meeting('m1', 1, '2026-03-16'),
    meeting('m2', 2, '2026-04-13'),
    meeting('m3', 3, '2026-05-11'),
    meeting('m4', 4, '2026-06-08'),
    meeting('m5', 5, '2026-06-29', { closing: true }),
  ];
  const assignments = meetings.flatMap((m) => core.map((p) => assignment(m.id, p)));
  assignments.push(assignment('m3', 'c1'));
  return {
    network: {
      id: 'n1',
      name: 'Ensomhed blandt ældre',
      type: 'welfare',
      status: 'planning',
      theme: 'Hvordan mindsker vi ensomhed blandt ældre borgere?',
      startDate: '2026-02-02',
      endDate: '2026-08-02',
      leader: { name: 'Anna Andersen', email: 'anna@kommune.dk' },
      createdAt: '2026-01-20T10:00:00Z',
    },
    themeRevisions: [],
    subthemes: [],
    participants,
    meetings,
    assignments,
    agendas: [],
    summaries: [],
    reflections: [],
    ideas: [],
    analysisCategories: [],
    analysisNotes: [],
    bookings: [],
  };
}
