import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadConfig } from '../../bot/config/config';
import { createLogger } from '../../bot/config/logger';
import { startApp } from '../../bot/app';
import { SENDING_PACE } from '../../bot/scheduler/sendBudget';
import { storageRequests } from '../../bot/storage/tables';
import { serveRequests } from './child';
import { startProfile, stopProfile } from './profile';

// One service instance exactly as bot/index.ts composes it (startApp: storage → scheduler → restify),
// over the storage the harness names. Adds only a timer on the HTTP server: for each request that
// carries an `x-bench-label` header, the time from the request arriving to the response being
// handed to the socket (process.hrtime) — the server-side latency, without the client's share.

interface Timing {
  label: string;
  ms: number;
  status: number;
}

async function main() {
  // What-if only (bench --limiter-per-tenant N): the service's own per-tenant pace instead of its default.
  // SENDING_PACE is what the app's SendBudget is built with; nothing else in the service changes.
  if (process.env.BENCH_LIMITER_PER_TENANT) SENDING_PACE.perTenantPerSecond = Number(process.env.BENCH_LIMITER_PER_TENANT);
  const config = loadConfig(process.env);
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', false);
  const app = await startApp({ config, logger, connectionString: process.env.BENCH_CONNECTION_STRING! });
  const timings: Timing[] = [];
  app.server.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const label = req.headers['x-bench-label'];
    if (typeof label !== 'string') return;
    const start = process.hrtime.bigint();
    res.once('finish', () => timings.push({ label, ms: Number(process.hrtime.bigint() - start) / 1e6, status: res.statusCode }));
  });
  serveRequests({
    timings: () => timings.splice(0),
    // Storage requests so far: the NetworkStore's own count (queries and transactions) and the HTTP requests
    // every table client sent (bot/storage/tables.ts counts them per table), for requests per bot turn.
    roundTrips: () => ({ store: app.services.store.roundTrips, requests: { ...storageRequests } }),
    // A CPU profile of this process around a phase (bench/support/profile.ts), summarised; the raw one to `file`.
    profileStart: () => startProfile(),
    profileStop: (message) => stopProfile(typeof message.file === 'string' ? message.file : undefined),
    async stop() {
      await app.stop();
      setImmediate(() => process.exit(0));
      return true;
    },
  });
  process.send!({ type: 'ready', value: { url: app.url, pid: process.pid } });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
