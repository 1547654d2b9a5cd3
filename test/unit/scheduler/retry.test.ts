import { decideRetry, MAX_ATTEMPTS } from '../../../bot/scheduler/retry';

// What the scheduler does after a failed send.

const TEN_MINUTES = 10 * 60_000;
const BASE = 2_000;
/** The backoff ceiling for the n-th attempt: 2 s, 4 s, 8 s, … capped at 10 minutes. */
const ceiling = (attempts: number) => Math.min(TEN_MINUTES, BASE * 2 ** Math.max(0, attempts - 1));
const delay = (decision: ReturnType<typeof decideRetry>) => {
  if (!('retryInMs' in decision)) throw new Error(`expected a retry, got ${JSON.stringify(decision)}`);
  return decision.retryInMs;
};

describe('decideRetry', () => {
  it('records a user who blocked the bot (403) and never retries', () => {
    expect(decideRetry({ status: 403 }, 1)).toEqual({ giveUp: 'blocked' });
    expect(decideRetry({ status: 403, retryAfterMs: 1000 }, 1)).toEqual({ giveUp: 'blocked' });
  });

  it('records a conversation that is gone (404) and never retries', () => {
    expect(decideRetry({ status: 404 }, 1)).toEqual({ giveUp: 'notFound' });
  });

  it('gives up on other client errors, which are the app’s fault', () => {
    for (const status of [400, 401, 405, 413, 422]) expect(decideRetry({ status }, 1)).toEqual({ giveUp: 'failed' });
  });

  it('waits exactly what Retry-After asks on 429', () => {
    expect(decideRetry({ status: 429, retryAfterMs: 1_500 }, 1)).toEqual({ retryInMs: 1_500 });
    expect(decideRetry({ status: 429, retryAfterMs: 0 }, 3)).toEqual({ retryInMs: 0 });
  });

  it('waits at most 10 minutes whatever Retry-After asks', () => {
    expect(decideRetry({ status: 429, retryAfterMs: 3_600_000 }, 1)).toEqual({ retryInMs: TEN_MINUTES });
  });

  it('does not use the random source when Retry-After decides', () => {
    const random = jest.fn(() => 0.5);
    decideRetry({ status: 429, retryAfterMs: 5_000 }, 2, random);
    expect(random).not.toHaveBeenCalled();
  });

  describe.each([
    ['429 without Retry-After', { status: 429 }],
    ['500', { status: 500 }],
    ['503 with a Retry-After (only 429 honours it)', { status: 503, retryAfterMs: 1 }],
    ['408', { status: 408 }],
    ['412', { status: 412 }],
    ['no status (network error)', {}],
  ])('%s', (_name, failure) => {
    it('backs off within [ceiling/2, ceiling] using the injected random', () => {
      for (let attempts = 1; attempts < MAX_ATTEMPTS; attempts++) {
        expect(delay(decideRetry(failure, attempts, () => 0))).toBe(ceiling(attempts) / 2);
        expect(delay(decideRetry(failure, attempts, () => 0.999999))).toBeCloseTo(ceiling(attempts), -1);
        for (const r of [0.1, 0.37, 0.5, 0.81]) {
          const ms = delay(decideRetry(failure, attempts, () => r));
          expect(ms).toBeGreaterThanOrEqual(ceiling(attempts) / 2);
          expect(ms).toBeLessThanOrEqual(ceiling(attempts));
          expect(ms).toBe(Math.round(ceiling(attempts) / 2 + (r * ceiling(attempts)) / 2));
        }
      }
    });

    it('waits longer with every attempt', () => {
      const delays = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => delay(decideRetry(failure, i + 1, () => 0.5)));
      for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThan(delays[i - 1]!);
      expect(delays[0]).toBe(1_500);
    });

    it('never waits more than 10 minutes', () => {
      for (let attempts = 0; attempts < MAX_ATTEMPTS; attempts++) {
        expect(delay(decideRetry(failure, attempts, () => 0.999999))).toBeLessThanOrEqual(TEN_MINUTES);
      }
    });

    it(`gives up as failed at ${MAX_ATTEMPTS} attempts`, () => {
      expect(decideRetry(failure, MAX_ATTEMPTS - 1, () => 0)).toHaveProperty('retryInMs');
      expect(decideRetry(failure, MAX_ATTEMPTS, () => 0)).toEqual({ giveUp: 'failed' });
      expect(decideRetry(failure, MAX_ATTEMPTS + 3, () => 0)).toEqual({ giveUp: 'failed' });
    });
  });

  it('gives up at the last attempt even when Retry-After asks to wait', () => {
    expect(decideRetry({ status: 429, retryAfterMs: 1_000 }, MAX_ATTEMPTS)).toEqual({ giveUp: 'failed' });
  });

  it('treats attempt 0 like the first', () => {
    expect(delay(decideRetry({ status: 500 }, 0, () => 0))).toBe(1_000);
  });

  it('uses Math.random when no random source is given', () => {
    const ms = delay(decideRetry({ status: 500 }, 3));
    expect(ms).toBeGreaterThanOrEqual(4_000);
    expect(ms).toBeLessThanOrEqual(8_000);
  });
});
