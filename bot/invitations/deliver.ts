import type { AdaptiveCard } from '../cards/shared';
import type { Network, Participant } from '../domain/model';
import type { Reach } from '../scheduler/reach';
import { SendError, type Messenger } from '../teams/proactive';
import type { UnreachableReason } from './view';

// Sending one invitation card now, while the leader waits for the answer: the person's 1:1 chat with the bot (found,
// or opened for a team member, through the scheduler's own reach), then the card. What happened comes back as it is:
// sent, or why not — never a promise. A brief throttle (429) or outage is tried once more; then the leader is told.

export type Delivery = { ok: true; activityId: string } | { ok: false; reason: UnreachableReason; status?: number };

export interface DeliveryDeps {
  reach: Reach;
  messenger: Messenger;
  /** Waits between tries (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
}

export const MAX_TRIES = 2;
/** Longest wait before the second try: the leader is waiting for the answer. */
export const MAX_RETRY_WAIT_MS = 3_000;

const transient = (status?: number) => status === undefined || status === 408 || status === 412 || status === 429 || status >= 500;

/** A refusal from Teams in the leader's terms: blocked (403), chat gone (404), busy (try again), or refused. */
export function reasonOf(error: SendError): { reason: UnreachableReason; status?: number } {
  if (error.status === 403) return { reason: 'blocked', status: 403 };
  if (error.status === 404) return { reason: 'chatGone', status: 404 };
  if (transient(error.status)) return { reason: 'busy', status: error.status };
  return { reason: 'failed', status: error.status };
}

/** Sends the card built for the person's chat (its refresh needs their Teams user id), or says why it could not. */
export async function deliverInvitation(
  deps: DeliveryDeps,
  network: Network,
  participant: Participant,
  cardFor: (teamsUserId: string | undefined) => AdaptiveCard,
): Promise<Delivery> {
  if (!participant.userId) return { ok: false, reason: 'noTeamsUser' };
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      const chat = await deps.reach.personalOf(network, participant);
      if (!chat) return { ok: false, reason: network.teamId ? 'notInTeam' : 'noTeam' };
      const activityId = await deps.messenger.send(chat.reference, { card: cardFor(chat.teamsUserId) });
      return { ok: true, activityId };
    } catch (error) {
      if (!(error instanceof SendError)) throw error;
      const failure = reasonOf(error);
      if (failure.reason !== 'busy' || attempt >= MAX_TRIES) return { ok: false, ...failure };
      await sleep(Math.min(error.retryAfterMs ?? 1_000, MAX_RETRY_WAIT_MS));
    }
  }
}
