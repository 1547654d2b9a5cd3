import { buildAgendaCard } from '../../../bot/agenda/card';
import { buildIdeaLotCard, IDEA_VERBS } from '../../../bot/ideas/card';
import { buildNetworkChoiceCard } from '../../../bot/actions/chooseNetwork';
import { buildReflectionCard } from '../../../bot/reflections/card';
import type { AdaptiveCard } from '../../../bot/cards/shared';
import type { Locale } from '../../../bot/i18n';
import type { AgendaItem, Idea, Meeting } from '../../../bot/domain/model';
import { meeting, plannedNetwork } from '../domain/fixtures';
import { danishText, idea, mixedIdeas } from './cardKit';

// Every card variant the app sends, built from user text that `say` writes: plain words for the
// validity tests, hostile text for the injection tests.

export type Say = (label: string) => string;
export const plain: Say = (label) => label;

export interface Variant {
  name: string;
  card: AdaptiveCard;
}

function series(say: Say): Meeting[] {
  return plannedNetwork().meetings.map((m) => ({
    ...m,
    location: say(`Lokale ${m.number}`),
    purpose: say(`Formål ${m.number}`),
  }));
}

const items = (say: Say, count: number): AgendaItem[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `i${i}`,
    time: `${String(9 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`,
    content: say(`Punkt ${i + 1}`),
    process: say(`Proces ${i + 1}`),
    purpose: say(`Udbytte ${i + 1}`),
  }));

const freeIdeas = (say: Say, count: number): Idea[] =>
  Array.from({ length: count }, (_, i) => idea(`free${i}`, { text: say(`Idé uden tovholder ${i + 1}`) }));

export function agendaVariants(locale: Locale, say: Say = plain): Variant[] {
  const meetings = series(say);
  const m2 = meetings[1]!;
  const network = { id: 'n1', name: say('Ensomhed blandt ældre') };
  const base = { network, meetings, locale, ideasWithoutOwner: [] as Idea[] };
  return [
    { name: 'agenda with items', card: buildAgendaCard({ ...base, meeting: m2, subtheme: { title: say('Hvad er deleøkonomi?') }, agenda: { items: items(say, 5) }, planUrl: 'https://teams.microsoft.com/l/entity/plan' }) },
    { name: 'agenda without items', card: buildAgendaCard({ ...base, meeting: { ...m2, purpose: '' }, agenda: { items: [] } }) },
    { name: 'agenda with preparation, online', card: buildAgendaCard({ ...base, meeting: { ...m2, online: true, preparation: say('Læs rapporten') }, agenda: { items: items(say, 2) } }) },
    { name: 'agenda with 3 ideas without owner', card: buildAgendaCard({ ...base, meeting: m2, agenda: { items: items(say, 1) }, ideasWithoutOwner: freeIdeas(say, 3) }) },
    { name: 'agenda with 20 ideas without owner', card: buildAgendaCard({ ...base, meeting: m2, agenda: { items: items(say, 1) }, ideasWithoutOwner: freeIdeas(say, 20) }) },
    { name: 'agenda of the closing meeting, place to follow', card: buildAgendaCard({ ...base, meeting: { ...meetings[4]!, location: '' }, agenda: { items: items(say, 1) } }) },
  ];
}

export function reflectionVariants(locale: Locale, say: Say = plain): Variant[] {
  const meetings = series(say);
  const m2 = meetings[1]!;
  const questions = [say('Hvad tager du med?'), say('Hvad fortæller du kollegerne?')];
  const reflection = {
    answers: questions.map((question, i) => ({ question, answer: say(`Svar ${i + 1}`) })),
    shared: false,
    submittedAt: '2026-04-13T11:30:00.000Z',
  };
  const base = { network: { id: 'n1', name: say('Ensomhed blandt ældre') }, meeting: m2, meetings, subtheme: { title: say('Deleøkonomi') }, questions, locale, refreshUserIds: ['u-1'] };
  return [
    { name: 'reflection form, unanswered', card: buildReflectionCard({ ...base, mode: 'form' }) },
    { name: 'reflection form, editing an answer', card: buildReflectionCard({ ...base, mode: 'form', reflection: { ...reflection, shared: true } }) },
    { name: 'reflection form with a notice', card: buildReflectionCard({ ...base, mode: 'form', notice: { text: say('Husk at svare'), color: 'attention' } }) },
    { name: 'reflection answered, private', card: buildReflectionCard({ ...base, mode: 'answered', reflection }) },
    { name: 'reflection answered, shared, blank answer', card: buildReflectionCard({ ...base, mode: 'answered', reflection: { ...reflection, shared: true, answers: [reflection.answers[0]!, { question: questions[1]!, answer: '' }] } }) },
    { name: 'reflection closed with notice', card: buildReflectionCard({ ...base, meeting: { ...m2, closedAt: '2026-04-20T10:00:00.000Z' }, mode: 'closed', reflection, notice: { text: say('Mødet er lukket') } }) },
    { name: 'reflection closed, never answered', card: buildReflectionCard({ ...base, mode: 'closed' }) },
  ];
}

