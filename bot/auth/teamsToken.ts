import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AuthError } from './errors';
import { header, type RequestHeaders } from './headers';
import type { Identity } from './identity';

export interface TeamsAuthConfig {
  mode: 'teams';
  tenantId: string;
  clientId: string;
  applicationIdUri?: string;
  /** Default: https://login.microsoftonline.com/{tenantId}/discovery/v2.0/keys */
  jwksUri?: string;
  /** Default 60. */
  clockToleranceSeconds?: number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BEARER = /^Bearer +([A-Za-z0-9._~+/=-]+) *$/i;

/** The raw token of an `Authorization: Bearer …` header, if that is what the request carries. */
export function bearerToken(headers: RequestHeaders): string | undefined {
  return BEARER.exec(header(headers, 'authorization')?.trim() ?? '')?.[1];
}

/** Verifies the Teams tab SSO token (v1 or v2) of one single tenant. */
export function createTeamsVerifier(config: TeamsAuthConfig, keySet?: JWTVerifyGetKey): (headers: RequestHeaders) => Promise<Identity> {
  // 'common' or 'organizations' would need per-tenant issuer logic; this app serves one municipality.
  const tenantId = config.tenantId.trim().toLowerCase();
  if (!GUID.test(tenantId)) throw new Error(`auth: tenantId must be a tenant GUID, got ${JSON.stringify(config.tenantId)}`);
  if (!config.clientId.trim()) throw new Error('auth: clientId is required in teams mode');

  const keys = keySet ?? createRemoteJWKSet(new URL(config.jwksUri ?? `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`));
  const audience = [config.clientId, config.applicationIdUri].filter((value): value is string => !!value);
  const issuer = [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
  const clockTolerance = config.clockToleranceSeconds ?? 60;

  return async (headers) => {
    const authorization = header(headers, 'authorization')?.trim();
    if (!authorization) throw new AuthError('unauthenticated', 'no Authorization header');
    const token = BEARER.exec(authorization)?.[1];
    if (!token) throw new AuthError('invalidToken', 'Authorization is not a Bearer token');

    const { payload } = await jwtVerify(token, keys, { algorithms: ['RS256'], audience, issuer, clockTolerance, requiredClaims: ['exp'] }).catch(
      (error: unknown) => {
        throw new AuthError('invalidToken', error instanceof errors.JOSEError ? `${error.code}: ${error.message}` : String(error));
      },
    );

    if (typeof payload.tid !== 'string' || payload.tid.toLowerCase() !== tenantId) throw new AuthError('invalidToken', 'tid is not the configured tenant');
    if (typeof payload.oid !== 'string' || !payload.oid) throw new AuthError('invalidToken', 'no oid claim');
    const email = stringClaim(payload.preferred_username) ?? stringClaim(payload.upn);
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((role): role is string => typeof role === 'string') : [];
    return { userId: payload.oid, name: stringClaim(payload.name) ?? email ?? payload.oid, email, tenantId, mode: 'teams', ...(roles.length ? { roles } : {}) };
  };
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
