import { t, type Locale } from '../i18n';
import type { NetworkAggregate } from '../domain/model';
import { canEditPlan } from '../domain/access';
import { openForReflection } from '../domain/series';
import type { Refusal } from '../changes/operation';
import { IDEA_TEXT_INPUT_ID, ideaLotCardFor, statusInputId } from './card';
import { stringField } from '../actions/load';
import { answerInText, committed, operationContext, refusalText } from '../actions/perform';
import type { ActionServices, CardActionHandler, CardActionInput, Loaded } from '../actions/types';
import { raiseIdea, setIdeaStatus as setStatus, takeIdea } from './operations';

// The idea parking lot card's buttons, over the same operations as the tab. The answer is the
// presser's own view; the shared card in the channel follows through the scheduler.

function lotFor(input: CardActionInput, loaded: Loaded, services: ActionServices, aggregate: NetworkAggregate, notice?: string) {
  const isLeader = canEditPlan(loaded.role);
  return {
    card: ideaLotCardFor(aggregate, {
      locale: input.locale,
      isLeader,
      userId: input.actor.aadObjectId,
      refreshUserIds: isLeader && input.actor.teamsUserId ? [input.actor.teamsUserId] : [],
      notice,
      links: services.links,
    }),
  };
}

/** The card's words for an idea's text: written in the parking lot's own terms. */
export function noticeOf(locale: Locale, refusal: Refusal): string {
  const text = refusal.issues.find((issue) => issue.path === 'text');
  if (text?.key === 'validation.required') return t(locale, 'action.ideas.empty');
  if (text?.key === 'validation.tooLong') return t(locale, 'action.ideas.tooLong', text.params);
  return refusalText(locale, refusal, 'action.ideas.gone');
}

export const showIdeas: CardActionHandler = async (input, loaded, services) => lotFor(input, loaded, services, loaded.aggregate);

/** New ideas belong to the latest meeting whose reflections are open: the card has no meeting to choose. */
export const addIdea: CardActionHandler = async (input, loaded, services) => {
  const ctx = operationContext(input, loaded, services);
  const meetingId = openForReflection(loaded.aggregate.meetings, ctx.now).at(-1)?.id;
  const outcome = raiseIdea(ctx, { text: stringField(input.data, IDEA_TEXT_INPUT_ID), meetingId });
  if (!outcome.ok) {
    answerInText(input.locale, outcome, 'action.ideas.gone');
    return lotFor(input, loaded, services, loaded.aggregate, noticeOf(input.locale, outcome));
  }
  return lotFor(input, loaded, services, await committed(input, loaded, services, outcome), t(input.locale, 'action.ideas.added'));
};

export const ownIdea: CardActionHandler = async (input, loaded, services) => {
  const outcome = takeIdea(operationContext(input, loaded, services), stringField(input.data, 'ideaId'));
  if (!outcome.ok) {
    answerInText(input.locale, outcome, 'action.ideas.gone');
    return lotFor(input, loaded, services, loaded.aggregate, noticeOf(input.locale, outcome));
  }
  return lotFor(input, loaded, services, await committed(input, loaded, services, outcome), t(input.locale, 'action.ideas.owned'));
};

export const setIdeaStatus: CardActionHandler = async (input, loaded, services) => {
  const ideaId = stringField(input.data, 'ideaId');
  const outcome = setStatus(operationContext(input, loaded, services), ideaId, stringField(input.data, statusInputId(ideaId)));
  if (!outcome.ok) {
    answerInText(input.locale, outcome, 'action.ideas.gone');
    // A status the card did not offer: the lot as it is.
    return lotFor(input, loaded, services, loaded.aggregate, outcome.reason === 'invalid' ? undefined : noticeOf(input.locale, outcome));
  }
  return lotFor(input, loaded, services, await committed(input, loaded, services, outcome), t(input.locale, 'action.ideas.statusSet'));
};
