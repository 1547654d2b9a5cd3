import type { Server } from 'node:http';

// What every answer says about how a browser may use it, and how long a client may take to send a
// request. Teams and browsers send a whole request in well under a second; the limits are for clients
// that open a connection and then trickle or stop.

/** The hosts that may frame the tab pages: Teams, Microsoft 365 and Outlook (Microsoft Learn, "Tab requirements"). */
export const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
] as const;

/** The tab pages load only their own scripts; Fluent UI writes its styles at run time, hence inline styles. */
export const TAB_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // teams-js reads the list of valid Teams host origins from Microsoft's CDN.
  "connect-src 'self' https://res.cdn.office.net",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors 'self' ${TEAMS_FRAME_ANCESTORS.join(' ')}`,
].join('; ');

/** On every answer; the tab pages replace the CSP with TAB_PAGE_CSP. */
export const API_SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  // Network ids travel in the pages' URLs: they are not passed on to other sites.
  'Referrer-Policy': 'same-origin',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
} as const;

export interface SlowClientLimits {
  headersMs: number;
  requestMs: number;
  keepAliveMs: number;
  checkEveryMs: number;
}

export const SLOW_CLIENT_LIMITS: SlowClientLimits = {
  /** The request line and headers. */
  headersMs: 10_000,
  /** The whole request, body included. */
  requestMs: 30_000,
  /** An idle kept-alive connection. */
  keepAliveMs: 5_000,
  /** How often Node checks the two above (its default, 30 s, would let a stalled client wait a minute). */
  checkEveryMs: 1_000,
};

export function limitSlowClients(server: Server, limits: SlowClientLimits = SLOW_CLIENT_LIMITS): void {
  server.headersTimeout = limits.headersMs;
  server.requestTimeout = limits.requestMs;
  server.keepAliveTimeout = limits.keepAliveMs;
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = limits.checkEveryMs;
}
