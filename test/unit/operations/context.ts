import type { NetworkAggregate } from '../../../bot/domain/model';
import type { Actor, OperationContext } from '../../../bot/changes/operation';
import { aMeeting, aNetwork, aParticipant } from '../../support/fixtures';

// A small network held in memory, and who acts in it: the operations need nothing else.

export const LENE: Actor = { userId: 'u-lene', name: 'Lene Holm' };
export const JENS: Actor = { userId: 'u-jens', name: 'Jens J.' };
export const HELLE: Actor = { userId: 'u-helle', name: 'Helle Hansen', email: 'helle@kommune.example' };
export const BIRGITTE: Actor = { userId: 'u-birgitte', name: 'Birgitte Krogh' };
export const ULLA: Actor = { userId: 'u-ulla', name: 'Ulla Udenfor' };

export function aNetworkAggregate(): NetworkAggregate {
  return {
    network: aNetwork({
      leader: { name: 'Lene Holm', userId: 'u-lene', email: 'lene@kommune.example' },
      referenceLeader: { name: 'Birgitte Krogh', userId: 'u-birgitte' },
    }),
    themeRevisions: [], subthemes: [], assignments: [], agendas: [], summaries: [], reflections: [], ideas: [], analysisNotes: [], bookings: [],
    participants: [
      aParticipant({ id: 'p-jens', name: 'Jens Jensen', userId: 'u-jens', email: 'jens@kommune.example' }),
      aParticipant({ id: 'p-helle', name: 'Helle Hansen', userId: undefined, email: 'Helle@Kommune.example' }),
    ],
    meetings: [aMeeting({ id: 'm1', reflectionQuestions: ['Hvad tager du med?'] }), aMeeting({ id: 'm2', number: 2, date: '2027-02-17', closedAt: '2027-02-18T10:00:00Z' })],
    analysisCategories: [{ id: 'c1', title: 'Paradokser', order: 0 }],
  };
}

let ids = 0;
export function as(actor: Actor, aggregate = aNetworkAggregate()): OperationContext {
  return { aggregate, actor, now: new Date('2027-01-20T12:00:00Z'), newId: () => `new-${++ids}` };
}

/** The outcome's refusal reason, or 'ok'. */
export const reasonOf = (outcome: { ok: boolean; reason?: string }) => (outcome.ok ? 'ok' : outcome.reason);
