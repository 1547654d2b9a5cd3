// Teams' limits for a bot: 7 messages per second in one conversation, 50 requests per second per app
// per tenant. A sliding window per key; `acquire` waits (on the injected clock) until both allow.

export interface Limit {
  count: number;
  windowMs: number;
}

export interface RateLimits {
  perConversation: Limit;
  perTenant: Limit;
}

export const TEAMS_LIMITS: RateLimits = {
  perConversation: { count: 7, windowMs: 1000 },
  perTenant: { count: 50, windowMs: 1000 },
};

/**
 * What the scheduler aims at: 90% of Teams' limits. Pacing exactly at the ceiling drew 429s from clock
 * skew and from botbuilder's own 429 retries (which bypass this limiter), each stalling a send for a
 * second or more; measured with `npm run bench` (bench/README.md), 45/s sends faster than 50/s.
 */
export const SENDING_LIMITS: RateLimits = {
  perConversation: { count: 6, windowMs: 1000 },
  perTenant: { count: 45, windowMs: 1000 },
};

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

class Window {
  private readonly stamps: number[] = [];
  constructor(private readonly limit: Limit) {}

  /** Milliseconds until one more request fits (0 = now). */
  waitFor(now: number): number {
    while (this.stamps.length && this.stamps[0]! <= now - this.limit.windowMs) this.stamps.shift();
    return this.stamps.length < this.limit.count ? 0 : this.stamps[0]! + this.limit.windowMs - now;
  }

  take(now: number) {
    this.stamps.push(now);
  }

  get idle() {
    return this.stamps.length === 0;
  }
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limits: RateLimits = SENDING_LIMITS,
    private readonly clock: Clock = realClock,
  ) {}

  /** Resolves when a request to `conversationId` in `tenantId` may go, and counts it. */
  async acquire(conversationId: string, tenantId = 'local'): Promise<void> {
    const keys: [string, Limit][] = [
      [`c:${conversationId}`, this.limits.perConversation],
      [`t:${tenantId}`, this.limits.perTenant],
    ];
    for (;;) {
      const now = this.clock.now();
      const windows = keys.map(([key, limit]) => this.window(key, limit));
      const wait = Math.max(...windows.map((w) => w.waitFor(now)));
      if (wait <= 0) {
        windows.forEach((w) => w.take(now));
        this.forgetIdle(now);
        return;
      }
      await this.clock.sleep(wait);
    }
  }

  private window(key: string, limit: Limit): Window {
    let window = this.windows.get(key);
    if (!window) this.windows.set(key, (window = new Window(limit)));
    return window;
  }

  private forgetIdle(now: number) {
    if (this.windows.size < 10_000) return;
    for (const [key, window] of this.windows) if (window.waitFor(now) === 0 && window.idle) this.windows.delete(key);
  }
}
