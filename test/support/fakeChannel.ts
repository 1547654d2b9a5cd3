import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A Bot Framework channel on 127.0.0.1: put its `url` in an activity's serviceUrl and the bot's
// replies, updates and new conversations arrive here, recorded with their parsed bodies.

export interface ChannelCall {
  method: 'POST' | 'PUT';
  /** Decoded conversation id; undefined for "create conversation". */
  conversationId?: string;
  /** The activity replied to (POST) or updated (PUT). */
  activityId?: string;
  authorization?: string;
  body: Record<string, any>;
}

/** A response the channel gives instead of success: e.g. 429 with Retry-After, or 403 (bot blocked). */
export interface Refusal {
  status: number;
  retryAfterSeconds?: number;
}

export interface FakeChannel {
  url: string;
  calls: ChannelCall[];
  /** Calls that were refused, recorded apart from `calls` (which holds what got through). */
  refused: ChannelCall[];
  /** Decides per incoming call whether to refuse it; undefined = accept. */
  refuse?: (call: Omit<ChannelCall, 'authorization'>) => Refusal | undefined;
  /** What GET /v3/conversations/{team}/members/{userId} answers (TeamsInfo.getMember). */
  members: Map<string, Record<string, unknown>>;
  /** Who is in each team, by team id: GET /v3/conversations/{team}/pagedmembers (TeamsInfo.getPagedTeamMembers), 2 a page. */
  rosters: Map<string, Record<string, unknown>[]>;
  /** Resolves once `count` calls in total have arrived. */
  received(count: number, timeoutMs?: number): Promise<ChannelCall[]>;
  /** The text of every message posted to a conversation, in order. */
  textsIn(conversationId: string): string[];
  close(): Promise<void>;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;
const MEMBER = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/;
const PAGED_MEMBERS = /^\/v3\/conversations\/([^/]+)\/pagedmembers$/;
/** Fewer than asked for, as Teams may answer: the caller must follow the continuation token. */
const ROSTER_PAGE = 2;

export async function startFakeChannel(): Promise<FakeChannel> {
  const calls: ChannelCall[] = [];
  const refused: ChannelCall[] = [];
  const members = new Map<string, Record<string, unknown>>();
  const rosters = new Map<string, Record<string, unknown>[]>();
  const waiters = new Set<() => void>();
  let nextId = 1;

  const server = http.createServer(async (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const memberMatch = MEMBER.exec(path);
    if (req.method === 'GET' && memberMatch) {
      const member = members.get(decodeURIComponent(memberMatch[2]));
      return member ? answer(200, member) : answer(404, { error: { code: 'MemberNotFound' } });
    }
    const pagedMatch = PAGED_MEMBERS.exec(path);
    if (req.method === 'GET' && pagedMatch) {
      const roster = rosters.get(decodeURIComponent(pagedMatch[1]));
      if (!roster) return answer(404, { error: { code: 'NotFound' } });
      const from = Number(new URL(req.url ?? '', 'http://x').searchParams.get('continuationToken') ?? 0);
      const next = from + ROSTER_PAGE;
      return answer(200, { members: roster.slice(from, next), continuationToken: next < roster.length ? String(next) : undefined });
    }
    const body = JSON.parse((await readBody(req)) || '{}');
    const activitiesMatch = ACTIVITIES.exec(path);
    const method = req.method as ChannelCall['method'];
    // True when the call went through; a refused call is answered here and recorded apart.
    const record = (call: Omit<ChannelCall, 'method' | 'authorization' | 'body'>): boolean => {
      const full = { method, authorization: req.headers.authorization, body, ...call };
      const refusal = fake.refuse?.(full);
      if (refusal) {
        refused.push(full);
        res.writeHead(refusal.status, {
          'content-type': 'application/json',
          ...(refusal.retryAfterSeconds !== undefined ? { 'retry-after': String(refusal.retryAfterSeconds) } : {}),
        });
        res.end(JSON.stringify({ error: { code: refusal.status === 429 ? 'Throttled' : 'Refused', message: 'refused by the fake channel' } }));
        return false;
      }
      calls.push(full);
      waiters.forEach((wake) => wake());
      return true;
    };
    if (activitiesMatch && (method === 'POST' || (method === 'PUT' && activitiesMatch[2]))) {
      if (!record({ conversationId: decodeURIComponent(activitiesMatch[1]), activityId: activitiesMatch[2] && decodeURIComponent(activitiesMatch[2]) })) return;
      return answer(200, { id: method === 'PUT' ? activitiesMatch[2] : `activity-${nextId++}` });
    }
    if (method === 'POST' && path === '/v3/conversations') {
      if (!record({})) return;
      return answer(200, { id: `a:created-${nextId++}`, activityId: `activity-${nextId++}` });
    }
    answer(404, { error: { code: 'NotFound', message: `${req.method} ${path}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeChannel = {
    url: `http://127.0.0.1:${port}/`,
    calls,
    refused,
    members,
    rosters,
    received(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (calls.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(calls.slice());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Expected ${count} channel calls, got ${calls.length}: ${JSON.stringify(calls.map((c) => c.body.text))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    textsIn(conversationId) {
      return calls.filter((call) => call.conversationId === conversationId && call.body.type === 'message').map((call) => call.body.text);
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // the bot's HTTP client keeps connections alive
      }),
  };
  return fake;
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
