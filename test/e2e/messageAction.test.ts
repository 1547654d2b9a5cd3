import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { t } from '../../bot/i18n';
import { clientFor, startTestApp } from '../support/testApp';
import { startFakeChannel, type FakeChannel } from '../support/fakeChannel';
import { describeEvents, parseWithSdk, runTexts } from '../unit/cards/cardKit';

// "Parkér som idé" on a message and links that unfurl, over the Bot Framework protocol: Teams-shaped invokes
// (composeExtension/fetchTask, composeExtension/submitAction, composeExtension/queryLink) over HTTP into the real
// service (CloudAdapter behind restify), the answers Teams would show, what got stored (read back through the tab
// API), and the idea lot card already posted in the network's channel, updated in place through the scheduler.

const TENANT = 'tenant-vejle';
const TEAM = '19:parkteam@thread.tacv2';
const CHANNEL = '19:parkchannel@thread.tacv2';
const BOT = { id: '28:netvaerk-bot', name: 'Netværk' };
const identity = (key: string) => findDevIdentity(key)!;
const da = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t('da', key, params);

let app: App;
let channel: FakeChannel;
const clock = new Date('2027-01-20T11:30:00Z'); // 12:30 in Copenhagen: meeting 1 (09:00–12:00) has just ended
let networkId: string;
let otherNetworkId: string;
let meeting1: string;
let helleRow: string;
let lotActivityId: string;
let sequence = 0;

const inChannel = {
  conversation: { id: `${CHANNEL};messageid=1737370000000`, conversationType: 'channel', tenantId: TENANT },
  channelData: { tenant: { id: TENANT }, team: { id: TEAM }, channel: { id: CHANNEL } },
};

