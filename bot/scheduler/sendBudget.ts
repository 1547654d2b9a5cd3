import type { BudgetCursor, BudgetStore } from './budgetStore';

// Teams' limits for a bot: 7 messages per second in one conversation, 50 requests per second per app per
// tenant. The tenant's budget is shared by every instance of the service through one Table Storage row
// per tenant (budgetStore.ts), as a cursor over evenly spaced send slots (the generic cell rate
// algorithm): an instance claims the next few slots with an ETag-conditional write and sends each at its
// slot's time. Slots are spaced alike whoever holds them, so together the instances send at an even pace
// under the ceiling, however many there are. A conversation's own pace is kept by the instance sending to
// it (a conversation's messages come from one job at a time).

export interface Limit {
  count: number;
  windowMs: number;
}

export const TEAMS_LIMITS = {
  perConversation: { count: 7, windowMs: 1000 },
  perTenant: { count: 50, windowMs: 1000 },
} as const satisfies Record<string, Limit>;

/**
 * What the service aims at. Slots 1000/48 ms apart put at most 49 requests in any 1 s window. The one spare
 * is for botbuilder's connector, which retries a 429 itself after Teams' Retry-After, outside this budget,
 * and for the network's jitter. Measured with `npm run bench` (bench/README.md).
 */
export const SENDING_PACE = { perTenantPerSecond: 48, perConversationPerSecond: 6.5 };

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The slots a claim of `count` takes from the cursor, never before `notBefore`; and the cursor after it. */
export function claimSlots(cursorMs: number, notBefore: number, count: number, spacingMs: number): { slots: number[]; cursorMs: number } {
  const start = Math.max(cursorMs, notBefore);
  return { slots: Array.from({ length: count }, (_, i) => start + i * spacingMs), cursorMs: start + count * spacingMs };
}

export interface SendBudgetOptions {
  perTenantPerSecond?: number;
  perConversationPerSecond?: number;
  /** The most slots one claim (one storage write) takes. */
  maxClaim?: number;
  /** A fresh claim starts this far ahead of now: the write's own time, so its first slot is not already past. */
  leadMs?: number;
  clock?: Clock;
}

/** Claims that lost the race to other instances in a row before giving up (the job then retries). */
const MAX_CLAIM_ATTEMPTS = 50;

interface Waiter {
  resolve(at: number): void;
  reject(error: unknown): void;
}

/** One tenant's slots as this instance sees them: the ones it claimed and not used yet, and who waits. */
class TenantSlots {
  private slots: number[] = [];
  private readonly waiters: Waiter[] = [];
  private claiming = false;
  private seen?: BudgetCursor;
  /** Storage requests this instance made for this tenant's budget (for the benchmark). */
  requests = 0;

  constructor(
    private readonly tenantId: string,
    private readonly store: BudgetStore,
    private readonly spacingMs: number,
    private readonly options: Required<Pick<SendBudgetOptions, 'maxClaim' | 'leadMs'>> & { clock: Clock },
  ) {}

  take(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.serve();
    });
  }

  private serve() {
    while (this.waiters.length && this.slots.length) this.waiters.shift()!.resolve(this.slots.shift()!);
    if (this.waiters.length && !this.claiming) void this.claim();
  }

  private async claim() {
    this.claiming = true;
    try {
      for (let attempt = 1; ; attempt++) {
        if (attempt > MAX_CLAIM_ATTEMPTS) throw new Error(`send budget: the cursor moved under ${MAX_CLAIM_ATTEMPTS} claims in a row`);
        const seen = this.seen ?? (this.requests++, await this.store.read(this.tenantId));
        const count = Math.min(Math.max(this.waiters.length, 1), this.options.maxClaim);
        const next = claimSlots(seen.cursorMs, this.options.clock.now() + this.options.leadMs, count, this.spacingMs);
        this.requests++;
        const etag = await this.store.move(this.tenantId, seen, next.cursorMs);
        if (etag) {
          this.seen = { cursorMs: next.cursorMs, etag };
          this.slots.push(...next.slots);
          break;
        }
        this.seen = undefined; // another instance moved the cursor: read it again
      }
    } catch (error) {
      this.seen = undefined;
      for (const waiter of this.waiters.splice(0)) waiter.reject(error);
    } finally {
      this.claiming = false;
    }
    this.serve();
  }
}

/** Waits until a request may go to a conversation in a tenant: the conversation's pace, then a tenant slot. */
export class SendBudget {
  private readonly tenants = new Map<string, TenantSlots>();
  private readonly conversations = new Map<string, number>();
  private readonly clock: Clock;
  private readonly tenantSpacingMs: number;
  private readonly conversationSpacingMs: number;
  private readonly claimOptions: Required<Pick<SendBudgetOptions, 'maxClaim' | 'leadMs'>> & { clock: Clock };

  constructor(
    private readonly store: BudgetStore,
    options: SendBudgetOptions = {},
  ) {
    this.clock = options.clock ?? realClock;
    this.tenantSpacingMs = 1000 / (options.perTenantPerSecond ?? SENDING_PACE.perTenantPerSecond);
    this.conversationSpacingMs = 1000 / (options.perConversationPerSecond ?? SENDING_PACE.perConversationPerSecond);
    this.claimOptions = { maxClaim: options.maxClaim ?? 10, leadMs: options.leadMs ?? 25, clock: this.clock };
  }

  /** Resolves when the request's turn in its conversation and its tenant slot have come. */
  async acquire(conversationId: string, tenantId = 'local'): Promise<void> {
    const now = this.clock.now();
    const turn = Math.max(now, this.conversations.get(conversationId) ?? 0);
    this.conversations.set(conversationId, turn + this.conversationSpacingMs);
    this.forgetIdle(now);
    if (turn > now) await this.clock.sleep(turn - now);
    const slot = await this.tenant(tenantId).take();
    const wait = slot - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait);
  }

  /** Storage requests made for the budget so far (the benchmark reports them per send). */
  get storageRequests(): number {
    return [...this.tenants.values()].reduce((sum, t) => sum + t.requests, 0);
  }

  private tenant(tenantId: string): TenantSlots {
    let slots = this.tenants.get(tenantId);
    if (!slots) this.tenants.set(tenantId, (slots = new TenantSlots(tenantId, this.store, this.tenantSpacingMs, this.claimOptions)));
    return slots;
  }

  private forgetIdle(now: number) {
    if (this.conversations.size < 10_000) return;
    for (const [id, next] of this.conversations) if (next < now) this.conversations.delete(id);
  }
}
