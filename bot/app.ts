import type { Server } from 'restify';
import type { Config } from './config/config';
import type { Logger } from './config/logger';
import { createAuthenticator, type AuthenticatorOptions } from './auth/authenticate';
import { createTables, ensureTables } from './storage/tables';
import { NetworkStore } from './storage/networkStore';
import { defaultIdFactory, type Services } from './api/context';
import { createServer } from './server/createServer';
import { createBot, createBotAdapter } from './teams';
import { createConversationStore } from './storage/conversationStore';

export interface App {
  server: Server;
  services: Services;
  url: string;
  stop(): Promise<void>;
}

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** Where storage is; production takes it from config, local mode from the emulator it started. */
  connectionString: string;
  now?: () => Date;
  auth?: AuthenticatorOptions;
}

/** Composes the service: storage → services → HTTP server, and listens. */
export async function startApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const tables = createTables({ connectionString: options.connectionString, prefix: config.storage.tablePrefix });
  await ensureTables(tables);
  const store = new NetworkStore(tables.networks);
  const conversations = createConversationStore(tables.conversations);
  const services: Services = { store, conversations, now: options.now ?? (() => new Date()), newId: defaultIdFactory };
  const adapter = createBotAdapter({ ...config.bot, appTenantId: config.bot.tenantId, logger });
  const bot = createBot({ conversations, logger });
  const server = createServer({
    botEndpoint: (req, res) => adapter.handle(req, res, bot),
    logger,
    authenticate: createAuthenticator(config.auth, options.auth),
    services,
    maxBodyBytes: config.maxBodyBytes,
    tabsDir: config.tabsDir,
    storageHealthy: async () => {
      await store.exists('healthz');
      return true;
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, '0.0.0.0', () => resolve());
  });
  const address = server.address();
  const url = `http://localhost:${address.port}`;
  return {
    server,
    services,
    url,
    async stop() {
      // Stop taking new connections and let in-flight requests finish.
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
