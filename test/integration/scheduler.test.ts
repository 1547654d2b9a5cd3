import { silentLogger } from '../../bot/config/logger';
import type { Agenda, Meeting, Network, Participant } from '../../bot/domain/model';
import { NetworkStore, type RowChange } from '../../bot/storage/networkStore';
import { createConversationStore, type ConversationStore } from '../../bot/storage/conversationStore';
import { createTables, ensureTables, uniqueTablePrefix } from '../../bot/storage/tables';
import { createBotAdapter } from '../../bot/teams';
import { createMessenger, SendError, type Messenger } from '../../bot/teams/proactive';
import { JobStore } from '../../bot/scheduler/jobStore';
import { createReach } from '../../bot/scheduler/reach';
import { SendBudget } from '../../bot/scheduler/sendBudget';
import { BudgetStore } from '../../bot/scheduler/budgetStore';
import { limitedMessenger } from '../../bot/scheduler/limitedMessenger';
import { createScheduler, type Scheduler } from '../../bot/scheduler/scheduler';
import { startFakeChannel, type FakeChannel } from '../support/fakeChannel';
import { aMeeting, aNetwork, aParticipant } from '../support/fixtures';

// The scheduler over Azurite with the real botbuilder adapter posting to a fake Teams channel, on a
// clock the test moves: agenda posts, in-place updates, reflection rounds, failures, crashes, two instances.

const TENANT = 'tenant-odense';
const TEAM = '19:team-general@thread.tacv2';
const CHANNEL = '19:netvaerk-channel@thread.tacv2';

let channel: FakeChannel;
let store: NetworkStore;
let conversations: ConversationStore;
let jobs: JobStore;
let budgets: BudgetStore;
let clock: Date;
const logger = silentLogger();

beforeAll(async () => {
  const tables = createTables({ connectionString: process.env.TEST_TABLES_CONNECTION_STRING!, prefix: uniqueTablePrefix('sched') });
  await ensureTables(tables);
  store = new NetworkStore(tables.networks);
  conversations = createConversationStore(tables.conversations);
  jobs = new JobStore(tables.jobs);
  budgets = new BudgetStore(tables.sendBudget);
  channel = await startFakeChannel();
});

afterAll(() => channel?.close());

beforeEach(() => {
  channel.calls.length = 0;
  channel.refused.length = 0;
  channel.refuse = undefined;
  clock = new Date('2027-01-01T09:00:00Z');
});

function schedulerFor(instanceId: string, messenger: Messenger = limitedMessenger(createMessenger(createBotAdapter({ logger })), new SendBudget(budgets)), leaseMs = 60_000): Scheduler {
  return createScheduler({
    store, jobs, messenger, logger, instanceId,
    reach: createReach(conversations, messenger),
    now: () => clock,
    leaseMs,
    random: () => 0.5,
  });
}

interface Scenario {
  network: Network;
  people: Record<'mette' | 'omar' | 'bo' | 'karen' | 'jens', Participant>;
  first: Meeting;
  second: Meeting;
  agenda: Agenda;
}

