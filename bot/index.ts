import fs from 'node:fs';
import { loadConfig } from './config/config';
import { createLogger } from './config/logger';
import { startApp } from './app';
import { startLocalCloud } from './local/localCloud';

// Composes the service: config → (local emulators) → app. Everything else lives in its own folder.
async function main(): Promise<void> {
  // Settings a developer keeps locally; real environment variables win.
  if (fs.existsSync('.env.local')) process.loadEnvFile('.env.local');
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // Registered before anything starts, so Ctrl-C during start-up also stops what already runs.
  const stops: (() => Promise<void>)[] = [];
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Stopping');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    for (const stop of stops.reverse()) await stop().catch((err) => logger.error({ err }, 'did not stop cleanly'));
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const local = await startLocalCloud(config, logger);
  stops.push(() => local.stop());
  const connectionString = config.storage.connectionString ?? local.connectionString;
  const app = await startApp({ config, logger, connectionString });
  stops.push(() => app.stop());
  const playground = await local.startPlayground(app.url);
  if (playground) stops.push(() => playground.stop());
  if (stopping) return;

  logger.info({ url: app.url, mode: config.auth.mode, storage: local.connectionString ? 'azurite' : 'configured' }, 'Netværk is running');
  if (playground || local.connectionString) {
    process.stdout.write(
      [
        '',
        '  Netværk kører lokalt / runs locally',
        `  Chat med botten / chat with the bot:   ${playground?.url ?? '(playground off)'}`,
        `  Fanerne / the tabs:                    ${app.url}/tabs/index.html`,
        `  API:                                   ${app.url}/api/me   (header X-Dev-User: lene)`,
        `  Sundhed / health:                      ${app.url}/healthz`,
        `  Data:                                  ${config.storage.dataDir}`,
        '  Stop: Ctrl-C',
        '',
      ].join('\n') + '\n',
    );
  }
}

main().catch((error) => {
  // eslint-disable-next-line no-console
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
