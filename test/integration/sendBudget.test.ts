import { createTables, ensureTables, uniqueTablePrefix } from '../../bot/storage/tables';
import { BudgetStore } from '../../bot/scheduler/budgetStore';
import { claimSlots, SendBudget, TEAMS_LIMITS, type Clock } from '../../bot/scheduler/sendBudget';

// The send budget that all instances share, over Azurite, on virtual time: sleeping moves a fake clock
// only when every request is asleep (none is waiting for storage), so nothing really waits a second.

let store: BudgetStore;

beforeAll(async () => {
  const tables = createTables({ connectionString: process.env.TEST_TABLES_CONNECTION_STRING!, prefix: uniqueTablePrefix('budget') });
  await ensureTables(tables);
  store = new BudgetStore(tables.sendBudget);
});

class VirtualClock implements Clock {
  private time = Date.parse('2027-01-04T08:00:00Z');
  private timers: { at: number; seq: number; wake: () => void }[] = [];
  private seq = 0;

  now() {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((wake) => this.timers.push({ at: this.time + Math.max(0, ms), seq: this.seq++, wake }));
  }

  /** Fires the earliest timer whenever all `pending()` requests sleep; real time passes only for storage. */
  async runWhile(pending: () => number): Promise<void> {
    while (pending() > 0) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (pending() === 0 || this.timers.length < pending()) continue; // someone waits for storage
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift()!;
      this.time = Math.max(this.time, next.at);
      next.wake();
    }
  }
}

interface Grant {
  instance: number;
  conversation: string;
  at: number;
}

/** Starts every request at once on its instance; resolves with when each was let through. */
async function sendAll(budgets: SendBudget[], clock: VirtualClock, requests: { instance: number; conversation: string; tenant: string }[]) {
  const grants: Grant[] = [];
  let pending = requests.length;
  const done = Promise.all(
    requests.map((r) =>
      budgets[r.instance]!.acquire(r.conversation, r.tenant).then(() => {
        grants.push({ instance: r.instance, conversation: r.conversation, at: clock.now() });
        pending--;
      }),
    ),
  );
  await clock.runWhile(() => pending);
  await done;
  return grants;
}

/** The most grants in any window of `windowMs`. */
function busiestWindow(times: number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j]! <= sorted[i]! - windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

test('claimSlots: evenly spaced slots from the cursor, or from now when the cursor is behind', () => {
  expect(claimSlots(1000, 500, 3, 20)).toEqual({ slots: [1000, 1020, 1040], cursorMs: 1060 });
  expect(claimSlots(100, 500, 2, 20)).toEqual({ slots: [500, 520], cursorMs: 540 });
});

test('two instances share one tenant budget: together under 50 in any second, and close to it', async () => {
  const clock = new VirtualClock();
  const budgets = [new SendBudget(store, { clock }), new SendBudget(store, { clock })];
  const requests = Array.from({ length: 300 }, (_, i) => ({ instance: i % 2, conversation: `chat-${i}`, tenant: 'tenant-two' }));
  const grants = await sendAll(budgets, clock, requests);

  expect(grants).toHaveLength(300);
  const times = grants.map((g) => g.at);
  expect(busiestWindow(times)).toBeLessThan(TEAMS_LIMITS.perTenant.count);
  // Both instances sent, and the whole took about 300/48 s: the budget is used, not wasted.
  expect(new Set(grants.map((g) => g.instance)).size).toBe(2);
  const seconds = (Math.max(...times) - Math.min(...times)) / 1000;
  expect(300 / seconds).toBeGreaterThan(0.94 * TEAMS_LIMITS.perTenant.count);
  // Claims take several slots per storage write.
  expect(budgets[0]!.storageRequests + budgets[1]!.storageRequests).toBeLessThan(300 / 2);
});

test('tenants do not share a budget', async () => {
  const clock = new VirtualClock();
  const budget = new SendBudget(store, { clock });
  const requests = Array.from({ length: 96 }, (_, i) => ({ instance: 0, conversation: `c-${i}`, tenant: i % 2 ? 'tenant-a' : 'tenant-b' }));
  const grants = await sendAll([budget], clock, requests);
  const times = grants.map((g) => g.at);
  // 48 per tenant go out in the first second: twice one tenant's pace.
  expect(busiestWindow(times)).toBeGreaterThan(TEAMS_LIMITS.perTenant.count);
});

test('one conversation is paced at under 7 a second', async () => {
  const clock = new VirtualClock();
  const budget = new SendBudget(store, { clock });
  const grants = await sendAll([budget], clock, Array.from({ length: 20 }, () => ({ instance: 0, conversation: 'the-channel', tenant: 'tenant-one' })));
  expect(grants).toHaveLength(20);
  expect(busiestWindow(grants.map((g) => g.at))).toBeLessThanOrEqual(TEAMS_LIMITS.perConversation.count);
});

test('storage that cannot be reached fails the send at once, so the job retries; nothing hangs', async () => {
  const broken = new BudgetStore(createTables({ connectionString: process.env.TEST_TABLES_CONNECTION_STRING!, prefix: uniqueTablePrefix('nobudget') }).sendBudget);
  const budget = new SendBudget(broken);
  await expect(budget.acquire('chat-1', 'tenant-x')).rejects.toThrow();
});
