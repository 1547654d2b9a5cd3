import type { App } from '../../bot/app';
import { CARD_VERBS } from '../../bot/actions';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { t } from '../../bot/i18n';
import { clientFor, startTestApp } from '../support/testApp';
import { startFakeChannel, type FakeChannel } from '../support/fakeChannel';

// Card buttons end to end: Teams-shaped invokes over HTTP into the real service (CloudAdapter behind
// restify), the card that comes back in the response, and what got stored — privacy included.

const TENANT = 'tenant-vejle';
const BOT = { id: '28:netvaerk-bot', name: 'Netværk' };
const identity = (key: string) => findDevIdentity(key)!;

let app: App;
let channel: FakeChannel;
const AFTER_MEETING = new Date('2027-01-20T11:30:00Z'); // 12:30 in Copenhagen, after the meeting
// The network is planned a week before; the tests run after the meeting (people added after it are not asked about it).
let clock = new Date('2027-01-13T09:00:00Z');
let networkId: string;
let meetingId: string;
let sequence = 0;

function activity(key: string, fields: Record<string, unknown>) {
  const who = identity(key);
  return {
    id: `in-${++sequence}`,
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

async function press(key: string, verb: string, data: Record<string, unknown>, fields: Record<string, unknown> = {}) {
  const response = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity(key, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }, ...fields })),
  });
  const body = await response.json();
  return { status: response.status, body, text: JSON.stringify(body.value) };
}

const cardTexts = (card: any): string[] => JSON.stringify(card).match(/"text":"[^"]*"/g) ?? [];

beforeAll(async () => {
  channel = await startFakeChannel();
  app = await startTestApp('cards', { now: () => clock, env: { SCHEDULER: 'off' } });
  const lene = clientFor(app, 'lene');
  const created = await lene.post('/api/networks', { name: 'Ældre i eget hjem', type: 'welfare', theme: 'Længst muligt i eget hjem', startDate: '2027-01-04' });
  networkId = created.body.id;
  for (const key of ['jens', 'helle']) {
    const who = identity(key);
    await lene.post(`/api/networks/${networkId}/participants`, { name: who.name, kind: 'core', role: 'employee', unit: 'ØS', userId: who.userId, competenceAreas: [] });
  }
  const meeting = await lene.post(`/api/networks/${networkId}/meetings`, { number: 1, title: 'Opstart', date: '2027-01-20', start: '09:00', location: 'Rådhuset' });
  meetingId = meeting.body.id;
  clock = AFTER_MEETING;
});

afterAll(async () => {
  await app?.stop();
  await channel?.close();
});

