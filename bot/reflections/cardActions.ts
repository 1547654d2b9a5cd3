import { t } from '../i18n';
import { meetingOf } from '../domain/network';
import { answerInputId, reflectionCardFor, reflectionQuestionsOf, SHARED_INPUT_ID } from './card';
import { refuse, stringField } from '../actions/load';
import { answerInText, committed, operationContext, refusalText } from '../actions/perform';
import type { CardActionHandler, CardActionInput, Loaded } from '../actions/types';
import { myReflection, saveMyReflection } from './operations';
import type { RowKind } from '../storage/rows';

// The reflection card in a participant's 1:1 chat: answer, read back, edit until the meeting closes.
// The participant is whoever pressed (Teams says who); the card's data cannot name someone else.

/**
 * What the reflection card and its save read: the meeting (and the series, for its label), its subtheme, who pressed,
 * and the reflections; the rules a reflection can break are about its meeting and participant.
 */
export const REFLECTION_CARD_ROWS: readonly RowKind[] = ['meeting', 'subtheme', 'participant', 'reflection'];

function reflecting(input: CardActionInput, { aggregate, participantId }: Loaded) {
  const meeting = meetingOf(aggregate, stringField(input.data, 'meetingId'));
  if (!meeting) throw refuse(t(input.locale, 'action.meetingGone'));
  const participant = aggregate.participants.find((p) => p.id === participantId);
  if (!participant) throw refuse(t(input.locale, 'action.notParticipant'));
  return { meeting, participant };
}

const refreshIds = (input: CardActionInput) => (input.actor.teamsUserId ? [input.actor.teamsUserId] : []);

export const showReflection: CardActionHandler = async (input, loaded, services) => {
  const { meeting, participant } = reflecting(input, loaded);
  const editing = input.verb === 'reflection.edit';
  return { card: reflectionCardFor(loaded.aggregate, meeting, participant, { locale: input.locale, editing, refreshUserIds: refreshIds(input), links: services.links }) };
};

export const saveReflection: CardActionHandler = async (input, loaded, services) => {
  const { meeting, participant } = reflecting(input, loaded);
  const ctx = operationContext(input, loaded, services);
  // Questions as they were asked: an edit keeps the wording the participant answered.
  const questions = myReflection(ctx, meeting.id)?.answers.map((a) => a.question) ?? reflectionQuestionsOf(meeting, input.locale);
  const answers = questions.map((question, index) => ({ question, answer: stringField(input.data, answerInputId(index)) }));
  const outcome = saveMyReflection(ctx, { meetingId: meeting.id, input: { answers, shared: stringField(input.data, SHARED_INPUT_ID) === 'true' } });
  const view = { locale: input.locale, refreshUserIds: refreshIds(input), links: services.links };
  if (!outcome.ok) {
    answerInText(input.locale, outcome, 'action.meetingGone');
    const notice = { text: refusalText(input.locale, outcome, 'action.meetingGone'), color: 'attention' as const };
    return { card: reflectionCardFor(loaded.aggregate, meeting, participant, { ...view, editing: outcome.reason !== 'meetingClosed', notice }) };
  }
  const saved = await committed(input, loaded, services, outcome);
  return { card: reflectionCardFor(saved, meeting, participant, { ...view, notice: { text: t(input.locale, 'action.reflection.saved') } }) };
};
