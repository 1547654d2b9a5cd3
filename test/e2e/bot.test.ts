import type { AddressInfo } from 'node:net';
import * as restify from 'restify';
import { silentLogger } from '../../bot/config/logger';
import { t } from '../../bot/i18n';
import { createConversationStore, type ConversationStore } from '../../bot/storage/conversationStore';
import { createTables, ensureTables, uniqueTablePrefix } from '../../bot/storage/tables';
import { NetworkStore } from '../../bot/storage/networkStore';
import { createBot, createBotAdapter, type BotAdapter, type TurnHandler } from '../../bot/teams';
import { startFakeChannel, type FakeChannel } from '../support/fakeChannel';

// Teams-shaped activities over real HTTP into a restify server, replies caught by a fake channel,
// conversation references stored in Azurite.

const TENANT = 'tenant-aarhus';
const BOT = { id: '28:netvaerk-bot', name: 'Netværk' };
const METTE = { id: '29:mette', name: 'Mette Holm', aadObjectId: '6f1d1a52-0000-4000-8000-000000000001' };
const HELP_DA = `**${t('da', 'bot.help.title')}**`;
const HELP_EN = `**${t('en', 'bot.help.title')}**`;

let channel: FakeChannel;
let store: ConversationStore;
let adapter: BotAdapter;
let server: restify.Server;
let baseUrl: string;
let sequence = 0;

beforeAll(async () => {
  const tables = createTables({ connectionString: process.env.TEST_TABLES_CONNECTION_STRING!, prefix: uniqueTablePrefix('bot') });
  await ensureTables(tables);
  store = createConversationStore(tables.conversations);
  channel = await startFakeChannel();
  const logger = silentLogger();
  adapter = createBotAdapter({ logger });
  const actions = { store: new NetworkStore(tables.networks), now: () => new Date(), newId: () => `id${++sequence}`, networkChanged: () => {} };
  const bot = createBot({ conversations: store, logger, actions });
  const failingBot = createBot({ conversations: { ...store, claimWelcome: () => Promise.reject(new Error('storage down')) }, logger, actions });
  const secured = createBotAdapter({ appId: '5a1e0000-0000-4000-8000-0000000000b0', appPassword: 'unused', appTenantId: TENANT, appType: 'SingleTenant', logger });

  server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  const mount = (path: string, target: BotAdapter, handler: TurnHandler) =>
    server.post(path, async (req: restify.Request, res: restify.Response) => target.handle(req, res, handler));
  mount('/api/messages', adapter, bot);
  mount('/failing/api/messages', adapter, failingBot);
  mount('/secured/api/messages', secured, bot);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.close();
  await channel?.close();
});

function activity(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    id: `incoming-${++sequence}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: channel.url,
    recipient: BOT,
    from: METTE,
    locale: 'da-DK',
    channelData: { tenant: { id: TENANT } },
    ...fields,
  };
}

const personalChat = (conversationId: string) => ({ id: conversationId, conversationType: 'personal', tenantId: TENANT });
const teamChannel = (conversationId: string) => ({ id: conversationId, conversationType: 'channel', isGroup: true, tenantId: TENANT });
const message = (conversationId: string, text: string, fields: Record<string, unknown> = {}) =>
  activity({ type: 'message', text, conversation: personalChat(conversationId), ...fields });

async function post(body: unknown, { path = '/api/messages', headers = {} as Record<string, string> } = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

const uniqueConversation = (label: string) => `a:${label}-${Date.now().toString(36)}-${++sequence}`;

describe('install', () => {
  it('welcomes in Danish when the Teams locale is Danish', async () => {
    const conversationId = uniqueConversation('install-da');
    const install = activity({ type: 'conversationUpdate', membersAdded: [BOT, METTE], conversation: personalChat(conversationId) });

    expect((await post(install)).status).toBe(200);

    await channel.received(1);
    expect(channel.textsIn(conversationId)).toEqual([t('da', 'bot.welcome')]);
  });

  it('welcomes in English when the Teams locale is English', async () => {
    const conversationId = uniqueConversation('install-en');
    await post(activity({ type: 'installationUpdate', action: 'add', locale: 'en-US', conversation: personalChat(conversationId) }));

    expect(channel.textsIn(conversationId)).toEqual([t('en', 'bot.welcome')]);
  });

  it('welcomes once although Teams announces the install twice', async () => {
    const conversationId = uniqueConversation('install-twice');
    await Promise.all([
      post(activity({ type: 'conversationUpdate', membersAdded: [BOT], conversation: personalChat(conversationId) })),
      post(activity({ type: 'installationUpdate', action: 'add', conversation: personalChat(conversationId) })),
    ]);

    expect(channel.textsIn(conversationId)).toEqual([t('da', 'bot.welcome')]);
  });

  it('welcomes in the language of the announcement that has one (the Playground omits it on conversationUpdate)', async () => {
    const conversationId = uniqueConversation('install-locale');
    for (let round = 0; round < 3; round++) {
      const id = `${conversationId}-${round}`;
      await Promise.all([
        post(activity({ type: 'conversationUpdate', locale: undefined, membersAdded: [BOT], conversation: personalChat(id) })),
        post(activity({ type: 'installationUpdate', action: 'add', locale: 'en-US', conversation: personalChat(id) })),
      ]);
      expect(channel.textsIn(id)).toEqual([t('en', 'bot.welcome')]);
    }
  });

  it('welcomes again when the bot is reinstalled later', async () => {
    const conversationId = uniqueConversation('reinstall');
    await post(activity({ type: 'installationUpdate', action: 'add', conversation: personalChat(conversationId) }));
    const anHourLater = new Date(Date.now() + 60 * 60 * 1000);

    expect(await store.claimWelcome(conversationId, TENANT)).toBe(false);
    expect(await store.claimWelcome(conversationId, TENANT, anHourLater)).toBe(true);
  });

  it('welcomes a team in its General channel and lists the channel for the team', async () => {
    const teamId = `19:general-${++sequence}/x?y#z@thread.tacv2`; // characters Table keys forbid
    await post(activity({
      type: 'conversationUpdate',
      membersAdded: [BOT],
      conversation: teamChannel(teamId),
      channelData: { tenant: { id: TENANT }, team: { id: teamId }, eventType: 'teamMemberAdded' },
    }));

    expect(channel.textsIn(teamId)).toEqual([t('da', 'bot.welcome')]);
    const forTeam = await store.listForTeam(teamId);
    expect(forTeam.map((conversation) => conversation.conversationId)).toEqual([teamId]);
    expect(forTeam[0].reference.serviceUrl).toBe(channel.url);
  });
});

