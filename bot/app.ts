import type { Server } from 'restify';
import type { Config } from './config/config';
import type { Logger } from './config/logger';
import { createAuthenticator, type AuthenticatorOptions } from './auth/authenticate';
import { createTables, ensureTables } from './storage/tables';
import { NetworkStore } from './storage/networkStore';
import { defaultIdFactory, type Services } from './api/context';
import { createServer } from './server/createServer';
import type { SlowClientLimits } from './server/security';
import { createBot, createBotAdapter } from './teams';
import { createConversationStore } from './storage/conversationStore';
import { createMessenger } from './teams/proactive';
import { JobStore } from './scheduler/jobStore';
import { createReach } from './scheduler/reach';
import { SendBudget } from './scheduler/sendBudget';
import { BudgetStore } from './scheduler/budgetStore';
import { limitedMessenger } from './scheduler/limitedMessenger';
import { createScheduler, type Scheduler } from './scheduler/scheduler';
import { createCalendarAccess } from './calendar/book';
import { createOboTokenProvider, type GraphTokenProvider } from './calendar/obo';
import type { RetryPolicy } from './calendar/graph';
import { deleteExpiredNetworks } from './privacy/privacyService';
import { endMeetingFromTeams } from './reflections/meetingEnd';
import type { DeepLinkConfig } from './domain/deepLink';

export interface App {
  server: Server;
  services: Services;
  scheduler: Scheduler;
  /** Deletes networks whose retention ran out (daily while the scheduler runs); resolves with their ids. */
  sweepRetention(): Promise<string[]>;
  url: string;
  stop(): Promise<void>;
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** Storage keys: local mode's emulator, tests; production uses config.storage's endpoint and managed identity. */
  connectionString?: string;
  now?: () => Date;
  auth?: AuthenticatorOptions;
  /** Graph calendar booking without Entra ID (tests): a token provider instead of on-behalf-of, and the retry pace. */
  graph?: { tokens: GraphTokenProvider; retry?: RetryPolicy };
  /** How long a client may take to send a request (tests shorten them). */
  slowClientLimits?: SlowClientLimits;
  /** How long "Send nu" waits for the send to end before answering 202 (tests shorten it). */
  sendWait?: Services['sendWait'];
}

const RETENTION_SWEEP_MS = 24 * 60 * 60 * 1000;

/** Composes the service: storage → services → HTTP server, and listens. */
export async function startApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const tables = createTables({
    connectionString: options.connectionString ?? config.storage.connectionString,
    endpoint: config.storage.tableEndpoint,
    managedIdentityClientId: config.storage.managedIdentityClientId,
    prefix: config.storage.tablePrefix,
  });
  await ensureTables(tables);
  const store = new NetworkStore(tables.networks);
  const conversations = createConversationStore(tables.conversations);
  // Data written before the person index and the personal-chat rows by Entra id existed: indexed once (a marker row says so).
  await store.buildPersonIndexOnce();
  await conversations.movePersonalRowsOnce();
  const now = options.now ?? (() => new Date());
  const adapter = createBotAdapter({ ...config.bot, appTenantId: config.bot.tenantId, logger });
  const jobs = new JobStore(tables.jobs);
  // One send budget per tenant for all instances (Table Storage), so together they stay under Teams' limits.
  const messenger = limitedMessenger(createMessenger(adapter), new SendBudget(new BudgetStore(tables.sendBudget)));
  // One reach for the scheduler and the tab's sends alike: a 1:1 chat is opened once per person.
  const reach = createReach(conversations, messenger, { now });
  // What links in cards and calendar events are made with (bot/domain/deepLink.ts). Locally, without PUBLIC_URL, the
  // address this service listens on, filled in once it listens (below), before any card or event is made.
  const links: DeepLinkConfig = { publicUrl: config.publicUrl, teamsAppId: config.teamsAppId, standalone: config.auth.mode === 'development' };
  const scheduler = createScheduler({
    store, jobs, messenger, now, logger,
    reach,
    links,
    instanceId: config.scheduler.instanceId,
    pollMs: config.scheduler.pollMs,
    leaseMs: config.scheduler.leaseMs,
  });
  const networkChanged = (networkId: string) => scheduler.networkChanged(networkId);
  const services: Services = { store, conversations, jobs, now, newId: defaultIdFactory, networkChanged, links, retentionMonths: config.retention.defaultMonths, sendWait: options.sendWait, chats: { reach, messenger } };
  // Graph only with delegated access (Teams SSO + client secret for on-behalf-of); otherwise .ics files.
  const { auth } = config;
  const graphTokens =
    options.graph?.tokens ??
    (auth.mode === 'teams' && config.graph.clientSecret
      ? createOboTokenProvider({ clientId: auth.clientId, tenantId: auth.tenantId, clientSecret: config.graph.clientSecret })
      : undefined);
  if (graphTokens) services.calendar = createCalendarAccess({ baseUrl: config.graph.baseUrl, tokens: graphTokens, retry: options.graph?.retry });
  const bot = createBot({
    conversations, logger, actions: { store, now, newId: defaultIdFactory, networkChanged, calendar: services.calendar, links },
    // Teams' meetingEnd: the network meeting's reflection questions now instead of at its planned end.
    meetingEnded: (meeting) => endMeetingFromTeams(meeting, { ...services, logger }),
  });
  const server = createServer({
    botEndpoint: (req, res) => adapter.handle(req, res, bot),
    logger,
    authenticate: createAuthenticator(config.auth, options.auth),
    services,
    maxBodyBytes: config.maxBodyBytes,
    slowClientLimits: options.slowClientLimits,
    tabsDir: config.tabsDir,
    signIn: config.auth.mode === 'teams' ? { clientId: config.auth.clientId, tenantId: config.auth.tenantId } : undefined,
    storageHealthy: async () => {
      await store.exists('healthz');
      return true;
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const url = `http://localhost:${address.port}`;
  if (!links.publicUrl && links.standalone) links.publicUrl = url;
  const sweepRetention = () => deleteExpiredNetworks({ ...services, logger, defaultMonths: config.retention.defaultMonths });
  const sweep = () => void sweepRetention().catch((err) => logger.error({ err }, 'Retention sweep failed'));
  const retentionTimers: NodeJS.Timeout[] = [];
  if (config.scheduler.enabled) {
    scheduler.start();
    retentionTimers.push(setInterval(sweep, RETENTION_SWEEP_MS).unref(), setTimeout(sweep, 60_000).unref());
  }
  return {
    server,
    services,
    scheduler,
    sweepRetention,
    url,
    async stop() {
      retentionTimers.forEach(clearTimeout);
      await scheduler.stop();
      // Stop taking new connections and let in-flight requests finish.
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