async function seed(label: string): Promise<Scenario> {
  const teamId = `${TEAM}-${label}`;
  const network = aNetwork({ teamId, channelId: `${CHANNEL}-${label}`, locale: 'da', leader: { name: 'Lene Holm', userId: `aad-lene-${label}` } });
  const people = {
    mette: aParticipant({ name: 'Mette Holm', userId: `aad-mette-${label}` }),
    omar: aParticipant({ name: 'Omar Said', userId: `aad-omar-${label}` }),
    bo: aParticipant({ name: 'Bo Blok', userId: `aad-bo-${label}` }),
    karen: aParticipant({ name: 'Karen Borger', kind: 'along', role: 'citizen', userId: undefined }),
    jens: aParticipant({ name: 'Jens Udenfor', kind: 'along', userId: `aad-jens-${label}` }),
  };
  const first = aMeeting({ number: 1, date: '2027-01-20', start: '09:00', end: '12:00', subthemeId: undefined });
  const second = aMeeting({ number: 2, date: '2027-03-03', start: '13:00', end: '16:00' });
  const agenda: Agenda = { meetingId: first.id, daysBeforeToPost: 7, items: [{ id: 'i1', time: '09:00', content: 'Velkomst og forventninger', process: 'Runde', purpose: 'Vi kender hinanden' }] };
  const changes: RowChange[] = [
    { op: 'create', kind: 'network', value: network },
    ...Object.values(people).map((p): RowChange => ({ op: 'create', kind: 'participant', ids: [p.id], value: p })),
    { op: 'create', kind: 'meeting', ids: [first.id], value: first },
    { op: 'create', kind: 'meeting', ids: [second.id], value: second },
    { op: 'create', kind: 'agenda', ids: [first.id], value: agenda },
    { op: 'create', kind: 'assignment', ids: [first.id, people.karen.id], value: { meetingId: first.id, participantId: people.karen.id, contribution: 'Borgerperspektiv', involvementForm: 'presentation' } },
  ];
  await store.commit(network.id, changes);
  const bot = { id: '28:netvaerk-bot', name: 'Netværk' };
  const reference = (conversationId: string, type: string, user?: string) => ({
    channelId: 'msteams', serviceUrl: channel.url, bot, user: user ? { id: user, name: user } : undefined,
    conversation: { name: '', id: conversationId, conversationType: type, tenantId: TENANT, isGroup: type !== 'personal' },
  });
  await conversations.remember({ conversationId: teamId, conversationType: 'channel', tenantId: TENANT, teamId, reference: reference(teamId, 'channel') });
  for (const who of ['mette', 'bo'] as const) {
    const id = `a:personal-${who}-${label}`;
    await conversations.remember({ conversationId: id, conversationType: 'personal', tenantId: TENANT, userAadObjectId: people[who].userId, reference: reference(id, 'personal', `29:${who}`) });
  }
  await conversations.rememberMember({ teamId, tenantId: TENANT, userId: `29:omar-${label}`, aadObjectId: people.omar.userId, name: 'Omar Said', serviceUrl: channel.url });
  return { network, people, first, second, agenda };
}

/** Runs until nothing is due, as the polling loop does: a fan-out makes prompts that are due at once. */
async function drain(scheduler: Scheduler) {
  while ((await scheduler.runDue()) > 0);
}

const cardOf = (body: Record<string, any>) => body.attachments?.[0]?.content;
const cardText = (body: Record<string, any>) => JSON.stringify(cardOf(body) ?? {});
const messagesTo = (conversationId: string) => channel.calls.filter((c) => c.method === 'POST' && c.conversationId === conversationId);
const jobOf = async (networkId: string, id: string) => (await jobs.get(networkId, id))!;

describe('agenda', () => {
  it('is posted to the channel at 09:00 seven days before, once, and updated in place when it changes', async () => {
    const s = await seed('agenda');
    const scheduler = schedulerFor('A');
    await scheduler.syncNetwork(s.network.id);

    clock = new Date('2027-01-13T07:59:00Z'); // 08:59 in Copenhagen
    await scheduler.runDue();
    expect(messagesTo(s.network.channelId!)).toHaveLength(0);

    clock = new Date('2027-01-13T08:00:00Z');
    await scheduler.runDue();
    const [posted] = messagesTo(s.network.channelId!);
    expect(cardText(posted!.body)).toContain('Netværksmøde 1 af 2');
    expect(cardText(posted!.body)).toContain('Velkomst og forventninger');
    const postJob = await jobOf(s.network.id, `agenda.post|${s.first.id}`);
    expect(postJob).toMatchObject({ state: 'done', outcome: 'sent' });

    // Nothing more is due: running again sends nothing.
    await scheduler.runDue();
    expect(messagesTo(s.network.channelId!)).toHaveLength(1);

    const current = (await store.load(s.network.id))!.agendas[0]!;
    const changed = { ...current, items: [...current.items, { id: 'i2', time: '10:30', content: 'Oplæg om socialøkonomi', process: '', purpose: '' }] };
    await store.commit(s.network.id, [{ op: 'update', kind: 'agenda', ids: [s.first.id], value: changed, etag: current.etag }]);
    await scheduler.syncNetwork(s.network.id);
    await scheduler.runDue();

    const updates = channel.calls.filter((c) => c.method === 'PUT');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.activityId).toBe(postJob.activityId);
    expect(cardText(updates[0]!.body)).toContain('Oplæg om socialøkonomi');
    expect(messagesTo(s.network.channelId!)).toHaveLength(1);

    // In sync again: a further sync finds nothing to update.
    await scheduler.syncNetwork(s.network.id);
    await scheduler.runDue();
    expect(channel.calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
  });
});

