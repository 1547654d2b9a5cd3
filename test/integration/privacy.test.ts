import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { clientFor, startTestApp } from '../support/testApp';

// Data-protection requests end to end over HTTP and Azurite: a person's own export, the privacy
// officer's export and erasure, and the retention sweep.

const person = (key: string) => {
  const identity = findDevIdentity(key)!;
  return { name: identity.name, userId: identity.userId, email: identity.email };
};
const JENS = person('jens');
const PRIVATE = 'Jens’ private tanke om jobcentret';
const SHARED = 'Jens’ delte tanke om indkøb';
const HELLE_PRIVATE = 'Helles egen private tanke';

let clock = new Date('2027-01-10T10:00:00Z');
let app: App;
let lene: ReturnType<typeof clientFor>;
let jens: ReturnType<typeof clientFor>;
let helle: ReturnType<typeof clientFor>;
let dorthe: ReturnType<typeof clientFor>;
let networkId: string;
let meetings: string[];
let jensId: string;

const N = () => `/api/networks/${networkId}`;

beforeAll(async () => {
  app = await startTestApp('privacy', { now: () => clock, env: { SCHEDULER: 'off' } });
  [lene, jens, helle, dorthe] = ['lene', 'jens', 'helle', 'dorthe'].map((key) => clientFor(app, key));
  const created = await lene.post('/api/networks', { name: 'Socialøkonomi', type: 'learning', theme: 'Socialøkonomiske virksomheder', startDate: '2027-01-04' });
  networkId = created.body.id;
  jensId = (await lene.post(`${N()}/participants`, { name: JENS.name, kind: 'core', role: 'employee', unit: 'ØS', userId: JENS.userId, email: JENS.email, competenceAreas: [] })).body.id;
  await lene.post(`${N()}/participants`, { ...person('helle'), kind: 'core', role: 'manager', unit: 'SPO', competenceAreas: [] });
  meetings = [];
  for (const number of [1, 2]) {
    meetings.push((await lene.post(`${N()}/meetings`, { number, title: `Møde ${number}`, date: `2027-01-${10 + number * 7}`, start: '09:00' })).body.id);
  }
  const answer = (text: string) => [{ question: 'Hvad tager du med?', answer: text }];
  expect((await jens.put(`${N()}/meetings/${meetings[0]}/reflections/mine`, { answers: answer(PRIVATE), shared: false })).status).toBe(201);
  expect((await jens.put(`${N()}/meetings/${meetings[1]}/reflections/mine`, { answers: answer(SHARED), shared: true })).status).toBe(201);
  expect((await helle.put(`${N()}/meetings/${meetings[0]}/reflections/mine`, { answers: answer(HELLE_PRIVATE), shared: false })).status).toBe(201);
  const idea = await jens.post(`${N()}/ideas`, { text: 'Fælles indkøb', meetingId: meetings[0] });
  expect((await jens.patch(`${N()}/ideas/${idea.body.id}`, { owner: JENS }, { 'If-Match': idea.body.etag })).status).toBe(200);
  // The bot knows Jens' 1:1 chat, and a prompt to him waits in the jobs table.
  await app.services.conversations.remember({
    conversationId: 'a:jens-chat', conversationType: 'personal', tenantId: 'tenant-1', userAadObjectId: JENS.userId,
    reference: { conversation: { id: 'a:jens-chat' } as never, user: { id: '29:jens', name: JENS.name, aadObjectId: JENS.userId } as never, serviceUrl: 'https://smba.example/' },
  });
  // Teams reported him joining the network's team: its roster links his e-mail to his Entra id.
  await app.services.conversations.rememberMember({ teamId: '19:socialokonomi@thread.tacv2', tenantId: 'tenant-1', userId: '29:jens', aadObjectId: JENS.userId, name: JENS.name, email: JENS.email, serviceUrl: 'https://smba.example/' });
  await app.services.jobs.add(networkId, { kind: 'reflection.prompt', meetingId: meetings[0], participantId: jensId, dueAt: new Date('2027-01-17T12:00:00Z') }, clock);
});
afterAll(() => app.stop());

