import type { JWTVerifyGetKey } from 'jose';
import { developmentIdentity } from './developmentIdentity';
import type { RequestHeaders } from './headers';
import type { Identity } from './identity';
import { createTeamsVerifier, type TeamsAuthConfig } from './teamsToken';

export { AuthError, type AuthErrorCode } from './errors';
export type { Identity } from './identity';
export type { RequestHeaders } from './headers';
export type { TeamsAuthConfig } from './teamsToken';

/** 'development' only when no Entra ID is configured: it trusts the X-Dev-User header. */
export type AuthConfig = { mode: 'development' } | TeamsAuthConfig;

export interface AuthenticatorOptions {
  /** Replaces the tenant's remote JWKS (tests). */
  keySet?: JWTVerifyGetKey;
}

export type Authenticator = (headers: RequestHeaders) => Promise<Identity>;

export function createAuthenticator(config: AuthConfig, options: AuthenticatorOptions = {}): Authenticator {
  if (config.mode === 'teams') return createTeamsVerifier(config, options.keySet);
  // Fail closed: a mistyped mode from untyped config must never fall through to trusting X-Dev-User.
  if (config.mode !== 'development') throw new Error(`auth: unknown mode ${JSON.stringify((config as { mode?: unknown }).mode)}`);
  return async (headers) => developmentIdentity(headers);
}
