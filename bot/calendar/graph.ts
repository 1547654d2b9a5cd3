import {
  Client, GraphError, HTTPMessageHandler, RetryHandler, RetryHandlerOptions, TelemetryHandler, type FetchOptions,
} from '@microsoft/microsoft-graph-client';
import type { Event } from '@microsoft/microsoft-graph-types';

// The only module that talks to Microsoft Graph: a signed-in user's own calendar (/me/events),
// create, update and cancel. Every Graph failure leaves here as a CalendarError.

export const GRAPH_BASE_URL = 'https://graph.microsoft.com';

/**
 * The Windows name of Copenhagen's zone ("(UTC+01:00) Brussels, Copenhagen, Madrid, Paris"). Graph's
 * calendar API takes Windows zone names everywhere; of the IANA names it lists only a subset, and
 * Europe/Copenhagen is not among them (Microsoft Learn, dateTimeTimeZone). Same rules as Europe/Copenhagen.
 */
export const GRAPH_TIME_ZONE = 'Romance Standard Time';

/** Outlook allows 4 concurrent requests per mailbox. */
export const MAX_CONCURRENT_PER_MAILBOX = 4;

export type CalendarErrorCode =
  | 'consentRequired' // the user has not allowed the app to write in their calendar
  | 'unauthenticated' // no usable sign-in to act on behalf of
  | 'throttled' // 429 still after the retries, or a Retry-After too long to wait for
  | 'notFound' // 404: the event is gone (deleted in Outlook, or another mailbox's)
  | 'forbidden' // 403
  | 'unavailable' // 5xx, no answer, or the token service failing
  | 'rejected'; // any other 4xx: Graph did not accept the request

export class CalendarError extends Error {
  constructor(
    readonly status: number,
    readonly code: CalendarErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'CalendarError';
  }
}

export interface GraphCalendar {
  /**
   * POST /me/events. The same transactionId returns the event created before instead of a second one.
   * An online event comes back with the Teams meeting Outlook made for it: its join link.
   */
  createEvent(body: Event, transactionId: string): Promise<{ id: string; joinUrl?: string }>;
  /** PATCH /me/events/{id}: the fields given replace the event's (attendees as a whole list); the join link as createEvent. */
  updateEvent(id: string, body: Event): Promise<{ joinUrl?: string }>;
  /** POST /me/events/{id}/cancel: the organizer cancels; attendees get the comment. */
  cancelEvent(id: string, comment: string): Promise<void>;
}

/** A counting semaphore per mailbox: at most `limit` Graph requests for one mailbox at a time, in this process. */
export class MailboxGates {
  private readonly gates = new Map<string, { active: number; waiting: (() => void)[] }>();

  constructor(readonly limit = MAX_CONCURRENT_PER_MAILBOX) {}

  async run<T>(mailbox: string, work: () => Promise<T>): Promise<T> {
    let gate = this.gates.get(mailbox);
    if (!gate) this.gates.set(mailbox, (gate = { active: 0, waiting: [] }));
    if (gate.active >= this.limit) await new Promise<void>((resolve) => gate!.waiting.push(resolve));
    else gate.active++;
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter; the count only drops when nobody waits.
      const next = gate.waiting.shift();
      if (next) next();
      else if (--gate.active === 0) this.gates.delete(mailbox);
    }
  }
}

/** Shared by every request of this process: the limit is the mailbox's, whoever asks. */
export const mailboxGates = new MailboxGates();

export interface RetryPolicy {
  /** Retries of 429/503/504 (Retry-After honoured). Default 3. */
  maxRetries?: number;
  /** Wait when the answer has no Retry-After, in seconds (grows with each attempt). Default 3. */
  delaySeconds?: number;
  /** A longer Retry-After is not waited for: the call fails as 'throttled' with retryAfterMs. Default 30. */
  maxRetryAfterSeconds?: number;
}