describe('data-protection requests', () => {
  test('anyone downloads everything stored about them, private reflections included, as a JSON file', async () => {
    const response = await fetch(`${app.url}/api/me/export`, { headers: { 'X-Dev-User': 'jens' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="netvaerk-mine-data.json"/);
    const data = JSON.parse(await response.text());
    expect(data.subject).toEqual({ userId: JENS.userId, email: JENS.email });
    const [network] = data.networks;
    expect(network).toMatchObject({ networkId, roles: ['participant'] });
    expect(JSON.stringify(network.reflections)).toContain(PRIVATE);
    expect(JSON.stringify(network.reflections)).toContain(SHARED);
    expect(JSON.stringify(data)).not.toContain(HELLE_PRIVATE);
    expect(network.ideasRaised).toHaveLength(1);
    expect(network.ideasOwned).toHaveLength(1);
    expect(data.bot.personalChats.map((chat: { conversationId: string }) => chat.conversationId)).toEqual(['a:jens-chat']);
    expect(data.scheduledMessages).toEqual([expect.objectContaining({ kind: 'reflection.prompt', state: 'pending' })]);
  });

  test('exporting or erasing someone else takes the PrivacyOfficer role', async () => {
    for (const path of ['/api/privacy/export', '/api/privacy/erase']) {
      const refused = await lene.post(path, { email: JENS.email });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/databeskyttelsesansvarlig/);
    }
    const empty = await dorthe.post('/api/privacy/export', {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0].message).toMatch(/Entra-id eller e-mail/);
  });

  test('the privacy officer exports a person found by e-mail, whatever its case', async () => {
    const response = await dorthe.post('/api/privacy/export', { email: JENS.email.toUpperCase() });
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body.networks[0].reflections)).toContain(PRIVATE);
  });

  test('erasing the leader of an undelivered network is refused and changes nothing', async () => {
    const before = (await lene.get(N())).body;
    const refused = await dorthe.post('/api/privacy/erase', { userId: person('lene').userId });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('"Socialøkonomi"');
    expect(refused.body.error.message).toMatch(/intet er slettet/);
    const after = (await lene.get(N())).body;
    expect(after.network).toEqual(before.network);
  });

  test('erasing a participant anonymises the network’s history and forgets their chats and messages', async () => {
    const erased = await dorthe.post('/api/privacy/erase', { email: JENS.email });
    expect(erased.status).toBe(200);
    // His chat (its row and its index row) and his team membership: Teams' roster gave the id for his e-mail.
    expect(erased.body).toMatchObject({ networksChanged: 1, privateReflectionsDeleted: 1, scheduledMessagesDeleted: 1, botRowsForgotten: 3 });

    const seen = (await lene.get(N())).body;
    const text = JSON.stringify(seen);
    expect(text).not.toContain(JENS.email);
    expect(text).not.toContain(JENS.userId);
    expect(text).not.toContain(JENS.name);
    expect(seen.participants.find((p: { id: string }) => p.id === jensId)).toMatchObject({ name: 'Slettet person', kind: 'core', unit: 'ØS' });
    const reflections = JSON.stringify((await lene.get(`${N()}/meetings/${meetings[0]}/reflections`)).body);
    expect(reflections).not.toContain(PRIVATE);
    expect(reflections).toContain(HELLE_PRIVATE);
    expect(JSON.stringify((await lene.get(`${N()}/meetings/${meetings[1]}/reflections`)).body)).toContain(SHARED);
    expect(seen.ideas[0].raisedBy).toEqual({ name: 'Slettet person' });
    expect(seen.ideas[0].owner).toBeUndefined();

    expect((await jens.get('/api/networks')).body.networks).toEqual([]);
    expect(await app.services.conversations.findPersonal(JENS.userId)).toBeUndefined();
    expect((await app.services.jobs.listForNetwork(networkId)).filter((job) => job.participantId === jensId)).toEqual([]);
    const again = await dorthe.post('/api/privacy/export', { email: JENS.email });
    expect(again.body.networks).toEqual([]);
  });

  test('a delivered network is deleted with its messages when its retention ends, not before', async () => {
    const other = (await lene.post('/api/networks', { name: 'Stadig i gang', type: 'welfare', theme: 'Ensomhed', startDate: '2027-01-04' })).body.id;
    const delivered = await lene.put(`${N()}/delivery`, { theme: 'Socialøkonomi', knowledgeSummary: '', practiceChanges: '', recommendations: [], other: '', dissemination: [], status: 'delivered' });
    expect(delivered.status).toBe(201);
    expect((await lene.get(N())).body.network.deliveredAt).toBe(clock.toISOString());
    await app.services.jobs.add(networkId, { kind: 'ideas.post', dueAt: new Date('2027-02-01T08:00:00Z') }, clock);

    clock = new Date('2028-01-09T10:00:00Z'); // 12 months less a day
    expect(await app.sweepRetention()).toEqual([]);
    expect((await lene.get(N())).status).toBe(200);

    clock = new Date('2028-01-10T10:00:01Z');
    expect(await app.sweepRetention()).toEqual([networkId]);
    expect((await lene.get(N())).status).toBe(404);
    expect(await app.services.jobs.listForNetwork(networkId)).toEqual([]);
    expect((await lene.get(`/api/networks/${other}`)).status).toBe(200);
  });

  test('a network never delivered counts from its end date, with its own retention', async () => {
    clock = new Date('2027-03-01T10:00:00Z');
    const short = (await lene.post('/api/networks', { name: 'Kort opbevaring', type: 'innovation', theme: 'Droner', startDate: '2027-01-04', endDate: '2027-02-28', retentionMonths: 1 })).body.id;
    clock = new Date('2027-03-28T10:00:00Z');
    expect(await app.sweepRetention()).not.toContain(short);
    clock = new Date('2027-03-29T10:00:00Z');
    expect(await app.sweepRetention()).toContain(short);
  });
});

