import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { ZONE } from '../../bot/domain/dates';
import type { Agenda, Assignment, Idea, Meeting, Network, NetworkAggregate, Participant, Reflection, Subtheme, Summary } from '../../bot/domain/model';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import type { ConversationStore } from '../../bot/storage/conversationStore';
import { exampleRows } from '../../scripts/examples';

// The networks the benchmarks need, built as aggregates and turned into rows the way the API and
// the example seeding write them (exampleRows: same kinds, keys and member index rows).

export const TENANT = 'tenant-bench';
export const BOT = { id: '28:netvaerk-bot', name: 'Netværk' };
const lene = findDevIdentity('lene')!;

export const today = () => DateTime.now().setZone(ZONE).startOf('day');
export const isoDay = (d: DateTime) => d.toISODate()!;

export function emptyAggregate(network: Network): NetworkAggregate {
  return {
    network, themeRevisions: [], subthemes: [], participants: [], meetings: [], assignments: [], agendas: [], summaries: [],
    reflections: [], ideas: [], analysisCategories: [], analysisNotes: [], bookings: [],
  };
}

export function aNetwork(overrides: Partial<Network> = {}): Network {
  return {
    id: randomUUID(),
    name: 'Benchmark-netværk',
    type: 'learning',
    status: 'running',
    theme: 'Hvordan samarbejder forvaltningerne om borgerens forløb?',
    startDate: isoDay(today().minus({ days: 30 })),
    endDate: isoDay(today().plus({ days: 150 })),
    leader: { name: lene.name, userId: lene.userId, email: lene.email },
    createdAt: new Date().toISOString(),
    locale: 'da',
    ...overrides,
  };
}

export function aParticipant(i: number, overrides: Partial<Participant> = {}): Participant {
  return {
    id: randomUUID(),
    name: `Deltager ${String(i).padStart(4, '0')}`,
    kind: 'core',
    role: 'employee',
    unit: ['ØS', 'SPO', 'BUF', 'TM', 'SUN'][i % 5]!,
    email: `deltager.${i}@kommune.example`,
    competenceAreas: ['professionalExpertise'],
    customCompetences: [],
    ...overrides,
  };
}

export function aMeeting(number: number, date: string, overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: randomUUID(),
    number,
    closing: false,
    title: `Netværksmøde ${number}`,
    date,
    start: '09:00',
    end: '12:00',
    location: 'Rådhuset, lokale 129',
    online: false,
    purpose: 'Vi deler viden og aftaler næste skridt',
    preparation: 'Læs materialet fra sidste møde',
    reflectionQuestions: [],
    calendarEventIds: {},
    ...overrides,
  };
}

