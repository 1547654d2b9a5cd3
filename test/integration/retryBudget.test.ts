import { silentLogger } from '../../bot/config/logger';
import { createTables, ensureTables, uniqueTablePrefix } from '../../bot/storage/tables';
import { createBotAdapter } from '../../bot/teams';
import { createMessenger } from '../../bot/teams/proactive';
import { SendBudget } from '../../bot/scheduler/sendBudget';
import { BudgetStore } from '../../bot/scheduler/budgetStore';
import { limitedMessenger } from '../../bot/scheduler/limitedMessenger';
import { startFakeChannel, type FakeChannel } from '../support/fakeChannel';

// A retry is a request too: when Teams answers 429, botbuilder's own HTTP pipeline sends the message again after
// Retry-After, and that second request counts against the tenant's 50/s like the first. The real adapter posts to a
// fake channel that refuses the first attempt; the send budget must have been asked for a slot for each attempt.

const TENANT = 'tenant-retry';

class CountingBudget extends SendBudget {
  readonly turns: string[] = [];
  override async acquire(conversationId: string, tenantId?: string): Promise<void> {
    this.turns.push(`${conversationId}@${tenantId}`);
    return super.acquire(conversationId, tenantId);
  }
}

let channel: FakeChannel;
let budget: CountingBudget;

beforeAll(async () => {
  const tables = createTables({ connectionString: process.env.TEST_TABLES_CONNECTION_STRING!, prefix: uniqueTablePrefix('retrybudget') });
  await ensureTables(tables);
  budget = new CountingBudget(new BudgetStore(tables.sendBudget));
  channel = await startFakeChannel();
});

afterAll(() => channel?.close());

const reference = (conversationId: string) => ({
  channelId: 'msteams',
  serviceUrl: channel.url,
  bot: { id: '28:bot', name: 'Netværk' },
  user: { id: '29:mette', name: 'Mette' },
  conversation: { name: '', id: conversationId, conversationType: 'personal', tenantId: TENANT, isGroup: false },
});

test('a message Teams refuses once with 429 is sent again, and the retry waited for its own slot of the budget', async () => {
  let refusals = 0;
  channel.refuse = (call) => (call.conversationId === 'a:mette' && refusals++ === 0 ? { status: 429, retryAfterSeconds: 0 } : undefined);
  const messenger = limitedMessenger(createMessenger(createBotAdapter({ logger: silentLogger() })), budget);

  const id = await messenger.send(reference('a:mette'), { text: 'Hvad tager du med fra mødet?' });

  expect(id).toBeTruthy();
  expect(channel.refused.map((c) => c.conversationId)).toEqual(['a:mette']);
  expect(channel.textsIn('a:mette')).toEqual(['Hvad tager du med fra mødet?']);
  // Two requests reached Teams for this message: two slots, both in the tenant's budget.
  expect(budget.turns).toEqual([`a:mette@${TENANT}`, `a:mette@${TENANT}`]);
});

test('a message accepted at once takes one slot', async () => {
  channel.refuse = undefined;
  budget.turns.length = 0;
  const messenger = limitedMessenger(createMessenger(createBotAdapter({ logger: silentLogger() })), budget);
  await messenger.send(reference('a:bo'), { text: 'Hej Bo' });
  expect(budget.turns).toEqual([`a:bo@${TENANT}`]);
});
