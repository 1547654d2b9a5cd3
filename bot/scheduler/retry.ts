import type { JobOutcome } from './job';

// What to do after a failed send: pure, so every rule is tested without a network.

export const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 10 * 60_000;

export type RetryDecision = { retryInMs: number } | { giveUp: JobOutcome };

export interface SendFailure {
  status?: number;
  retryAfterMs?: number;
}

/**
 * 429 waits what Teams asks (Retry-After), else exponential backoff with full jitter; 403 (the user
 * blocked the bot) and 404 (conversation gone) are recorded, never retried; other 4xx are our fault.
 */
export function decideRetry(failure: SendFailure, attempts: number, random: () => number = Math.random): RetryDecision {
  const { status } = failure;
  if (status === 403) return { giveUp: 'blocked' };
  if (status === 404) return { giveUp: 'notFound' };
  const transient = status === undefined || status === 408 || status === 412 || status === 429 || status >= 500;
  if (!transient || attempts >= MAX_ATTEMPTS) return { giveUp: 'failed' };
  if (status === 429 && failure.retryAfterMs !== undefined) return { retryInMs: Math.min(failure.retryAfterMs, MAX_DELAY_MS) };
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return { retryInMs: Math.round(ceiling / 2 + random() * (ceiling / 2)) };
}