describe('chat commands', () => {
  it.each([
    ['hjælp', 'da-DK', HELP_DA],
    [' HJÆLP ', 'da-DK', HELP_DA],
    ['<at>Netværk</at> help', 'en-GB', HELP_EN],
    ['hjlp', 'da-DK', HELP_DA],
    ['?', 'da-DK', HELP_DA],
  ])('answers %j with the help', async (text, locale, expected) => {
    const conversationId = uniqueConversation('help');
    expect((await post(message(conversationId, text, { locale }))).status).toBe(200);

    const [reply] = channel.textsIn(conversationId);
    expect(reply).toContain(expected);
    expect(reply).toContain(t(locale.startsWith('en') ? 'en' : 'da', 'bot.help.body'));
  });

  it.each(['næste møde', 'Idéer', 'agenda'])('answers %j for someone in no network with how to get in', async (text) => {
    const conversationId = uniqueConversation('nonetwork');
    await post(message(conversationId, text));

    expect(channel.textsIn(conversationId)).toEqual([t('da', 'chat.noNetworks')]);
  });

  it('answers "mine refleksioner" with no open reflections when there are none', async () => {
    const conversationId = uniqueConversation('noreflections');
    await post(message(conversationId, 'mine refleksioner'));

    expect(channel.textsIn(conversationId)).toEqual([t('da', 'chat.noOpenReflections')]);
  });

  it('answers unknown text with a useful reply, never silence', async () => {
    const conversationId = uniqueConversation('unknown');
    await post(message(conversationId, 'Hvornår er der frokost?'));

    const [reply] = channel.textsIn(conversationId);
    expect(reply).toContain(t('da', 'bot.unknown'));
    expect(reply).toContain(HELP_DA);
  });

  it('replies to the message it answers', async () => {
    const conversationId = uniqueConversation('reply');
    const incoming = message(conversationId, 'help');
    await post(incoming);

    const call = channel.calls.find((c) => c.conversationId === conversationId)!;
    expect(call.activityId).toBe(incoming.id);
    expect(call.body.recipient.id).toBe(METTE.id);
  });
});

