// jose is ESM-only and jest's CommonJS runtime cannot load it; Node ≥20.19 can, just as in production.

import { AuthError, createAuthenticator, type AuthConfig } from '../../../bot/auth/authenticate';
import { devIdentities } from '../../../bot/auth/devIdentities';
import { t } from '../../../bot/i18n';

const authenticate = createAuthenticator({ mode: 'development' });

async function rejection(headers: Record<string, string>): Promise<AuthError> {
  const error = await authenticate(headers).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

describe('development mode', () => {
  it('requires X-Dev-User', async () => {
    expect(await rejection({})).toMatchObject({ code: 'devIdentityRequired', status: 401, messageKey: 'api.devIdentityRequired' });
    expect(await rejection({ 'x-dev-user': '  ' })).toMatchObject({ code: 'devIdentityRequired' });
  });

  it('ignores Authorization: no token stands in for the header, and no token is checked', async () => {
    expect((await rejection({ authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' })).code).toBe('devIdentityRequired');
    expect(await authenticate({ authorization: 'Bearer garbage', 'x-dev-user': 'lene' })).toMatchObject({ name: 'Lene Holm' });
  });

  it.each(devIdentities.map((d) => [d.key, d] as const))('accepts the known identity %s by key and by userId', async (key, known) => {
    const expected = { userId: known.userId, name: known.name, email: known.email, mode: 'development', ...(known.roles ? { roles: known.roles } : {}) };
    expect(await authenticate({ 'x-dev-user': key })).toEqual(expected);
    expect(await authenticate({ 'X-Dev-User': known.userId, 'x-dev-user-name': 'Someone Else' })).toEqual(expected);
  });

  it('accepts an invented id with a display name, percent-decoded', async () => {
    expect(await authenticate({ 'x-dev-user': 'soeren-01', 'x-dev-user-name': encodeURIComponent('Søren Ærø') })).toEqual({
      userId: 'soeren-01',
      name: 'Søren Ærø',
      mode: 'development',
    });
  });

  it.each(['ab', 'Lene', 'a b', '../etc', 'æble', 'x'.repeat(65), 'lene,omar', 'dev_user'])('rejects the malformed id %j', async (id) => {
    const error = await rejection({ 'x-dev-user': id, 'x-dev-user-name': 'Named' });
    expect(error).toMatchObject({ code: 'devIdentityRequired', messageKey: 'auth.devIdentityInvalid' });
  });

  it('rejects an invented id without a usable name', async () => {
    for (const name of [undefined, '', '   ', '%E0%A4%A', 'a\u0007b', 'x'.repeat(101)]) {
      const headers: Record<string, string> = { 'x-dev-user': 'new-user' };
      if (name !== undefined) headers['x-dev-user-name'] = name;
      expect((await rejection(headers)).messageKey).toBe('auth.devIdentityInvalid');
    }
  });

  it('joins a repeated header as Node does, which is never a valid id', async () => {
    expect((await authenticate({ 'x-dev-user': ['lene'] } as never)).name).toBe('Lene Holm');
    const error = await authenticate({ 'x-dev-user': ['lene', 'omar'] }).catch((e: AuthError) => e);
    expect(error).toMatchObject({ code: 'devIdentityRequired' });
  });

  it('fails closed on an unknown mode', () => {
    expect(() => createAuthenticator({ mode: 'dev' } as unknown as AuthConfig)).toThrow(/mode/);
  });
});

describe('development identities', () => {
  it('are seven distinct people with GUID-like ids and municipal e-mail', () => {
    expect(devIdentities.map((d) => d.name)).toEqual(['Lene Holm', 'Omar Said', 'Jens Jensen', 'Helle Hansen', 'Birgitte Krogh', 'Ulla Udenfor', 'Dorthe Dahl']);
    expect(new Set(devIdentities.map((d) => d.userId)).size).toBe(devIdentities.length);
    expect(new Set(devIdentities.map((d) => d.key)).size).toBe(devIdentities.length);
    for (const d of devIdentities) {
      expect(d.userId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(d.email).toMatch(/@kommune\.example$/);
    }
    expect(devIdentities.find((d) => d.name === 'Ulla Udenfor')?.persona).toBe('outsider');
    // Only the privacy officer carries an Entra app role, as a real token would.
    expect(devIdentities.filter((d) => d.roles).map((d) => [d.key, d.roles])).toEqual([['dorthe', ['PrivacyOfficer']]]);
    expect(Object.isFrozen(devIdentities) && Object.isFrozen(devIdentities[0])).toBe(true);
  });
});

describe('AuthError messages', () => {
  it('has a translation for every message key it can carry', () => {
    for (const key of ['api.unauthenticated', 'api.invalidToken', 'api.devIdentityRequired', 'auth.devIdentityInvalid'] as const) {
      for (const locale of ['da', 'en'] as const) expect(t(locale, key)).not.toBe(key);
    }
  });
});
