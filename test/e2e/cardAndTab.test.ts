import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { createTables, uniqueTablePrefix } from '../../bot/storage/tables';
import { clientFor, startTestApp } from '../support/testApp';
import { startFakeChannel, type FakeChannel } from '../support/fakeChannel';

// One operation per change, whichever way in: a card button and the tab store the same rows, and
// what someone wrote through a card is found and erased by their e-mail like anything else.

const TENANT = 'tenant-vejle';
const identity = (key: string) => findDevIdentity(key)!;
const prefix = uniqueTablePrefix('cardtab');

let app: App;
let channel: FakeChannel;
const clock = new Date('2027-01-20T11:30:00Z'); // after meeting 1: its reflections are open
let networkId: string;
let firstMeeting: string;
let closingMeeting: string;
let categoryId: string;
let sequence = 0;

async function press(key: string, verb: string, data: Record<string, unknown>) {
  const who = identity(key);
  const response = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: `in-${++sequence}`,
      type: 'invoke',
      name: 'adaptiveCard/action',
      channelId: 'msteams',
      serviceUrl: channel.url,
      recipient: { id: '28:netvaerk-bot', name: 'Netværk' },
      from: { id: `29:${key}`, name: who.name, aadObjectId: who.userId },
      conversation: { id: `a:chat-${key}`, conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
      locale: 'da-DK',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    }),
  });
  expect(response.status).toBe(200);
  return JSON.stringify((await response.json()).value);
}

const stored = async () => (await app.services.store.load(networkId))!;
/** A row as stored, without what differs by nature between two writes: ids, times, versions. */
const comparable = (row: object | undefined, ...more: string[]) => {
  const { id, etag, createdAt, updatedAt, submittedAt, ...rest } = row as Record<string, unknown>;
  for (const field of more) delete rest[field];
  return rest;
};

beforeAll(async () => {
  channel = await startFakeChannel();
  app = await startTestApp('cardtab', { now: () => clock, env: { SCHEDULER: 'off', TABLE_PREFIX: prefix } });
  const lene = clientFor(app, 'lene');
  networkId = (await lene.post('/api/networks', { name: 'Ældre i eget hjem', type: 'welfare', theme: 'Længst muligt i eget hjem', startDate: '2027-01-04' })).body.id;
  for (const key of ['jens', 'helle']) {
    const who = identity(key);
    const added = await lene.post(`/api/networks/${networkId}/participants`, { name: who.name, kind: 'core', role: 'employee', unit: 'ØS', userId: who.userId, email: who.email });
    expect(added.status).toBe(201);
  }
  firstMeeting = (await lene.post(`/api/networks/${networkId}/meetings`, { number: 1, title: 'Opstart', date: '2027-01-20', start: '09:00' })).body.id;
  closingMeeting = (await lene.post(`/api/networks/${networkId}/meetings`, { number: 2, title: 'Afslutning', date: '2027-03-17', start: '09:00', closing: true })).body.id;
  categoryId = (await lene.post(`/api/networks/${networkId}/analysis/categories`, { title: 'Paradokser', preset: 'paradoxes', order: 0 })).body.id;
});

afterAll(async () => {
  await app?.stop();
  await channel?.close();
});

