import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { clientFor, startTestApp } from '../support/testApp';

const person = (key: string) => {
  const identity = findDevIdentity(key)!;
  return { name: identity.name, userId: identity.userId, email: identity.email };
};

describe('tab API over HTTP, as the development identities', () => {
  let app: App;
  let lene: ReturnType<typeof clientFor>;
  let omar: ReturnType<typeof clientFor>;
  let jens: ReturnType<typeof clientFor>;
  let helle: ReturnType<typeof clientFor>;
  let birgitte: ReturnType<typeof clientFor>;
  let ulla: ReturnType<typeof clientFor>;
  let networkId: string;
  let meetingId: string;
  let jensId: string;
  let helleId: string;

  beforeAll(async () => {
    app = await startTestApp('api');
    [lene, omar, jens, helle, birgitte, ulla] = ['lene', 'omar', 'jens', 'helle', 'birgitte', 'ulla'].map((key) => clientFor(app, key));
    const created = await lene.post('/api/networks', {
      name: 'Socialøkonomiske virksomheder',
      type: 'learning',
      theme: 'Hvordan støtter vi socialøkonomiske virksomheder?',
      startDate: '2027-01-04',
      coDriver: person('omar'),
      referenceLeader: person('birgitte'),
    });
    expect(created.status).toBe(201);
    networkId = created.body.id;
    const jensRow = await lene.post(`/api/networks/${networkId}/participants`, { name: 'Jens Jensen', kind: 'core', role: 'employee', unit: 'ØS', userId: person('jens').userId, competenceAreas: ['professionalExpertise'] });
    const helleRow = await lene.post(`/api/networks/${networkId}/participants`, { name: 'Helle Hansen', kind: 'core', role: 'manager', unit: 'SPO', email: 'Helle.Hansen@kommune.example' });
    expect([jensRow.status, helleRow.status]).toEqual([201, 201]);
    jensId = jensRow.body.id;
    helleId = helleRow.body.id;
    const meeting = await lene.post(`/api/networks/${networkId}/meetings`, { number: 1, title: 'Velkommen', date: '2027-01-20', start: '09:00', location: 'Rådhuset' });
    expect(meeting.status).toBe(201);
    expect(meeting.body.end).toBe('12:00');
    meetingId = meeting.body.id;
  });

  afterAll(() => app.stop());

  test('the creator leads the network; it ends six months later and starts from the handbook’s phases', async () => {
    const got = await lene.get(`/api/networks/${networkId}`);
    expect(got.status).toBe(200);
    expect(got.body.role).toBe('leader');
    expect(got.body.network.endDate).toBe('2027-07-04');
    expect(got.body.network.leader.name).toBe('Lene Holm');
    expect(got.body.phasePlan.steps.length).toBeGreaterThanOrEqual(4);
    expect(got.etag).toBe(got.body.network.etag);
  });

  test('advice about the core group is shown but does not block saving', async () => {
    const got = await lene.get(`/api/networks/${networkId}`);
    expect(got.body.advice.map((a: { message: string }) => a.message).join(' ')).toMatch(/kernedeltager/i);
  });

  test('roles: participants read, outsiders are refused, only leaders edit the plan', async () => {
    expect((await jens.get(`/api/networks/${networkId}`)).body.role).toBe('participant');
    expect((await helle.get(`/api/networks/${networkId}`)).body.role).toBe('participant');
    expect((await birgitte.get(`/api/networks/${networkId}`)).body.role).toBe('referenceLeader');
    const outsider = await ulla.get(`/api/networks/${networkId}`);
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.code).toBe('forbidden');

    const meeting = (await jens.get(`/api/networks/${networkId}`)).body.meetings[0];
    const edit = await jens.patch(`/api/networks/${networkId}/meetings/${meetingId}`, { title: 'Mit møde' }, { 'If-Match': meeting.etag });
    expect(edit.status).toBe(403);
    expect(edit.body.error.message).toMatch(/netværkslederen og co-driveren/);
  });

  test('“my networks” lists the network for its participants (by Teams id or e-mail), not for others', async () => {
    for (const client of [lene, omar, jens, helle, birgitte]) {
      const list = await client.get('/api/networks');
      expect(list.body.networks.map((n: { id: string }) => n.id)).toContain(networkId);
    }
    expect((await ulla.get('/api/networks')).body.networks.map((n: { id: string }) => n.id)).not.toContain(networkId);
  });

  test('bad input gets a clear message in Danish, or English when asked, and nothing is saved', async () => {
    const outside = await lene.post(`/api/networks/${networkId}/meetings`, { number: 2, date: '2027-09-01', start: '09:00' });
    expect(outside.status).toBe(422);
    expect(outside.body.error.details[0].message).toMatch(/04\.01\.2027|periode/);

    const english = await lene.post(`/api/networks/${networkId}/meetings`, { number: 2, date: '2027-09-01', start: '09:00' }, { 'Accept-Language': 'en-GB,en;q=0.9' });
    expect(english.body.error.details[0].message).toMatch(/period/i);

    const badShape = await lene.post(`/api/networks/${networkId}/meetings`, { number: 'two', date: '31.02.2027', start: '25:00', hacker: true });
    expect(badShape.status).toBe(400);
    expect(badShape.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['number', 'date', 'start']));

    const meetings = (await lene.get(`/api/networks/${networkId}`)).body.meetings;
    expect(meetings).toHaveLength(1);

    const backwards = await lene.post('/api/networks', { name: 'Baglæns', type: 'welfare', theme: 'x', startDate: '2027-05-01', endDate: '2027-01-01' });
    expect(backwards.status).toBe(422);
  });

  test('malformed JSON is a 400, an oversized body a 413, a missing identity a 401 — same error shape', async () => {
    const broken = await lene.post(`/api/networks/${networkId}/ideas`, '{"text": "halv');
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('badJson');

    const huge = await lene.post(`/api/networks/${networkId}/ideas`, { text: 'x'.repeat(300 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toMatch(/for stor/);

    const anonymous = await fetch(`${app.url}/api/networks`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('devIdentityRequired');

    expect((await lene.get('/api/networks/does-not-exist')).status).toBe(404);
  });

  test('two leaders editing the same meeting: the second gets 409, nothing is silently overwritten', async () => {
    const loadedByLene = (await lene.get(`/api/networks/${networkId}`)).body.meetings[0];
    const loadedByOmar = (await omar.get(`/api/networks/${networkId}`)).body.meetings[0];
    const first = await lene.patch(`/api/networks/${networkId}/meetings/${meetingId}`, { title: 'Velkommen til netværket' }, { 'If-Match': loadedByLene.etag });
    expect(first.status).toBe(200);

    const second = await omar.patch(`/api/networks/${networkId}/meetings/${meetingId}`, { location: 'Online' }, { 'If-Match': loadedByOmar.etag });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(/En anden har ændret/);

    const afterConflict = (await omar.get(`/api/networks/${networkId}`)).body.meetings[0];
    expect(afterConflict.title).toBe('Velkommen til netværket');
    const retry = await omar.patch(`/api/networks/${networkId}/meetings/${meetingId}`, { location: 'Online' }, { 'If-Match': afterConflict.etag });
    expect(retry.status).toBe(200);
    const final = (await lene.get(`/api/networks/${networkId}`)).body.meetings[0];
    expect([final.title, final.location]).toEqual(['Velkommen til netværket', 'Online']);

    const noVersion = await omar.patch(`/api/networks/${networkId}/meetings/${meetingId}`, { location: 'X' });
    expect(noVersion.status).toBe(428);
  });

  test('the planning tool: an assignment per participant and meeting, removed with its meeting', async () => {
    const extra = await lene.post(`/api/networks/${networkId}/meetings`, { number: 2, date: '2027-02-17', start: '13:00' });
    const put = await lene.put(`/api/networks/${networkId}/meetings/${extra.body.id}/assignments/${jensId}`, { contribution: 'Oplæg om X', involvementForm: 'workshopFacilitator' });
    expect(put.status).toBe(201);
    const unknownPerson = await lene.put(`/api/networks/${networkId}/meetings/${extra.body.id}/assignments/nobody`, { contribution: 'x' });
    expect(unknownPerson.status).toBe(422);
    const removed = await lene.del(`/api/networks/${networkId}/meetings/${extra.body.id}`, { 'If-Match': extra.body.etag });
    expect(removed.status).toBe(204);
    const plan = (await lene.get(`/api/networks/${networkId}`)).body;
    expect(plan.assignments.filter((a: { meetingId: string }) => a.meetingId === extra.body.id)).toEqual([]);
  });

  test('a private reflection is returned only to its author and the leaders, whatever the client asks', async () => {
    const mine = await jens.put(`/api/networks/${networkId}/meetings/${meetingId}/reflections/mine`, { answers: [{ question: 'Hvad tager du med?', answer: 'Jens’ private tanke' }], shared: false });
    expect(mine.status).toBe(201);
    const shared = await helle.put(`/api/networks/${networkId}/meetings/${meetingId}/reflections/mine`, { answers: [{ question: 'Hvad tager du med?', answer: 'Helles delte tanke' }], shared: true });
    expect(shared.status).toBe(201);

    const forged = await helle.put(`/api/networks/${networkId}/meetings/${meetingId}/reflections/mine`, { participantId: jensId, answers: [], shared: true }, { 'If-Match': shared.body.etag });
    expect(forged.status).toBe(400);

    const answersSeenBy = async (client: ReturnType<typeof clientFor>) => {
      const whole = JSON.stringify((await client.get(`/api/networks/${networkId}`)).body);
      const list = JSON.stringify((await client.get(`/api/networks/${networkId}/meetings/${meetingId}/reflections`)).body);
      return { whole, list };
    };
    for (const client of [helle, birgitte]) {
      const seen = await answersSeenBy(client);
      expect(seen.whole).not.toContain('Jens’ private tanke');
      expect(seen.list).not.toContain('Jens’ private tanke');
      expect(seen.list).toContain('Helles delte tanke');
    }
    for (const client of [jens, lene, omar]) {
      expect((await answersSeenBy(client)).list).toContain('Jens’ private tanke');
    }
    expect((await ulla.get(`/api/networks/${networkId}/meetings/${meetingId}/reflections`)).status).toBe(403);
    expect((await birgitte.put(`/api/networks/${networkId}/meetings/${meetingId}/reflections/mine`, { answers: [] })).status).toBe(403);
  });

  test('?parts=plan: the plan’s own rows with the same advice and ETag, no reflections or ideas; access as for the whole', async () => {
    expect((await lene.post(`/api/networks/${networkId}/ideas`, { text: 'Fælles kalender' })).status).toBe(201);
    const whole = await lene.get(`/api/networks/${networkId}`);
    const plan = await lene.get(`/api/networks/${networkId}?parts=plan`);
    expect(plan.status).toBe(200);
    expect(whole.body.parts).toBe('all');
    expect(plan.body.parts).toBe('plan');
    expect(whole.body.reflections.length).toBeGreaterThan(0);
    expect(whole.body.ideas.length).toBeGreaterThan(0);
    expect(plan.body).toMatchObject({ reflections: [], ideas: [], summaries: [], bookings: [], analysisNotes: [] });
    for (const key of ['network', 'participants', 'meetings', 'assignments', 'agendas', 'subthemes', 'advice', 'role', 'myParticipantId', 'retention']) {
      expect([key, plan.body[key]]).toEqual([key, whole.body[key]]);
    }
    expect(plan.etag).toBe(whole.etag);
    // Anything else asked for is the whole network; outsiders are refused either way.
    expect((await lene.get(`/api/networks/${networkId}?parts=reflections`)).body.reflections.length).toBeGreaterThan(0);
    expect((await ulla.get(`/api/networks/${networkId}?parts=plan`)).status).toBe(403);
  });

  test('ideas: anyone in the network adds one and takes ownership; only leaders set the status', async () => {
    const idea = await jens.post(`/api/networks/${networkId}/ideas`, { text: 'Fælles indkøb hos socialøkonomiske virksomheder', meetingId });
    expect(idea.status).toBe(201);
    expect(idea.body.raisedBy.name).toBe('Jens Jensen');
    const owned = await helle.patch(`/api/networks/${networkId}/ideas/${idea.body.id}`, { owner: person('helle') }, { 'If-Match': idea.body.etag });
    expect(owned.status).toBe(200);
    const statusByHelle = await helle.patch(`/api/networks/${networkId}/ideas/${idea.body.id}`, { status: 'takenOn' }, { 'If-Match': owned.body.etag });
    expect(statusByHelle.status).toBe(403);
    const ownerForSomeoneElse = await jens.patch(`/api/networks/${networkId}/ideas/${idea.body.id}`, { owner: person('omar') }, { 'If-Match': owned.body.etag });
    expect(ownerForSomeoneElse.status).toBe(403);
    const statusByLeader = await lene.patch(`/api/networks/${networkId}/ideas/${idea.body.id}`, { status: 'takenOn' }, { 'If-Match': owned.body.etag });
    expect(statusByLeader.status).toBe(200);
    expect(statusByLeader.body.owner.name).toBe('Helle Hansen');
    expect((await birgitte.post(`/api/networks/${networkId}/ideas`, { text: 'Fra referencelederen' })).status).toBe(403);
  });

  test('an idea’s owner is who the server knows: a participant passing someone else off as owner is refused in words', async () => {
    const ideas = `/api/networks/${networkId}/ideas`;
    const idea = await jens.post(ideas, { text: 'Fælles værksted', meetingId });
    const forged = await jens.patch(`${ideas}/${idea.body.id}`, { owner: { name: 'Someone Else', email: 'someone@kommune.example', userId: person('jens').userId } }, { 'If-Match': idea.body.etag });
    expect(forged.status).toBe(403);
    expect(forged.body.error.message).toBe('Du kan kun gøre dig selv til tovholder, med dit eget navn og din egen e-mail, som deltagerlisten har dem. Kun netværkslederen og co-driveren kan gøre en anden deltager til tovholder.');
    const stored = (await lene.get(`/api/networks/${networkId}`)).body.ideas.find((i: { id: string }) => i.id === idea.body.id);
    expect(stored.owner).toBeUndefined();

    const own = await jens.patch(`${ideas}/${idea.body.id}`, { owner: { name: 'jens jensen', userId: person('jens').userId } }, { 'If-Match': idea.body.etag });
    expect(own.status).toBe(200);
    expect(own.body.owner).toEqual({ name: 'Jens Jensen', email: 'jens.jensen@kommune.example', userId: person('jens').userId });
    const created = await helle.post(ideas, { text: 'Egen idé', owner: { name: 'Helle Hansen', email: 'someone@kommune.example' } });
    expect(created.status).toBe(403);
  });

  test('a leader makes another participant the owner by Entra id or e-mail; name and e-mail come from the participant list', async () => {
    const ideas = `/api/networks/${networkId}/ideas`;
    const idea = await jens.post(ideas, { text: 'Lån af lokaler', meetingId });
    const byEmail = await lene.patch(`${ideas}/${idea.body.id}`, { owner: { name: 'Hvem som helst', email: 'helle.hansen@kommune.example' } }, { 'If-Match': idea.body.etag });
    expect(byEmail.status).toBe(200);
    expect(byEmail.body.owner).toEqual({ name: 'Helle Hansen', email: 'helle.hansen@kommune.example' });
    const byId = await omar.patch(`${ideas}/${idea.body.id}`, { owner: { name: 'J.', userId: person('jens').userId } }, { 'If-Match': byEmail.etag! });
    expect(byId.status).toBe(200);
    expect(byId.body.owner).toEqual({ name: 'Jens Jensen', userId: person('jens').userId });
    const stranger = await lene.patch(`${ideas}/${idea.body.id}`, { owner: { name: 'Udefra', userId: 'e0000000-0000-4000-8000-00000000000f' } }, { 'If-Match': byId.etag! });
    expect(stranger.status).toBe(422);
    expect(stranger.body.error.message).toBe('Tovholderen skal være deltager i netværket. Vælg en person fra deltagerlisten.');
  });

  test('every theme save keeps a revision; a stale save is refused', async () => {
    const first = await lene.put(`/api/networks/${networkId}/theme`, { theme: 'Socialøkonomi i kommunen', whyInteresting: 'Mange ledige kan komme i job' });
    expect(first.status).toBe(201);
    const second = await omar.put(`/api/networks/${networkId}/theme`, { theme: 'Socialøkonomi og beskæftigelse', whyInteresting: 'Mange ledige kan komme i job', potentialOrDream: 'Flere i job' }, { 'If-Match': first.body.etag });
    expect(second.status).toBe(200);
    const stale = await lene.put(`/api/networks/${networkId}/theme`, { theme: 'Forældet' }, { 'If-Match': first.body.etag });
    expect(stale.status).toBe(409);
    const plan = (await lene.get(`/api/networks/${networkId}`)).body;
    expect(plan.network.theme).toBe('Socialøkonomi og beskæftigelse');
    expect(plan.themeRevisions.map((r: { revision: number; savedBy: string }) => [r.revision, r.savedBy])).toEqual([[1, 'Lene Holm'], [2, 'Omar Said']]);
  });

  test('the tab pages are served, in Danish, and / leads to them', async () => {
    const root = await fetch(`${app.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/tabs/index.html');
    const page = await fetch(`${app.url}/tabs/index.html`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html lang="da">');
  });

  test('/healthz reports the service and its storage', async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', storage: 'ok' });
  });

  test('a participant’s added time is the server’s: stamped on create, kept on change, never taken from the client', async () => {
    const before = Date.now();
    const added = await lene.post(`/api/networks/${networkId}/participants`, { name: 'Nina Ny', kind: 'along', role: 'other', email: 'nina.ny@kommune.example' });
    expect(added.status).toBe(201);
    expect(Date.parse(added.body.addedAt)).toBeGreaterThanOrEqual(before - 1000);
    const changed = await lene.patch(`/api/networks/${networkId}/participants/${added.body.id}`, { unit: 'BUF' }, { 'If-Match': added.etag! });
    expect(changed.status).toBe(200);
    expect(changed.body.addedAt).toBe(added.body.addedAt);
    const backdated = await lene.patch(`/api/networks/${networkId}/participants/${added.body.id}`, { addedAt: '2020-01-01T00:00:00.000Z' }, { 'If-Match': changed.etag! });
    expect(backdated.status).toBe(400);
    const forged = await lene.post(`/api/networks/${networkId}/participants`, { name: 'Ole Før', kind: 'along', role: 'other', addedAt: '2020-01-01T00:00:00.000Z' });
    expect(forged.status).toBe(400);
    expect((await lene.del(`/api/networks/${networkId}/participants/${added.body.id}`, { 'If-Match': changed.etag! })).status).toBe(204);
  });

  test('participant ids from the path are checked: helle cannot delete jens from the network', async () => {
    const plan = (await lene.get(`/api/networks/${networkId}`)).body;
    const jensRow = plan.participants.find((p: { id: string }) => p.id === jensId);
    expect((await helle.del(`/api/networks/${networkId}/participants/${jensId}`, { 'If-Match': jensRow.etag })).status).toBe(403);
    expect(helleId).toBeDefined();
  });

  test('deleting a participant who wrote reflections, or a meeting with material, is refused in words, without ids', async () => {
    const N = `/api/networks/${networkId}`;
    const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    const second = (await lene.post(`${N}/meetings`, { number: 2, title: 'Opfølgning', date: '2027-02-17', start: '09:00' })).body.id;
    const third = (await lene.post(`${N}/meetings`, { number: 3, title: 'Idéer', date: '2027-03-17', start: '09:00' })).body.id;
    expect((await jens.put(`${N}/meetings/${second}/reflections/mine`, { answers: [{ question: 'Hvad tager du med?', answer: 'Mere' }] })).status).toBe(201);
    expect((await jens.post(`${N}/ideas`, { text: 'Fælles bil', meetingId: third })).status).toBe(201);
    const plan = (await lene.get(N)).body;
    const etagOf = (list: { id: string; etag: string }[], id: string) => ({ 'If-Match': list.find((x) => x.id === id)!.etag });

    const participant = await lene.del(`${N}/participants/${jensId}`, etagOf(plan.participants, jensId));
    expect(participant.status).toBe(422);
    expect(participant.body.error.message).toMatch(/^Jens Jensen har skrevet 2 refleksioner til møde 1 og 2\. .*Sæt i stedet Jens Jensen til „Inddrages løbende“/);
    const held = await lene.del(`${N}/meetings/${meetingId}`, { ...etagOf(plan.meetings, meetingId), 'Accept-Language': 'en' });
    expect(held.status).toBe(422);
    expect(held.body.error.message).toMatch(/^Network meeting 1 of 3 has 2 reflections and 3 ideas\. A meeting with reflections or a joint summary has taken place, so it cannot be deleted\./);
    const withIdea = await lene.del(`${N}/meetings/${third}`, etagOf(plan.meetings, third));
    expect(withIdea.status).toBe(422);
    expect(withIdea.body.error.message).toBe('Netværksmøde 3 af 3 har 1 idé. Giv idéerne og analysenoterne et andet møde (eller intet), og slet så mødet.');
    expect(JSON.stringify([participant.body, held.body, withIdea.body])).not.toMatch(UUID);
    expect((await lene.get(N)).body.meetings).toHaveLength(3);
  });
});
