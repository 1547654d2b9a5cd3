import path from 'node:path';
import type { Config } from '../config/config';
import type { Logger } from '../config/logger';
import type { RunningAzurite } from '../storage/azurite';
import type { RunningPlayground } from './playground';

/** What stands in for the cloud on a developer's machine: Azurite for tables, the Agents Playground for Teams. */
export interface LocalCloud {
  connectionString?: string;
  startPlayground(appUrl: string): Promise<RunningPlayground | undefined>;
  stop(): Promise<void>;
}

const AZURITE_PORT = 10002;

export async function startLocalCloud(config: Config, logger: Logger): Promise<LocalCloud> {
  let azurite: RunningAzurite | undefined;
  if (!config.storage.connectionString && !config.storage.tableEndpoint) {
    // Imported lazily: the emulator is a devDependency and absent in production.
    const { startAzurite } = await import('../storage/azurite');
    const location = path.join(config.storage.dataDir, 'azurite');
    azurite = await startAzurite({ location, port: AZURITE_PORT }).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') throw error;
      logger.warn(`Port ${AZURITE_PORT} is taken; the table emulator uses a free port instead`);
      return startAzurite({ location, port: 0 });
    });
    logger.info({ port: azurite.port, location }, 'Azurite table emulator started');
  }
  return {
    connectionString: azurite?.connectionString,
    async startPlayground(appUrl) {
      if (!config.playground.start) return undefined;
      const { startPlayground } = await import('./playground');
      const botUrl = `${appUrl.replace('localhost', '127.0.0.1')}/api/messages`;
      return startPlayground({ port: config.playground.port, botUrl, workDir: path.join(config.storage.dataDir, 'playground'), logger });
    },
    async stop() {
      await azurite?.stop();
    },
  };
}
