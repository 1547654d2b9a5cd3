import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { agendaCardFor } from '../../bot/agenda/card';
import { cardHash } from '../../bot/scheduler/handlers';
import { jobId } from '../../bot/scheduler/job';
import { parseLinkTarget } from '../../bot/domain/deepLink';
import { runCardAction } from '../../bot/actions';
import { analysisReplies, nextMeetingReplies } from '../../bot/actions/commands';
import { clientFor, startTestApp } from '../support/testApp';
import { startFakeChannel, type FakeChannel } from '../support/fakeChannel';

// Deep links everywhere (issue 18, item 1), through the real service: the cards the scheduler posts and sends, the
// tab's agenda preview, the chat commands and a card's answer all carry the link the configuration makes — here the
// Teams app's id is known and the network lives in a channel, so a Teams deep link to the channel tab at the card's
// place. A card posted before it had the link is updated in place once, and then left alone.

const APP_ID = '3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const TEAM = '19:team-links@thread.tacv2';
const CHANNEL = '19:plan-links@thread.tacv2';
const jens = findDevIdentity('jens')!;

let app: App;
let channel: FakeChannel;
let clock = new Date('2027-01-10T10:00:00Z');
let lene: ReturnType<typeof clientFor>;
let networkId: string;
let meetingId: string;

const M = () => `/api/networks/${networkId}/meetings/${meetingId}`;
async function drain() {
  await app.scheduler.syncNetwork(networkId);
  while ((await app.scheduler.runDue()) > 0);
}

/** A card's one Action.OpenUrl, read as the Teams deep link it is. */
function linkOf(card: any) {
  const links = JSON.stringify(card).match(/"type":"Action\.OpenUrl"[^}]*/g) ?? [];
  expect(links).toHaveLength(1);
  const action = (card.actions as any[]).find((a) => a.type === 'Action.OpenUrl');
  const url = new URL(action.url);
  const context = JSON.parse(url.searchParams.get('context')!);
  return { title: action.title, origin: `${url.origin}${url.pathname}`, target: parseLinkTarget(context.subEntityId), channelId: context.channelId };
}
const cardOf = (body: any) => body.attachments[0].content;

beforeAll(async () => {
  channel = await startFakeChannel();
  app = await startTestApp('deeplinks', { now: () => clock, env: { SCHEDULER: 'off', TEAMS_APP_ID: APP_ID }, sendWait: { waitMs: 0 } });
  lene = clientFor(app, 'lene');
  const created = await lene.post('/api/networks', { name: 'Ældre i eget hjem', type: 'welfare', theme: 'Længst muligt i eget hjem', startDate: '2027-01-04', teamId: TEAM, channelId: CHANNEL });
  networkId = created.body.id;
  await lene.post(`/api/networks/${networkId}/participants`, { name: 'Jens Jensen', kind: 'core', role: 'employee', unit: 'ØS', userId: jens.userId, competenceAreas: [] });
  meetingId = (await lene.post(`/api/networks/${networkId}/meetings`, { number: 1, title: 'Opstart', date: '2027-01-20', start: '09:00', location: 'Rådhuset' })).body.id;
  await lene.put(`${M()}/agenda`, { items: [{ time: '09:00', content: 'Velkomst' }], daysBeforeToPost: 7 });
  const reference = (id: string, type: string) => ({ channelId: 'msteams', serviceUrl: channel.url, bot: { id: '28:bot', name: 'Netværk' }, conversation: { name: '', id, conversationType: type, isGroup: type !== 'personal' } });
  await app.services.conversations.remember({ conversationId: TEAM, conversationType: 'channel', teamId: TEAM, reference: reference(TEAM, 'channel') });
  await app.services.conversations.remember({ conversationId: 'a:jens', conversationType: 'personal', userAadObjectId: jens.userId, reference: reference('a:jens', 'personal') });
});

afterAll(async () => {
  await app?.stop();
  await channel?.close();
});

const TAB = `https://teams.microsoft.com/l/entity/${APP_ID}`;