describe('whose bot rows a request reaches: proven identity only, never a row another user wrote', () => {
  const ULLA = person('ulla');
  const BIRGITTE = person('birgitte');
  const TEAM = '19:birgittes-team@thread.tacv2';
  let ulla: ReturnType<typeof clientFor>;
  let forged: string;

  beforeAll(async () => {
    ulla = clientFor(app, 'ulla');
    // The bot knows Birgitte: her 1:1 chat, and her membership of a team as Teams reported it.
    await app.services.conversations.remember({
      conversationId: 'a:birgitte-chat', conversationType: 'personal', tenantId: 'tenant-1', userAadObjectId: BIRGITTE.userId,
      reference: { conversation: { id: 'a:birgitte-chat' } as never, user: { id: '29:birgitte', name: BIRGITTE.name, aadObjectId: BIRGITTE.userId } as never, serviceUrl: 'https://smba.example/' },
    });
    await app.services.conversations.rememberMember({ teamId: TEAM, tenantId: 'tenant-1', userId: '29:birgitte', aadObjectId: BIRGITTE.userId, name: BIRGITTE.name, email: BIRGITTE.email, serviceUrl: 'https://smba.example/' });
    // Ulla makes a network of her own and lists herself in it: her e-mail, Birgitte's Entra id.
    forged = (await ulla.post('/api/networks', { name: 'Ullas netværk', type: 'learning', theme: 'Alt muligt', startDate: '2027-01-04' })).body.id;
    const row = await ulla.post(`/api/networks/${forged}/participants`, { name: ULLA.name, email: ULLA.email, userId: BIRGITTE.userId, kind: 'core', role: 'employee', unit: 'X', competenceAreas: [] });
    expect(row.status).toBe(201);
  });

  const birgittesRows = async () => ({
    chat: (await app.services.conversations.findPersonal(BIRGITTE.userId))?.conversationId,
    teams: (await app.services.conversations.listTeamMembers(TEAM)).map((member) => member.aadObjectId),
  });

  test('“download my data” holds none of the bot rows of an Entra id the caller typed into a participant row', async () => {
    const data = (await ulla.get('/api/me/export')).body;
    expect(data.subject).toEqual({ userId: ULLA.userId, email: ULLA.email });
    expect(data.bot).toEqual({ personalChats: [], teamMemberships: [], lastWriterIn: [] });
    expect(JSON.stringify(data.bot)).not.toContain(BIRGITTE.userId);
  });

  test('the privacy officer’s export and erasure by that e-mail leave the other person’s bot rows alone', async () => {
    const exported = await dorthe.post('/api/privacy/export', { email: ULLA.email });
    expect(exported.body.bot).toEqual({ personalChats: [], teamMemberships: [], lastWriterIn: [] });
    const delivered = await ulla.put(`/api/networks/${forged}/delivery`, { theme: 'Alt muligt', knowledgeSummary: '', practiceChanges: '', recommendations: [], other: '', dissemination: [], status: 'delivered' });
    expect(delivered.status).toBe(201);

    const erased = await dorthe.post('/api/privacy/erase', { email: ULLA.email });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ networksChanged: 1, botRowsForgotten: 0 });
    expect(await birgittesRows()).toEqual({ chat: 'a:birgitte-chat', teams: [BIRGITTE.userId] });
  });

  test('by her own e-mail, Teams’ roster leads the erasure to her Entra id and her bot rows go', async () => {
    const erased = await dorthe.post('/api/privacy/erase', { email: BIRGITTE.email.toUpperCase() });
    expect(erased.status).toBe(200);
    expect(erased.body.botRowsForgotten).toBe(3);
    expect(await birgittesRows()).toEqual({ chat: undefined, teams: [] });
  });
});