describe('reflection card', () => {
  it('"mine refleksioner" brings the open reflection card to the participant', async () => {
    await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity('jens', { type: 'message', text: 'mine refleksioner' })),
    });
    const [reply] = await channel.received(1);
    const card = reply!.body.attachments[0].content;
    expect(card.actions[0]).toMatchObject({ type: 'Action.Execute', verb: 'reflection.save' });
    expect(JSON.stringify(card)).toContain('Hvad kan du tage med fra i dag?');
  });

  it('is in the network’s language whatever language the person’s Teams is in: one language on the card', async () => {
    const shown = await press('jens', 'reflection.refresh', { networkId, meetingId }, { locale: 'en-US' });
    const texts = cardTexts(shown.body.value).join(' ');
    expect(texts).toContain(t('da', 'card.reflection.title'));
    expect(JSON.stringify(shown.body.value)).toContain('Hvad kan du tage med fra i dag?');
    expect(texts).not.toContain(t('en', 'card.reflection.title'));
    expect(shown.body.value.actions[0].title).toBe(t('da', 'card.reflection.save'));
  });

  it('saves the answers privately and answers with the read-back card', async () => {
    const saved = await press('jens', 'reflection.save', { networkId, meetingId, answer0: 'Borgerens egen stemme [klik](https://evil.example)', answer1: '', shared: 'false', verb: 'reflection.save' });

    expect(saved.status).toBe(200);
    expect(saved.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(saved.text).toContain(t('da', 'action.reflection.saved'));
    expect(saved.text).toContain('Borgerens egen stemme [klik](https://evil.example)');
    expect(saved.body.value.actions[0].verb).toBe('reflection.edit');
    // The typed link stays literal text: it is never in a markdown-rendering TextBlock.
    expect(JSON.stringify(saved.body.value)).not.toMatch(/"type":"TextBlock"[^}]*klik/);

    const asHelle = await clientFor(app, 'helle').get(`/api/networks/${networkId}/meetings/${meetingId}/reflections`);
    const asLene = await clientFor(app, 'lene').get(`/api/networks/${networkId}/meetings/${meetingId}/reflections`);
    expect(asHelle.body.reflections).toEqual([]);
    expect(asLene.body.reflections).toHaveLength(1);
    expect(asLene.body.reflections[0].answers[0].answer).toContain('Borgerens egen stemme');
  });

  it('lets the participant edit, with the earlier answers filled in', async () => {
    const editing = await press('jens', 'reflection.edit', { networkId, meetingId });
    const input = editing.body.value.body.find((e: any) => e.id === 'answer0');
    expect(input.value).toContain('Borgerens egen stemme');
  });

  it('saves only for whoever pressed: someone outside the network is refused', async () => {
    const refused = await press('ulla', 'reflection.save', { networkId, meetingId, answer0: 'indtrængen' });
    expect(refused.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: t('da', 'action.notMember') });
  });

  it('shows the reflection read-only once the leader closes the meeting, and refuses further saves', async () => {
    const lene = clientFor(app, 'lene');
    const plan = await lene.get(`/api/networks/${networkId}`);
    const meeting = plan.body.meetings.find((m: any) => m.id === meetingId);
    const closed = await lene.post(`/api/networks/${networkId}/meetings/${meetingId}/close`, {}, { 'If-Match': meeting.etag });
    expect(closed.status).toBe(200);

    const refreshed = await press('jens', 'reflection.refresh', { networkId, meetingId });
    // Nothing to press any more but the way to the meeting in the plan (issue 18).
    expect(refreshed.body.value.actions.map((a: any) => a.type)).toEqual(['Action.OpenUrl']);
    expect(refreshed.body.value.actions[0].url).toBe(`${app.url}/tabs/plan.html?networkId=${networkId}#reflections:${meetingId}`);
    expect(refreshed.text).toContain(t('da', 'card.reflection.closed'));

    const late = await press('jens', 'reflection.save', { networkId, meetingId, answer0: 'for sent' });
    expect(late.text).toContain(t('da', 'action.meetingClosed'));
    const stored = await lene.get(`/api/networks/${networkId}/meetings/${meetingId}/reflections`);
    expect(stored.body.reflections[0].answers[0].answer).not.toBe('for sent');
  });
});

describe('idea parking lot card', () => {
  let ideaId: string;

  it('anyone in the network adds an idea; it is stored with who raised it', async () => {
    const added = await press('jens', 'idea.add', { networkId, ideaText: 'Fælles vikarpulje på tværs af centre' });
    expect(added.text).toContain('Fælles vikarpulje på tværs af centre');
    expect(added.text).toContain(t('da', 'action.ideas.added'));
    const plan = await clientFor(app, 'lene').get(`/api/networks/${networkId}`);
    const idea = plan.body.ideas.find((i: any) => i.text === 'Fælles vikarpulje på tværs af centre');
    expect(idea).toMatchObject({ status: 'parked', raisedBy: { name: 'Jens Jensen' } });
    ideaId = idea.id;
  });

  it('an empty idea gets a clear message and nothing is stored', async () => {
    const empty = await press('jens', 'idea.add', { networkId, ideaText: '   ' });
    expect(empty.text).toContain(t('da', 'action.ideas.empty'));
    const plan = await clientFor(app, 'lene').get(`/api/networks/${networkId}`);
    expect(plan.body.ideas).toHaveLength(1);
  });

  it('anyone takes ownership; only leaders set the status', async () => {
    const owned = await press('helle', 'idea.own', { networkId, ideaId });
    expect(owned.text).toContain(t('da', 'card.ideas.owner', { name: 'Helle Hansen' }));

    const notAllowed = await press('jens', 'idea.status', { networkId, ideaId, [`status_${ideaId}`]: 'dropped' });
    expect(notAllowed.body.value).toBe(t('da', 'action.onlyLeaders'));

    const leaderView = await press('lene', 'ideas.refresh', { networkId });
    expect(JSON.stringify(leaderView.body.value)).toContain(`status_${ideaId}`);
    const set = await press('lene', 'idea.status', { networkId, ideaId, [`status_${ideaId}`]: 'takenOn' });
    expect(set.text).toContain(t('da', 'action.ideas.statusSet'));

    const plan = await clientFor(app, 'lene').get(`/api/networks/${networkId}`);
    expect(plan.body.ideas[0]).toMatchObject({ status: 'takenOn', owner: { name: 'Helle Hansen' } });
  });

  it('works through the Action.Submit fallback too: the pressed card is replaced in place', async () => {
    const before = channel.calls.length;
    await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity('helle', { type: 'message', replyToId: 'card-activity-7', value: { verb: 'idea.add', networkId, ideaText: 'Frivillige som besøgsvenner' } })),
    });
    const [update] = (await channel.received(before + 1)).slice(before);
    expect(update).toMatchObject({ method: 'PUT', activityId: 'card-activity-7' });
    expect(cardTexts(update!.body.attachments[0].content).join()).toContain('Frivillige som besøgsvenner');
  });

  it('answers a button it does not know with a message, never silence', async () => {
    const unknown = await press('jens', 'something.old', { networkId });
    expect(unknown.body.value).toBe(t('da', 'action.unknown'));
  });
});

