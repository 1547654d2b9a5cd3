import path from 'node:path';
import fs from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

// Azurite, the real Table Storage emulator, started in-process. It is a devDependency used only
// when no storage connection string is configured; deep imports because `require('azurite')`
// wants VS Code. The version is pinned in package.json for that reason.

export interface RunningAzurite {
  port: number;
  connectionString: string;
  stop(): Promise<void>;
}

const ACCOUNT = 'devstoreaccount1';
// Azurite's well-known development key (public, documented by Microsoft; not a secret).
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function emulatorConnectionString(port: number, host = '127.0.0.1'): string {
  return `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${DEV_KEY};TableEndpoint=http://${host}:${port}/${ACCOUNT};`;
}

export async function startAzurite(options: { location?: string; port?: number; host?: string } = {}): Promise<RunningAzurite> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const TableServer = require('azurite/dist/src/table/TableServer').default;
  const TableConfiguration = require('azurite/dist/src/table/TableConfiguration').default;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const host = options.host ?? '127.0.0.1';
  const inMemory = !options.location;
  let dbPath = path.join(process.cwd(), '.data', 'azurite', '__azurite_db_table__.json');
  if (options.location) {
    fs.mkdirSync(options.location, { recursive: true });
    dbPath = path.join(options.location, '__azurite_db_table__.json');
  }
  const config = new TableConfiguration(
    host, options.port ?? 0, undefined, dbPath,
    false, false, undefined, undefined, false, true, '', '', '', undefined, false, inMemory,
  );
  const server = new TableServer(config);
  if (!inMemory) saveBeforeAnswering(server);
  await server.start();
  const address = server.getHttpServerAddress() as string;
  const port = Number(address.split(':').pop());
  return {
    port,
    connectionString: emulatorConnectionString(port, host),
    async stop() {
      await server.close();
    },
  };
}

interface AzuriteInternals {
  httpServer: Server;
  metadataStore: { db: { saveDatabase(done: (error?: unknown) => void): void } };
}

/**
 * Azurite keeps tables in memory and writes them to disk every 5 s, so a hard crash lost the writes
 * it had acknowledged in those seconds. Here a change is answered only once the file is saved
 * (lokijs writes a temporary file and renames it, and queues saves that overlap).
 */
function saveBeforeAnswering(server: unknown): void {
  const { httpServer, metadataStore } = server as AzuriteInternals;
  const handlers = httpServer.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  httpServer.removeAllListeners('request');
  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
      res.end = ((...args: unknown[]) => {
        metadataStore.db.saveDatabase(() => end(...args));
        return res;
      }) as ServerResponse['end'];
    }
    for (const handler of handlers) handler.call(httpServer, req, res);
  });
}
