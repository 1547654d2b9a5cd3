import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { t } from '../../bot/i18n';
import { clientFor, startTestApp } from '../support/testApp';
import { startFakeChannel, type FakeChannel } from '../support/fakeChannel';

// Invitations over real HTTP: the leader's drafts, saving, sending in Teams (the card goes to a fake Bot Framework
// channel; the status becomes 'invited' only when it arrived, else the reason comes back), the invitee's answer by
// pressing the card as Teams would, answers recorded by hand, the e-mail file, who sees what, erasure.

const TEAM = '19:team@thread.tacv2';
const TENANT = 'tenant-vejle';
const BOT = { id: '28:netvaerk-bot', name: 'Netværk' };
const person = (key: string) => findDevIdentity(key)!;

let app: App;
let channel: FakeChannel;
let lene: ReturnType<typeof clientFor>;
let networkId: string;
const ids: Record<string, string> = {};
let sequence = 0;
const N = () => `/api/networks/${networkId}`;
const TEXT = { subject: 'Invitation til netværket „Ældre i eget hjem“', text: 'Kære Jens\n\nVil du være med?\n\nMed venlig hilsen\nLene Holm' };

/** An Action.Execute press on a card, as Teams sends it (the presser's Entra id in from.aadObjectId). */
async function press(key: string, verb: string, data: Record<string, unknown>) {
  const who = person(key);
  const response = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: `in-${++sequence}`,
      type: 'invoke',
      name: 'adaptiveCard/action',
      channelId: 'msteams',
      serviceUrl: channel.url,
      recipient: BOT,
      from: { id: `29:${key}`, name: who.name, aadObjectId: who.userId },
      conversation: { id: `a:chat-${key}`, conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
      locale: 'en-US',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    }),
  });
  const body = await response.json();
  return { status: response.status, body, text: JSON.stringify(body.value) };
}

const statusOf = async (participantId: string) => (await lene.get(`${N()}/invitations`)).body.personal.find((p: any) => p.participantId === participantId);

beforeAll(async () => {
  channel = await startFakeChannel();
  app = await startTestApp('invitations', { now: () => new Date('2027-01-05T10:00:00Z'), env: { SCHEDULER: 'off' } });
  lene = clientFor(app, 'lene');
  const created = await lene.post('/api/networks', { name: 'Ældre i eget hjem', type: 'welfare', theme: 'Længst muligt i eget hjem', startDate: '2027-01-04', teamId: TEAM });
  networkId = created.body.id;
  const add = async (key: string, body: object) => (ids[key] = (await lene.post(`${N()}/participants`, { kind: 'core', role: 'employee', unit: 'ØS', ...body })).body.id);
  await add('jens', { name: 'Jens Jensen', userId: person('jens').userId, competenceAreas: ['professionalExpertise'] });
  await add('helle', { name: 'Helle Hansen', userId: person('helle').userId });
  await add('mette', { name: 'Mette Mail', email: 'mette@kommune.example' });
  await add('sofie', { name: 'Sofie Udenfor', userId: 'd0000000-0000-4000-8000-0000000000aa' });
  await add('bo', { name: 'Bo Blokeret', userId: 'd0000000-0000-4000-8000-0000000000bb' });
  await lene.post(`${N()}/meetings`, { number: 1, title: 'Opstart', date: '2027-01-20', start: '09:00', location: 'Rådhuset' });
  const reference = (id: string) => ({ channelId: 'msteams', serviceUrl: channel.url, bot: BOT, conversation: { id, name: '', conversationType: 'personal', isGroup: false, tenantId: TENANT } });
  const { conversations } = app.services;
  // Jens and Bo have written to the bot; Helle is a member of the team (the bot opens her chat); Sofie is neither.
  await conversations.remember({ conversationId: 'a:jens', conversationType: 'personal', userAadObjectId: person('jens').userId, reference: reference('a:jens') });
  await conversations.remember({ conversationId: 'a:bo', conversationType: 'personal', userAadObjectId: 'd0000000-0000-4000-8000-0000000000bb', reference: reference('a:bo') });
  await conversations.remember({ conversationId: TEAM, conversationType: 'channel', teamId: TEAM, reference: { ...reference(TEAM), conversation: { id: TEAM, name: '', conversationType: 'channel', isGroup: true, tenantId: TENANT } } });
  await conversations.rememberMember({ teamId: TEAM, tenantId: TENANT, userId: '29:helle', aadObjectId: person('helle').userId, name: 'Helle Hansen', serviceUrl: channel.url });
  channel.refuse = (call) => (call.conversationId === 'a:bo' ? { status: 403 } : undefined);
});

afterAll(async () => {
  await app?.stop();
  await channel?.close();
});