describe('analysis card at the closing meeting', () => {
  it('"analyse" brings the card; a note lands in the chosen category for everyone to see', async () => {
    const lene = clientFor(app, 'lene');
    const category = (await lene.post(`/api/networks/${networkId}/analysis/categories`, { title: 'Paradokser', preset: 'paradoxes', order: 0 })).body;
    const before = channel.calls.length;
    await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity('jens', { type: 'message', text: 'Analyse' })),
    });
    const [reply] = (await channel.received(before + 1)).slice(before);
    expect(JSON.stringify(reply!.body.attachments[0].content)).toContain('Paradokser (0)');

    const added = await press('jens', 'analysis.note', { networkId, analysisCategory: category.id, analysisNote: 'Vi vil innovere, men må ikke fejle' });
    expect(added.text).toContain('Paradokser (1)');
    expect(added.text).toContain('Vi vil innovere, men må ikke fejle — Jens Jensen');
    const plan = await lene.get(`/api/networks/${networkId}`);
    expect(plan.body.analysisNotes).toEqual([expect.objectContaining({ categoryId: category.id, text: 'Vi vil innovere, men må ikke fejle', priority: 'open', author: expect.objectContaining({ name: 'Jens Jensen' }) })]);

    const empty = await press('jens', 'analysis.note', { networkId, analysisCategory: category.id, analysisNote: ' ' });
    expect(empty.text).toContain(t('da', 'action.analysis.empty'));
    const outsider = await press('ulla', 'analysis.note', { networkId, analysisCategory: category.id, analysisNote: 'x' });
    expect(outsider.body.value).toBe(t('da', 'action.notMember'));
  });
});

describe('every card verb, pressed by someone outside the network', () => {
  // Over the verb list itself: a verb added later is covered without touching this test.
  const outsiders: [string, string, Record<string, unknown>][] = [
    ['someone not in the network', 'ulla', {}],
    // The leader's Teams id and name, but no Entra object id: Teams did not say who this is.
    ['an actor without aadObjectId', 'lene', { from: { id: '29:lene', name: identity('lene').name } }],
  ];
  const cases = CARD_VERBS.flatMap((verb) => outsiders.map(([who, key, fields]) => [verb, who, key, fields] as const));
  let before: any;
  let secrets: string[];
  const everythingAVerbReads = () => ({
    networkId, meetingId, ideaId: before.ideas[0].id, [`status_${before.ideas[0].id}`]: 'dropped', ideaText: 'indtrængen',
    analysisCategory: before.analysisCategories[0].id, analysisNote: 'indtrængen', answer0: 'indtrængen', shared: 'true',
  });

  beforeAll(async () => {
    const plan = (before = (await clientFor(app, 'lene').get(`/api/networks/${networkId}`)).body);
    secrets = [
      ...plan.ideas.flatMap((i: any) => [i.text, i.raisedBy?.name, i.owner?.name]),
      ...plan.analysisNotes.flatMap((n: any) => [n.text, n.author?.name]),
      ...plan.participants.map((p: any) => p.name),
    ].filter(Boolean);
    expect(secrets).toEqual(expect.arrayContaining(['Fælles vikarpulje på tværs af centre', 'Vi vil innovere, men må ikke fejle', 'Jens Jensen', 'Helle Hansen']));
  });

  it.each(cases)('%s by %s is refused in Danish and shows none of the network', async (verb, _who, key, fields) => {
    const answer = await press(key, verb, everythingAVerbReads(), fields);

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: t('da', 'action.notMember') });
    const sent = JSON.stringify(answer.body);
    for (const secret of secrets) expect(sent).not.toContain(secret);
  });

  it('and nothing they pressed is stored', async () => {
    const after = (await clientFor(app, 'lene').get(`/api/networks/${networkId}`)).body;
    const contents = (plan: any) => JSON.stringify([plan.ideas, plan.analysisNotes, plan.reflections]);
    expect(contents(after)).toBe(contents(before));
    expect(JSON.stringify(after)).not.toContain('indtrængen');
  });
});
