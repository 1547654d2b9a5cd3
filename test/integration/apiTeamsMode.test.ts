import { createLocalJWKSet } from 'jose';
import type { App } from '../../bot/app';
import { startTestApp, teamsModeEnv } from '../support/testApp';
import { CLIENT_ID, TENANT, mint, newSigningKey, now, type SigningKey } from '../unit/auth/tokens';

// With Entra ID configured the development identity does not exist: only valid SSO tokens get in.
describe('tab API with Entra ID configured', () => {
  let app: App;
  let key: SigningKey;
  beforeAll(async () => {
    key = await newSigningKey('k1');
    app = await startTestApp('teamsmode', {
      env: teamsModeEnv({ clientId: CLIENT_ID, tenantId: TENANT }),
      auth: { keySet: createLocalJWKSet({ keys: [key.jwk] }) },
    });
  });
  afterAll(() => app.stop());

  const get = (headers: Record<string, string>) => fetch(`${app.url}/api/me`, { headers });

  test('a valid SSO token is the identity', async () => {
    const response = await get({ Authorization: `Bearer ${await mint(key)}` });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.identity).toMatchObject({ name: 'Lene Holm', mode: 'teams' });
    expect(body.devIdentities).toBeUndefined();
  });

  test('the development identity header is refused', async () => {
    const response = await get({ 'X-Dev-User': 'lene' });
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('unauthenticated');
  });

  test('expired, wrong-audience and unsigned tokens are refused with a message', async () => {
    const expired = await mint(key, { exp: now() - 600, nbf: now() - 4000, iat: now() - 4000 });
    const wrongAudience = await mint(key, { aud: 'api://someone-else' });
    const [header, payload] = (await mint(key)).split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    for (const token of [expired, wrongAudience, unsigned, `${header}.${payload}.forged`]) {
      const response = await get({ Authorization: `Bearer ${token}` });
      expect(response.status).toBe(401);
      expect((await response.json()).error.message).toMatch(/login kunne ikke godkendes/);
    }
  });
});
