import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { hr } from './stats';

// A Bot Framework channel on 127.0.0.1 that behaves like Teams under load: it speaks the connector
// REST routes the botbuilder adapter calls (send, reply, update, create conversation) and ENFORCES
// Teams' limits — per conversation (7 messages in any 1 s) and per app per tenant (50 requests in any
// 1 s), sliding windows — answering the excess 429 with Retry-After (whole seconds until the window
// has room). On top, a configurable share of requests it would have accepted is answered 429 with
// Retry-After: 1 (Teams also throttles for reasons a bot cannot see). Refused requests do not count
// towards the windows; accepted ones do.
//
// Every accepted message is recorded by conversation and a content key, so a benchmark can count
// what was expected but never accepted (lost) and what was accepted more than once (duplicated).

export interface Limit {
  count: number;
  windowMs: number;
}

export interface ChannelLimits {
  perConversation?: Limit;
  perTenant?: Limit;
  /** Share (0..1) of otherwise-allowed requests answered 429 + Retry-After: 1. */
  randomThrottle?: number;
  /** Extra time before answering an accepted request (Teams' own processing), default 0. */
  latencyMs?: number;
}

export const TEAMS_CHANNEL_LIMITS: ChannelLimits = {
  perConversation: { count: 7, windowMs: 1000 },
  perTenant: { count: 50, windowMs: 1000 },
  randomThrottle: 0.05,
};

export type RefusalReason = 'conversation' | 'tenant' | 'random';

export interface Accepted {
  /** ms on the harness's monotonic clock (stats.hr). */
  at: number;
  method: 'POST' | 'PUT';
  kind: 'send' | 'reply' | 'update' | 'createConversation';
  conversationId?: string;
  tenantId: string;
  /** What was sent, for counting duplicates: see contentKeyOf. */
  key?: string;
  activityId: string;
}

export interface Refused {
  at: number;
  reason: RefusalReason;
  conversationId?: string;
  retryAfterSeconds: number;
}

export interface LimitedChannel {
  url: string;
  accepted: Accepted[];
  refused: Refused[];
  limits: ChannelLimits;
  /** Called after each accepted request has been answered. */
  onAccepted?: (accepted: Accepted) => void;
  reset(limits?: ChannelLimits): void;
  /** Accepted messages per content key. */
  countsByKey(filter?: (a: Accepted) => boolean): Map<string, number>;
  /** The most requests accepted in any window of `windowMs` (checks the enforcement itself). */
  maxInWindow(windowMs?: number): number;
  close(): Promise<void>;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;
const MEMBER = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/;

/**
 * What a message says, as a key: the adaptive card's action data (network + meeting for a
 * reflection card) plus whether it is a reminder, or the text. Two accepted messages in one
 * conversation with the same key are the same message sent twice.
 */
export function contentKeyOf(body: Record<string, any>): string {
  const card = body.attachments?.[0]?.content;
  if (card) {
    const data = card.refresh?.action?.data ?? card.actions?.[0]?.data ?? {};
    const reminder = JSON.stringify(card.body ?? []).includes('påmindelse') || JSON.stringify(card.body ?? []).includes('reminder');
    return `card:${data.networkId ?? ''}|${data.meetingId ?? ''}${reminder ? '|reminder' : ''}`;
  }
  return `text:${String(body.text ?? '').slice(0, 80)}`;
}

// Written apart from bot/scheduler/sendBudget.ts on purpose: this window is the judge of that limiter,
// so a mistake in one must not be copied into the other.
class SlidingWindow {
  private readonly stamps: number[] = [];
  constructor(private readonly limit: Limit) {}

  /** 0 when one more fits now, else ms until it does. */
  waitFor(now: number): number {
    while (this.stamps.length && this.stamps[0]! <= now - this.limit.windowMs) this.stamps.shift();
    return this.stamps.length < this.limit.count ? 0 : this.stamps[0]! + this.limit.windowMs - now;
  }

