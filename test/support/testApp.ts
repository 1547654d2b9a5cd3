import { loadConfig } from '../../bot/config/config';
import { silentLogger } from '../../bot/config/logger';
import { startApp, type App, type AppOptions } from '../../bot/app';
import { uniqueTablePrefix } from '../../bot/storage/tables';

/** The real service on a free port, over the test run's Azurite, with its own tables. */
export async function startTestApp(label: string, overrides: Partial<AppOptions> & { env?: NodeJS.ProcessEnv } = {}): Promise<App> {
  const connectionString = process.env.TEST_TABLES_CONNECTION_STRING!;
  // TABS_DIR: the tab pages built elsewhere than dist/tabs (a build of one's own while others build too).
  const tabsDir = process.env.TABS_DIR ? { TABS_DIR: process.env.TABS_DIR } : {};
  const config = loadConfig({ PORT: '0', TABLE_PREFIX: uniqueTablePrefix(label), STORAGE_CONNECTION_STRING: connectionString, ...tabsDir, ...overrides.env });
  return startApp({ config, logger: silentLogger(), connectionString, ...overrides });
}

/** Production settings: Entra ID for the tabs, a registered bot (its tokens checked), real storage. */
export function teamsModeEnv(auth: { clientId: string; tenantId: string }, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    AAD_APP_CLIENT_ID: auth.clientId,
    AAD_APP_TENANT_ID: auth.tenantId,
    BOT_ID: '7e1c9d2a-4b3f-4c5d-8e6f-0a1b2c3d4e5f',
    BOT_PASSWORD: 'not-a-real-secret',
    START_PLAYGROUND: 'false',
    ...extra,
  };
}

export interface Reply<T = any> {
  status: number;
  body: T;
  etag: string | null;
}

/** A client acting as one person: development identity by key, or an invented one with a name. */
export function clientFor(app: App, user: string, extraHeaders: Record<string, string> = {}) {
  const call = async <T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> => {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: {
        'X-Dev-User': user,
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...extraHeaders,
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, etag: response.headers.get('etag') };
  };
  return {
    get: <T = any>(path: string, headers?: Record<string, string>) => call<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('POST', path, body, headers),
    put: <T = any>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('PUT', path, body, headers),
    patch: <T = any>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('PATCH', path, body, headers),
    del: <T = any>(path: string, headers?: Record<string, string>) => call<T>('DELETE', path, undefined, headers),
  };
}
