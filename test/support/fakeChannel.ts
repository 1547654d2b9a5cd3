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

export interface FakeChannel {
  url: string;
  calls: ChannelCall[];
  /** What GET /v3/conversations/{team}/members/{userId} answers (TeamsInfo.getMember). */
  members: Map<string, Record<string, unknown>>;
  /** Resolves once `count` calls in total have arrived. */
  received(count: number, timeoutMs?: number): Promise<ChannelCall[]>;
  /** The text of every message posted to a conversation, in order. */
  textsIn(conversationId: string): string[];
  close(): Promise<void>;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;
const MEMBER = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/;

export async function startFakeChannel(): Promise<FakeChannel> {
  const calls: ChannelCall[] = [];
  const members = new Map<string, Record<string, unknown>>();
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
    const body = JSON.parse((await readBody(req)) || '{}');
    const activitiesMatch = ACTIVITIES.exec(path);
    const method = req.method as ChannelCall['method'];
    const record = (call: Omit<ChannelCall, 'method' | 'authorization' | 'body'>) => {
      calls.push({ method, authorization: req.headers.authorization, body, ...call });
      waiters.forEach((wake) => wake());
    };
    if (activitiesMatch && (method === 'POST' || (method === 'PUT' && activitiesMatch[2]))) {
      record({ conversationId: decodeURIComponent(activitiesMatch[1]), activityId: activitiesMatch[2] && decodeURIComponent(activitiesMatch[2]) });
      return answer(200, { id: method === 'PUT' ? activitiesMatch[2] : `activity-${nextId++}` });
    }
    if (method === 'POST' && path === '/v3/conversations') {
      record({});
      return answer(200, { id: `a:created-${nextId++}`, activityId: `activity-${nextId++}` });
    }
    answer(404, { error: { code: 'NotFound', message: `${req.method} ${path}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    members,
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
