import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

// Stands in for login.botframework.com: the OpenID document and the keys the Bot Connector signs with.
// botbuilder's own token validation fetches them, exactly as it does from Microsoft in production.

export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface BotFrameworkKeys {
  metadataUrl: string;
  /** A token as the Teams channel would send it to `appId` for an activity from `serviceUrl`. */
  channelToken(appId: string, serviceUrl: string, claims?: JWTPayload): Promise<string>;
  /** The same token signed by a key Bot Framework never published (same key id). */
  forgedToken(appId: string, serviceUrl: string, claims?: JWTPayload): Promise<string>;
  close(): Promise<void>;
}

const KID = 'bf-test-key';

export async function startBotFrameworkKeys(): Promise<BotFrameworkKeys> {
  const published = await generateKeyPair('RS256', { extractable: true });
  const attacker = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(published.publicKey)), kid: KID, use: 'sig', endorsements: ['msteams'] };
  let base = '';
  const server: Server = createServer((req, res) => {
    const body = req.url?.endsWith('/keys') ? { keys: [jwk] } : { issuer: CHANNEL_ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const sign = (key: CryptoKey, appId: string, serviceUrl: string, claims: JWTPayload = {}) => {
    const now = Math.floor(Date.now() / 1000);
    const payload: JWTPayload = { iss: CHANNEL_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 10, exp: now + 3600, ...claims };
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' }).sign(key);
  };
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    channelToken: (appId, serviceUrl, claims) => sign(published.privateKey, appId, serviceUrl, claims),
    forgedToken: (appId, serviceUrl, claims) => sign(attacker.privateKey, appId, serviceUrl, claims),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
