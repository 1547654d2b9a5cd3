import { t } from '../i18n';
import { ANALYSIS_VERBS } from '../analysis/card';
import { IDEA_VERBS } from '../ideas/card';
import { REFLECTION_VERBS } from '../reflections/card';
import { INVITATION_VERBS } from '../invitations/card';
import { addAnalysisNote, showAnalysis } from '../analysis/cardActions';
import { addIdea, ownIdea, setIdeaStatus, showIdeas } from '../ideas/cardActions';
import { REFLECTION_CARD_ROWS, saveReflection, showReflection } from '../reflections/cardActions';
import { acceptInvitation, declineInvitation, showInvitation } from '../invitations/cardActions';
import { networkLocale } from '../domain/network';
import { loadForMember, withRetry } from './load';
import type { RowKind } from '../storage/rows';
import type { ActionServices, CardActionHandler, CardActionInput, CardActionResult } from './types';

export type { ActionServices, CardActionInput, CardActionResult, CardActor } from './types';

/** Every card button the app knows, on one screen. A Map: a verb like "__proto__" is just unknown. */
const VERBS = new Map<string, CardActionHandler>([
  [REFLECTION_VERBS.save, saveReflection],
  [REFLECTION_VERBS.edit, showReflection],
  [REFLECTION_VERBS.refresh, showReflection],
  [IDEA_VERBS.add, addIdea],
  [IDEA_VERBS.own, ownIdea],
  [IDEA_VERBS.status, setIdeaStatus],
  [IDEA_VERBS.refresh, showIdeas],
  [ANALYSIS_VERBS.note, addAnalysisNote],
  [ANALYSIS_VERBS.refresh, showAnalysis],
  [INVITATION_VERBS.accept, acceptInvitation],
  [INVITATION_VERBS.decline, declineInvitation],
  [INVITATION_VERBS.refresh, showInvitation],
]);

export const CARD_VERBS: readonly string[] = [...VERBS.keys()];

/**
 * Verbs that read only some kinds of the network's rows (the chat's most frequent press, a reflection, loads the
 * meetings, participants, subthemes and reflections, not the plan's hundreds of assignments or the ideas); the
 * others load the whole network.
 */
const READS = new Map<string, readonly RowKind[]>(Object.values(REFLECTION_VERBS).map((verb) => [verb, REFLECTION_CARD_ROWS]));

export function runCardAction(input: CardActionInput, services: ActionServices): Promise<CardActionResult> {
  const handler = VERBS.get(input.verb);
  if (!handler) return Promise.resolve({ text: t(input.locale, 'action.unknown') });
  // The one door to a network's data: handlers run only for someone in the network, so a new verb
  // cannot forget the check. A retry after a conflict loads (and checks) afresh.
  return withRetry(input, async () => {
    const loaded = await loadForMember(input, services, READS.get(input.verb));
    // A card about a network is in the network's language, as its content (questions, agenda) is.
    return handler({ ...input, locale: networkLocale(loaded.aggregate.network) }, loaded, services);
  });
}
