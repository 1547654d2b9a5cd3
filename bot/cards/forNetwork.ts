import type { Locale } from '../i18n';
import type { Meeting, NetworkAggregate, Participant } from '../domain/model';
import { defaultReflectionQuestions } from '../domain/labels';
import { ideasWithoutOwner } from '../domain/series';
import { buildAgendaCard } from './agendaCard';
import { buildIdeaLotCard } from '../ideas/card';
import { buildAnalysisCard } from '../analysis/card';
import { buildReflectionCard, type ReflectionCardInput } from '../reflections/card';

// The cards of one network, assembled from its stored state: what the scheduler posts and what the
// card actions answer with are always built the same way.

const subthemeOf = (aggregate: NetworkAggregate, meeting: Meeting) => aggregate.subthemes.find((s) => s.id === meeting.subthemeId);

export function agendaCardFor(aggregate: NetworkAggregate, meeting: Meeting, locale: Locale) {
  const agenda = aggregate.agendas.find((a) => a.meetingId === meeting.id) ?? { items: [] };
  return buildAgendaCard({
    network: aggregate.network,
    meeting,
    meetings: aggregate.meetings,
    subtheme: subthemeOf(aggregate, meeting),
    agenda,
    ideasWithoutOwner: ideasWithoutOwner(aggregate.ideas),
    locale,
  });
}

export const reflectionQuestionsOf = (meeting: Meeting, locale: Locale): string[] =>
  meeting.reflectionQuestions.length ? meeting.reflectionQuestions : defaultReflectionQuestions(locale);

export interface ReflectionView {
  locale: Locale;
  /** Show the form even when an answer exists (the participant pressed "edit"). */
  editing?: boolean;
  refreshUserIds?: readonly string[];
  notice?: ReflectionCardInput['notice'];
}

export function reflectionCardFor(aggregate: NetworkAggregate, meeting: Meeting, participant: Participant, view: ReflectionView) {
  const reflection = aggregate.reflections.find((r) => r.meetingId === meeting.id && r.participantId === participant.id);
  const mode = meeting.closedAt ? 'closed' : !reflection || view.editing ? 'form' : 'answered';
  return buildReflectionCard({
    network: aggregate.network,
    meeting,
    meetings: aggregate.meetings,
    subtheme: subthemeOf(aggregate, meeting),
    questions: reflectionQuestionsOf(meeting, view.locale),
    reflection,
    mode,
    locale: view.locale,
    refreshUserIds: view.refreshUserIds,
    notice: view.notice,
  });
}

export interface IdeaLotView {
  locale: Locale;
  isLeader?: boolean;
  userId?: string;
  refreshUserIds?: readonly string[];
  notice?: string;
}

export function ideaLotCardFor(aggregate: NetworkAggregate, view: IdeaLotView) {
  return buildIdeaLotCard({
    network: aggregate.network,
    ideas: aggregate.ideas,
    locale: view.locale,
    viewer: { isLeader: !!view.isLeader, userId: view.userId },
    refreshUserIds: view.refreshUserIds,
    notice: view.notice,
  });
}

export function analysisCardFor(aggregate: NetworkAggregate, view: { locale: Locale; notice?: string; refreshUserIds?: readonly string[] }) {
  return buildAnalysisCard({
    network: aggregate.network,
    categories: aggregate.analysisCategories,
    notes: aggregate.analysisNotes,
    locale: view.locale,
    notice: view.notice,
    refreshUserIds: view.refreshUserIds,
  });
}
