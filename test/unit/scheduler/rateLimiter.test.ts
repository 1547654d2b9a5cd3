import { RateLimiter, SENDING_LIMITS, TEAMS_LIMITS, type Clock } from '../../../bot/scheduler/rateLimiter';

// Teams' limits for a bot, on virtual time: sleeping advances a fake clock, nothing really waits.

/** A clock whose sleeps are timers on virtual time; `run` fires them in order until none are left. */
class VirtualClock implements Clock {
  private time = 0;
  private seq = 0;
  private timers: { at: number; seq: number; wake: () => void }[] = [];
  readonly sleeps: number[] = [];

  now() {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    return new Promise((wake) => this.timers.push({ at: this.time + Math.max(0, ms), seq: this.seq++, wake }));
  }

  /** Lets every pending promise settle, then fires the earliest timer, until no timer is left. */
  run(): Promise<void> {
    return this.advance(Infinity);
  }

  /** Moves time on by `ms`, firing the timers due on the way in order. */
  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers[0];
      if (!next || next.at > until) break;
      this.timers.shift();
      this.time = next.at;
      next.wake();
    }
    if (Number.isFinite(until)) this.time = until;
  }
}

interface Request {
  conversation: string;
  tenant: string;
}

/** Starts every request at once; resolves with the virtual time at which each was let through. */
async function acquireAll(limiter: RateLimiter, clock: VirtualClock, requests: Request[]) {
  const granted: (Request & { at: number })[] = [];
  const done = Promise.all(requests.map((r) => limiter.acquire(r.conversation, r.tenant).then(() => granted.push({ ...r, at: clock.now() }))));
  await clock.run();
  await done;
  return granted;
}

/** The most grants in any window of `windowMs` that starts at a grant. */
function busiestWindow(times: number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j]! < sorted[i]! - windowMs + 1) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

const requests = (conversations: number, each: number, tenant = 't1'): Request[] =>
  Array.from({ length: conversations * each }, (_, i) => ({ conversation: `${tenant}-c${i % conversations}`, tenant }));