export interface GraphCalendarOptions {
  /** Default https://graph.microsoft.com; tests point it at a local stub. */
  baseUrl?: string;
  /** A Graph access token for the mailbox's user (on-behalf-of); may throw a CalendarError. */
  getToken: () => Promise<string>;
  /** Whose calendar: the key of the concurrency gate. */
  mailbox: string;
  gates?: MailboxGates;
  retry?: RetryPolicy;
  /** Passed to fetch on every request (tests: e.g. a dispatcher). */
  fetchOptions?: FetchOptions;
}

function retryAfterSeconds(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - Date.now()) / 1000);
}

/** Any failure of a Graph call, in the app's terms. */
export function toCalendarError(error: unknown): CalendarError {
  if (error instanceof CalendarError) return error;
  if (error instanceof GraphError) {
    const status = error.statusCode;
    const seconds = retryAfterSeconds(error.headers?.get('retry-after'));
    const retryAfterMs = seconds === undefined ? undefined : Math.round(seconds * 1000);
    const message = [error.code, error.message].filter(Boolean).join(': ') || `Graph answered ${status}`;
    if (status === 429) return new CalendarError(429, 'throttled', message, retryAfterMs);
    if (status === 401) return new CalendarError(401, 'unauthenticated', message);
    if (status === 403) return new CalendarError(403, 'forbidden', message);
    if (status === 404) return new CalendarError(404, 'notFound', message);
    if (status >= 400 && status < 500) return new CalendarError(status, 'rejected', message);
    // 5xx, or -1 when no answer came at all (fetch failed).
    return new CalendarError(status > 0 ? status : 503, 'unavailable', message, retryAfterMs);
  }
  return new CalendarError(503, 'unavailable', error instanceof Error ? error.message : String(error));
}

/** The user's own calendar through the Graph client: retries with Retry-After, 4 at a time per mailbox. */
export function createGraphCalendar(options: GraphCalendarOptions): GraphCalendar {
  const gates = options.gates ?? mailboxGates;
  const maxRetryAfter = options.retry?.maxRetryAfterSeconds ?? 30;
  // Retry only when the wait Graph asks for is one a person in front of the tab can sit through.
  const shouldRetry = (_delay: number, _attempt: number, _request: unknown, _options: unknown, response: Response) =>
    (retryAfterSeconds(response.headers.get('retry-after')) ?? 0) <= maxRetryAfter;
  const retryOptions = new RetryHandlerOptions(options.retry?.delaySeconds ?? 3, options.retry?.maxRetries ?? 3, shouldRetry);
  // A custom chain without the SDK's AuthenticationHandler: the token goes on each request below, so
  // it reaches any configured base URL (the SDK's handler only signs https Graph hosts).
  const client = Client.initWithMiddleware({
    baseUrl: (options.baseUrl ?? GRAPH_BASE_URL).replace(/\/+$/, ''),
    defaultVersion: 'v1.0',
    fetchOptions: options.fetchOptions,
    middleware: [new RetryHandler(retryOptions), new TelemetryHandler(), new HTTPMessageHandler()],
  });

  const call = <T>(path: string, send: (request: ReturnType<Client['api']>) => Promise<T>): Promise<T> =>
    gates.run(options.mailbox, async () => {
      const token = await options.getToken();
      const request = client
        .api(path)
        .header('Authorization', `Bearer ${token}`)
        .header('Prefer', `outlook.timezone="${GRAPH_TIME_ZONE}"`);
      try {
        return await send(request);
      } catch (error) {
        throw toCalendarError(error);
      }
    });
  const event = (id: string) => `/me/events/${encodeURIComponent(id)}`;

  return {
    async createEvent(body, transactionId) {
      const created = await call<Event>('/me/events', (r) => r.post({ ...body, transactionId } satisfies Event));
      if (!created?.id) throw new CalendarError(502, 'unavailable', 'Graph created the event without returning its id');
      return { id: created.id, joinUrl: created.onlineMeeting?.joinUrl ?? undefined };
    },
    async updateEvent(id, body) {
      const updated = await call<Event | undefined>(event(id), (r) => r.patch(body));
      return { joinUrl: updated?.onlineMeeting?.joinUrl ?? undefined };
    },
    async cancelEvent(id, comment) {
      await call(`${event(id)}/cancel`, (r) => r.post({ comment }));
    },
  };
}