  take(now: number) {
    this.stamps.push(now);
  }
}

export async function startLimitedChannel(initial: ChannelLimits = TEAMS_CHANNEL_LIMITS, random: () => number = seeded(42)): Promise<LimitedChannel> {
  let limits = initial;
  let windows = new Map<string, SlidingWindow>();
  const accepted: Accepted[] = [];
  const refused: Refused[] = [];
  let nextId = 1;

  const windowFor = (key: string, limit: Limit) => {
    let w = windows.get(key);
    if (!w) windows.set(key, (w = new SlidingWindow(limit)));
    return w;
  };

  const server = http.createServer(async (req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const memberMatch = MEMBER.exec(path);
    if (req.method === 'GET' && memberMatch) return answer(404, { error: { code: 'MemberNotFound' } });
    const text = await readBody(req);
    let body: Record<string, any>;
    try {
      body = JSON.parse(text || '{}');
    } catch {
      return answer(400, { error: { code: 'BadArgument', message: 'not JSON' } });
    }
    const activities = ACTIVITIES.exec(path);
    const method = req.method as 'POST' | 'PUT';
    let kind: Accepted['kind'];
    let conversationId: string | undefined;
    if (activities && method === 'POST') {
      conversationId = decodeURIComponent(activities[1]!);
      kind = activities[2] ? 'reply' : 'send';
    } else if (activities && method === 'PUT' && activities[2]) {
      conversationId = decodeURIComponent(activities[1]!);
      kind = 'update';
    } else if (method === 'POST' && path === '/v3/conversations') {
      kind = 'createConversation';
    } else {
      return answer(404, { error: { code: 'NotFound', message: `${req.method} ${path}` } });
    }
    const tenantId = String(body.conversation?.tenantId ?? body.channelData?.tenant?.id ?? body.tenantId ?? 'default');

    const now = hr();
    const checks: [RefusalReason, SlidingWindow][] = [];
    if (limits.perTenant) checks.push(['tenant', windowFor(`t:${tenantId}`, limits.perTenant)]);
    if (limits.perConversation && conversationId) checks.push(['conversation', windowFor(`c:${conversationId}`, limits.perConversation)]);
    let refusal: { reason: RefusalReason; waitMs: number } | undefined;
    for (const [reason, window] of checks) {
      const waitMs = window.waitFor(now);
      if (waitMs > 0 && (!refusal || waitMs > refusal.waitMs)) refusal = { reason, waitMs };
    }
    if (!refusal && limits.randomThrottle && random() < limits.randomThrottle) refusal = { reason: 'random', waitMs: 1000 };
    if (refusal) {
      const retryAfterSeconds = Math.max(1, Math.ceil(refusal.waitMs / 1000));
      refused.push({ at: now, reason: refusal.reason, conversationId, retryAfterSeconds });
      return answer(429, { error: { code: 'Throttled', message: `Too many requests (${refusal.reason})` } }, { 'retry-after': String(retryAfterSeconds) });
    }
    checks.forEach(([, window]) => window.take(now));

    const activityId = kind === 'update' ? decodeURIComponent(activities![2]!) : `activity-${nextId++}`;
    const record: Accepted = { at: now, method, kind, conversationId, tenantId, activityId };
    if (kind !== 'createConversation') record.key = contentKeyOf(body);
    accepted.push(record);
    const respond = () => {
      if (kind === 'createConversation') answer(200, { id: `a:created-${nextId++}`, activityId });
      else answer(200, { id: activityId });
      channel.onAccepted?.(record);
    };
    if (limits.latencyMs) setTimeout(respond, limits.latencyMs);
    else respond();
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const channel: LimitedChannel = {
    url: `http://127.0.0.1:${port}/`,
    accepted,
    refused,
    get limits() {
      return limits;
    },
    reset(next = limits) {
      limits = next;
      windows = new Map();
      accepted.length = 0;
      refused.length = 0;
      channel.onAccepted = undefined;
    },
    countsByKey(filter = () => true) {
      const counts = new Map<string, number>();
      for (const a of accepted) {
        if (!a.key || !filter(a)) continue;
        const key = `${a.conversationId}|${a.key}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return counts;
    },
    maxInWindow(windowMs = 1000) {
      const times = accepted.map((a) => a.at).sort((a, b) => a - b);
      let best = 0;
      let start = 0;
      for (let end = 0; end < times.length; end++) {
        while (times[end]! - times[start]! >= windowMs) start++;
        best = Math.max(best, end - start + 1);
      }
      return best;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return channel;
}

/** A small deterministic PRNG (mulberry32), so the random 429s are the same from run to run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}
