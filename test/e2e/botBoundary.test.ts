import pino from 'pino';
import type { App } from '../../bot/app';
import { t } from '../../bot/i18n';
import { startTestApp } from '../support/testApp';
import { startFakeChannel, type FakeChannel } from '../support/fakeChannel';

// What arrives at /api/messages is whatever someone sends: over-long messages and fields of the wrong
// type get an ordinary answer (or a 400), never a failed turn logged as an error.

const TENANT = 'tenant-odense';
const BOT = { id: '28:netvaerk-bot', name: 'Netværk' };
const METTE = { id: '29:mette', name: 'Mette Holm', aadObjectId: '6f1d1a52-0000-4000-8000-000000000001' };
const HELP_DA = `**${t('da', 'bot.help.title')}**`;

let app: App;
let channel: FakeChannel;
let sequence = 0;
const logLines: { level: number; msg: string; [field: string]: unknown }[] = [];
const errorLogs = () => logLines.filter((line) => line.level >= pino.levels.values.error!);

beforeAll(async () => {
  channel = await startFakeChannel();
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
  app = await startTestApp('boundary', { logger, env: { SCHEDULER: 'off' } });
});

afterAll(async () => {
  await app?.stop();
  await channel?.close();
});

beforeEach(() => {
  logLines.length = 0;
});

const conversation = () => ({ id: `a:boundary-${++sequence}`, conversationType: 'personal', tenantId: TENANT });

// The tables below are built before the fake channel exists: `post` fills in its address.
const CHANNEL = 'fake-channel';

function activity(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    id: `incoming-${++sequence}`,
    channelId: 'msteams',
    serviceUrl: CHANNEL,
    recipient: BOT,
    from: METTE,
    conversation: conversation(),
    locale: 'da-DK',
    channelData: { tenant: { id: TENANT } },
    ...fields,
  };
}

const message = (fields: Record<string, unknown>) => activity({ type: 'message', ...fields });
const invoke = (verb: unknown) => activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data: {} } } });

/** Posts the activity; `says` is what the user sees: the invoke's answer, or the texts posted back. */
async function post(body: Record<string, unknown>) {
  const before = channel.calls.length;
  const sent = JSON.stringify({ ...body, serviceUrl: body.serviceUrl === CHANNEL ? channel.url : body.serviceUrl });
  const response = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: sent });
  const text = await response.text();
  const replies = channel.calls.slice(before).map((call) => call.body.text as string);
  return { status: response.status, says: body.type === 'invoke' && text ? [JSON.parse(text).value as string] : replies };
}

describe('a very long message', () => {
  const prose = 'Vi talte om borgerens egen stemme og om vikarer på tværs af centre. '.repeat(250_000 / 70);

  it('of 250 KB without a command is answered with the help, never silence', async () => {
    const answer = await post(message({ text: prose }));

    expect(answer.status).toBe(200);
    expect(answer.says).toEqual([expect.stringContaining(HELP_DA)]);
    expect(answer.says[0]).toContain(t('da', 'bot.unknown'));
  });

  it('of 250 KB starting with "hjælp" gets the help', async () => {
    const answer = await post(message({ text: `hjælp ${prose}` }));

    expect(answer.says).toEqual([expect.stringContaining(t('da', 'bot.help.body'))]);
    expect(answer.says[0]).not.toContain(t('da', 'bot.unknown'));
  });
});

describe('activity fields of the wrong type are ignored, never a failed turn', () => {
  const helpAnswer = expect.stringContaining(HELP_DA);
  const unknownButton = t('da', 'action.unknown');
  it.each([
    ['text as a number', message({ text: 42 }), [helpAnswer]],
    ['text as an object', message({ text: { length: 5 } }), [helpAnswer]],
    ['locale as an object', message({ text: 'hjælp', locale: { lang: 'en' } }), [helpAnswer]],
    ['locale as a number', message({ text: 'hjælp', locale: 7 }), [helpAnswer]],
    ['from as a string', message({ text: 'hjælp', from: 'mallory' }), [helpAnswer]],
    ['from with an object as aadObjectId', message({ text: 'idéer', from: { id: '29:x', aadObjectId: { $ne: '' } } }), [t('da', 'chat.noNetworks')]],
    ['membersAdded as a string', activity({ type: 'conversationUpdate', membersAdded: 'everyone' }), []],
    ['membersAdded holding no accounts', activity({ type: 'conversationUpdate', membersAdded: [1, null, 'x'] }), []],
    ['channelData with an object as tenant id', message({ text: 'hjælp', channelData: { tenant: { id: { x: 1 } } } }), [helpAnswer]],
    ['a card value that is a string', activity({ type: 'invoke', name: 'adaptiveCard/action', value: 'idea.add' }), [unknownButton]],
    ['a card verb that is an object', invoke({ verb: 'idea.add' }), [unknownButton]],
    ['the verb "__proto__"', invoke('__proto__'), [unknownButton]],
    ['the verb "toString"', invoke('toString'), [unknownButton]],
    ['the verb "constructor"', invoke('constructor'), [unknownButton]],
    ['the verb "hasOwnProperty" from Action.Submit', message({ value: { verb: 'hasOwnProperty' } }), [unknownButton]],
    ['the verb "__proto__" from Action.Submit', message({ value: { verb: '__proto__' } }), [unknownButton]],
  ])('%s', async (_label, body, says) => {
    const answer = await post(body);

    expect(answer.status).toBeLessThan(300);
    expect(answer.says).toEqual(says);
    expect(errorLogs()).toEqual([]);
  });

  it('says which fields it ignored, at warn level', async () => {
    await post(message({ text: 42, locale: {} }));

    expect(logLines).toContainEqual(expect.objectContaining({ level: pino.levels.values.warn, ignored: ['text', 'locale'] }));
  });

  it.each([
    ['a conversation id that is a number', activity({ type: 'message', text: 'hjælp', conversation: { id: 42 } })],
    ['a conversation type that is an object', activity({ type: 'message', text: 'hjælp', conversation: { id: 'a:x', conversationType: {} } })],
    ['a type that is a number', activity({ type: 7 })],
  ])('refuses %s with 400', async (_label, body) => {
    expect((await post(body)).status).toBe(400);
    expect(errorLogs()).toEqual([]);
  });

  it('keeps answering afterwards', async () => {
    const answer = await post(message({ text: 'hjælp' }));

    expect(answer.status).toBe(200);
    expect(answer.says).toEqual([expect.stringContaining(HELP_DA)]);
  });
});
