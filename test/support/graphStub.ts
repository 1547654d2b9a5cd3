import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';

// Microsoft Graph's calendar, as far as booking uses it, on 127.0.0.1 (plain http: the service's Graph
// client signs every request itself, see bot/calendar/graph.ts). Put its `url` in GRAPH_BASE_URL.
// POST /v1.0/me/events (transactionId: the same one returns the same event), PATCH /v1.0/me/events/{id},
// POST /v1.0/me/events/{id}/cancel. Every request is recorded with when it came and was answered.

export interface StubEvent {
  id: string;
  transactionId?: string;
  subject?: string;
  body?: { contentType?: string; content?: string };
  start?: { dateTime: string; timeZone: string };
  end?: { dateTime: string; timeZone: string };
  location?: { displayName?: string };
  isOnlineMeeting?: boolean;
  onlineMeetingProvider?: string;
  /** What Outlook gives an online event: the Teams meeting's join link (kept once the event was online). */
  onlineMeeting?: { joinUrl: string };
  attendees?: { emailAddress: { address: string; name?: string }; type?: string }[];
  /** Set by /cancel: the event is gone from the organizer's calendar and attendees got the comment. */
  cancelled?: { comment: string };
}

export interface StubCall {
  /** 1-based, in order of arrival. */
  index: number;
  method: string;
  path: string;
  authorization?: string;
  prefer?: string;
  body: Record<string, any>;
  /** performance.now() when the request had arrived (body read) and when it was answered. */
  receivedAt: number;
  respondedAt?: number;
  status?: number;
  /** Requests being handled when this one arrived, this one included. */
  concurrent: number;
}

export type CallKind = 'create' | 'update' | 'cancel' | 'other';

/** The join link Outlook would give an online event: a Teams meeting of its own (its chat thread named after the event). */
export const stubJoinUrl = (eventId: string) =>
  `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${Buffer.from(eventId).toString('hex')}%40thread.v2/0?context=%7b%22Tid%22%3a%22stub%22%7d`;

function goOnline(event: StubEvent) {
  if (event.isOnlineMeeting && !event.onlineMeeting) event.onlineMeeting = { joinUrl: stubJoinUrl(event.id) };
}

/** A planned failure: the first `times` calls that match are answered with `status` instead. */
export interface Failure {
  when: (call: StubCall, kind: CallKind) => boolean;
  status: number;
  retryAfterSeconds?: number;
  /** Do the work (create the event…) and then fail the answer: the client never hears of it. */
  afterApplying?: boolean;
  times?: number;
}

export interface GraphStub {
  url: string;
  calls: StubCall[];
  /** Every event ever created, cancelled ones included, by id. */
  events: Map<string, StubEvent>;
  /** Events still in the calendar. */
  live(): StubEvent[];
  fail(failure: Failure): void;
  /** Milliseconds each request takes, so concurrency shows. */
  latencyMs: number;
  /** Empties the calendar (events and the transactionIds seen). */
  clearCalendar(): void;
  /** The most requests handled at the same time. */
  maxConcurrent(): number;
  kindOf(call: StubCall): CallKind;
  reset(): void;
  close(): Promise<void>;
}

const EVENTS = /^\/v1\.0\/me\/events$/;
const EVENT = /^\/v1\.0\/me\/events\/([^/]+)$/;
const CANCEL = /^\/v1\.0\/me\/events\/([^/]+)\/cancel$/;

function kindOf(call: Pick<StubCall, 'method' | 'path'>): CallKind {
  if (call.method === 'POST' && EVENTS.test(call.path)) return 'create';
  if (call.method === 'PATCH' && EVENT.test(call.path)) return 'update';
  if (call.method === 'POST' && CANCEL.test(call.path)) return 'cancel';
  return 'other';
}

/** Matches the nth call of a kind (1-based), counting every call of that kind including refused ones. */
export function nth(kind: CallKind, n: number): Failure['when'] {
  let seen = 0;
  return (_call, callKind) => callKind === kind && ++seen === n;
}

export async function startGraphStub(): Promise<GraphStub> {
  const calls: StubCall[] = [];
  const events = new Map<string, StubEvent>();
  const transactions = new Map<string, string>();
  let failures: (Failure & { left: number })[] = [];
  let active = 0;
  let nextId = 1;

  const server = http.createServer(async (req, res) => {
    active++;
    const raw = await readBody(req);
    const path = (req.url ?? '').split('?')[0]!;
    const call: StubCall = {
      index: calls.length + 1,
      method: req.method ?? '',
      path,
      authorization: req.headers.authorization,
      prefer: req.headers.prefer as string | undefined,
      body: raw ? JSON.parse(raw) : {},
      receivedAt: performance.now(),
      concurrent: active,
    };
    calls.push(call);
    const kind = kindOf(call);
    const answer = async (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      if (stub.latencyMs) await new Promise((resolve) => setTimeout(resolve, stub.latencyMs));
      call.status = status;
      call.respondedAt = performance.now();
      active--;
      res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const graphError = (status: number, code: string, message: string) => ({ error: { code, message, innerError: { 'request-id': `stub-${call.index}`, date: new Date().toISOString() } } });

    const failure = failures.find((f) => f.left > 0 && f.when(call, kind));
    if (failure) failure.left--;
    const refuse = () =>
      answer(failure!.status, graphError(failure!.status, failure!.status === 429 ? 'ApplicationThrottled' : 'ServiceFailure', 'failure planned by the test'),
        failure!.retryAfterSeconds !== undefined ? { 'retry-after': String(failure!.retryAfterSeconds) } : {});
    if (failure && !failure.afterApplying) return refuse();

    if (!call.authorization?.startsWith('Bearer ')) return answer(401, graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.'));

    let result: { status: number; body?: unknown };
    if (kind === 'create') {
      const known = call.body.transactionId && transactions.get(call.body.transactionId);
      if (known) {
        result = { status: 201, body: events.get(known) };
      } else {
        const event: StubEvent = { ...call.body, id: `AAMkAD-stub-${nextId++}=` };
        goOnline(event);
        events.set(event.id, event);
        if (event.transactionId) transactions.set(event.transactionId, event.id);
        result = { status: 201, body: event };
      }
    } else if (kind === 'update' || kind === 'cancel') {
      const id = decodeURIComponent((kind === 'update' ? EVENT : CANCEL).exec(path)![1]!);
      const event = events.get(id);
      if (!event || event.cancelled) {
        result = { status: 404, body: graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.') };
      } else if (kind === 'update') {
        Object.assign(event, call.body);
        goOnline(event);
        result = { status: 200, body: event };
      } else {
        event.cancelled = { comment: call.body.comment };
        result = { status: 202 };
      }
    } else {
      result = { status: 400, body: graphError(400, 'BadRequest', `the stub does not know ${call.method} ${path}`) };
    }
    if (failure) return refuse();
    return answer(result.status, result.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const stub: GraphStub = {
    url: `http://127.0.0.1:${port}`,
    calls,
    events,
    latencyMs: 0,
    live: () => [...events.values()].filter((e) => !e.cancelled),
    fail: (failure) => failures.push({ ...failure, left: failure.times ?? 1 }),
    clearCalendar() {
      events.clear();
      transactions.clear();
    },
    maxConcurrent: () => Math.max(0, ...calls.map((c) => c.concurrent)),
    kindOf,
    reset() {
      calls.length = 0;
      failures = [];
      stub.latencyMs = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return stub;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