test('the agenda the tab previews and the one posted in the channel link to that meeting’s agenda in the channel tab', async () => {
  const preview = await lene.post(`${M()}/agenda/preview`, { items: [{ time: '10:00', content: 'Udkast' }] });
  expect(linkOf(preview.body.card)).toEqual({ title: 'Åbn dagsordenen i planen', origin: `${TAB}/${networkId}`, target: { section: 'agenda', meetingId }, channelId: CHANNEL });

  expect((await lene.post(`${M()}/agenda/post`, {})).status).toBe(202);
  await drain();
  const posted = channel.calls.filter((c) => c.method === 'POST' && c.conversationId === CHANNEL);
  expect(posted).toHaveLength(1);
  expect(linkOf(cardOf(posted[0]!.body))).toMatchObject({ target: { section: 'agenda', meetingId }, channelId: CHANNEL });
});

test('an agenda posted before cards had the link is updated in place once, and then left alone', async () => {
  // As the app recorded it before the link: the fingerprint of the card without it.
  const aggregate = (await app.services.store.load(networkId))!;
  const posted = (await app.services.jobs.get(networkId, jobId('agenda.post', meetingId)))!;
  await app.services.jobs.change(posted, { cardHash: cardHash(agendaCardFor(aggregate, aggregate.meetings[0]!, 'da', undefined)) }, clock);
  const puts = () => channel.calls.filter((c) => c.method === 'PUT');
  const before = puts().length;

  await drain();
  expect(puts()).toHaveLength(before + 1);
  expect(linkOf(cardOf(puts().at(-1)!.body)).target).toEqual({ section: 'agenda', meetingId });
  // The next rounds find nothing changed: the card's fingerprint, with its link, is the one recorded.
  await drain();
  await drain();
  expect(puts()).toHaveLength(before + 1);
});

test('the idea lot put in the channel links to the ideas', async () => {
  expect((await lene.post(`/api/networks/${networkId}/ideas/post`, {})).status).toBe(202);
  await drain();
  const lot = channel.calls.filter((c) => c.method === 'POST' && c.conversationId === CHANNEL).at(-1)!;
  expect(linkOf(cardOf(lot.body))).toMatchObject({ title: 'Se idéerne i planen', target: { section: 'ideas' } });
});

test('the reflection questions after the meeting, and the answer to a press, link to that meeting’s reflections', async () => {
  clock = new Date('2027-01-20T11:05:00Z');
  await drain();
  const prompt = channel.calls.filter((c) => c.method === 'POST' && c.conversationId === 'a:jens').at(-1)!;
  expect(linkOf(cardOf(prompt.body))).toMatchObject({ title: 'Åbn mødet i planen', target: { section: 'reflections', meetingId }, channelId: CHANNEL });

  // The card a press answers with (here Teams' refresh of the card; in the network's language) has it too.
  const actor = { aadObjectId: jens.userId, teamsUserId: '29:jens', name: jens.name };
  const refreshed = await runCardAction({ verb: 'reflection.refresh', data: { networkId, meetingId }, actor, locale: 'en' }, app.services);
  expect('card' in refreshed && linkOf(refreshed.card)).toMatchObject({ title: 'Åbn mødet i planen', target: { section: 'reflections', meetingId } });
});

test('the chat commands answer with linked cards', async () => {
  const actor = { aadObjectId: findDevIdentity('lene')!.userId, name: 'Lene Holm' };
  clock = new Date('2027-01-12T10:00:00Z');
  const [agenda] = (await nextMeetingReplies({ actor, locale: 'da' }, app.services)).filter((r): r is { card: any } => 'card' in r);
  expect(linkOf(agenda!.card).target).toEqual({ section: 'agenda', meetingId });
  const [analysis] = (await analysisReplies({ actor, locale: 'da' }, app.services)).filter((r): r is { card: any } => 'card' in r);
  expect(linkOf(analysis!.card)).toMatchObject({ title: 'Åbn analysen i planen', target: { section: 'analysis' } });
});
