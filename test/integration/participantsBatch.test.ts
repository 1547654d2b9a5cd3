import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import { clientFor, startTestApp } from '../support/testApp';

// Participants in bulk over HTTP, against the real store (Azurite): the handbook's network (5 core, 2 along the way)
// added in one request and one transaction; a bad row refuses them all, naming the row; the added Teams users and
// e-mails find the network at once (member index rows); someone already on the list is refused by row, with who is
// there; several given a kind at once; only the network's leader and co-driver may do either.

const jens = findDevIdentity('jens')!;
const helle = findDevIdentity('helle')!;
const omar = findDevIdentity('omar')!;

const SEVEN = [
  { name: 'Jens Jensen', kind: 'core', role: 'employee', unit: 'ØS', userId: jens.userId, email: jens.email },
  { name: 'Helle Hansen', kind: 'core', role: 'employee', unit: 'SPO', email: helle.email.toUpperCase() },
  { name: 'Karin Holm', kind: 'core', role: 'manager', unit: 'BUF', email: 'karin.holm@kommune.example' },
  { name: 'Peter Lund', kind: 'core', role: 'employee', unit: 'Jobcenter', email: 'peter.lund@kommune.example' },
  { name: 'Sofie Dahl', kind: 'core', role: 'employee', unit: 'Ældre', email: 'sofie.dahl@kommune.example' },
  { name: 'Anna Borger', kind: 'along', role: 'citizen' },
  { name: 'Mads Forsker', kind: 'along', role: 'researcher', unit: 'VIA', email: 'mads@via.example' },
];