test('the leaders get the drafts from the plan; participants and outsiders get 403', async () => {
  const view = await lene.get(`${N()}/invitations`);
  expect(view.status).toBe(200);
  expect(view.body.common).toMatchObject({ saved: false, subject: 'Vil du være med i netværket „Ældre i eget hjem“?' });
  const jens = view.body.personal.find((p: any) => p.participantId === ids.jens);
  expect(jens).toMatchObject({ name: 'Jens Jensen', hasTeams: true, saved: false });
  expect(jens.text).toContain('Kære Jens Jensen');
  expect(jens.text).toContain('Netværksmøde 1 af 1: onsdag 20.01.2027 kl. 09:00–12:00, Rådhuset');
  expect((await clientFor(app, 'jens').get(`${N()}/invitations`)).status).toBe(403);
  expect((await clientFor(app, 'ulla').get(`${N()}/invitations`)).status).toBe(403);
});

test('the common invitation: created, then saved only with the version seen', async () => {
  const first = await lene.put(`${N()}/invitation`, { subject: 'Vil du være med?', text: 'Kære kollega' });
  expect(first.status).toBe(201);
  expect((await lene.put(`${N()}/invitation`, { subject: 'Ny', text: 'Ny' })).status).toBe(428);
  expect((await lene.put(`${N()}/invitation`, { subject: 'Ny', text: 'Ny' }, { 'If-Match': '"old"' })).status).toBe(409);
  const second = await lene.put(`${N()}/invitation`, { subject: 'Vil du være med?', text: 'Kære kollega\n\nVi mødes fem gange.' }, { 'If-Match': first.etag! });
  expect(second.status).toBe(200);
  expect((await lene.get(`${N()}/invitations`)).body.common).toMatchObject({ saved: true, text: 'Kære kollega\n\nVi mødes fem gange.' });
});

test('sent in Teams: the card arrives in the person’s chat, and only then is the status "invited"', async () => {
  const before = channel.calls.length;
  const sent = await lene.post(`${N()}/invitations/${ids.jens}/send`, { ...TEXT, via: 'teams' });
  expect(sent.status).toBe(200);
  expect(sent.body).toMatchObject({ participantId: ids.jens, status: 'invited', via: 'teams', sentAt: '2027-01-05T10:00:00.000Z', text: TEXT.text });
  const [call] = channel.calls.slice(before);
  expect(call).toMatchObject({ method: 'POST', conversationId: 'a:jens' });
  const card = call!.body.attachments[0].content;
  expect(JSON.stringify(card)).toContain('Vil du være med?');
  // Last, the way to the network's plan (issue 18: every card links back; here the tab page, no Teams app id).
  expect(card.actions.map((a: any) => a.verb ?? a.type)).toEqual(['invitation.accept', 'invitation.decline', 'Action.ShowCard', 'Action.OpenUrl']);
  expect(card.actions[3]).toMatchObject({ title: 'Åbn planen', url: `${app.url}/tabs/plan.html?networkId=${networkId}#theme` });
  expect(card.actions[0].data).toEqual({ networkId, verb: 'invitation.accept' });
  expect(card.refresh.action).toMatchObject({ type: 'Action.Execute', verb: 'invitation.refresh', data: { networkId } });
  expect((await statusOf(ids.jens)).status).toBe('invited');
});

test('a team member who never wrote to the bot: the chat is opened, then the card sent', async () => {
  const before = channel.calls.length;
  const sent = await lene.post(`${N()}/invitations/${ids.helle}/send`, { ...TEXT, text: 'Kære Helle', via: 'teams' });
  expect(sent.status).toBe(200);
  const calls = channel.calls.slice(before);
  expect(calls.map((c) => c.conversationId ?? 'create')).toEqual(['create', expect.stringMatching(/^a:created-/)]);
  expect(calls[1]!.body.attachments[0].content.refresh.userIds).toEqual(['29:helle']);
});

test('not sent, with the reason and what to do: no Teams user, not in the team, blocked the bot — status unchanged', async () => {
  const cases = [
    ['mette', 422, 'noTeamsUser', 'Mette Mail har ingen Teams-bruger i netværket'],
    ['sofie', 422, 'notInTeam', 'Botten kan ikke finde Sofie Udenfor: personen er ikke medlem af netværkets team'],
    ['bo', 422, 'blocked', 'Bo Blokeret har blokeret botten eller fjernet appen i Teams'],
  ] as const;
  for (const [key, status, code, words] of cases) {
    const refused = await lene.post(`${N()}/invitations/${ids[key]}/send`, { ...TEXT, via: 'teams' });
    expect({ key, status: refused.status, code: refused.body.error.code }).toEqual({ key, status, code });
    expect(refused.body.error.message).toContain(words);
    expect(refused.body.error.message).toContain('e-mail');
    expect((await statusOf(ids[key]!)).status).toBeUndefined();
  }
  expect(channel.refused.map((c) => c.conversationId)).toEqual(['a:bo']);
  const english = await clientFor(app, 'lene', { 'Accept-Language': 'en' }).post(`${N()}/invitations/${ids.bo}/send`, { ...TEXT, via: 'teams' });
  expect(english.body.error.message).toBe(t('en', 'invitation.api.blocked', { name: 'Bo Blokeret' }));
});

