import { randomUUID } from 'node:crypto';
import type { Meeting, Network, Participant } from '../../bot/domain/model';

export function aNetwork(overrides: Partial<Network> = {}): Network {
  return {
    id: randomUUID(),
    name: 'Socialøkonomiske virksomheder',
    type: 'learning',
    status: 'planning',
    theme: 'Hvordan kan kommunen støtte socialøkonomiske virksomheder?',
    startDate: '2027-01-04',
    endDate: '2027-07-04',
    leader: { name: 'Lene Holm', userId: 'leader-1', email: 'lene@kommune.example' },
    createdAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

export function aParticipant(overrides: Partial<Participant> = {}): Participant {
  return {
    id: randomUUID(),
    name: 'Jens Jensen',
    kind: 'core',
    role: 'employee',
    unit: 'ØS',
    email: `jens.${Math.random().toString(36).slice(2, 7)}@kommune.example`,
    competenceAreas: ['professionalExpertise'],
    customCompetences: [],
    ...overrides,
  };
}

export function aMeeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: randomUUID(),
    number: 1,
    closing: false,
    title: 'Velkommen til netværket',
    date: '2027-01-20',
    start: '09:00',
    end: '12:00',
    location: 'Rådhuset, lokale 129',
    online: false,
    purpose: 'Vi lærer hinanden og temaet at kende',
    preparation: '',
    reflectionQuestions: [],
    calendarEventIds: {},
    ...overrides,
  };
}
