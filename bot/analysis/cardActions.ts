import { t, type Locale } from '../i18n';
import type { Refusal } from '../changes/operation';
import { ANALYSIS_CATEGORY_INPUT_ID, ANALYSIS_TEXT_INPUT_ID, analysisCardFor } from './card';
import { stringField } from '../actions/load';
import { answerInText, committed, operationContext, refusalText } from '../actions/perform';
import type { ActionServices, CardActionHandler, CardActionInput } from '../actions/types';
import { addAnalysisNote as addNote } from './operations';

// The analysis card at the closing meeting: a note in a category, from anyone in the network.

const viewFor = (input: CardActionInput, services: ActionServices, notice?: string) => ({
  locale: input.locale,
  notice,
  refreshUserIds: input.actor.teamsUserId ? [input.actor.teamsUserId] : [],
  links: services.links,
});

/** The card's words: a missing or unknown category first, then the note's text. */
function noticeOf(locale: Locale, refusal: Refusal): string {
  if (refusal.issues.some((issue) => issue.path.endsWith('categoryId'))) return t(locale, 'action.analysis.noCategory');
  const text = refusal.issues.find((issue) => issue.path === 'text');
  if (text?.key === 'validation.required') return t(locale, 'action.analysis.empty');
  if (text?.key === 'validation.tooLong') return t(locale, 'action.textTooLong', text.params);
  return refusalText(locale, refusal, 'action.analysis.noCategory');
}

export const showAnalysis: CardActionHandler = async (input, { aggregate }, services) => ({ card: analysisCardFor(aggregate, viewFor(input, services)) });

/** Notes from the card belong to the closing meeting, where the analysis happens. */
export const addAnalysisNote: CardActionHandler = async (input, loaded, services) => {
  const { aggregate } = loaded;
  const outcome = addNote(operationContext(input, loaded, services), {
    categoryId: stringField(input.data, ANALYSIS_CATEGORY_INPUT_ID),
    text: stringField(input.data, ANALYSIS_TEXT_INPUT_ID),
    meetingId: aggregate.meetings.find((m) => m.closing)?.id,
  });
  if (!outcome.ok) {
    answerInText(input.locale, outcome, 'action.analysis.noCategory');
    return { card: analysisCardFor(aggregate, viewFor(input, services, noticeOf(input.locale, outcome))) };
  }
  const after = await committed(input, loaded, services, outcome);
  return { card: analysisCardFor(after, viewFor(input, services, t(input.locale, 'action.analysis.added'))) };
};