test('the invitee answers by pressing the card: "Tak – du er med" replaces it, and the status is theirs', async () => {
  // The leader pressing a copy of the card (data naming Jens) answers nothing for him.
  const forged = await press('lene', 'invitation.accept', { networkId, participantId: ids.jens });
  expect(forged.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: t('da', 'invitation.card.notInvited') });
  expect((await statusOf(ids.jens)).status).toBe('invited');
  // Someone outside the network sees nothing of it (in their Teams language: the network's is not theirs to know).
  const outsider = await press('ulla', 'invitation.accept', { networkId });
  expect(outsider.body.value).toBe(t('en', 'action.notMember'));

  const accepted = await press('jens', 'invitation.accept', { networkId, verb: 'invitation.accept' });
  expect(accepted.status).toBe(200);
  expect(accepted.body.type).toBe('application/vnd.microsoft.card.adaptive');
  // In the network's language, whatever Teams' language.
  expect(accepted.text).toContain('Tak – du er med.');
  expect(accepted.body.value.actions.map((a: any) => a.type)).toEqual(['Action.ShowCard', 'Action.OpenUrl']);
  expect(await statusOf(ids.jens)).toMatchObject({ status: 'accepted', via: 'teams', answeredAt: '2027-01-05T10:00:00.000Z' });

  const declined = await press('helle', 'invitation.decline', { networkId });
  expect(declined.text).toContain('Tak for svaret.');
  expect((await statusOf(ids.helle)).status).toBe('declined');
  // Opening the chat later shows the answer (Teams' refresh).
  expect((await press('jens', 'invitation.refresh', { networkId })).text).toContain('Tak – du er med.');
});

test('the leader cannot set the answer of someone who got the card in Teams', async () => {
  const refused = await lene.post(`${N()}/invitations/${ids.jens}/status`, { status: 'declined' });
  expect(refused.status).toBe(422);
  expect(refused.body.error).toMatchObject({ code: 'answerInTeams', message: t('da', 'invitation.api.answerInTeams', { name: 'Jens Jensen' }) });
  expect((await statusOf(ids.jens)).status).toBe('accepted');
});

test('by e-mail: the .eml file, marked as sent, the answer noted by hand', async () => {
  const file = await fetch(`${app.url}${N()}/invitations/${ids.mette}/invitation.eml`, { headers: { 'X-Dev-User': 'lene' } });
  expect(file.status).toBe(200);
  expect(file.headers.get('content-type')).toContain('message/rfc822');
  expect(file.headers.get('content-disposition')).toContain("filename*=UTF-8''Invitation%20til%20Mette%20Mail.eml");
  const eml = await file.text();
  expect(eml).toContain('\r\nTo: "Mette Mail" <mette@kommune.example>\r\n');
  expect(eml).toContain('From: "Lene Holm" <lene.holm@kommune.example>');
  expect(Buffer.from(eml.split('\r\n\r\n')[1]!.replace(/\r\n/g, ''), 'base64').toString('utf8')).toContain('Kære Mette Mail');

  const early = await lene.post(`${N()}/invitations/${ids.mette}/status`, { status: 'accepted' });
  expect(early.body.error.code).toBe('notSent');
  const marked = await lene.post(`${N()}/invitations/${ids.mette}/send`, { ...TEXT, text: 'Kære Mette', via: 'email' });
  expect(marked.body).toMatchObject({ status: 'invited', via: 'email' });
  const answered = await lene.post(`${N()}/invitations/${ids.mette}/status`, { status: 'accepted' });
  expect(answered.status).toBe(200);
  expect(await statusOf(ids.mette)).toMatchObject({ status: 'accepted', via: 'email', text: 'Kære Mette' });
  expect((await clientFor(app, 'omar').post(`${N()}/invitations/${ids.mette}/status`, { status: 'declined' })).status).toBe(403);
});

test('the plan shows a participant only their own invitation; the leaders all', async () => {
  const asJens = (await clientFor(app, 'jens').get(N())).body;
  expect(asJens.invitations.map((i: any) => i.participantId)).toEqual([ids.jens]);
  const asLene = (await lene.get(N())).body;
  expect(asLene.invitations.map((i: any) => i.participantId).sort()).toEqual([ids.jens, ids.helle, ids.mette].sort());
});

test('an erased person’s invitation goes with them; a deleted participant’s too', async () => {
  const dorthe = clientFor(app, 'dorthe');
  const exported = await dorthe.post('/api/privacy/export', { userId: person('helle').userId });
  expect(exported.body.networks[0].invitations).toEqual([expect.objectContaining({ participantId: ids.helle, text: 'Kære Helle', status: 'declined' })]);
  expect((await dorthe.post('/api/privacy/erase', { userId: person('helle').userId })).status).toBe(200);
  let plan = (await lene.get(N())).body;
  expect(plan.invitations.map((i: any) => i.participantId)).not.toContain(ids.helle);

  const mette = plan.participants.find((p: any) => p.id === ids.mette);
  expect((await lene.del(`${N()}/participants/${ids.mette}`, { 'If-Match': mette.etag })).status).toBe(204);
  plan = (await lene.get(N())).body;
  expect(plan.invitations.map((i: any) => i.participantId)).toEqual([ids.jens]);
});
