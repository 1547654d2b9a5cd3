import { TurnContext, type Activity, type Attachment } from 'botbuilder';
import { CARD_CONTENT_TYPE, type AdaptiveCard } from '../cards/shared';
import type { ConversationRef, TurnContext as Context } from './adapter';

// Proactive messages: post, update in place, and open a 1:1 chat. Failures come back as
// SendError with the HTTP status and Teams' Retry-After, for the sender to decide what to do.

export interface OutgoingMessage {
  text?: string;
  card?: AdaptiveCard;
}

export interface PersonalChatTarget {
  serviceUrl: string;
  tenantId?: string;
  /** Teams user id (29:…). */
  userId: string;
  /** The bot's own channel account id (28:…), as seen in the team. */
  botId?: string;
}

export interface Messenger {
  /** Posts a new message; returns the id Teams gave it (needed to update it later). */
  send(reference: ConversationRef, message: OutgoingMessage): Promise<string>;
  update(reference: ConversationRef, activityId: string, message: OutgoingMessage): Promise<void>;
  openPersonalChat(target: PersonalChatTarget): Promise<ConversationRef>;
}

export class SendError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryAfterMs: number | undefined,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

export interface ProactiveAdapter {
  continueConversation(reference: ConversationRef, logic: (context: Context) => Promise<void>): Promise<void>;
  createConversation(serviceUrl: string, parameters: Record<string, unknown>, logic: (context: Context) => Promise<void>): Promise<void>;
}

export function toActivity(message: OutgoingMessage): Partial<Activity> {
  const attachments: Attachment[] = message.card ? [{ contentType: CARD_CONTENT_TYPE, content: message.card }] : [];
  return { type: 'message', ...(message.text ? { text: message.text } : {}), ...(attachments.length ? { attachments } : {}) };
}

export function createMessenger(adapter: ProactiveAdapter): Messenger {
  return {
    async send(reference, message) {
      const id = await inTurn<string | undefined>((logic) => adapter.continueConversation(reference, logic), async (context) =>
        (await context.sendActivity(toActivity(message)))?.id,
      );
      if (!id) throw new SendError('Teams returned no activity id', undefined, undefined);
      return id;
    },
    async update(reference, activityId, message) {
      await inTurn((logic) => adapter.continueConversation(reference, logic), async (context) => {
        await context.updateActivity({ ...toActivity(message), id: activityId, conversation: context.activity.conversation });
      });
    },
    async openPersonalChat(target) {
      const parameters = {
        isGroup: false,
        bot: target.botId ? { id: target.botId } : undefined,
        members: [{ id: target.userId }],
        tenantId: target.tenantId,
        channelData: target.tenantId ? { tenant: { id: target.tenantId } } : undefined,
      };
      const reference = await inTurn((logic) => adapter.createConversation(target.serviceUrl, parameters, logic), async (context) =>
        TurnContext.getConversationReference(context.activity),
      );
      if (!reference.conversation?.id) throw new SendError('Teams returned no conversation', undefined, undefined);
      const { activityId: _ignored, ...rest } = reference;
      return { ...rest, conversation: { ...reference.conversation, conversationType: 'personal', tenantId: target.tenantId } };
    },
  };
}

/**
 * Runs `work` inside a proactive turn and hands back its result or its failure. A failure must not
 * escape the turn: the adapter's turn-error handler would swallow it and post an apology instead.
 */
async function inTurn<T>(start: (logic: (context: Context) => Promise<void>) => Promise<void>, work: (context: Context) => Promise<T>): Promise<T> {
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  try {
    await start(async (context) => {
      try {
        outcome = { ok: true, value: await work(context) };
      } catch (error) {
        outcome = { ok: false, error };
      }
    });
  } catch (error) {
    throw toSendError(error);
  }
  if (!outcome) throw new SendError('The proactive turn did not run', undefined, undefined);
  if (!outcome.ok) throw toSendError(outcome.error);
  return outcome.value;
}

type HeadersLike = { get(name: string): string | undefined | null } | Record<string, string | undefined>;

interface HttpLikeError {
  message?: string;
  statusCode?: number;
  response?: { status?: number; headers?: HeadersLike };
}

export function toSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  const e = (error ?? {}) as HttpLikeError;
  const status = e.statusCode ?? e.response?.status;
  return new SendError(e.message ?? String(error), status, retryAfterOf(e.response?.headers));
}

/** Retry-After in seconds or as an HTTP date. */
export function retryAfterOf(headers: HeadersLike | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const raw =
    typeof headers.get === 'function'
      ? (headers as { get(name: string): string | undefined | null }).get('retry-after')
      : ((headers as Record<string, string | undefined>)['retry-after'] ?? (headers as Record<string, string | undefined>)['Retry-After']);
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