describe('participants in bulk', () => {
  let app: App;
  let lene: ReturnType<typeof clientFor>;
  let networkId: string;
  const N = () => `/api/networks/${networkId}`;
  const B = () => `${N()}/participants/batch`;
  const as = (key: string) => clientFor(app, key);
  const names = async () => ((await lene.get(N())).body.participants as { name: string }[]).map((p) => p.name).sort();
  const inMyNetworks = async (key: string) => ((await as(key).get('/api/networks')).body.networks as { id: string; role: string }[]).find((n) => n.id === networkId)?.role;

  beforeAll(async () => {
    app = await startTestApp('participantsbatch', { env: { SCHEDULER: 'off' } });
    lene = clientFor(app, 'lene');
    const created = await lene.post('/api/networks', { name: 'Socialøkonomi', type: 'learning', theme: 'Socialøkonomiske virksomheder', startDate: '2027-01-04' });
    expect(created.status).toBe(201);
    networkId = created.body.id;
    const etag = (await lene.get(N())).body.network.etag;
    expect((await lene.put(`${N()}/roles/coDriver`, { name: omar.name, email: omar.email }, { 'If-Match': etag })).status).toBe(200);
  });

  afterAll(async () => {
    await app?.stop();
  });

  test('a bad row refuses them all, naming the row and the field, in Danish and English', async () => {
    const rows = [SEVEN[2], { ...SEVEN[3], email: 'peter.lund@kommune' }, SEVEN[4], { ...SEVEN[5], name: '  ' }];
    const refused = await lene.post(B(), { participants: rows });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe('2 rækker kan ikke tilføjes, så ingen er tilføjet. Ret eller fjern dem, og prøv igen.');
    expect(refused.body.error.details).toEqual([
      { path: 'participants.1.email', message: 'Række 2 (Peter Lund): E-mail: Det er ikke en gyldig e-mailadresse.' },
      { path: 'participants.3.name', message: 'Række 4: Navn: Skal udfyldes.' },
    ]);
    const english = await lene.post(B(), { participants: rows }, { 'Accept-Language': 'en-GB' });
    expect(english.body.error.message).toBe('2 rows cannot be added, so no one was added. Correct or remove them and try again.');
    expect(english.body.error.details[0].message).toBe('Row 2 (Peter Lund): Email: This is not a valid e-mail address.');
    expect(await names()).toEqual([]);
  });

  test('seven in one request and one transaction: listed in the plan, with the server’s addedAt', async () => {
    const commits = jest.spyOn(app.services.store, 'commit');
    const added = await lene.post(B(), { participants: SEVEN });
    expect(added.status).toBe(201);
    // One commit of 7 participants and their 7 index rows (6 e-mails, 1 Teams id): one transaction, all or nothing.
    expect(commits.mock.calls.map(([, rows]) => rows.length)).toEqual([14]);
    commits.mockRestore();
    expect(added.body.participants.map((p: { name: string; etag: string; addedAt: string }) => [p.name, typeof p.etag, typeof p.addedAt])).toEqual(
      SEVEN.map((p) => [p.name, 'string', 'string']),
    );
    const plan = (await lene.get(N())).body;
    expect(plan.participants.map((p: { name: string; kind: string; role: string }) => [p.name, p.kind, p.role]).sort()).toEqual(
      SEVEN.map((p) => [p.name, p.kind, p.role]).sort(),
    );
    expect(plan.participants.find((p: { name: string }) => p.name === 'Helle Hansen').email).toBe(helle.email);
    // Each stored as its own row, with its own version: it can be edited alone at once.
    const karin = plan.participants.find((p: { name: string }) => p.name === 'Karin Holm');
    expect((await lene.patch(`${N()}/participants/${karin.id}`, { unit: 'Børn og unge' }, { 'If-Match': karin.etag })).status).toBe(200);
  });

  test('the added Teams user and e-mail find the network at once (member index rows)', async () => {
    expect(await inMyNetworks('jens')).toBe('participant');
    expect(await inMyNetworks('helle')).toBe('participant');
    expect((await as('jens').get(N())).body.myParticipantId).toEqual(expect.any(String));
    expect(await inMyNetworks('ulla')).toBeUndefined();
  });

  test('someone already on the list is refused by row, with who is there; nothing is added', async () => {
    const refused = await lene.post(B(), {
      participants: [
        { name: 'Ulla Udenfor', kind: 'along', role: 'other', email: 'ulla.udenfor@kommune.example' },
        { name: 'J. Jensen', kind: 'core', role: 'employee', userId: jens.userId },
        { name: 'Karin H.', kind: 'core', role: 'employee', email: 'Karin.Holm@Kommune.example' },
      ],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual([
      { path: 'participants.1.userId', message: 'Række 2 (J. Jensen): Jens Jensen står allerede på deltagerlisten (samme Teams-bruger).' },
      { path: 'participants.2.email', message: 'Række 3 (Karin H.): Karin Holm står allerede på deltagerlisten (samme e-mail).' },
    ]);
    expect(await names()).toEqual(SEVEN.map((p) => p.name).sort());
    expect(await inMyNetworks('ulla')).toBeUndefined();
  });

  test('several set as along the way at once, and back', async () => {
    const plan = (await lene.get(N())).body;
    const ids = plan.participants.filter((p: { name: string }) => ['Peter Lund', 'Sofie Dahl'].includes(p.name)).map((p: { id: string }) => p.id);
    const changed = await lene.patch(B(), { participantIds: ids, change: { kind: 'along' } });
    expect(changed.status).toBe(200);
    expect(changed.body.participants.map((p: { kind: string }) => p.kind)).toEqual(['along', 'along']);
    const kinds = (await lene.get(N())).body.participants.filter((p: { id: string }) => ids.includes(p.id)).map((p: { kind: string }) => p.kind);
    expect(kinds).toEqual(['along', 'along']);
    const role = await lene.patch(B(), { participantIds: ids, change: { role: 'manager', kind: 'core' } });
    expect(role.body.participants.map((p: { kind: string; role: string }) => [p.kind, p.role])).toEqual([['core', 'manager'], ['core', 'manager']]);
    expect((await lene.patch(B(), { participantIds: [...ids, 'gone'], change: { kind: 'along' } })).status).toBe(404);
  });

  test('only the network’s leader and co-driver add or change in bulk', async () => {
    const one = { participants: [{ name: 'Ny Person', kind: 'along', role: 'other', email: 'ny.person@kommune.example' }] };
    const byJens = await as('jens').post(B(), one);
    expect(byJens.status).toBe(403);
    expect(byJens.body.error.message).toBe('Kun netværkslederen og co-driveren kan ændre planen.');
    expect((await as('ulla').post(B(), one)).status).toBe(403);
    const someone = (await lene.get(N())).body.participants[0].id;
    expect((await as('jens').patch(B(), { participantIds: [someone], change: { kind: 'along' } })).status).toBe(403);
    expect(await names()).not.toContain('Ny Person');
    // The co-driver adds people, but giving the network's roles is the leader's alone.
    expect((await as('omar').post(B(), one)).status).toBe(201);
    const role = await as('omar').post(B(), { participants: [{ name: 'Birgitte Krogh', kind: 'along', role: 'referenceLeader', email: 'birgitte.krogh@kommune.example' }] });
    expect(role.status).toBe(403);
    expect(role.body.error.message).toBe('Kun netværkslederen kan vælge og skifte co-driver og referenceleder.');
  });
});