describe('conversation references', () => {
  it('stores a 1:1 chat by conversation id and by user, and reaches it proactively', async () => {
    const conversationId = uniqueConversation('reference');
    const user = { ...METTE, aadObjectId: `6f1d1a52-0000-4000-8000-${Date.now().toString().slice(-12)}` };
    await post(message(conversationId, 'hej', { from: user }));

    const byId = await store.get(conversationId);
    expect(byId).toMatchObject({ conversationId, conversationType: 'personal', tenantId: TENANT, userAadObjectId: user.aadObjectId });
    expect(await store.get(conversationId, TENANT)).toEqual(byId);
    const byUser = await store.findPersonal(user.aadObjectId);
    expect(byUser?.conversationId).toBe(conversationId);

    await adapter.continueConversation(byUser!.reference, async (context) => {
      await context.sendActivity('Dagsordenen til netværksmøde 2 er klar.');
    });
    expect(channel.textsIn(conversationId)).toEqual([expect.any(String), 'Dagsordenen til netværksmøde 2 er klar.']);
  });

  it('stores a channel thread under the channel, so later posts go to the channel', async () => {
    const teamId = `19:team-${++sequence}@thread.tacv2`;
    await post(activity({
      type: 'message',
      text: '<at>Netværk</at> idéer',
      conversation: teamChannel(`${teamId};messageid=1712345678901`),
      channelData: { tenant: { id: TENANT }, team: { id: teamId }, channel: { id: teamId } },
    }));

    const stored = await store.get(teamId, TENANT);
    expect(stored?.reference.conversation?.id).toBe(teamId);
    expect(stored?.reference.activityId).toBeUndefined();
  });

  it('learns everyone already in the team when the bot is added to it, page by page', async () => {
    const teamId = `19:roster-${++sequence}@thread.tacv2`;
    const people = ['Anna Ahl', 'Bent Bo', 'Carla Cruz', 'Dan Dahl', 'Eva Eng'].map((name, i) => ({
      id: `29:roster-${i}`, aadObjectId: `6f1d1a52-0000-4000-8000-00000000010${i}`, name, email: `p${i}@kommune.example`, userPrincipalName: `p${i}@kommune.example`,
    }));
    channel.rosters.set(teamId, people);
    await post(activity({
      type: 'conversationUpdate',
      membersAdded: [BOT],
      conversation: teamChannel(teamId),
      channelData: { tenant: { id: TENANT }, team: { id: teamId }, eventType: 'teamMemberAdded' },
    }));

    const members = await store.listTeamMembers(teamId);
    expect(members.map((m) => m.name).sort()).toEqual(people.map((p) => p.name));
    expect(members).toEqual(expect.arrayContaining([expect.objectContaining({ userId: '29:roster-4', aadObjectId: people[4]!.aadObjectId, email: 'p4@kommune.example', serviceUrl: channel.url })]));
  });

  it('captures a person who joins a team, with details from Teams when it has them', async () => {
    const teamId = `19:team-${++sequence}@thread.tacv2`;
    const jonas = { id: '29:jonas', aadObjectId: '6f1d1a52-0000-4000-8000-00000000000j' };
    const guest = { id: '29:guest', aadObjectId: '6f1d1a52-0000-4000-8000-00000000000g' };
    channel.members.set(jonas.id, { ...jonas, name: 'Jonas Berg', email: 'jonas@kommune.example', userPrincipalName: 'jonas@kommune.example' });
    const joined = activity({
      type: 'conversationUpdate',
      membersAdded: [jonas, guest],
      conversation: teamChannel(teamId),
      channelData: { tenant: { id: TENANT }, team: { id: teamId }, eventType: 'teamMemberAdded' },
    });

    expect((await post(joined)).status).toBe(200);

    const members = await store.listTeamMembers(teamId);
    expect(members).toEqual(expect.arrayContaining([
      expect.objectContaining({ userId: jonas.id, name: 'Jonas Berg', email: 'jonas@kommune.example', teamId, tenantId: TENANT }),
      expect.objectContaining({ userId: guest.id, aadObjectId: guest.aadObjectId, serviceUrl: channel.url }),
    ]));
    expect(channel.textsIn(teamId)).toEqual([]);
  });
});

describe('robustness', () => {
  it('answers 400 to a malformed body and keeps serving', async () => {
    expect((await post('{"type": "message", ')).status).toBe(400);
    expect((await post({ text: 'no type, no conversation' })).status).toBe(400);
    expect((await post([activity({ type: 'message' })])).status).toBe(400);

    const conversationId = uniqueConversation('after-bad');
    expect((await post(message(conversationId, 'help'))).status).toBe(200);
    expect(channel.textsIn(conversationId)).toHaveLength(1);
  });

  it('apologises in the user language when a turn fails', async () => {
    const conversationId = uniqueConversation('failing');
    const install = activity({ type: 'installationUpdate', action: 'add', locale: 'en-US', conversation: personalChat(conversationId) });

    expect((await post(install, { path: '/failing/api/messages' })).status).toBe(200);
    expect(channel.textsIn(conversationId)).toEqual([t('en', 'bot.error')]);
  });

  it('refuses activities without a Bot Framework token when an app id is configured', async () => {
    const conversationId = uniqueConversation('secured');
    const before = channel.calls.length;

    const cloudAdapterLog = jest.spyOn(console, 'error').mockImplementation(() => undefined); // botbuilder logs each refusal

    const withoutToken = await post(message(conversationId, 'help'), { path: '/secured/api/messages' });
    const withGarbage = await post(message(conversationId, 'help'), { path: '/secured/api/messages', headers: { authorization: 'Bearer not-a-jwt' } });

    cloudAdapterLog.mockRestore();
    expect([withoutToken.status, withGarbage.status]).toEqual([401, 401]);
    expect(channel.calls.length).toBe(before);
    expect(await store.get(conversationId)).toBeUndefined();
  });
});
