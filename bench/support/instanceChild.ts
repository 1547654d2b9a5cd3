import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadConfig } from '../../bot/config/config';
import { createLogger } from '../../bot/config/logger';
import { startApp } from '../../bot/app';
import { SENDING_LIMITS } from '../../bot/scheduler/rateLimiter';
import { serveRequests } from './child';

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
  // SENDING_LIMITS is what the app's RateLimiter is built with; nothing else in the service changes.
  if (process.env.BENCH_LIMITER_PER_TENANT) SENDING_LIMITS.perTenant.count = Number(process.env.BENCH_LIMITER_PER_TENANT);
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
    roundTrips: () => app.services.store.roundTrips,
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
