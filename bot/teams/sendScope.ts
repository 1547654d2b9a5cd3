import { AsyncLocalStorage } from 'node:async_hooks';

// Every proactive request waits for a slot under Teams' limits (scheduler/limitedMessenger.ts). botbuilder's
// HTTP pipeline then retries a 429 by itself after Teams' Retry-After; each retry is one more request against
// the tenant's 50/s, so it too must take a slot, or the retries of a fan-out push the tenant over the limit.
// The send's slot-taker travels with the send (AsyncLocalStorage), and a policy placed after the pipeline's
// retry step asks it for a slot before every attempt but the first.

export interface SendScope {
  /** Waits for a slot for one more attempt of the request in flight. */
  beforeRetry(): Promise<void>;
}

const scope = new AsyncLocalStorage<SendScope>();

/** Runs a proactive send with its retries budgeted. */
export function inSendScope<T>(sendScope: SendScope, send: () => Promise<T>): Promise<T> {
  return scope.run(sendScope, send);
}

interface PipelineLike {
  addPolicy(policy: { name: string; sendRequest(request: object, next: (request: object) => Promise<unknown>): Promise<unknown> }, options: { afterPhase: 'Retry' }): void;
}

/**
 * Puts the retry budget into a Bot Framework connector client's HTTP pipeline. The pipeline is the client's
 * own (botframework-connector builds it on @azure/core-client and offers no option for a policy after its
 * retry step); false when this version of the SDK does not have it where expected: retries then go unbudgeted.
 */
export function budgetRetries(connectorClient: object): boolean {
  const pipeline = (connectorClient as { client?: { pipeline?: Partial<PipelineLike> } }).client?.pipeline;
  if (typeof pipeline?.addPolicy !== 'function') return false;
  const attempted = new WeakSet<object>();
  pipeline.addPolicy(
    {
      name: 'netvaerkRetryBudget',
      async sendRequest(request, next) {
        const sendScope = scope.getStore();
        if (sendScope && attempted.has(request)) await sendScope.beforeRetry();
        attempted.add(request);
        return next(request);
      },
    },
    { afterPhase: 'Retry' },
  );
  return true;
}
