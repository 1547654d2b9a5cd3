import type { App } from '../../bot/app';
import { findDevIdentity } from '../../bot/auth/devIdentities';
import type { TeamMember } from '../../bot/storage/conversationStore';
import { clientFor, startTestApp } from '../support/testApp';

// GET /api/networks/:networkId/team-members: who the bot has seen in the network's team, for the
// tab's member picker (link a participant to a Teams user).

const TEAM = '19:netvaerk-team@thread.tacv2';
const member = (overrides: Partial<TeamMember>): TeamMember => ({
  teamId: TEAM,
  tenantId: 'tenant-1',
  userId: `29:${Math.random().toString(36).slice(2)}`,
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  ...overrides,
});

describe('team members for the member picker', () => {
  let app: App;
  let lene: ReturnType<typeof clientFor>;
  let networkId: string;
  const jens = findDevIdentity('jens')!;

  beforeAll(async () => {
    app = await startTestApp('teamMembers');
    lene = clientFor(app, 'lene');
    const created = await lene.post('/api/networks', {
      name: 'Socialøkonomiske virksomheder', type: 'learning', theme: 'Hvordan støtter vi socialøkonomiske virksomheder?', startDate: '2027-01-04',
      coDriver: { name: 'Omar Said', userId: findDevIdentity('omar')!.userId },
    });
    expect(created.status).toBe(201);
    networkId = created.body.id;
    const participant = await lene.post(`/api/networks/${networkId}/participants`, { name: jens.name, kind: 'core', role: 'employee', userId: jens.userId });
    expect(participant.status).toBe(201);

    const { conversations } = app.services;
    await conversations.rememberMember(member({ aadObjectId: 'aad-soeren', name: 'Søren Sørensen', email: 'soeren@kommune.example' }));
    await conversations.rememberMember(member({ aadObjectId: 'aad-aase', name: 'Åse Andersen', email: 'aase@kommune.example' }));
    await conversations.rememberMember(member({ aadObjectId: 'aad-bo', name: 'Bo Berg' }));
    // No Entra object id: cannot be linked to a participant, so not offered.
    await conversations.rememberMember(member({ name: 'Gæst uden id' }));
    // Someone in another team.
    await conversations.rememberMember(member({ teamId: '19:another-team@thread.tacv2', aadObjectId: 'aad-other', name: 'Anden Person' }));
  });

  afterAll(() => app.stop());

  const path = () => `/api/networks/${networkId}/team-members`;

  test('an empty list while the network lives in no team', async () => {
    const got = await lene.get(path());
    expect(got.status).toBe(200);
    expect(got.body).toEqual([]);
  });

  test('once linked to the team (PATCH teamId), a leader gets its members, sorted by name the Danish way', async () => {
    const network = await lene.get(`/api/networks/${networkId}`);
    const patched = await lene.patch(`/api/networks/${networkId}`, { teamId: TEAM }, { 'If-Match': network.etag! });
    expect(patched.status).toBe(200);

    const got = await lene.get(path());
    expect(got.status).toBe(200);
    expect(got.body).toEqual([
      { userId: 'aad-bo', name: 'Bo Berg' },
      { userId: 'aad-soeren', name: 'Søren Sørensen', email: 'soeren@kommune.example' },
      { userId: 'aad-aase', name: 'Åse Andersen', email: 'aase@kommune.example' },
    ]);
    expect((await clientFor(app, 'omar').get(path())).status).toBe(200);
  });

  test('participants, the reference leader and outsiders are refused', async () => {
    const asJens = await clientFor(app, 'jens').get(path());
    expect(asJens.status).toBe(403);
    expect(asJens.body.error.code).toBe('forbidden');
    expect((await clientFor(app, 'ulla').get(path())).status).toBe(403);
  });

  test('an unknown network is 404', async () => {
    expect((await lene.get('/api/networks/no-such-network/team-members')).status).toBe(404);
  });
});
