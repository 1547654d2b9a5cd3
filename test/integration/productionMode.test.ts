import type { App } from '../../bot/app';
import { startTestApp, teamsModeEnv } from '../support/testApp';
import { startBotFrameworkKeys, type BotFrameworkKeys } from '../support/botFrameworkKeys';
import { CLIENT_ID, TENANT } from '../unit/auth/tokens';

// Production mode over real HTTP: botbuilder's own Bot Framework token validation, with the signing keys
// served locally instead of by login.botframework.com. Only a token signed by the published key gets in.

const BOT_ID = teamsModeEnv({ clientId: CLIENT_ID, tenantId: TENANT }).BOT_ID!;
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

let keys: BotFrameworkKeys;
let app: App;
let sequence = 0;

beforeAll(async () => {
  keys = await startBotFrameworkKeys();
  app = await startTestApp('prodmode', {
    env: teamsModeEnv({ clientId: CLIENT_ID, tenantId: TENANT }, { BOT_OPENID_METADATA_URL: keys.metadataUrl, SCHEDULER: 'off' }),
  });
});
afterAll(async () => {
  await app?.stop();
  await keys?.close();
});

/** The bot being added to a team: stored as a reachable conversation, nothing sent (no locale, no welcome). */
function installActivity() {
  const conversationId = `19:prod-${++sequence}@thread.tacv2`;
  return {
    conversationId,
    activity: {
      type: 'conversationUpdate',
      id: `act-${sequence}`,
      channelId: 'msteams',
      serviceUrl: SERVICE_URL,
      from: { id: '29:someone', aadObjectId: '11111111-2222-4333-8444-555555555555' },
      recipient: { id: `28:${BOT_ID}`, name: 'Netværk' },
      conversation: { id: conversationId, conversationType: 'channel', tenantId: TENANT },
      membersAdded: [{ id: `28:${BOT_ID}` }],
      channelData: { tenant: { id: TENANT }, team: { id: conversationId } },
    },
  };
}

async function post(body: unknown, authorization?: string): Promise<number> {
  const response = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
  await response.text();
  return response.status;
}

const stored = (conversationId: string) => app.services.conversations.get(conversationId, TENANT);

describe('the bot in production mode', () => {
  test('an activity without a token is refused with 401 and not processed', async () => {
    const { conversationId, activity } = installActivity();
    expect(await post(activity)).toBe(401);
    expect(await stored(conversationId)).toBeUndefined();
  });

  test('a token signed by a key Bot Framework did not publish is refused with 401', async () => {
    const { conversationId, activity } = installActivity();
    expect(await post(activity, `Bearer ${await keys.forgedToken(BOT_ID, SERVICE_URL)}`)).toBe(401);
    // The emulator's issuer takes botbuilder's other validation path; a forgery is refused there too.
    const emulator = await keys.forgedToken(BOT_ID, SERVICE_URL, { iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/', appid: BOT_ID, ver: '1.0' });
    expect(await post(activity, `Bearer ${emulator}`)).toBe(401);
    expect(await stored(conversationId)).toBeUndefined();
  });

  test('a genuine token for another bot, another service URL or an expired one is refused', async () => {
    const { conversationId, activity } = installActivity();
    const now = Math.floor(Date.now() / 1000);
    for (const token of [
      await keys.channelToken('00000000-0000-4000-8000-00000000dead', SERVICE_URL),
      await keys.channelToken(BOT_ID, 'https://evil.example/'),
      await keys.channelToken(BOT_ID, SERVICE_URL, { exp: now - 3600, nbf: now - 7200 }),
    ]) {
      expect(await post(activity, `Bearer ${token}`)).toBe(401);
    }
    expect(await stored(conversationId)).toBeUndefined();
  });

  test('a token the channel signed gets the activity to the bot', async () => {
    const { conversationId, activity } = installActivity();
    expect(await post(activity, `Bearer ${await keys.channelToken(BOT_ID, SERVICE_URL)}`)).toBe(200);
    expect(await stored(conversationId)).toMatchObject({ conversationId, conversationType: 'channel' });
  });

  test('malformed bodies are refused before any token work', async () => {
    expect(await post({ hello: 'world' }, `Bearer ${await keys.channelToken(BOT_ID, SERVICE_URL)}`)).toBe(400);
  });

  test('the tab API does not know the development identities', async () => {
    const response = await fetch(`${app.url}/api/me`, { headers: { 'X-Dev-User': 'lene' } });
    expect(response.status).toBe(401);
  });
});
