import { t } from '../i18n';
import type { Reflection } from '../domain/model';
import { reflectionSaveSchema } from '../domain/schemas';
import { parseInput } from '../domain/validate';
import { answerInputId, reflectionCardFor, reflectionQuestionsOf, SHARED_INPUT_ID } from '../cards';
import { refuse, stringField } from './load';
import type { CardActionHandler, CardActionInput, Loaded } from './types';

// The reflection card in a participant's 1:1 chat: answer, read back, edit until the meeting closes.
// The participant is whoever pressed (Teams says who); the card's data cannot name someone else.

function reflecting(input: CardActionInput, { aggregate, participantId }: Loaded) {
  const meeting = aggregate.meetings.find((m) => m.id === stringField(input.data, 'meetingId'));
  if (!meeting) throw refuse(t(input.locale, 'action.meetingGone'));
  const participant = aggregate.participants.find((p) => p.id === participantId);
  if (!participant) throw refuse(t(input.locale, 'action.notParticipant'));
  return { meeting, participant };
}

const refreshIds = (input: CardActionInput) => (input.actor.teamsUserId ? [input.actor.teamsUserId] : []);

export const showReflection: CardActionHandler = async (input, loaded) => {
  const { meeting, participant } = reflecting(input, loaded);
  const editing = input.verb === 'reflection.edit';
  return { card: reflectionCardFor(loaded.aggregate, meeting, participant, { locale: input.locale, editing, refreshUserIds: refreshIds(input) }) };
};

export const saveReflection: CardActionHandler = async (input, loaded, services) => {
  const { aggregate } = loaded;
  const { meeting, participant } = reflecting(input, loaded);
  const view = { locale: input.locale, refreshUserIds: refreshIds(input) };
  if (meeting.closedAt) {
    return { card: reflectionCardFor(aggregate, meeting, participant, { ...view, notice: { text: t(input.locale, 'action.meetingClosed'), color: 'attention' } }) };
  }
  const existing = aggregate.reflections.find((r) => r.meetingId === meeting.id && r.participantId === participant.id);
  // Questions as they were asked: an edit keeps the wording the participant answered.
  const questions = existing?.answers.map((a) => a.question) ?? reflectionQuestionsOf(meeting, input.locale);
  const parsed = parseInput(reflectionSaveSchema, {
    answers: questions.map((question, index) => ({ question, answer: stringField(input.data, answerInputId(index)) })),
    shared: stringField(input.data, SHARED_INPUT_ID) === 'true',
  });
  if (!parsed.ok) {
    const notice = { text: t(input.locale, parsed.issues[0]!.key, parsed.issues[0]!.params), color: 'attention' as const };
    return { card: reflectionCardFor(aggregate, meeting, participant, { ...view, editing: true, notice }) };
  }
  const now = services.now().toISOString();
  const value: Reflection = { meetingId: meeting.id, participantId: participant.id, ...parsed.value, submittedAt: now, updatedAt: now, updatedBy: input.actor.name };
  const ids = [meeting.id, participant.id];
  await services.store.commit(aggregate.network.id, [
    existing ? { op: 'update', kind: 'reflection', ids, value, etag: existing.etag } : { op: 'create', kind: 'reflection', ids, value },
  ]);
  services.networkChanged(aggregate.network.id);
  const saved = { ...aggregate, reflections: [...aggregate.reflections.filter((r) => r !== existing), value] };
  return { card: reflectionCardFor(saved, meeting, participant, { ...view, notice: { text: t(input.locale, 'action.reflection.saved') } }) };
};