describe('card and tab store identical rows', () => {
  const jens = () => clientFor(app, 'jens');

  it('an idea raised with the card button and with POST …/ideas', async () => {
    expect(await press('jens', 'idea.add', { networkId, ideaText: 'Fælles vikarpulje' })).toContain('Fælles vikarpulje');
    const byCard = (await stored()).ideas.find((i) => i.text === 'Fælles vikarpulje')!;
    expect(byCard.meetingId).toBe(firstMeeting);
    const posted = await jens().post(`/api/networks/${networkId}/ideas`, { text: 'Fælles vikarpulje', meetingId: firstMeeting });
    expect(posted.status).toBe(201);
    const byTab = (await stored()).ideas.find((i) => i.id === posted.body.id)!;

    expect(comparable(byTab)).toEqual(comparable(byCard));
    expect(byCard.raisedBy).toEqual({ name: 'Jens Jensen', email: identity('jens').email, userId: identity('jens').userId });
  });

  it('typed text is cleaned the same way on both: no control characters or bidi overrides from the card either', async () => {
    await press('jens', 'idea.add', { networkId, ideaText: 'Vikar\u0000pulje \u202Eigen\u202C' });
    const byCard = (await stored()).ideas.find((i) => i.text.startsWith('Vikarpulje'));
    expect(byCard?.text).toBe('Vikarpulje igen');
    const byTab = (await jens().post(`/api/networks/${networkId}/ideas`, { text: 'Vikar\u0000pulje \u202Eigen\u202C', meetingId: firstMeeting })).body;
    expect(byTab.text).toBe(byCard?.text);
    await clientFor(app, 'lene').del(`/api/networks/${networkId}/ideas/${byCard!.id}`, { 'If-Match': byCard!.etag! });
    await clientFor(app, 'lene').del(`/api/networks/${networkId}/ideas/${byTab.id}`, { 'If-Match': byTab.etag });
  });

  it('ownership taken with the card button and with PATCH …/ideas/:id', async () => {
    const [byCard, byTab] = (await stored()).ideas;
    await press('helle', 'idea.own', { networkId, ideaId: byCard!.id });
    const helle = identity('helle');
    const patched = await clientFor(app, 'helle').patch(`/api/networks/${networkId}/ideas/${byTab!.id}`, { owner: { name: helle.name, userId: helle.userId } }, { 'If-Match': byTab!.etag! });
    expect(patched.status).toBe(200);

    const after = (await stored()).ideas;
    const [owned1, owned2] = [byCard, byTab].map((idea) => after.find((i) => i.id === idea!.id)!);
    expect(owned1!.owner).toEqual({ name: helle.name, email: helle.email, userId: helle.userId });
    expect(comparable(owned2)).toEqual(comparable(owned1));
  });

  it('an analysis note added with the card and with POST …/analysis/notes', async () => {
    expect(await press('jens', 'analysis.note', { networkId, analysisCategory: categoryId, analysisNote: 'Vi vil innovere, men må ikke fejle' })).toContain('Paradokser (1)');
    const byCard = (await stored()).analysisNotes[0]!;
    const posted = await jens().post(`/api/networks/${networkId}/analysis/notes`, { categoryId, text: 'Vi vil innovere, men må ikke fejle', meetingId: closingMeeting });
    expect(posted.status).toBe(201);
    const byTab = (await stored()).analysisNotes.find((n) => n.id === posted.body.id)!;

    expect(byCard.meetingId).toBe(closingMeeting);
    expect(comparable(byTab)).toEqual(comparable(byCard));
  });

  it('my reflection saved with the card and with PUT …/reflections/mine', async () => {
    const plan = await stored();
    const questions = plan.meetings.find((m) => m.id === firstMeeting)!.reflectionQuestions;
    const answers = questions.map((question, index) => ({ question, answer: index === 0 ? 'Borgerens egen stemme' : '' }));
    await press('jens', 'reflection.save', { networkId, meetingId: firstMeeting, answer0: 'Borgerens egen stemme', shared: 'true' });
    const put = await jens().put(`/api/networks/${networkId}/meetings/${closingMeeting}/reflections/mine`, { answers, shared: true });
    expect(put.status).toBe(201);

    const reflections = (await stored()).reflections;
    const byCard = reflections.find((r) => r.meetingId === firstMeeting)!;
    const byTab = reflections.find((r) => r.meetingId === closingMeeting)!;
    expect(byCard.answers).toEqual(answers);
    expect(comparable(byTab, 'meetingId')).toEqual(comparable(byCard, 'meetingId'));
  });
});

describe('erasure of what came through a card', () => {
  it('raises an idea, a note and a reflection through the card and erases the person: nothing of them remains', async () => {
    const helle = identity('helle');
    await press('helle', 'idea.add', { networkId, ideaText: 'Besøgsvenner fra foreningerne' });
    await press('helle', 'analysis.note', { networkId, analysisCategory: categoryId, analysisNote: 'Historien om nattevagten' });
    await press('helle', 'reflection.save', { networkId, meetingId: firstMeeting, answer0: 'Mere tid til samtalen', shared: 'true' });
    const rows = async () => {
      const { networks } = createTables({ connectionString: process.env.TEST_TABLES_CONNECTION_STRING!, prefix });
      const found: unknown[] = [];
      for await (const row of networks.listEntities({ queryOptions: { filter: `PartitionKey eq '${networkId}'` } })) found.push(row);
      return JSON.stringify(found);
    };
    const before = await rows();
    for (const trace of [helle.name, helle.email, helle.userId]) expect(before).toContain(trace);
    expect(before).toContain('Besøgsvenner fra foreningerne');

    const erased = await clientFor(app, 'dorthe').post('/api/privacy/erase', { email: helle.email });
    expect(erased.status).toBe(200);

    const after = await rows();
    for (const trace of [helle.name, helle.email, helle.userId, encodeURIComponent(helle.email), encodeURIComponent(helle.userId)]) {
      expect(after).not.toContain(trace);
    }
    // What was said stays, without who said it.
    expect(after).toContain('Besøgsvenner fra foreningerne');
    expect(after).toContain('Historien om nattevagten');
  });
});
