import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type ConversationParameters,
  type ConversationReference,
  type Request,
  type Response,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from '../config/logger';
import { pickLocale, t } from '../i18n';

// The one module that knows botbuilder's adapter and Bot Framework authentication.
// Everything else gets `handle` (inbound HTTP) and `continueConversation` (proactive sends).

export type { TurnContext };
export type ConversationRef = Partial<ConversationReference>;
export type BotHttpRequest = Request;
export type BotHttpResponse = Response;

/** What `handle` runs for each authenticated activity: the bot from `createBot`. */
export interface TurnHandler {
  run(context: TurnContext): Promise<void>;
}

export interface BotAdapterOptions {
  /** Empty or missing: anonymous local mode (Agents Playground sends no token). */
  appId?: string;
  appPassword?: string;
  appTenantId?: string;
  appType?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  logger: Logger;
}

export interface BotAdapter {
  /** Mount as the POST /api/messages handler; needs a parsed JSON body (restify bodyParser). */
  handle(req: BotHttpRequest, res: BotHttpResponse, bot: TurnHandler): Promise<void>;
  continueConversation(reference: ConversationRef, logic: (context: TurnContext) => Promise<void>): Promise<void>;
  /** Starts a new conversation (a 1:1 chat with a team member) and runs `logic` in it. */
  createConversation(serviceUrl: string, parameters: Record<string, unknown>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

export function createBotAdapter({ appId = '', appPassword, appTenantId, appType, logger }: BotAdapterOptions): BotAdapter {
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppTenantId: appTenantId,
    MicrosoftAppType: appType,
  });
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}, credentials));
  if (!appId) logger.warn('Bot runs without Bot Framework authentication (local mode, no app id)');

  adapter.onTurnError = async (context, error) => {
    const { type, conversation } = context.activity;
    logger.error({ err: error, activityType: type, conversationId: conversation?.id }, 'Bot turn failed');
    try {
      await context.sendActivity(t(pickLocale(context.activity.locale), 'bot.error'));
    } catch (sendError) {
      logger.warn({ err: sendError }, 'Could not tell the user about the failed turn');
    }
  };

  return {
    async handle(req, res, bot) {
      if (!looksLikeActivity(req.body)) {
        res.status(400);
        res.send({ error: 'Expected a Bot Framework activity (type, serviceUrl, conversation.id)' });
        return;
      }
      // CloudAdapter authenticates (401 without a valid token when an app id is set) and answers.
      await adapter.process(req, res, (context) => bot.run(context));
    },
    continueConversation(reference, logic) {
      return adapter.continueConversationAsync(appId, reference, logic);
    },
    createConversation(serviceUrl, parameters, logic) {
      return adapter.createConversationAsync(appId, 'msteams', serviceUrl, undefined as unknown as string, parameters as unknown as ConversationParameters, logic);
    },
  };
}

// A body without these would get past the adapter and fail only when the bot replies.
function looksLikeActivity(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const activity = body as { type?: unknown; serviceUrl?: unknown; conversation?: { id?: unknown } };
  return (
    typeof activity.type === 'string' &&
    typeof activity.serviceUrl === 'string' &&
    typeof activity.conversation?.id === 'string'
  );
}