export function ideaLotVariants(locale: Locale, say: Say = plain): Variant[] {
  const ideas = mixedIdeas().map((i) => ({
    ...i,
    text: say(i.text),
    raisedBy: { ...i.raisedBy, name: say(i.raisedBy.name) },
    ...(i.owner ? { owner: { ...i.owner, name: say(i.owner.name) } } : {}),
  }));
  const network = { id: 'n1', name: say('Ensomhed blandt ældre') };
  const many = Array.from({ length: 200 }, (_, i) =>
    idea(`many${i}`, { text: say(danishText(1000, `#${i} `)), status: (['parked', 'takenOn', 'tested', 'dropped'] as const)[i % 4], ...(i % 3 ? { owner: { name: say(`Ejer ${i}`), userId: `u${i}` } } : {}) }),
  );
  return [
    { name: 'idea lot, leader view', card: buildIdeaLotCard({ network, ideas, locale, viewer: { isLeader: true, userId: 'u-leader' }, refreshUserIds: ['u-leader', 'u-co'] }) },
    { name: 'idea lot, participant view', card: buildIdeaLotCard({ network, ideas, locale, viewer: { isLeader: false, userId: 'u-viewer' } }) },
    { name: 'idea lot, empty', card: buildIdeaLotCard({ network, ideas: [], locale, viewer: { isLeader: false } }) },
    { name: 'idea lot with a notice and plan link', card: buildIdeaLotCard({ network, ideas, locale, viewer: { isLeader: true }, notice: say('Idéen er parkeret'), planUrl: 'https://teams.microsoft.com/l/entity/plan' }) },
    { name: 'idea lot, 200 long ideas, leader view', card: buildIdeaLotCard({ network, ideas: many, locale, viewer: { isLeader: true, userId: 'u1' }, refreshUserIds: ['u-leader'] }) },
    { name: 'idea lot, 200 long ideas, participant view', card: buildIdeaLotCard({ network, ideas: many, locale, viewer: { isLeader: false, userId: 'u1' } }) },
  ];
}

function networkChoiceVariants(locale: Locale, say: Say): Variant[] {
  const networks = Array.from({ length: 5 }, (_, i) => ({ id: `n${i}`, name: say(`Netværk ${i + 1}`) }));
  return [{ name: 'which network? (5 networks)', card: buildNetworkChoiceCard({ networks, verb: IDEA_VERBS.refresh, command: say('idéer'), locale }) }];
}

export const allVariants = (locale: Locale, say: Say = plain): Variant[] => [
  ...agendaVariants(locale, say),
  ...reflectionVariants(locale, say),
  ...ideaLotVariants(locale, say),
  ...networkChoiceVariants(locale, say),
];

/** The largest cards the stored data allows (schema maxima), for the size limit. */
export function largestCards(locale: Locale): Variant[] {
  const m = meeting('m1', 1, '2026-03-16', { purpose: danishText(4000), preparation: danishText(4000), location: danishText(200) });
  const agendaItems: AgendaItem[] = Array.from({ length: 40 }, (_, i) => ({
    id: `i${i}`,
    time: '09:00',
    content: danishText(1000, `${i} `),
    process: danishText(4000, `${i} `),
    purpose: danishText(1000, `${i} `),
  }));
  const manyIdeas = Array.from({ length: 200 }, (_, i) =>
    idea(`x${i}`, { text: danishText(1000, `${i} `), raisedBy: { name: danishText(120) }, ...(i % 2 ? { owner: { name: danishText(120), userId: `u${i}` } } : {}) }),
  );
  const onlyØ = (length: number) => 'ø'.repeat(length);
  const network = { id: 'n1', name: danishText(120) };
  const questions = Array.from({ length: 10 }, (_, i) => danishText(1000, `${i} `));
  const reflection = { answers: questions.map((question) => ({ question, answer: danishText(4000) })), shared: true, submittedAt: '2026-03-16T12:00:00.000Z' };
  const reflectionBase = { network, meeting: m, meetings: [m], subtheme: { title: danishText(200) }, questions, reflection, locale, refreshUserIds: Array.from({ length: 60 }, (_, i) => `u${i}`) };
  return [
    { name: '40-item agenda, 4000-char process texts, 200 ideas', card: buildAgendaCard({ network, meeting: m, meetings: [m], subtheme: { title: danishText(200) }, agenda: { items: agendaItems }, ideasWithoutOwner: manyIdeas, locale }) },
    { name: '40-item agenda of nothing but multi-byte text', card: buildAgendaCard({ network, meeting: { ...m, purpose: onlyØ(4000), preparation: onlyØ(4000) }, meetings: [m], agenda: { items: agendaItems.map((item) => ({ ...item, content: onlyØ(1000), process: onlyØ(4000), purpose: onlyØ(1000) })) }, ideasWithoutOwner: manyIdeas.map((i) => ({ ...i, text: onlyØ(1000) })), locale }) },
    { name: 'idea lot of 200 ideas of 1000 chars, leader view', card: buildIdeaLotCard({ network, ideas: manyIdeas, locale, viewer: { isLeader: true, userId: 'u3' }, refreshUserIds: Array.from({ length: 60 }, (_, i) => `u${i}`) }) },
    { name: 'idea lot of 200 ideas of nothing but multi-byte text', card: buildIdeaLotCard({ network, ideas: manyIdeas.map((i) => ({ ...i, text: onlyØ(1000) })), locale, viewer: { isLeader: true } }) },
    { name: 'reflection form, 10 questions answered at full length', card: buildReflectionCard({ ...reflectionBase, mode: 'form' }) },
    { name: 'reflection read back, 10 questions answered at full length', card: buildReflectionCard({ ...reflectionBase, mode: 'answered' }) },
  ];
}