describe('RateLimiter', () => {
  let clock: VirtualClock;
  let limiter: RateLimiter;
  beforeEach(() => {
    clock = new VirtualClock();
    limiter = new RateLimiter(TEAMS_LIMITS, clock);
  });

  it('uses Teams’ limits: 7 per second per conversation, 50 per second per tenant', () => {
    expect(TEAMS_LIMITS).toEqual({ perConversation: { count: 7, windowMs: 1000 }, perTenant: { count: 50, windowMs: 1000 } });
  });

  it('aims at 90% of them by default, leaving room for skew and botbuilder’s own retries', async () => {
    expect(SENDING_LIMITS).toEqual({ perConversation: { count: 6, windowMs: 1000 }, perTenant: { count: 45, windowMs: 1000 } });
    const granted = await acquireAll(new RateLimiter(undefined, clock), clock, requests(20, 10));
    expect(busiestWindow(granted.map((g) => g.at))).toBe(45);
    for (let c = 0; c < 20; c++) {
      expect(busiestWindow(granted.filter((g) => g.conversation === `t1-c${c}`).map((g) => g.at))).toBeLessThanOrEqual(6);
    }
  });

  it('does not wait while under the limits', async () => {
    for (let i = 0; i < 7; i++) await limiter.acquire('c1', 't1');
    for (let i = 0; i < 43; i++) await limiter.acquire(`other-${i % 7}`, 't1');
    expect(clock.sleeps).toEqual([]);
    expect(clock.now()).toBe(0);
  });

  it('waits for the window to move on once a conversation had 7 in a second', async () => {
    const granted = await acquireAll(limiter, clock, requests(1, 8));
    expect(granted.map((g) => g.at)).toEqual([0, 0, 0, 0, 0, 0, 0, 1000]);
    expect(clock.sleeps).toEqual([1000]);
  });

  it('never lets more than 7 into one conversation in any second', async () => {
    const granted = await acquireAll(limiter, clock, requests(1, 100));
    expect(granted).toHaveLength(100);
    expect(busiestWindow(granted.map((g) => g.at))).toBe(7);
    // …and no slower than the limit allows: 100 messages take 14 full seconds plus the first.
    expect(Math.max(...granted.map((g) => g.at))).toBe(14_000);
  });

  it('never lets more than 50 of one tenant through in any second, across many conversations', async () => {
    const granted = await acquireAll(limiter, clock, requests(40, 10));
    expect(granted).toHaveLength(400);
    expect(busiestWindow(granted.map((g) => g.at))).toBe(50);
    for (let c = 0; c < 40; c++) {
      expect(busiestWindow(granted.filter((g) => g.conversation === `t1-c${c}`).map((g) => g.at))).toBeLessThanOrEqual(7);
    }
    expect(Math.max(...granted.map((g) => g.at))).toBe(7_000);
  });

  it('keeps both limits when requests keep arriving over time', async () => {
    const granted: { conversation: string; at: number }[] = [];
    const pending: Promise<unknown>[] = [];
    for (let burst = 0; burst < 12; burst++) {
      // 40 requests over 10 conversations every 350 ms: more than either limit allows.
      for (let i = 0; i < 40; i++) {
        const conversation = `c${(burst * 7 + i) % 10}`;
        pending.push(limiter.acquire(conversation, 't1').then(() => granted.push({ conversation, at: clock.now() })));
      }
      await clock.advance(350);
      if (burst === 0) expect(granted.length).toBeGreaterThan(0);
    }
    await clock.run();
    await Promise.all(pending);
    expect(granted).toHaveLength(480);
    expect(busiestWindow(granted.map((g) => g.at))).toBe(50);
    for (let c = 0; c < 10; c++) {
      expect(busiestWindow(granted.filter((g) => g.conversation === `c${c}`).map((g) => g.at))).toBeLessThanOrEqual(7);
    }
    // Requests were still arriving while earlier ones waited: the waits interleave with new bursts.
    expect(new Set(granted.map((g) => g.at)).size).toBeGreaterThan(5);
  });

  it('keeps tenants independent of each other', async () => {
    const granted = await acquireAll(limiter, clock, [...requests(10, 5, 'a'), ...requests(10, 4, 'b')]);
    expect(granted).toHaveLength(90);
    expect(granted.every((g) => g.at === 0)).toBe(true);
    expect(clock.sleeps).toEqual([]);

    // Tenant a is at its limit now (50); tenant b (40) still has room in a new conversation.
    const more = acquireAll(limiter, clock, [{ conversation: 'a-new', tenant: 'a' }]);
    await limiter.acquire('b-new', 'b');
    expect(clock.now()).toBe(0);
    const [late] = await more;
    expect(late!.at).toBe(1000);
  });

  it('counts conversations of the same id in different tenants together', async () => {
    // Conversation ids are unique across Teams; the limiter keys them without the tenant.
    const granted = await acquireAll(limiter, clock, [...Array.from({ length: 4 }, () => ({ conversation: 'c', tenant: 'a' })), ...Array.from({ length: 4 }, () => ({ conversation: 'c', tenant: 'b' }))]);
    expect(granted.filter((g) => g.at === 0)).toHaveLength(7);
  });

  it('uses the tenant "local" when none is given', async () => {
    for (let i = 0; i < 50; i++) await limiter.acquire(`c${i % 10}`);
    const waiting = acquireAll(limiter, clock, [{ conversation: 'x', tenant: 'local' }]);
    const [late] = await waiting;
    expect(late!.at).toBe(1000);
  });

  it('works with other limits', async () => {
    const tight = new RateLimiter({ perConversation: { count: 2, windowMs: 500 }, perTenant: { count: 3, windowMs: 2000 } }, clock);
    const granted = await acquireAll(tight, clock, requests(3, 3));
    expect(busiestWindow(granted.map((g) => g.at), 2000)).toBe(3);
    expect(granted).toHaveLength(9);
  });
});
