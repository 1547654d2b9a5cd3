import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

// Every setting the service reads, from the environment. README and .env.example list the same.

const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** The interface to listen on; unset: loopback in development (X-Dev-User is trusted there), every interface in production. */
  HOST: optional,
  /** Where the service is reached from outside: the base of the links in cards and calendar events. */
  PUBLIC_URL: optional.refine((value) => value === undefined || /^https?:\/\/[^\s/]+/.test(value), 'must be an http(s) URL'),
  /**
   * The id Teams knows the app by, for deep links to the channel tab: the manifest's id (env/.env.<env> TEAMS_APP_ID) for
   * an uploaded app, the org catalogue's id for a published one. Unset: cards and events link to the tab page instead.
   */
  TEAMS_APP_ID: optional.refine((value) => value === undefined || GUID.test(value), 'must be a GUID (the Teams app id)'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(256 * 1024),
  STORAGE_CONNECTION_STRING: optional,
  /** Azure: the Table service endpoint, reached with the managed identity (AZURE_CLIENT_ID) and no keys. */
  STORAGE_TABLE_ENDPOINT: optional.refine((value) => value === undefined || /^https:\/\//.test(value), 'must be an https URL'),
  AZURE_CLIENT_ID: optional,
  TABLE_PREFIX: z.string().regex(/^([A-Za-z][A-Za-z0-9]{0,39})?$/).default(''),
  DATA_DIR: z.string().default('.data'),
  TABS_DIR: z.string().default('dist/tabs'),
  BOT_ID: optional,
  BOT_PASSWORD: optional,
  BOT_TENANT_ID: optional,
  BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  AAD_APP_CLIENT_ID: optional,
  AAD_APP_TENANT_ID: optional,
  AAD_APP_ID_URI: optional,
  AAD_APP_CLIENT_SECRET: optional,
  /** Bot Framework's OpenID metadata; only tests (a local stub) and sovereign clouds change it. */
  BOT_OPENID_METADATA_URL: optional.refine((value) => value === undefined || /^https?:\/\//.test(value), 'must be an http(s) URL'),
  GRAPH_BASE_URL: optional.refine((value) => value === undefined || /^https?:\/\//.test(value), 'must be an http(s) URL'),
  PLAYGROUND_PORT: z.coerce.number().int().min(1).max(65535).default(56150),
  START_PLAYGROUND: z.enum(['auto', 'true', 'false']).default('auto'),
  SCHEDULER: z.enum(['on', 'off']).default('on'),
  SCHEDULER_POLL_MS: z.coerce.number().int().min(100).default(5000),
  SCHEDULER_LEASE_MS: z.coerce.number().int().min(3000).default(15_000),
  INSTANCE_ID: optional,
  /** Months a network is kept after its delivery (each network may set its own). */
  RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /** Set by Azure App Service: there, development identities must never be possible. */
  WEBSITE_SITE_NAME: optional,
});

/** Every environment variable the service reads (the Bicep's app settings are checked against it). */
export const CONFIG_KEYS: readonly string[] = Object.keys(envSchema.shape);

export interface Config {
  port: number;
  host: string;
  publicUrl?: string;
  /** The Teams app's id for deep links to the channel tab (TEAMS_APP_ID). */
  teamsAppId?: string;
  logLevel: string;
  maxBodyBytes: number;
  /** Exactly one of connectionString (keys; Azurite) or tableEndpoint (managed identity) in production. */
  storage: { connectionString?: string; tableEndpoint?: string; managedIdentityClientId?: string; tablePrefix: string; dataDir: string };
  tabsDir: string;
  bot: { appId?: string; appPassword?: string; tenantId?: string; appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI'; openIdMetadataUrl?: string };
  auth: { mode: 'development' } | { mode: 'teams'; tenantId: string; clientId: string; applicationIdUri?: string };
  /** Microsoft Graph for calendar booking: configured only in teams mode with a client secret (on-behalf-of). */
  graph: { baseUrl: string; clientSecret?: string };
  playground: { port: number; start: boolean };
  /** The sender of scheduled cards; every instance may run it (jobs are claimed with ETags). */
  scheduler: { enabled: boolean; pollMs: number; leaseMs: number; instanceId: string };
  retention: { defaultMonths: number };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid configuration — ${problems}`);
  }
  const e = parsed.data;
  if (e.AAD_APP_CLIENT_ID && !e.AAD_APP_TENANT_ID) {
    throw new ConfigError('AAD_APP_TENANT_ID is required when AAD_APP_CLIENT_ID is set');
  }
  const auth: Config['auth'] = e.AAD_APP_CLIENT_ID
    ? { mode: 'teams', clientId: e.AAD_APP_CLIENT_ID, tenantId: e.AAD_APP_TENANT_ID!, applicationIdUri: e.AAD_APP_ID_URI }
    : { mode: 'development' };
  checkProductionLock(e);
  const local = !e.BOT_ID;
  return {
    port: e.PORT,
    host: e.HOST ?? (isProduction(e) ? '0.0.0.0' : '127.0.0.1'),
    publicUrl: e.PUBLIC_URL,
    teamsAppId: e.TEAMS_APP_ID?.toLowerCase(),
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    storage: {
      connectionString: e.STORAGE_CONNECTION_STRING,
      tableEndpoint: e.STORAGE_TABLE_ENDPOINT,
      managedIdentityClientId: e.AZURE_CLIENT_ID,
      tablePrefix: e.TABLE_PREFIX, dataDir: path.resolve(e.DATA_DIR) },
    tabsDir: path.resolve(e.TABS_DIR),
    bot: { appId: e.BOT_ID, appPassword: e.BOT_PASSWORD, tenantId: e.BOT_TENANT_ID, appType: e.BOT_TYPE, openIdMetadataUrl: e.BOT_OPENID_METADATA_URL },
    auth,
    graph: { baseUrl: e.GRAPH_BASE_URL ?? 'https://graph.microsoft.com', clientSecret: e.AAD_APP_CLIENT_SECRET },
    playground: { port: e.PLAYGROUND_PORT, start: e.START_PLAYGROUND === 'auto' ? local : e.START_PLAYGROUND === 'true' },
    scheduler: { enabled: e.SCHEDULER === 'on', pollMs: e.SCHEDULER_POLL_MS, leaseMs: e.SCHEDULER_LEASE_MS, instanceId: e.INSTANCE_ID ?? `${os.hostname()}-${process.pid}` },
    retention: { defaultMonths: e.RETENTION_MONTHS },
  };
}

const isProduction = (e: z.infer<typeof envSchema>) => !!(e.AAD_APP_CLIENT_ID || e.BOT_ID || e.WEBSITE_SITE_NAME);

/**
 * Production is all or nothing: with Entra ID (or on App Service) the bot checks Bot Framework tokens,
 * storage is the real one and nothing local (X-Dev-User, Azurite, the Playground) can be reached.
 */
function checkProductionLock(e: z.infer<typeof envSchema>): void {
  const problems: string[] = [];
  if (e.STORAGE_CONNECTION_STRING && e.STORAGE_TABLE_ENDPOINT) problems.push('set STORAGE_CONNECTION_STRING or STORAGE_TABLE_ENDPOINT, not both');
  if (e.BOT_ID) {
    if (e.BOT_TYPE !== 'UserAssignedMSI' && !e.BOT_PASSWORD) problems.push(`BOT_PASSWORD is required for BOT_TYPE=${e.BOT_TYPE}`);
    if (e.BOT_TYPE !== 'MultiTenant' && !e.BOT_TENANT_ID) problems.push(`BOT_TENANT_ID is required for BOT_TYPE=${e.BOT_TYPE}`);
  }
  if (isProduction(e)) {
    if (!e.AAD_APP_CLIENT_ID) problems.push('AAD_APP_CLIENT_ID is required in production (without it the tab API would accept development identities)');
    if (!e.BOT_ID) problems.push('BOT_ID is required in production (without it the bot would accept activities without a Bot Framework token)');
    if (!e.STORAGE_CONNECTION_STRING && !e.STORAGE_TABLE_ENDPOINT) problems.push('STORAGE_TABLE_ENDPOINT (or STORAGE_CONNECTION_STRING) is required in production');
    if (e.START_PLAYGROUND === 'true') problems.push('START_PLAYGROUND=true is not allowed in production');
  }
  if (problems.length) throw new ConfigError(`Invalid configuration — ${problems.join('; ')}`);
}
