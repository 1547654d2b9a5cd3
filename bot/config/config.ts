import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

// Every setting the service reads, from the environment. README and .env.example list the same.

const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  PUBLIC_URL: optional,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(256 * 1024),
  STORAGE_CONNECTION_STRING: optional,
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
  GRAPH_BASE_URL: optional.refine((value) => value === undefined || /^https?:\/\//.test(value), 'must be an http(s) URL'),
  PLAYGROUND_PORT: z.coerce.number().int().min(1).max(65535).default(56150),
  START_PLAYGROUND: z.enum(['auto', 'true', 'false']).default('auto'),
  SCHEDULER: z.enum(['on', 'off']).default('on'),
  SCHEDULER_POLL_MS: z.coerce.number().int().min(100).default(5000),
  INSTANCE_ID: optional,
});

export interface Config {
  port: number;
  publicUrl?: string;
  logLevel: string;
  maxBodyBytes: number;
  storage: { connectionString?: string; tablePrefix: string; dataDir: string };
  tabsDir: string;
  bot: { appId?: string; appPassword?: string; tenantId?: string; appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI' };
  auth: { mode: 'development' } | { mode: 'teams'; tenantId: string; clientId: string; applicationIdUri?: string };
  /** Microsoft Graph for calendar booking: configured only in teams mode with a client secret (on-behalf-of). */
  graph: { baseUrl: string; clientSecret?: string };
  playground: { port: number; start: boolean };
  /** The sender of scheduled cards; every instance may run it (jobs are claimed with ETags). */
  scheduler: { enabled: boolean; pollMs: number; instanceId: string };
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
  const local = !e.BOT_ID;
  return {
    port: e.PORT,
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    storage: { connectionString: e.STORAGE_CONNECTION_STRING, tablePrefix: e.TABLE_PREFIX, dataDir: path.resolve(e.DATA_DIR) },
    tabsDir: path.resolve(e.TABS_DIR),
    bot: { appId: e.BOT_ID, appPassword: e.BOT_PASSWORD, tenantId: e.BOT_TENANT_ID, appType: e.BOT_TYPE },
    auth,
    graph: { baseUrl: e.GRAPH_BASE_URL ?? 'https://graph.microsoft.com', clientSecret: e.AAD_APP_CLIENT_SECRET },
    playground: { port: e.PLAYGROUND_PORT, start: e.START_PLAYGROUND === 'auto' ? local : e.START_PLAYGROUND === 'true' },
    scheduler: { enabled: e.SCHEDULER === 'on', pollMs: e.SCHEDULER_POLL_MS, instanceId: e.INSTANCE_ID ?? `${os.hostname()}-${process.pid}` },
  };
}
