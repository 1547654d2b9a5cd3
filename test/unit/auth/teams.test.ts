// jose is ESM-only and jest's CommonJS runtime cannot load it; Node ≥20.19 can, just as in production.

import { createLocalJWKSet, exportSPKI, SignJWT, UnsecuredJWT } from 'jose';
import { AuthError, createAuthenticator, type Authenticator, type TeamsAuthConfig } from '../../../bot/auth/authenticate';
import { APP_ID_URI, CLIENT_ID, ISSUER_V1, mint, newSigningKey, now, OTHER_TENANT, serveJwks, TENANT, type JwksServer, type SigningKey } from './tokens';

let key: SigningKey;
let jwks: JwksServer;
let authenticate: Authenticator;
let config: TeamsAuthConfig;

beforeAll(async () => {
  key = await newSigningKey('key-1');
  jwks = await serveJwks([key.jwk]);
  config = { mode: 'teams', tenantId: TENANT, clientId: CLIENT_ID, applicationIdUri: APP_ID_URI, jwksUri: jwks.uri };
  authenticate = createAuthenticator(config);
});
afterAll(() => jwks.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function rejection(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

async function expectInvalid(headers: Record<string, string>, reason?: RegExp): Promise<void> {
  const error = await rejection(authenticate(headers));
  expect(error).toMatchObject({ code: 'invalidToken', status: 401, messageKey: 'api.invalidToken', message: 'invalidToken' });
  if (reason) expect(error.reason).toMatch(reason);
}

describe('teams mode: accepted tokens', () => {
  it('accepts a valid v2 token through the remote JWKS and returns the identity from its claims', async () => {
    const identity = await authenticate(bearer(await mint(key)));
    expect(identity).toEqual({
      userId: '11111111-2222-4333-8444-555555555555',
      name: 'Lene Holm',
      email: 'lene.holm@kommune.example',
      tenantId: TENANT,
      mode: 'teams',
    });
    expect(jwks.requests()).toBeGreaterThanOrEqual(1);
  });

  it('accepts a v1 token whose audience is the application ID URI, e-mail from upn', async () => {
    const token = await mint(key, { iss: ISSUER_V1, aud: APP_ID_URI, ver: '1.0', preferred_username: undefined, upn: 'omar.said@kommune.example', name: 'Omar Said' });
    expect(await authenticate({ Authorization: `bearer ${token}` })).toMatchObject({ name: 'Omar Said', email: 'omar.said@kommune.example' });
  });

  it('tolerates small clock skew', async () => {
    expect(await authenticate(bearer(await mint(key, { exp: now() - 30, nbf: now() + 30 })))).toMatchObject({ mode: 'teams' });
  });

  it('carries the Entra app roles of the token (PrivacyOfficer), and none when the claim is missing', async () => {
    expect(await authenticate(bearer(await mint(key, { roles: ['PrivacyOfficer', 42] })))).toMatchObject({ roles: ['PrivacyOfficer'] });
    expect((await authenticate(bearer(await mint(key)))).roles).toBeUndefined();
  });

  it('ignores X-Dev-User entirely', async () => {
    const identity = await authenticate({ ...bearer(await mint(key)), 'x-dev-user': 'ulla', 'x-dev-user-name': 'Ulla' });
    expect(identity.name).toBe('Lene Holm');
    const error = await rejection(authenticate({ 'x-dev-user': 'lene' }));
    expect(error.code).toBe('unauthenticated');
  });

  it('accepts an injected key set instead of the remote one', async () => {
    const local = createAuthenticator({ mode: 'teams', tenantId: TENANT, clientId: CLIENT_ID }, { keySet: createLocalJWKSet({ keys: [key.jwk] }) });
    expect(await local(bearer(await mint(key)))).toMatchObject({ mode: 'teams', tenantId: TENANT });
  });
});

describe('teams mode: rejected requests', () => {
  it('without an Authorization header is unauthenticated', async () => {
    for (const headers of [{}, { authorization: '' }, { authorization: undefined }]) {
      const error = await rejection(authenticate(headers));
      expect(error).toMatchObject({ code: 'unauthenticated', status: 401, messageKey: 'api.unauthenticated' });
    }
  });

  it('rejects an expired token', async () => expectInvalid(bearer(await mint(key, { exp: now() - 3600 })), /ERR_JWT_EXPIRED/));
  it('rejects a token that is not yet valid', async () => expectInvalid(bearer(await mint(key, { nbf: now() + 3600 })), /nbf/));
  it('rejects a token without exp', async () => expectInvalid(bearer(await mint(key, { exp: undefined })), /exp/));
  it('rejects a wrong audience', async () => expectInvalid(bearer(await mint(key, { aud: 'api://other.example/abc' })), /aud/));
  it('rejects a wrong issuer', async () => {
    await expectInvalid(bearer(await mint(key, { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })), /iss/);
    await expectInvalid(bearer(await mint(key, { iss: 'https://evil.example/' })), /iss/);
  });
  it('rejects a token from another tenant', async () => {
    await expectInvalid(bearer(await mint(key, { tid: OTHER_TENANT })), /tid/);
    await expectInvalid(bearer(await mint(key, { tid: undefined })), /tid/);
  });
  it('rejects a token without oid', async () => expectInvalid(bearer(await mint(key, { oid: undefined })), /oid/));

  it('rejects a token signed by another key, under the known kid or an unknown one', async () => {
    const stranger = await newSigningKey('key-1');
    await expectInvalid(bearer(await mint(stranger)), /ERR_JWS_SIGNATURE_VERIFICATION_FAILED/);
    await expectInvalid(bearer(await mint(stranger, {}, 'key-2')), /ERR_JWKS_NO_MATCHING_KEY/);
  });

  it('rejects an unsigned token (alg none)', async () => {
    const token = new UnsecuredJWT({ iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, aud: CLIENT_ID, tid: TENANT, oid: 'x', exp: now() + 3600 }).encode();
    await expectInvalid(bearer(token));
  });

  it('rejects HS256 signed with the public key as secret', async () => {
    const secret = new TextEncoder().encode(await exportSPKI(key.publicKey));
    const token = await new SignJWT({ tid: TENANT, oid: 'x' })
      .setProtectedHeader({ alg: 'HS256', kid: key.kid })
      .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
      .setAudience(CLIENT_ID)
      .setExpirationTime('1h')
      .sign(secret);
    await expectInvalid(bearer(token), /ERR_JOSE_ALG_NOT_ALLOWED/);
  });

  it('rejects garbage and non-Bearer schemes', async () => {
    await expectInvalid(bearer('garbage'));
    await expectInvalid(bearer('a.b.c'));
    await expectInvalid(bearer(''), /Bearer/);
    await expectInvalid({ authorization: `Basic ${Buffer.from('lene:secret').toString('base64')}` }, /Bearer/);
  });

  it('keeps the jose detail in reason, never in the message', async () => {
    const error = await rejection(authenticate(bearer(await mint(key, { exp: now() - 3600 }))));
    expect(error.reason).toMatch(/ERR_JWT_EXPIRED/);
    expect(error.message).toBe('invalidToken');
  });
});

describe('teams mode: configuration', () => {
  it('refuses a tenant that is not a GUID and an empty client id', () => {
    expect(() => createAuthenticator({ mode: 'teams', tenantId: 'common', clientId: CLIENT_ID })).toThrow(/tenantId/);
    expect(() => createAuthenticator({ mode: 'teams', tenantId: TENANT, clientId: ' ' })).toThrow(/clientId/);
  });

  it('accepts an upper-case tenant id in config', async () => {
    const upper = createAuthenticator({ ...config, tenantId: TENANT.toUpperCase() });
    expect(await upper(bearer(await mint(key)))).toMatchObject({ tenantId: TENANT });
  });
});