describe('reflection round', () => {
  it('asks each participant with Teams in 1:1 chat when the meeting ends, records who could not be reached, and reminds once', async () => {
    const s = await seed('round');
    const scheduler = schedulerFor('A');
    await scheduler.syncNetwork(s.network.id);
    channel.refuse = (call) => (call.conversationId === `a:personal-bo-round` ? { status: 403 } : undefined);

    clock = new Date('2027-01-20T10:59:00Z'); // 11:59 in Copenhagen: the meeting is still on
    await drain(scheduler);
    expect(channel.calls.filter((c) => c.conversationId?.startsWith('a:'))).toHaveLength(0);

    clock = new Date('2027-01-20T11:00:00Z');
    await drain(scheduler);

    const toMette = messagesTo('a:personal-mette-round');
    expect(toMette).toHaveLength(1);
    expect(cardText(toMette[0]!.body)).toContain('Hvad kan du tage med fra i dag?');
    // Omar never wrote to the bot: a 1:1 chat is created for him first.
    const created = channel.calls.filter((c) => c.method === 'POST' && c.conversationId === undefined && c.body.members?.[0]?.id === '29:omar-round');
    expect(created).toHaveLength(1);
    const toOmar = channel.calls.filter((c) => c.method === 'POST' && c.body.recipient?.id === '29:omar-round');
    expect(toOmar).toHaveLength(1);
    expect(toOmar[0]!.conversationId).toMatch(/^a:created-/);
    // Bo blocked the bot: recorded, not retried.
    expect(await jobOf(s.network.id, `reflection.prompt|${s.first.id}|${s.people.bo.id}`)).toMatchObject({ state: 'done', outcome: 'blocked' });
    // Karen has no Teams identity, Jens is not invited to this meeting: no prompt for either.
    const all = await jobs.listForNetwork(s.network.id);
    expect(all.filter((j) => j.kind === 'reflection.prompt').map((j) => j.participantId).sort()).toEqual(
      [s.people.mette.id, s.people.omar.id, s.people.bo.id].sort(),
    );

    // Mette answers; three days later only Omar gets the reminder (Bo is still blocked).
    await store.commit(s.network.id, [
      { op: 'create', kind: 'reflection', ids: [s.first.id, s.people.mette.id], value: { meetingId: s.first.id, participantId: s.people.mette.id, answers: [], shared: false, submittedAt: clock.toISOString() } },
    ]);
    const before = channel.calls.length;
    clock = new Date('2027-01-23T11:00:00Z');
    await drain(scheduler);
    const reminders = channel.calls.slice(before).filter((c) => c.method === 'POST' && c.body.recipient?.id?.endsWith('-round'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.conversationId).toBe(toOmar[0]!.conversationId);
    expect(cardText(reminders[0]!.body)).toContain('påmindelse');
    expect(await jobOf(s.network.id, `reflection.reminder|${s.first.id}|${s.people.mette.id}`)).toMatchObject({ outcome: 'skipped', detail: 'already answered' });
  });

  it('waits when Teams answers 429 and delivers exactly once', async () => {
    const s = await seed('throttled');
    const scheduler = schedulerFor('A');
    await scheduler.syncNetwork(s.network.id);
    let throttled = 0;
    channel.refuse = (call) => (call.conversationId === 'a:personal-mette-throttled' && throttled++ < 6 ? { status: 429, retryAfterSeconds: 0 } : undefined);

    clock = new Date('2027-01-20T11:00:00Z');
    for (let round = 0; round < 5; round++) {
      await drain(scheduler);
      clock = new Date(clock.getTime() + 60_000);
    }

    expect(channel.refused.length).toBeGreaterThan(0);
    expect(messagesTo('a:personal-mette-throttled')).toHaveLength(1);
    expect(await jobOf(s.network.id, `reflection.prompt|${s.first.id}|${s.people.mette.id}`)).toMatchObject({ state: 'done', outcome: 'sent' });
  });
});

describe('reflection timing', () => {
  const created = (teamsUserId: string) => channel.calls.filter((c) => c.method === 'POST' && c.conversationId === undefined && c.body.members?.[0]?.id === teamsUserId);
  // Earlier tests leave jobs in the shared table: messages are told apart by this test's own chats and people.
  const to = (who: { chat?: string; teamsUserId?: string }) =>
    channel.calls.filter((c) => c.method === 'POST' && c.conversationId !== undefined && (c.conversationId === who.chat || (!!who.teamsUserId && c.body.recipient?.id === who.teamsUserId)));

  it('for a meeting planned after it ended: one prompt now, one reminder N days after the prompt went out, one chat opened', async () => {
    const s = await seed('lateplan');
    // The first meeting ended on 2027-01-20 at 12:00; the service learns of it five days later.
    clock = new Date('2027-01-25T08:00:00Z');
    const scheduler = schedulerFor('A');
    await scheduler.syncNetwork(s.network.id);
    await drain(scheduler);

    const people = { mette: { chat: 'a:personal-mette-lateplan' }, bo: { chat: 'a:personal-bo-lateplan' }, omar: { teamsUserId: '29:omar-lateplan' } };
    for (const id of Object.values(people)) expect(to(id)).toHaveLength(1);
    for (const id of Object.values(people)) expect(cardText(to(id)[0]!.body)).not.toContain('påmindelse');
    expect(created('29:omar-lateplan')).toHaveLength(1);
    const reminder = await jobOf(s.network.id, `reflection.reminder|${s.first.id}|${s.people.omar.id}`);
    expect(reminder).toMatchObject({ state: 'pending', dueAt: '2027-01-28T08:00:00.000Z' });
    const prompt = await jobOf(s.network.id, `reflection.prompt|${s.first.id}|${s.people.omar.id}`);
    expect(prompt).toMatchObject({ outcome: 'sent', sentAt: '2027-01-25T08:00:00.000Z' });

    // A sync before it is due leaves it where it is.
    clock = new Date('2027-01-28T07:59:00Z');
    await scheduler.syncNetwork(s.network.id);
    await drain(scheduler);
    for (const id of Object.values(people)) expect(to(id)).toHaveLength(1);

    clock = new Date('2027-01-28T08:00:00Z');
    await drain(scheduler);
    for (const id of Object.values(people)) {
      const [first, second] = to(id);
      expect(to(id)).toHaveLength(2);
      expect(cardText(second!.body)).toContain('påmindelse');
      expect(second!.conversationId).toBe(first!.conversationId);
    }
    expect(created('29:omar-lateplan')).toHaveLength(1);

    clock = new Date('2027-02-20T08:00:00Z');
    await scheduler.syncNetwork(s.network.id);
    await drain(scheduler);
    for (const id of Object.values(people)) expect(to(id)).toHaveLength(2);
  });

  it('sends no reminder for a prompt that never went out, and counts it from the prompt when that goes out late', async () => {
    const s = await seed('latesend');
    clock = new Date('2027-01-20T11:00:00Z');
    let refusing = true;
    // Teams is unavailable for Mette's chat (as a 503 would end after botbuilder's own retries).
    const real = limitedMessenger(createMessenger(createBotAdapter({ logger })), new SendBudget(budgets));
    const flaky: Messenger = {
      ...real,
      send: (ref, msg) => (refusing && ref.conversation?.id === 'a:personal-mette-latesend' ? Promise.reject(new SendError('unavailable', 503, undefined)) : real.send(ref, msg)),
    };
    const scheduler = schedulerFor('A', flaky);
    await scheduler.syncNetwork(s.network.id);
    await drain(scheduler);
    expect(await jobs.get(s.network.id, `reflection.reminder|${s.first.id}|${s.people.mette.id}`)).toBeUndefined();

    // Teams takes it a day later: the reminder counts from then, not from the meeting's end.
    refusing = false;
    clock = new Date('2027-01-21T11:00:00Z');
    await drain(scheduler);
    expect(messagesTo('a:personal-mette-latesend')).toHaveLength(1);
    expect(await jobOf(s.network.id, `reflection.reminder|${s.first.id}|${s.people.mette.id}`)).toMatchObject({ dueAt: '2027-01-24T11:00:00.000Z' });
    clock = new Date('2027-01-23T11:00:00Z');
    await drain(scheduler);
    expect(messagesTo('a:personal-mette-latesend')).toHaveLength(1);
    clock = new Date('2027-01-24T11:00:00Z');
    await drain(scheduler);
    expect(messagesTo('a:personal-mette-latesend')).toHaveLength(2);
  });

  it('turning reminders off drops the waiting ones; turning them on again brings them back, counted from the prompt', async () => {
    const s = await seed('remindersback');
    clock = new Date('2027-01-20T11:00:00Z');
    const scheduler = schedulerFor('A');
    await scheduler.syncNetwork(s.network.id);
    await drain(scheduler);
    const reminderId = `reflection.reminder|${s.first.id}|${s.people.mette.id}`;
    expect(await jobOf(s.network.id, reminderId)).toMatchObject({ state: 'pending', dueAt: '2027-01-23T11:00:00.000Z' });

    const setDays = async (days: number) => {
      const { network } = (await store.load(s.network.id))!;
      await store.commit(s.network.id, [{ op: 'update', kind: 'network', value: { ...network, reflectionReminderDays: days }, etag: network.etag }]);
      await scheduler.syncNetwork(s.network.id);
    };
    await setDays(0);
    expect(await jobOf(s.network.id, reminderId)).toMatchObject({ state: 'done', outcome: 'skipped' });

    clock = new Date('2027-01-21T09:00:00Z');
    await setDays(2);
    expect(await jobOf(s.network.id, reminderId)).toMatchObject({ state: 'pending', dueAt: '2027-01-22T11:00:00.000Z' });
    clock = new Date('2027-01-22T11:00:00Z');
    await drain(scheduler);
    expect(messagesTo('a:personal-mette-remindersback')).toHaveLength(2);
    expect(cardText(messagesTo('a:personal-mette-remindersback')[1]!.body)).toContain('påmindelse');
  });

  it('asks nobody about a meeting held before they were added: no prompt, no reminder', async () => {
    const s = await seed('latejoin');
    const nina = aParticipant({ name: 'Nina Ny', userId: 'aad-nina-latejoin', addedAt: '2027-01-22T09:00:00.000Z' });
    await store.commit(s.network.id, [{ op: 'create', kind: 'participant', ids: [nina.id], value: nina }]);
    const ninaChat = 'a:personal-nina-latejoin';
    await conversations.remember({
      conversationId: ninaChat, conversationType: 'personal', tenantId: TENANT, userAadObjectId: nina.userId,
      reference: { channelId: 'msteams', serviceUrl: channel.url, bot: { id: '28:netvaerk-bot', name: 'Netværk' }, user: { id: '29:nina', name: 'Nina' }, conversation: { name: '', id: ninaChat, conversationType: 'personal', tenantId: TENANT, isGroup: false } },
    });
    // A prompt derived before her row said when she came (an older round) is caught when it is due.
    await jobs.add(s.network.id, { kind: 'reflection.prompt', meetingId: s.first.id, participantId: nina.id, dueAt: new Date('2027-01-25T08:00:00Z') }, clock);

    clock = new Date('2027-01-25T08:00:00Z');
    const scheduler = schedulerFor('A');
    await scheduler.syncNetwork(s.network.id);
    await drain(scheduler);
    expect(messagesTo('a:personal-mette-latejoin')).toHaveLength(1);
    expect(messagesTo(ninaChat)).toHaveLength(0);
    expect(await jobOf(s.network.id, `reflection.prompt|${s.first.id}|${nina.id}`)).toMatchObject({ outcome: 'skipped', detail: 'added to the network after the meeting' });
    expect(await jobs.get(s.network.id, `reflection.reminder|${s.first.id}|${nina.id}`)).toBeUndefined();

    clock = new Date('2027-01-29T08:00:00Z');
    await scheduler.syncNetwork(s.network.id);
    await drain(scheduler);
    expect(messagesTo(ninaChat)).toHaveLength(0);
    expect(messagesTo('a:personal-mette-latejoin')).toHaveLength(2);
  });

  it('opens a person’s 1:1 chat once, however many senders need it at the same moment', async () => {
    const s = await seed('onechat');
    const messenger = limitedMessenger(createMessenger(createBotAdapter({ logger })), new SendBudget(budgets));
    const [a, b] = [createReach(conversations, messenger, { now: () => clock, waitMs: 50 }), createReach(conversations, messenger, { now: () => clock, waitMs: 50 })];
    const other = { ...s.network, id: `${s.network.id}-other`, channelId: `${CHANNEL}-onechat-other` };
    // Two instances, each sending for two networks of the same team at once (a prompt, another network's prompt).
    const reaches = await Promise.all([a.personalOf(s.network, s.people.omar), a.personalOf(other, s.people.omar), b.personalOf(s.network, s.people.omar), b.personalOf(other, s.people.omar)]);
    expect(created('29:omar-onechat')).toHaveLength(1);
    expect(new Set(reaches.map((r) => r?.reference.conversation?.id)).size).toBe(1);
    expect((await conversations.findPersonal(s.people.omar.userId!))?.conversationId).toBe(reaches[0]!.reference.conversation!.id);
  });
});

describe('restart and two instances', () => {
  async function manyParticipants(label: string, count: number) {
    const network = aNetwork({ teamId: `${TEAM}-${label}`, channelId: `${CHANNEL}-${label}` });
    const meeting = aMeeting({ date: '2027-01-20', start: '09:00', end: '12:00' });
    const people = Array.from({ length: count }, (_, i) => aParticipant({ name: `Deltager ${i}`, userId: `aad-${label}-${i}` }));
    await store.commit(network.id, [
      { op: 'create', kind: 'network', value: network },
      { op: 'create', kind: 'meeting', ids: [meeting.id], value: meeting },
      ...people.map((p): RowChange => ({ op: 'create', kind: 'participant', ids: [p.id], value: p })),
    ]);
    for (const [i, p] of people.entries()) {
      const id = `a:${label}-${i}`;
      await conversations.remember({
        conversationId: id, conversationType: 'personal', tenantId: TENANT, userAadObjectId: p.userId,
        reference: { channelId: 'msteams', serviceUrl: channel.url, bot: { id: '28:bot', name: 'Netværk' }, conversation: { name: '', id, conversationType: 'personal', tenantId: TENANT, isGroup: false } },
      });
    }
    return { network, meeting, people };
  }

  const perConversation = (label: string) => {
    const counts = new Map<string, number>();
    for (const call of channel.calls) if (call.conversationId?.startsWith(`a:${label}-`)) counts.set(call.conversationId, (counts.get(call.conversationId) ?? 0) + 1);
    return counts;
  };

  it('picks up what a crashed instance had claimed, once its lease ends, and sends nothing twice', async () => {
    const { network, people } = await manyParticipants('crash', 12);
    clock = new Date('2027-01-20T11:00:00Z');
    await schedulerFor('healthy').syncNetwork(network.id);
    await schedulerFor('healthy').runDue(); // the fan-out: 12 prompts now due

    // Instance A sends 4 prompts and then dies with the rest of its claims in flight.
    const real = limitedMessenger(createMessenger(createBotAdapter({ logger })), new SendBudget(budgets));
    let sent = 0;
    const dying: Messenger = { ...real, send: (ref, msg) => (sent++ < 4 ? real.send(ref, msg) : new Promise<string>(() => {})) };
    const crashed = schedulerFor('A', dying);
    void crashed.runDue();
    await channel.received(channel.calls.length >= 4 ? channel.calls.length : 4, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300)); // A claims everything else and hangs

    const b = schedulerFor('B');
    await b.runDue();
    expect(perConversation('crash').size).toBe(4); // A's claims still hold

    clock = new Date(clock.getTime() + 61_000); // the lease is over
    await b.runDue();

    const counts = perConversation('crash');
    expect(counts.size).toBe(people.length);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('keeps the claim of a send that outlasts its lease, so no other instance sends it again', async () => {
    const { network, meeting, people } = await manyParticipants('slow', 1);
    clock = new Date('2027-01-20T11:00:00Z');
    await schedulerFor('healthy').syncNetwork(network.id);
    await schedulerFor('healthy').runDue(); // the fan-out: 1 prompt now due

    // Instance A's send takes 1.6 s (Teams slow, or a 429 retried) under a 3 s lease renewed every second.
    const real = limitedMessenger(createMessenger(createBotAdapter({ logger })), new SendBudget(budgets));
    const slow: Messenger = { ...real, send: async (ref, msg) => (await new Promise((r) => setTimeout(r, 1600)), real.send(ref, msg)) };
    const a = schedulerFor('A', slow, 3000);
    const running = a.runDue();
    await new Promise((resolve) => setTimeout(resolve, 300));
    clock = new Date(clock.getTime() + 2000); // 11:00:02: A's first claim holds until 11:00:03
    await new Promise((resolve) => setTimeout(resolve, 1000)); // A renewed it, until 11:00:05
    clock = new Date(clock.getTime() + 2000); // 11:00:04: past the first lease, within the renewed one

    expect(await schedulerFor('B', real, 3000).runDue()).toBe(0);
    expect(await running).toBe(1);
    expect(perConversation('slow').get(`a:slow-0`)).toBe(1);
    expect(await jobOf(network.id, `reflection.prompt|${meeting.id}|${people[0]!.id}`)).toMatchObject({ state: 'done', outcome: 'sent', owner: 'A' });
  });

  it('lets two instances run at once: every participant gets exactly one prompt', async () => {
    const { network, people } = await manyParticipants('twins', 30);
    clock = new Date('2027-01-20T11:00:00Z');
    // Each send takes Teams 50 ms, so neither instance can send all 30 before the other has looked.
    const real = limitedMessenger(createMessenger(createBotAdapter({ logger })), new SendBudget(budgets));
    const teamsTime: Messenger = { ...real, send: async (ref, msg) => (await new Promise((r) => setTimeout(r, 50)), real.send(ref, msg)) };
    const [a, b] = [schedulerFor('A', teamsTime), schedulerFor('B', teamsTime)];
    await a.syncNetwork(network.id);
    await Promise.all([a.runDue(), b.runDue()]); // both race for the fan-out
    const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);

    const counts = perConversation('twins');
    expect(counts.size).toBe(people.length);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(ranA + ranB).toBe(people.length);
    expect(ranA).toBeGreaterThan(0);
    expect(ranB).toBeGreaterThan(0);
  });
});
