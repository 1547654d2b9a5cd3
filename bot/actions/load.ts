import { t } from '../i18n';
import { canRead, participantOf, roleOf } from '../domain/access';
import { StoreError } from '../storage/errors';
import { RulesBroken } from '../changes/commit';
import type { RowKind } from '../storage/rows';
import type { ActionServices, CardActionInput, CardActionResult, Loaded } from './types';

// Shared steps of every card action: find the network, know who pressed, survive a busy store.

export class ActionRefused extends Error {
  constructor(readonly result: CardActionResult) {
    super('refused');
  }
}

export const refuse = (text: string) => new ActionRefused({ text });

/** A card input as text (free text is cleaned by the operation's schema, as from the tab). */
export const stringField = (data: Record<string, unknown>, name: string): string =>
  typeof data[name] === 'string' ? (data[name] as string) : '';

/**
 * The card's network for whoever pressed; someone not in it (or unknown to Entra) is refused. `reads`: the kinds of
 * rows the verb needs (beside the network row), for a verb whose card and change read no others; else all of it.
 */
export async function loadForMember(input: CardActionInput, services: ActionServices, reads?: readonly RowKind[]): Promise<Loaded> {
  const caller = { userId: input.actor.aadObjectId ?? '' };
  if (!caller.userId) throw refuse(t(input.locale, 'action.notMember'));
  const networkId = stringField(input.data, 'networkId');
  const load = async (id: string) => (reads ? (await services.store.loadParts(id, reads)).aggregate : services.store.load(id));
  const aggregate = networkId ? await load(networkId) : undefined;
  if (!aggregate) throw refuse(t(input.locale, 'action.networkGone'));
  const role = roleOf(aggregate, caller);
  if (!canRead(role)) throw refuse(t(input.locale, 'action.notMember'));
  return { aggregate, role, participantId: participantOf(aggregate, caller)?.id };
}

/**
 * Runs a read-modify-write and retries once on an ETag conflict (someone pressed at the same
 * moment); a second conflict or an unavailable store gets a clear message, nothing half-saved.
 */
export async function withRetry(input: CardActionInput, attempt: () => Promise<CardActionResult>): Promise<CardActionResult> {
  for (let round = 0; ; round++) {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof ActionRefused) return error.result;
      // Someone changed the network in between, so the change would now break one of its rules.
      if (error instanceof RulesBroken) return { text: t(input.locale, error.issues[0]!.key, error.issues[0]!.params) };
      if (error instanceof StoreError && (error.kind === 'conflict' || error.kind === 'exists') && round === 0) continue;
      if (error instanceof StoreError && (error.kind === 'conflict' || error.kind === 'exists')) return { text: t(input.locale, 'action.busy') };
      if (error instanceof StoreError) return { text: t(input.locale, 'action.unavailable') };
      throw error;
    }
  }
}