const agendaFor = (meetingId: string, items = 6): Agenda => ({
  meetingId,
  daysBeforeToPost: 7,
  items: Array.from({ length: items }, (_, i) => ({
    id: `i${i}`,
    time: `${String(9 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
    content: `Punkt ${i + 1}: oplæg og drøftelse af erfaringer fra forvaltningerne`,
    process: 'Oplæg, derefter gruppedrøftelse',
    purpose: 'Fælles billede af udfordringen',
  })),
});

const sentence = (n: number) =>
  'Vi talte om hvordan borgerens forløb kan hænge bedre sammen på tværs af forvaltningerne, og hvad der skal til. '.repeat(n).trim();

/**
 * The fan-out network: `count` core participants with a Teams identity, one meeting that ended
 * yesterday (so its reflection round is due now), and for each participant the 1:1 chat the bot
 * already has with them (they wrote to the bot once) — the common case; a participant without one
 * would first get a chat opened (one more request under the same tenant limit).
 */
export async function seedFanOut(
  store: { commit: (id: string, rows: ReturnType<typeof exampleRows>) => Promise<unknown> },
  conversations: ConversationStore,
  count: number,
  serviceUrl: string,
): Promise<{ network: Network; meeting: Meeting; participants: Participant[]; conversationIds: string[] }> {
  const network = aNetwork({ name: `Fan-out ${count}` });
  const meeting = aMeeting(1, isoDay(today().minus({ days: 1 })));
  const participants = Array.from({ length: count }, (_, i) => aParticipant(i, { userId: `aad-fanout-${i}` }));
  const aggregate = { ...emptyAggregate(network), meetings: [meeting], participants };
  await store.commit(network.id, exampleRows(aggregate));
  const conversationIds = participants.map((_, i) => `a:fanout-${i}`);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < participants.length) {
        const i = next++;
        const id = conversationIds[i]!;
        await conversations.remember({
          conversationId: id,
          conversationType: 'personal',
          tenantId: TENANT,
          userAadObjectId: participants[i]!.userId,
          locale: 'da',
          reference: {
            channelId: 'msteams',
            serviceUrl,
            bot: BOT,
            user: { id: `29:fanout-${i}`, name: participants[i]!.name, aadObjectId: participants[i]!.userId },
            conversation: { id, conversationType: 'personal', tenantId: TENANT, isGroup: false, name: '' },
          },
        });
      }
    }),
  );
  return { network, meeting, participants, conversationIds };
}

export interface LargeShape {
  participants: number;
  meetings: number;
  ideas: number;
  /** Reflections per meeting (each by a different participant). */
  reflectionsPerMeeting: number;
}

/**
 * A large network: every participant on every meeting in the planning tool, an agenda and a plenary
 * summary per meeting, `reflectionsPerMeeting` reflections for each meeting, and the ideas.
 */
export function largeNetwork(shape: LargeShape): NetworkAggregate {
  const network = aNetwork({ name: `Stort netværk ${shape.participants}×${shape.meetings}` });
  const subthemes: Subtheme[] = Array.from({ length: 4 }, (_, i) => ({ id: randomUUID(), title: `Undertema ${i + 1}`, description: sentence(1), order: i }));
  const core = Math.min(12, shape.participants);
  const participants = Array.from({ length: shape.participants }, (_, i) =>
    aParticipant(i, { kind: i < core ? 'core' : 'along', userId: `aad-large-${i}`, customCompetences: i % 3 ? [] : ['Borgerinddragelse'] }),
  );
  const first = today().minus({ days: 20 });
  const meetings = Array.from({ length: shape.meetings }, (_, i) =>
    aMeeting(i + 1, isoDay(first.plus({ days: i * 14 })), { subthemeId: subthemes[i % subthemes.length]!.id, closing: i === shape.meetings - 1 }),
  );
  const assignments: Assignment[] = meetings.flatMap((m) =>
    participants.map((p, i) => ({ meetingId: m.id, participantId: p.id, contribution: `Bidrager med erfaringer fra ${p.unit} (${i})`, involvementForm: i % 4 ? 'participant' : 'presentation' })),
  );
  const agendas = meetings.map((m) => agendaFor(m.id));
  const summaries: Summary[] = meetings.map((m) => ({
    meetingId: m.id, themeAndPotentials: sentence(2), statementsAndKnowledge: sentence(2), contactsForKnowledge: sentence(1),
    potentials: sentence(1), keyLearningPoints: sentence(2), waysToUseLearning: sentence(1),
  }));
  const reflections: Reflection[] = meetings.flatMap((m) =>
    participants.slice(0, shape.reflectionsPerMeeting).map((p, i) => ({
      meetingId: m.id,
      participantId: p.id,
      answers: [
        { question: 'Hvad kan du tage med fra i dag?', answer: sentence(2) },
        { question: 'Hvad vil du afprøve?', answer: sentence(1) },
      ],
      shared: i % 2 === 0,
      submittedAt: new Date().toISOString(),
    })),
  );
  const ideas: Idea[] = Array.from({ length: shape.ideas }, (_, i) => ({
    id: randomUUID(),
    text: `Idé ${i + 1}: ${sentence(1)}`,
    meetingId: meetings[i % meetings.length]!.id,
    raisedBy: { name: participants[i % participants.length]!.name, userId: participants[i % participants.length]!.userId },
    status: (['parked', 'takenOn', 'tested', 'dropped'] as const)[i % 4],
    createdAt: new Date().toISOString(),
  }));
  return { ...emptyAggregate(network), subthemes, participants, meetings, assignments, agendas, summaries, reflections, ideas };
}

/** The network the bot-turn benchmark talks about: `count` participants, meeting 1 ended yesterday, meeting 2 next week with an agenda. */
export function latencyNetwork(count: number): { aggregate: NetworkAggregate; users: { aadObjectId: string; name: string }[] } {
  const network = aNetwork({ name: 'Svartid' });
  const participants = Array.from({ length: count }, (_, i) => aParticipant(i, { kind: i < 6 ? 'core' : 'along', userId: `aad-latency-${i}` }));
  const meetings = [aMeeting(1, isoDay(today().minus({ days: 1 }))), ...Array.from({ length: 5 }, (_, i) => aMeeting(i + 2, isoDay(today().plus({ days: 7 + i * 14 }))))];
  const assignments: Assignment[] = participants.slice(6).map((p) => ({ meetingId: meetings[0]!.id, participantId: p.id, contribution: 'Deltager', involvementForm: 'participant' }));
  const aggregate = { ...emptyAggregate(network), participants, meetings, assignments, agendas: meetings.map((m) => agendaFor(m.id)) };
  return { aggregate, users: participants.map((p) => ({ aadObjectId: p.userId!, name: p.name })) };
}

/** Other networks in the same table, as a municipality has them (the "my networks" scan reads them all). */
export function fillerNetwork(i: number, participants = 10): NetworkAggregate {
  const network = aNetwork({ name: `Andet netværk ${i}` });
  return {
    ...emptyAggregate(network),
    participants: Array.from({ length: participants }, (_, j) => aParticipant(j, { userId: `aad-filler-${i}-${j}`, email: `filler.${i}.${j}@kommune.example` })),
    meetings: [aMeeting(1, isoDay(today().plus({ days: 10 + i })))],
  };
}

export { exampleRows };
