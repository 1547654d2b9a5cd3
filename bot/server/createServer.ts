import path from 'node:path';
import fs from 'node:fs';
import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from '../config/logger';
import type { Authenticator } from '../auth/authenticate';
import { AuthError } from '../auth/errors';
import { bearerToken } from '../auth/teamsToken';
import { pickLocale, t, type Locale } from '../i18n';
import { ApiError } from '../api/errors';
import { routes } from '../api/routes';
import { tabFiles } from './tabFiles';
import { BodyRefused, readJsonBody } from './bodyReader';
import { API_SECURITY_HEADERS, limitSlowClients, type SlowClientLimits } from './security';
import type { RequestContext, Services } from '../api/context';

export interface ServerDeps {
  logger: Logger;
  authenticate: Authenticator;
  services: Services;
  maxBodyBytes: number;
  slowClientLimits?: SlowClientLimits;
  /** POST /api/messages: the bot (see bot/teams). */
  botEndpoint?: (req: Request, res: Response) => Promise<void>;
  /** The built tab pages; served under /tabs/. */
  tabsDir?: string;
  /** Whether storage answers, for /healthz. */
  storageHealthy?: () => Promise<boolean>;
  /** The Entra ID app the consent popup signs in to (public values); unset in development mode. */
  signIn?: { clientId: string; tenantId: string };
}

const localeOf = (req: Request): Locale => pickLocale(req.header('accept-language'));

/** The query as the handlers expect it: `?lang[]=x` or `?view[a]=b` parse to arrays and objects, which are left out. */
const textOnly = (query: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(query ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));

function sendError(res: Response, status: number, code: string, message: string): void {
  res.send(status, { error: { status, code, message } });
}

const restifyErrorKeys = {
  400: ['badJson', 'api.badJson'],
  413: ['tooLarge', 'api.tooLarge'],
  415: ['unsupportedMediaType', 'api.unsupportedMediaType'],
  404: ['notFound', 'api.notFound'],
  405: ['notFound', 'api.notFound'],
} as const;

/** One restify service: the bot, the tab API, the tab pages and /healthz. */
export function createServer(deps: ServerDeps): Server {
  const { logger } = deps;
  const server = restify.createServer({ name: 'netvaerk', handleUncaughtExceptions: false });

  limitSlowClients(server.server, deps.slowClientLimits);

  server.pre((req, res, next) => {
    for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) res.header(name, value);
    return next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use((req, res, next) => {
    readJsonBody(req, deps.maxBodyBytes).then(
      (body) => {
        req.body = body;
        next();
      },
      (error: unknown) => {
        if (!(error instanceof BodyRefused)) return next(error as Error);
        // Unread bytes may follow: the connection is closed after the answer rather than reused.
        if (error.unread) res.header('Connection', 'close');
        sendError(res, error.status, error.code, t(localeOf(req), error.key, { limit: deps.maxBodyBytes }));
        next(false);
      },
    );
  });

  // Errors restify raises itself (bad JSON, too large, no route) get the API's error body too.
  server.on('restifyError', (req: Request, res: Response, err: { statusCode?: number; toJSON?: () => unknown }, callback: () => void) => {
    const locale = localeOf(req);
    const status = err.statusCode ?? 500;
    const [code, key] = restifyErrorKeys[status as keyof typeof restifyErrorKeys] ?? ['internal', 'api.internal'];
    err.toJSON = () => ({ error: { status, code, message: t(locale, key, { limit: deps.maxBodyBytes }) } });
    if (status >= 500) logger.error({ err, url: req.url }, 'request failed');
    return callback();
  });

  // Read before anyone is signed in: the consent popup needs to know where to send the leader.
  server.get('/api/auth/settings', async (_req: Request, res: Response) => {
    if (deps.signIn) res.send(200, deps.signIn);
    else sendError(res, 404, 'notFound', t('da', 'api.notFound'));
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    const storage = deps.storageHealthy ? await deps.storageHealthy().catch(() => false) : true;
    res.send(storage ? 200 : 503, { status: storage ? 'ok' : 'degraded', storage: storage ? 'ok' : 'unavailable' });
  });

  if (deps.botEndpoint) {
    const endpoint = deps.botEndpoint;
    server.post('/api/messages', async (req: Request, res: Response) => {
      await endpoint(req, res);
    });
  }

  for (const route of routes) {
    server[route.method](route.path, async (req: Request, res: Response) => {
      const locale = localeOf(req);
      res.header('Cache-Control', 'no-store');
      try {
        const identity = await deps.authenticate(req.headers);
        const ctx: RequestContext = {
          identity,
          locale,
          params: (req.params ?? {}) as Record<string, string>,
          query: textOnly(req.query),
          body: req.body,
          ifMatch: req.header('if-match') || undefined,
          ssoToken: identity.mode === 'teams' ? bearerToken(req.headers) : undefined,
          services: deps.services,
        };
        const result = await route.handler(ctx);
        if (result.etag) res.header('ETag', result.etag);
        for (const [name, value] of Object.entries(result.headers ?? {})) res.header(name, value);
        if (result.contentType) {
          // Not JSON: restify's formatters are bypassed, the body goes out as it is.
          res.header('Content-Type', result.contentType);
          res.sendRaw(result.status ?? 200, result.body as string | Buffer);
          return;
        }
        res.send(result.status ?? 200, result.body);
      } catch (error) {
        if (error instanceof ApiError) {
          res.send(error.status, error.body(locale));
        } else if (error instanceof AuthError) {
          logger.info({ code: error.code, reason: error.reason }, 'refused identity');
          sendError(res, 401, error.code, t(locale, error.messageKey));
        } else {
          logger.error({ err: error, method: req.method, url: req.url }, 'api request failed');
          sendError(res, 500, 'internal', t(locale, 'api.internal'));
        }
      }
    });
  }

  if (deps.tabsDir && fs.existsSync(deps.tabsDir)) {
    const tabsDir = path.resolve(deps.tabsDir);
    server.get('/', (_req: Request, res: Response, next: restify.Next) => {
      res.redirect(302, '/tabs/index.html', next);
    });
    server.get('/tabs/*', tabFiles(tabsDir));
  }

  return server;
}
