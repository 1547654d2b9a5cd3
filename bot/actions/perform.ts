import { t, type Locale, type MessageKey } from '../i18n';
import type { NetworkAggregate } from '../domain/model';
import { commitChange } from '../changes/commit';
import type { Change, OperationContext, Refusal, RefusalReason } from '../changes/operation';
import { refuse } from './load';
import type { ActionServices, CardActionInput, Loaded } from './types';

// The card's side of an operation: who pressed (Teams says: no e-mail), and a refusal in the card's words.

export const operationContext = (input: CardActionInput, { aggregate }: Loaded, services: ActionServices): OperationContext => ({
  aggregate,
  actor: { userId: input.actor.aadObjectId!, name: input.actor.name },
  now: services.now(),
  newId: services.newId,
});

const WORDS: Record<Exclude<RefusalReason, 'notFound'>, MessageKey> = {
  notContributor: 'action.notParticipant',
  notParticipant: 'action.notParticipant',
  onlyLeaders: 'action.onlyLeaders',
  notYours: 'action.notYours',
  ownerNotYou: 'api.ideaOwnerOnlyYourself',
  ownedByOther: 'api.ideaOwnedByOther',
  ownerNotParticipant: 'api.ideaOwnerNotParticipant',
  meetingClosed: 'action.meetingClosed',
  alreadySent: 'api.reflectionsAlreadySent',
  invalid: 'api.invalidInput',
  rules: 'api.invalidInput',
  stale: 'action.busy',
  versionRequired: 'action.busy',
};

/** Refusals about who may do what, or about a thing that is gone, answer in a line of text instead of a card. */
const ANSWERED_IN_TEXT = new Set<RefusalReason>(['notContributor', 'notParticipant', 'onlyLeaders', 'notYours', 'ownerNotYou', 'ownedByOther', 'ownerNotParticipant', 'notFound']);

/** The refusal in words: `gone` names what no longer exists; otherwise the first issue, else the reason. */
export function refusalText(locale: Locale, refusal: Refusal, gone: MessageKey): string {
  if (refusal.reason === 'notFound') return t(locale, gone);
  const issue = refusal.issues[0];
  return issue ? t(locale, issue.key, issue.params) : t(locale, WORDS[refusal.reason]);
}

/** Throws the refusals that get a line of text; the others are for the card to show as its notice. */
export function answerInText(locale: Locale, refusal: Refusal, gone: MessageKey): void {
  if (ANSWERED_IN_TEXT.has(refusal.reason)) throw refuse(refusalText(locale, refusal, gone));
}

/** Through the one commit path the tab uses too; the network as it is afterwards. */
export async function committed<T>(input: CardActionInput, { aggregate }: Loaded, services: ActionServices, change: Change<T>): Promise<NetworkAggregate> {
  await commitChange(services, aggregate, change.next, change.rows, input.actor.name);
  return change.next;
}
