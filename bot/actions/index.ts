import { t } from '../i18n';
import { ANALYSIS_VERBS, IDEA_VERBS, REFLECTION_VERBS } from '../cards';
import { addAnalysisNote, showAnalysis } from './analysis';
import { addIdea, ownIdea, setIdeaStatus, showIdeas } from './ideas';
import { saveReflection, showReflection } from './reflection';
import type { ActionServices, CardActionHandler, CardActionInput, CardActionResult } from './types';

export type { ActionServices, CardActionInput, CardActionResult, CardActor } from './types';

/** Every card button the app knows, on one screen. */
const VERBS: Record<string, CardActionHandler> = {
  [REFLECTION_VERBS.save]: saveReflection,
  [REFLECTION_VERBS.edit]: showReflection,
  [REFLECTION_VERBS.refresh]: showReflection,
  [IDEA_VERBS.add]: addIdea,
  [IDEA_VERBS.own]: ownIdea,
  [IDEA_VERBS.status]: setIdeaStatus,
  [IDEA_VERBS.refresh]: showIdeas,
  [ANALYSIS_VERBS.note]: addAnalysisNote,
  [ANALYSIS_VERBS.refresh]: showAnalysis,
};

export function runCardAction(input: CardActionInput, services: ActionServices): Promise<CardActionResult> {
  const handler = VERBS[input.verb];
  return handler ? handler(input, services) : Promise.resolve({ text: t(input.locale, 'action.unknown') });
}