function activity(key: string, fields: Record<string, unknown>) {
  const who = identity(key);
  return {
    id: `in-${++sequence}`,
    type: 'invoke',
    channelId: 'msteams',
    serviceUrl: channel.url,
    recipient: BOT,
    from: { id: `29:${key}`, name: who.name, aadObjectId: who.userId },
    conversation: { id: `a:chat-${key}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'da-DK',
    ...fields,
  };
}

async function invoke(key: string, name: string, value: Record<string, unknown>, fields: Record<string, unknown> = {}) {
  const response = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity(key, { name, value, ...fields })),
  });
  expect(response.status).toBe(200);
  return response.json();
}

const MESSAGE_HTML =
  '<p>Hvad med en <strong>fælles vikarpulje</strong> på tværs af centrene?</p><p>Det koster &lt; 1 stilling &amp; sparer overtid&nbsp;&#128522;</p><script>alert(1)</script>';
const MESSAGE_TEXT = 'Hvad med en fælles vikarpulje på tværs af centrene?\nDet koster < 1 stilling & sparer overtid 😊';

/** The message's "…" menu → "Parkér som idé": Teams asks for the dialog. */
const fetchTask = (key: string, fields: Record<string, unknown> = inChannel, html = MESSAGE_HTML) =>
  invoke(key, 'composeExtension/fetchTask', {
    commandId: 'parkIdea',
    commandContext: 'message',
    context: { theme: 'default' },
    messagePayload: { id: '1737370000000', body: { contentType: 'html', content: html }, from: { user: { displayName: 'Helle Hansen' } } },
  }, fields);

/** The dialog's button: Teams sends its inputs merged with the button's data. */
const submit = (key: string, data: Record<string, unknown>, fields: Record<string, unknown> = inChannel) =>
  invoke(key, 'composeExtension/submitAction', { commandId: 'parkIdea', commandContext: 'message', context: { theme: 'default' }, data }, fields);

/** The dialog's card out of a `continue` answer, checked to be one the Adaptive Cards SDK reads without a word. */
function dialogCard(answer: any) {
  expect(answer.task).toMatchObject({ type: 'continue', value: { title: expect.any(String), card: { contentType: 'application/vnd.microsoft.card.adaptive' } } });
  const card = answer.task.value.card.content;
  const { events, validation } = parseWithSdk(card);
  if (events.length || validation.length) throw new Error(`SDK events:\n${describeEvents([...events, ...validation])}`);
  return card;
}

const inputs = (card: any): Record<string, any> => Object.fromEntries(card.body.filter((e: any) => typeof e.id === 'string').map((e: any) => [e.id, e]));
const submitAction = (card: any) => card.actions?.find((a: any) => a.type === 'Action.Submit');
/** What Teams sends when the button is pressed: the inputs as they stand, merged into the button's data. */
const pressed = (card: any, changes: Record<string, string> = {}) => ({
  ...submitAction(card).data,
  ...Object.fromEntries(Object.entries(inputs(card)).map(([id, input]) => [id, input.value ?? ''])),
  ...changes,
});
const storedIdeas = async () => (await clientFor(app, 'lene').get(`/api/networks/${networkId}`)).body.ideas as any[];

beforeAll(async () => {
  channel = await startFakeChannel();
  app = await startTestApp('msgaction', { now: () => clock });
  const lene = clientFor(app, 'lene');
  networkId = (await lene.post('/api/networks', { name: 'Ældre i eget hjem', type: 'welfare', theme: 'Længst muligt i eget hjem', startDate: '2027-01-04', teamId: TEAM, channelId: CHANNEL })).body.id;
  otherNetworkId = (await lene.post('/api/networks', { name: 'Sundhed på tværs', type: 'learning', theme: 'Sundhed', startDate: '2027-01-04' })).body.id;
  for (const [id, key] of [[networkId, 'jens'], [networkId, 'helle'], [otherNetworkId, 'jens']] as const) {
    const who = identity(key);
    const added = await lene.post(`/api/networks/${id}/participants`, { name: who.name, kind: 'core', role: 'employee', unit: 'ØS', userId: who.userId, competenceAreas: [] });
    expect(added.status).toBe(201);
    if (key === 'helle') helleRow = added.body.id;
  }
  meeting1 = (await lene.post(`/api/networks/${networkId}/meetings`, { number: 1, title: 'Opstart', date: '2027-01-20', start: '09:00', end: '12:00', location: 'Rådhuset' })).body.id;
  await lene.post(`/api/networks/${networkId}/meetings`, { number: 2, title: 'Borgerinddragelse', date: '2027-02-17', start: '13:00', end: '16:00', location: 'Plejecenter Solbakken' });

  // The app is in the network's team, and the idea lot is posted in its channel.
  await app.services.conversations.remember({
    conversationId: TEAM,
    conversationType: 'channel',
    teamId: TEAM,
    reference: { channelId: 'msteams', serviceUrl: channel.url, bot: { id: BOT.id, name: BOT.name }, conversation: { name: '', id: TEAM, conversationType: 'channel', isGroup: true } },
  });
  const posted = await lene.post(`/api/networks/${networkId}/ideas/post`, {});
  expect(posted.body).toMatchObject({ outcome: 'sent' });
  const post = channel.calls.find((c) => c.method === 'POST' && c.conversationId === CHANNEL)!;
  expect(JSON.stringify(post.body)).toContain(da('card.ideas.none'));
  lotActivityId = (await app.services.jobs.listForNetwork(networkId)).find((j) => j.kind === 'ideas.post')!.activityId!;
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await channel?.close();
});

describe('"Parkér som idé": the dialog', () => {
  it("opens with the message's text as plain text, the channel's network chosen and the meeting just held", async () => {
    const card = dialogCard(await fetchTask('jens'));
    const fields = inputs(card);

    expect(fields.ideaText).toMatchObject({ type: 'Input.Text', value: MESSAGE_TEXT, maxLength: 1000, isMultiline: true });
    // Jens is in two networks: the channel's own is chosen, the other one offered.
    expect(fields.networkId.value).toBe(networkId);
    expect(fields.networkId.choices.map((c: any) => c.title)).toEqual(expect.arrayContaining(['Ældre i eget hjem', 'Sundhed på tværs']));
    expect(fields.meetingId.value).toBe(meeting1);
    expect(fields.meetingId.choices.map((c: any) => c.title)).toEqual([da('park.noMeeting'), 'Netværksmøde 1 af 2 · 20.01.2027 · Opstart', 'Netværksmøde 2 af 2 · 17.02.2027 · Borgerinddragelse']);
    // A participant makes only themselves the owner; the leaders choose among the participants.
    expect(fields.ownerChoice.choices.map((c: any) => c.title)).toEqual([da('park.noOwner'), da('park.me')]);
    expect(submitAction(card)).toMatchObject({ title: da('park.submit'), data: { shownNetworkId: networkId } });
    expect(runTexts(card)).toContain(da('park.title'));
  });

  it("offers the leader every participant as owner", async () => {
    const card = dialogCard(await fetchTask('lene'));
    expect(inputs(card).ownerChoice.choices.map((c: any) => c.title)).toEqual([da('park.noOwner'), da('park.me'), 'Helle Hansen', 'Jens Jensen']);
  });

  it('outside a linked channel (from the compose box, no message) asks which network first, in the person’s language', async () => {
    const answer = await invoke('jens', 'composeExtension/fetchTask', { commandId: 'parkIdea', commandContext: 'compose', context: { theme: 'default' } }, { locale: 'en-GB' });
    const card = dialogCard(answer);
    const fields = inputs(card);
    expect(fields.ideaText.value).toBe('');
    expect(fields.networkId.value).toBeUndefined();
    expect(fields.meetingId).toBeUndefined();
    expect(submitAction(card).title).toBe(t('en', 'park.next'));
    expect(runTexts(card)).toContain(t('en', 'park.chooseNetwork', { count: 2 }));

    // Choosing one offers that network's meetings and people, with the text kept and nothing stored yet.
    const next = dialogCard(await submit('jens', pressed(card, { ideaText: 'Madklub for enlige', networkId }), { locale: 'en-GB' }));
    expect(inputs(next).ideaText.value).toBe('Madklub for enlige');
    expect(inputs(next).meetingId.value).toBe(meeting1);
    // Now about one network: in its language (Danish), whatever the person's Teams language.
    expect(runTexts(next)).toContain(da('park.networkChanged', { network: 'Ældre i eget hjem' }));
    expect(await storedIdeas()).toEqual([]);
  });
});

describe('"Parkér som idé": submit', () => {
  it('stores the idea through the same operation as the lot card, says so, and the posted lot card follows', async () => {
    const card = dialogCard(await fetchTask('jens'));
    const answer = await submit('jens', pressed(card, { ownerChoice: 'me' }));

    expect(answer).toEqual({ task: { type: 'message', value: da('park.parkedWithOwner', { network: 'Ældre i eget hjem', owner: 'Jens Jensen' }) } });
    const ideas = await storedIdeas();
    expect(ideas).toEqual([
      expect.objectContaining({ text: MESSAGE_TEXT, status: 'parked', meetingId: meeting1, raisedBy: expect.objectContaining({ name: 'Jens Jensen', userId: identity('jens').userId }), owner: expect.objectContaining({ name: 'Jens Jensen' }) }),
    ]);

    // The idea lot card in the channel is updated in place (PUT on the posted activity), not posted again.
    const update = await waitForCall((c) => c.method === 'PUT' && c.activityId === lotActivityId);
    const texts = runTexts(update.body.attachments[0].content);
    expect(texts).toContain(MESSAGE_TEXT);
    expect(texts.join('\n')).toContain(da('card.ideas.owner', { name: 'Jens Jensen' }));
    expect(channel.calls.filter((c) => c.method === 'POST' && c.conversationId === CHANNEL)).toHaveLength(1);
  });

  it('refuses what the operation refuses, in words, with the typed text kept; nothing is stored', async () => {
    const card = dialogCard(await fetchTask('jens', inChannel, '<p>Besøgsvenner fra gymnasiet</p>'));
    // A participant may not make someone else the owner (the leaders decide that).
    const refused = dialogCard(await submit('jens', pressed(card, { ownerChoice: `participant:${helleRow}` })));
    expect(runTexts(refused)).toContain(da('api.ideaOwnerOnlyYourself'));
    expect(inputs(refused).ideaText.value).toBe('Besøgsvenner fra gymnasiet');

    const empty = dialogCard(await submit('jens', pressed(card, { ideaText: '   ' })));
    expect(runTexts(empty)).toContain(da('action.ideas.empty'));
    expect((await storedIdeas()).map((i) => i.text)).toEqual([MESSAGE_TEXT]);
  });

  it('the leader names another participant as owner', async () => {
    const card = dialogCard(await fetchTask('lene', inChannel, '<p>Fælles kalender for aktiviteter</p>'));
    const answer = await submit('lene', pressed(card, { ownerChoice: `participant:${helleRow}`, meetingId: 'none' }));
    expect(answer.task.value).toBe(da('park.parkedWithOwner', { network: 'Ældre i eget hjem', owner: 'Helle Hansen' }));
    const idea = (await storedIdeas()).find((i) => i.text === 'Fælles kalender for aktiviteter');
    expect(idea).toMatchObject({ owner: { name: 'Helle Hansen', userId: identity('helle').userId }, raisedBy: { name: identity('lene').name } });
    expect(idea.meetingId).toBeUndefined();
  });
});

describe('"Parkér som idé" for someone outside the network', () => {
  it('the dialog says so in words, and offers nothing', async () => {
    const card = dialogCard(await fetchTask('ulla'));
    expect(runTexts(card)).toEqual([da('park.title'), da('park.notMember')]);
    expect(Object.keys(inputs(card))).toEqual([]);
    expect(card.actions).toBeUndefined();
    expect(JSON.stringify(card)).not.toContain('Ældre i eget hjem');
  });

  it('a submit naming the network is refused, the text kept, and nothing is stored', async () => {
    const before = (await storedIdeas()).length;
    const answer = dialogCard(await submit('ulla', { verb: 'park.submit', shownNetworkId: networkId, networkId, ideaText: 'Indtrængen', ownerChoice: 'me' }));
    expect(runTexts(answer)).toEqual([da('park.title'), da('park.notMember'), da('park.yourText', { text: 'Indtrængen' })]);
    expect(await storedIdeas()).toHaveLength(before);
  });

  it('so is the leader’s Teams id without an Entra object id (Teams did not say who this is)', async () => {
    const before = (await storedIdeas()).length;
    const from = { id: '29:lene', name: identity('lene').name };
    const answer = dialogCard(await submit('lene', { verb: 'park.submit', shownNetworkId: networkId, networkId, ideaText: 'Indtrængen' }, { ...inChannel, from }));
    expect(runTexts(answer)).toContain(da('park.notMember'));
    expect(await storedIdeas()).toHaveLength(before);
  });
});

describe('a link to a network’s tab, pasted in a chat', () => {
  const queryLink = (key: string, url: string, fields: Record<string, unknown> = {}) => invoke(key, 'composeExtension/queryLink', { url }, fields);

  it('unfurls for a member: the network, its next meeting, the ideas on the parking lot and a way in', async () => {
    const answer = await queryLink('helle', `${app.url}/tabs/plan.html?networkId=${networkId}#ideas`);
    expect(answer.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const [attachment, ...more] = answer.composeExtension.attachments;
    expect(more).toEqual([]);
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const { events } = parseWithSdk(attachment.content);
    expect(describeEvents(events)).toBe('');
    const texts = runTexts(attachment.content);
    expect(texts).toEqual(expect.arrayContaining(['Ældre i eget hjem', `${da('unfurl.nextMeeting')}:`, 'Netværksmøde 2 af 2 · 17.02.2027, 13:00–16:00', 'Plejecenter Solbakken', da('unfurl.openIdeas', { count: 2 })]));
    expect(da('unfurl.openIdeas', { count: 2 })).toBe('2 idéer på P-pladsen');
    expect(attachment.content.actions).toEqual([{ type: 'Action.OpenUrl', title: da('unfurl.open'), url: expect.stringContaining(`networkId=${networkId}`) }]);
    expect(attachment.preview).toEqual({
      contentType: 'application/vnd.microsoft.card.thumbnail',
      content: { title: 'Ældre i eget hjem', text: `Netværksmøde 2 af 2 · 17.02.2027, 13:00–16:00 · ${da('unfurl.openIdeas', { count: 2 })}` },
    });
  });

  it('reads the delivery page and a Teams deep link to the channel tab too', async () => {
    for (const url of [
      `${app.url}/tabs/delivery.html?networkId=${networkId}`,
      `https://teams.microsoft.com/l/entity/3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d/${networkId}?context=${encodeURIComponent(JSON.stringify({ subEntityId: `agenda:${meeting1}`, channelId: CHANNEL }))}`,
      `https://teams.microsoft.com/l/entity/3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d/delivery-${networkId}?context=%7Bnot%20json`,
    ]) {
      const answer = await queryLink('jens', url);
      expect(answer.composeExtension.attachments.map((a: any) => a.preview.content.title)).toEqual(['Ældre i eget hjem']);
    }
  });

  it('shows nothing to anyone else, the same as for a link to no network', async () => {
    const outsider = await queryLink('ulla', `${app.url}/tabs/plan.html?networkId=${networkId}`);
    const noNetwork = await queryLink('jens', `${app.url}/tabs/plan.html?networkId=no-such-network`);
    const notOurs = await queryLink('jens', 'https://example.com/some/page');
    const noAad = await queryLink('lene', `${app.url}/tabs/plan.html?networkId=${networkId}`, { from: { id: '29:lene', name: identity('lene').name } });
    for (const answer of [outsider, noNetwork, notOurs, noAad]) {
      expect(answer).toEqual({ composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } });
    }
  });
});

async function waitForCall(match: (call: FakeChannel['calls'][number]) => boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = channel.calls.find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No such channel call within ${timeoutMs} ms; calls: ${JSON.stringify(channel.calls.map((c) => [c.method, c.conversationId, c.activityId]))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
