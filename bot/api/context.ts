import { randomUUID } from 'node:crypto';
import type { Identity } from '../auth/identity';
import type { NetworkStore, RowChange } from '../storage/networkStore';
import type { RowKind } from '../storage/rows';
import type { ConversationStore } from '../storage/conversationStore';
import type { JobStore } from '../scheduler/jobStore';
import type { Reach } from '../scheduler/reach';
import type { Messenger } from '../teams/proactive';
import type { CalendarAccess } from '../calendar/book';
import type { DeepLinkConfig } from '../domain/deepLink';
import { commitChange, RulesBroken } from '../changes/commit';
import { StoreError } from '../storage/errors';
import type { Meeting, NetworkAggregate, Participant } from '../domain/model';
import { meetingOf } from '../domain/network';
import { canContribute, canDeleteNetwork, canEditPlan, canRead, participantOf, roleOf, type NetworkRole } from '../domain/access';
import { parseInput } from '../domain/validate';
import type { Locale } from '../i18n';
import type { z } from 'zod';
import { alreadyExists, badRequest, conflict, forbidden, notFound, preconditionRequired, unavailable, unprocessable } from './errors';

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
  /** How long "Send nu" waits for its send to end, and how often it looks (bot/sending/sendNow.ts; tests shorten it). */
  sendWait?: { waitMs?: number; pollMs?: number };
  /** The bot's 1:1 chats, for what a leader sends at once from the tab (an invitation): the scheduler's own reach and messenger. */
  chats?: { reach: Reach; messenger: Messenger };
  /** What links back to the tab are made with (cards, calendar events); none: no links. */
  links?: DeepLinkConfig;
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

export interface NetworkLoad {
  /**
   * For a reader: the kinds of rows this request needs, or undefined for the whole network. The aggregate's other
   * lists are then empty, so a handler that changes anything never asks for less than all.
   */
  kinds?(ctx: RequestContext): readonly RowKind[] | undefined;
}

/** Loads the network in one query, then refuses callers without the access the route needs. */
export function inNetwork(access: Access, handler: NetworkHandler, load: NetworkLoad = {}): Handler {
  return async (ctx) => {
    const id = ctx.params.networkId!;
    const kinds = load.kinds?.(ctx);
    const aggregate = await guarded(async () => (kinds ? (await ctx.services.store.loadParts(id, kinds)).aggregate : ctx.services.store.load(id)));
    if (!aggregate) throw notFound('api.networkNotFound');
    const role = roleOf(aggregate, ctx.identity);
    if (!role) throw forbidden();
    if (!allowed[access](role)) throw forbidden(access === 'edit' ? 'api.forbiddenEdit' : 'api.forbidden');
    return handler({ ...ctx, aggregate, role, me: participantOf(aggregate, ctx.identity) });
  };
}

/** The meeting the path names (…/meetings/:meetingId), or 404. */
export function requestedMeeting(ctx: NetworkContext): Meeting {
  const meeting = meetingOf(ctx.aggregate, ctx.params.meetingId);
  if (!meeting) throw notFound();
  return meeting;
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

/** Writes through the one commit path (the network's rules, calendar versions); a broken rule is a 422. */
export async function commit(ctx: NetworkContext, next: NetworkAggregate, changes: RowChange[]): Promise<(string | undefined)[]> {
  try {
    return await guarded(() => commitChange(ctx.services, ctx.aggregate, next, changes, ctx.identity.name));
  } catch (error) {
    if (error instanceof RulesBroken) throw unprocessable(error.issues);
    throw error;
  }
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
    throw error;
  }
}

export function stamp<T extends object>(ctx: RequestContext, value: T): T & { updatedAt: string; updatedBy: string } {
  return { ...value, updatedAt: ctx.services.now().toISOString(), updatedBy: ctx.identity.name };
}
