import { AuthenticationConstants, AuthenticationError, type ClaimsIdentity } from 'botframework-connector';
// The same timestamp fixing botbuilder's own `process` applies; not re-exported from its index.
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator';
import {
  type Activity,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type ConversationParameters,
  type Request,
  type Response,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from '../config/logger';
import { pickLocale, t } from '../i18n';
import { checkActivity } from './activity';
import { budgetRetries } from './sendScope';
import type { ConversationRef } from './conversationRef';

// The one module that knows botbuilder's adapter and Bot Framework authentication.
// Everything else gets `handle` (inbound HTTP) and `continueConversation` (proactive sends).

export type { TurnContext };
export type { ConversationRef } from './conversationRef';
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
  /** Where Bot Framework publishes its signing keys; default the public cloud's. */
  openIdMetadataUrl?: string;
  logger: Logger;
}

export interface BotAdapter {
  /** Mount as the POST /api/messages handler; needs a parsed JSON body (restify bodyParser). */
  handle(req: BotHttpRequest, res: BotHttpResponse, bot: TurnHandler): Promise<void>;
  continueConversation(reference: ConversationRef, logic: (context: TurnContext) => Promise<void>): Promise<void>;
  /** Starts a new conversation (a 1:1 chat with a team member) and runs `logic` in it. */
  createConversation(serviceUrl: string, parameters: Record<string, unknown>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

export function createBotAdapter({ appId = '', appPassword, appTenantId, appType, openIdMetadataUrl, logger }: BotAdapterOptions): BotAdapter {
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppTenantId: appTenantId,
    MicrosoftAppType: appType,
  });
  const adapter = new TokenCheckingAdapter(new RetryBudgetingAuthentication(publicCloud(openIdMetadataUrl), credentials, logger));
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
      // A body without type, serviceUrl and conversation.id would get past the adapter and fail only when the bot replies.
      const checked = checkActivity(req.body);
      if ('invalid' in checked) {
        logger.warn({ invalid: checked.invalid }, 'Activity refused: not a Bot Framework activity');
        res.status(400);
        res.send({ error: 'Expected a Bot Framework activity (type, serviceUrl, conversation.id)' });
        return;
      }
      if (checked.ignored.length) logger.warn({ ignored: checked.ignored, activityType: checked.activity.type }, 'Ignored malformed activity fields');
      const authorization = String(req.headers.authorization ?? req.headers.Authorization ?? '');
      try {
        // botbuilder checks the Bot Framework token first (any token when there is no app id: local mode).
        const invoke = await adapter.authenticateAndRun(authorization, validateAndFixActivity(checked.activity), (context) => bot.run(context));
        res.status(invoke?.status ?? 200);
        if (invoke?.body !== undefined) res.send(invoke.body);
      } catch (error) {
        const status = refusalStatus(error);
        if (status === 500) logger.error({ err: error }, 'Activity failed');
        else logger.warn({ status, reason: (error as Error).message }, 'Activity refused');
        res.status(status);
      }
      res.end();
    },
    continueConversation(reference, logic) {
      return adapter.continueConversationAsync(appId, reference, logic);
    },
    createConversation(serviceUrl, parameters, logic) {
      return adapter.createConversationAsync(appId, 'msteams', serviceUrl, undefined as unknown as string, parameters as unknown as ConversationParameters, logic);
    },
  };
}

// botbuilder takes either no settings (the public cloud) or all of them; only the key source changes here.
function publicCloud(openIdMetadataUrl: string | undefined) {
  if (!openIdMetadataUrl) return {};
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** Bot Framework authentication whose connector clients take a send slot for each retry of a proactive send (sendScope.ts). */
class RetryBudgetingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private warned = false;

  constructor(
    config: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0],
    credentials: ConfigurationServiceClientCredentialFactory,
    private readonly logger: Logger,
  ) {
    super(config, credentials);
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']> {
    const factory = super.createConnectorFactory(claimsIdentity);
    const create = factory.create.bind(factory);
    factory.create = async (serviceUrl, audience) => {
      const client = await create(serviceUrl, audience);
      if (!budgetRetries(client) && !this.warned) {
        this.warned = true;
        this.logger.warn('The connector client has no pipeline to add the retry budget to: 429 retries are not paced');
      }
      return client;
    };
    return factory;
  }
}

/** CloudAdapter with its authenticate-then-run step reachable, so token failures can be told apart. */
class TokenCheckingAdapter extends CloudAdapter {
  authenticateAndRun(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(authorization, activity, logic);
  }
}

// botbuilder's own `process` answers a badly signed token with 500 (only its AuthenticationError maps to
// 401); every token failure is the sender's fault, and keys that cannot be fetched are worth a retry.
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

function refusalStatus(error: unknown): number {
  if (error instanceof AuthenticationError) return error.statusCode === 401 ? 401 : 503;
  if (error instanceof Error && TOKEN_ERRORS.has(error.name)) return 401;
  return 500;
}
