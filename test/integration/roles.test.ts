import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import type { TeamMember } from '../../bot/storage/conversationStore';
import { clientFor, startTestApp } from '../support/testApp';

// The method's roles over HTTP: the leader chooses the co-driver and the reference leader (PUT/DELETE …/roles/:role,
// or a network PATCH — one operation), access follows at once (Mine netværk finds the network for them), a
// participant's role and the network's role stay one, and the delivery cannot go to a reference leader who is not there.

const TEAM = '19:roller-team@thread.tacv2';
const member = (overrides: Partial<TeamMember>): TeamMember => ({
  teamId: TEAM,
  tenantId: 'tenant-1',
  userId: `29:${Math.random().toString(36).slice(2)}`,
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  ...overrides,
});
const omar = findDevIdentity('omar')!;
const birgitte = findDevIdentity('birgitte')!;

describe('the network’s roles', () => {
  let app: App;
  let lene: ReturnType<typeof clientFor>;
  let networkId: string;
  const N = () => `/api/networks/${networkId}`;
  const etag = async () => (await lene.get(N())).body.network?.etag ?? (await lene.get(N())).body.etag;
  const as = (key: string) => clientFor(app, key);
  const myNetworks = async (key: string) => (await as(key).get('/api/networks')).body.networks.map((n: { id: string; role: string }) => [n.id === networkId, n.role]);

  beforeAll(async () => {
    app = await startTestApp('roles');
    lene = clientFor(app, 'lene');
    const created = await lene.post('/api/networks', { name: 'Roller', type: 'learning', theme: 'Deleøkonomi', startDate: '2027-01-04', teamId: TEAM });
    expect(created.status).toBe(201);
    networkId = created.body.id;
    await app.services.conversations.rememberMember(member({ aadObjectId: omar.userId, name: 'Omar Said (Teams)', email: omar.email }));
  });

  afterAll(async () => {
    await app?.stop();
  });

  test('the leader makes a team member co-driver; he edits at once and finds the network in Mine netværk', async () => {
    expect(await myNetworks('omar')).not.toContainEqual([true, expect.anything()]);
    const chosen = await lene.put(`${N()}/roles/coDriver`, { userId: omar.userId }, { 'If-Match': await etag() });
    expect(chosen.status).toBe(200);
    // Named as Teams reported him, whatever a request would say.
    expect(chosen.body.network.coDriver).toEqual({ name: 'Omar Said (Teams)', email: omar.email, userId: omar.userId });
    expect((await as('omar').get(N())).body.role).toBe('coDriver');
    expect(await myNetworks('omar')).toContainEqual([true, 'coDriver']);
    expect((await as('omar').post(`${N()}/subthemes`, { title: 'Omars undertema' })).status).toBe(201);
  });

  test('the co-driver cannot choose roles, not even through the network PATCH', async () => {
    const refused = await as('omar').put(`${N()}/roles/referenceLeader`, { name: 'Birgitte Krogh', email: birgitte.email }, { 'If-Match': await etag() });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Kun netværkslederen kan vælge og skifte co-driver og referenceleder.');
    const patched = await as('omar').patch(N(), { coDriver: null }, { 'If-Match': await etag() });
    expect(patched.status).toBe(403);
    expect((await as('omar').get(N())).body.role).toBe('coDriver');
  });

  test('an Entra id the server does not know is refused; a name and e-mail are taken as typed', async () => {
    const unknown = await lene.put(`${N()}/roles/referenceLeader`, { userId: 'aad-nobody', name: 'Nobody' }, { 'If-Match': await etag() });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details).toEqual([{ path: 'referenceLeader.userId', message: expect.stringMatching(/hverken blandt netværkets deltagere eller teamets medlemmer/) }]);
    const patchedUnknown = await lene.patch(N(), { referenceLeader: { name: 'X', userId: 'aad-nobody' } }, { 'If-Match': await etag() });
    expect(patchedUnknown.status).toBe(422);

    const typed = await lene.put(`${N()}/roles/referenceLeader`, { name: 'Birgitte Krogh', email: birgitte.email }, { 'If-Match': await etag() });
    expect(typed.status).toBe(200);
    // Her sign-in's e-mail finds the network: she reads it.
    expect((await as('birgitte').get(N())).body.role).toBe('referenceLeader');
    expect(await myNetworks('birgitte')).toContainEqual([true, 'referenceLeader']);
    expect((await as('birgitte').post(`${N()}/subthemes`, { title: 'x' })).status).toBe(403);
  });

  test('a participant chosen as reference leader shows that role, and giving the role is the same', async () => {
    expect((await lene.del(`${N()}/roles/referenceLeader`, { 'If-Match': await etag() })).status).toBe(200);
    expect((await as('birgitte').get(N())).status).toBe(403);

    const mette = await lene.post(`${N()}/participants`, { name: 'Mette Madsen', kind: 'along', role: 'manager', email: 'mette@kommune.example' });
    expect(mette.status).toBe(201);
    const chosen = await lene.put(`${N()}/roles/referenceLeader`, { participantId: mette.body.id }, { 'If-Match': await etag() });
    expect(chosen.status).toBe(200);
    expect(chosen.body.participants).toEqual([{ id: mette.body.id, name: 'Mette Madsen', role: 'referenceLeader', was: 'manager' }]);
    const plan = (await lene.get(N())).body;
    expect(plan.network.referenceLeader).toEqual({ name: 'Mette Madsen', email: 'mette@kommune.example' });
    expect(plan.participants.find((p: { id: string }) => p.id === mette.body.id).role).toBe('referenceLeader');
    // Not advised to be put on a meeting: she is the reference leader.
    expect(plan.advice.map((a: { message: string }) => a.message).join(' ')).not.toMatch(/Mette Madsen er ikke sat på noget møde/);

    // Giving another participant the role while Mette holds it is refused, naming her and where to change it.
    const jens = await lene.post(`${N()}/participants`, { name: 'Jens Jensen', kind: 'core', role: 'referenceLeader', email: 'jens@kommune.example' });
    expect(jens.status).toBe(422);
    expect(jens.body.error.message).toBe('Netværket har allerede en referenceleder: Mette Madsen. Skift referenceleder under Roller øverst i Deltagere, eller giv Jens Jensen en anden rolle.');
    expect(jens.body.error.details[0].path).toBe('role');

    // Taking the role away in the participant form frees it on the network too.
    const row = plan.participants.find((p: { id: string }) => p.id === mette.body.id);
    expect((await lene.patch(`${N()}/participants/${row.id}`, { role: 'manager' }, { 'If-Match': row.etag })).status).toBe(200);
    expect((await lene.get(N())).body.network.referenceLeader).toBeUndefined();
    // And giving it makes her the network's again.
    const again = (await lene.get(N())).body.participants.find((p: { id: string }) => p.id === mette.body.id);
    expect((await lene.patch(`${N()}/participants/${again.id}`, { role: 'referenceLeader' }, { 'If-Match': again.etag })).status).toBe(200);
    expect((await lene.get(N())).body.network.referenceLeader).toEqual({ name: 'Mette Madsen', email: 'mette@kommune.example' });
  });

  test('the co-driver may edit participants but not give or take a role with them', async () => {
    const row = (await lene.get(N())).body.participants.find((p: { name: string }) => p.name === 'Mette Madsen');
    const refused = await as('omar').patch(`${N()}/participants/${row.id}`, { role: 'employee' }, { 'If-Match': row.etag });
    expect(refused.status).toBe(403);
    expect((await as('omar').patch(`${N()}/participants/${row.id}`, { unit: 'Chefforum' }, { 'If-Match': row.etag })).status).toBe(200);
  });

  test('the delivery is sent to the reference leader only when there is one', async () => {
    const sent = await lene.put(`${N()}/delivery`, { status: 'sentToReferenceLeader' });
    expect(sent.status).toBe(201);
    const other = (await lene.post('/api/networks', { name: 'Uden referenceleder', type: 'learning', theme: 'x', startDate: '2027-01-04' })).body.id;
    const refused = await lene.put(`/api/networks/${other}/delivery`, { status: 'sentToReferenceLeader' }, { 'Accept-Language': 'en-GB' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe('The network has no reference leader, so the delivery cannot be marked as sent to the reference leader. Choose a reference leader under Participants first.');
    expect((await lene.put(`/api/networks/${other}/delivery`, { status: 'draft' })).status).toBe(201);
  });
});
