import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export const TENANT = '5b0c2f1e-8a7d-4c3b-9e1f-2a6d4c8b0e11';
export const OTHER_TENANT = '9f8e7d6c-5b4a-4321-8fed-cba987654321';
export const CLIENT_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const APP_ID_URI = `api://netvaerk.kommune.example/${CLIENT_ID}`;
export const ISSUER_V2 = `https://login.microsoftonline.com/${TENANT}/v2.0`;
export const ISSUER_V1 = `https://sts.windows.net/${TENANT}/`;

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: JWK;
}

export async function newSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

export const now = (): number => Math.floor(Date.now() / 1000);

/** A v2 Teams tab SSO token for Lene unless overridden; `undefined` in claims drops that claim. */
export async function mint(key: SigningKey, claims: JWTPayload = {}, kid = key.kid): Promise<string> {
  const payload: JWTPayload = {
    iss: ISSUER_V2,
    aud: CLIENT_ID,
    iat: now() - 10,
    nbf: now() - 10,
    exp: now() + 3600,
    tid: TENANT,
    oid: '11111111-2222-4333-8444-555555555555',
    name: 'Lene Holm',
    preferred_username: 'lene.holm@kommune.example',
    ver: '2.0',
    ...claims,
  };
  for (const name of Object.keys(payload)) if (payload[name] === undefined) delete payload[name];
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key.privateKey);
}

export interface JwksServer {
  uri: string;
  requests: () => number;
  close: () => Promise<void>;
}

/** The tenant's discovery keys endpoint, on 127.0.0.1. */
export async function serveJwks(keys: JWK[]): Promise<JwksServer> {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests += 1;
    // Not chained: restify, loaded by other suites in the same worker, patches writeHead to return nothing.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    uri: `http://127.0.0.1:${port}/${TENANT}/discovery/v2.0/keys`,
    requests: () => requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
