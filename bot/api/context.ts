import { randomUUID } from 'node:crypto';
import type { Identity } from '../auth/identity';
import type { NetworkStore, RowChange } from '../storage/networkStore';
import type { ConversationStore } from '../storage/conversationStore';
import type { JobStore } from '../scheduler/jobStore';
import type { CalendarAccess } from '../calendar/book';
import { recordVersions } from '../calendar/issue';
import { StoreError } from '../storage/errors';
import type { NetworkAggregate, Participant } from '../domain/model';
import { canContribute, canDeleteNetwork, canEditPlan, canRead, participantOf, roleOf, type NetworkRole } from '../domain/access';
import { checkNetworkRules } from '../domain/rules';
import { parseInput, type ValidationIssue } from '../domain/validate';
import type { Locale } from '../i18n';
import type { z } from 'zod';
import { alreadyExists, ApiError, badRequest, conflict, forbidden, notFound, preconditionRequired, unavailable, unprocessable } from './errors';

export interface Services {
  store: NetworkStore;
  /** Bot conversation references and the team members the bot has seen. */
  conversations: ConversationStore;
  /** Scheduled sends: the leader reads delivery status from here. */
  jobs: JobStore;
  now: () => Date;
  newId: () => string;
  /** After every stored change: the scheduler brings the network's sends in line. */
  networkChanged: (networkId: string) => void;
  /** Set when Microsoft Graph calendar booking is configured; without it the calendar is .ics files. */
  calendar?: CalendarAccess;
  /** The deployment's retention (RETENTION_MONTHS) for networks that set none; default 12. */
  retentionMonths?: number;
}

export const defaultIdFactory = (): string => randomUUID();

/** What a handler gets: who calls, in which language, with what. Restify stays in server/. */
export interface RequestContext {
  identity: Identity;
  locale: Locale;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  ifMatch?: string;
  /** The caller's Teams SSO token as it came (teams mode only): the assertion for on-behalf-of. */
  ssoToken?: string;
  services: Services;
}

export interface ApiResult {
  status?: number;
  body?: unknown;
  etag?: string;
  /** A body that is not JSON (a calendar file, a document): `body` (string or bytes) is sent as is with this type. */
  contentType?: string;
  /** More response headers, e.g. Content-Disposition for a download. */
  headers?: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => Promise<ApiResult>;

export type Access = 'read' | 'edit' | 'contribute' | 'deleteNetwork';
const allowed: Record<Access, (role?: NetworkRole) => boolean> = {
  read: canRead,
  edit: canEditPlan,
  contribute: canContribute,
  deleteNetwork: canDeleteNetwork,
};

export interface NetworkContext extends RequestContext {
  aggregate: NetworkAggregate;
  role: NetworkRole;
  /** The caller's own participant row, if any. */
  me?: Participant;
}

export type NetworkHandler = (ctx: NetworkContext) => Promise<ApiResult>;

/** Loads the network in one query, then refuses callers without the access the route needs. */
export function inNetwork(access: Access, handler: NetworkHandler): Handler {
  return async (ctx) => {
    const aggregate = await guarded(() => ctx.services.store.load(ctx.params.networkId!));
    if (!aggregate) throw notFound('api.networkNotFound');
    const role = roleOf(aggregate, ctx.identity);
    if (!role) throw forbidden();
    if (!allowed[access](role)) throw forbidden(access === 'edit' ? 'api.forbiddenEdit' : 'api.forbidden');
    return handler({ ...ctx, aggregate, role, me: participantOf(aggregate, ctx.identity) });
  };
}

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = parseInput(schema, body ?? {});
  if (!parsed.ok) throw badRequest(parsed.issues);
  return parsed.value;
}

export function requireIfMatch(ctx: RequestContext): string {
  if (!ctx.ifMatch) throw preconditionRequired();
  return ctx.ifMatch;
}

const issueId = (issue: ValidationIssue) => `${issue.path}|${issue.key}`;

/** Writes the change unless it breaks a rule of the network; problems already stored do not block others' work. */
export async function commit(ctx: NetworkContext, next: NetworkAggregate, changes: RowChange[]): Promise<(string | undefined)[]> {
  const before = new Set(checkNetworkRules(ctx.aggregate).map(issueId));
  const issues = checkNetworkRules(next).filter((issue) => !before.has(issueId(issue)));
  if (issues.length) throw unprocessable(issues);
  // Without Graph, the write that changes a meeting's calendar event records its new version (SEQUENCE).
  const versions = ctx.services.calendar ? [] : recordVersions(ctx.aggregate, next, ctx.services.now(), ctx.identity.name);
  const etags = await guarded(() => ctx.services.store.commit(ctx.aggregate.network.id, [...changes, ...versions]));
  ctx.services.networkChanged(ctx.aggregate.network.id);
  return etags;
}

/** Storage failures become 409 / 404 / 503 with a message; nothing else changes meaning. */
export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StoreError) {
      if (error.kind === 'conflict') throw conflict();
      if (error.kind === 'exists') throw alreadyExists();
      if (error.kind === 'notFound') throw conflict();
      throw unavailable();
    }
    if (error instanceof ApiError) throw error;
    throw error;
  }
}

export function stamp<T extends object>(ctx: RequestContext, value: T): T & { updatedAt: string; updatedBy: string } {
  return { ...value, updatedAt: ctx.services.now().toISOString(), updatedBy: ctx.identity.name };
}
