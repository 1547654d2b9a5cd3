import { TableClient } from '@azure/data-tables';

// The only place that knows how to reach Table Storage. Everything else receives these clients.

export interface Tables {
  /** One partition per network (PartitionKey = network id). */
  networks: TableClient;
  /** Bot conversation references, for proactive messages. */
  conversations: TableClient;
  /** Durable scheduled jobs (agenda posts, reflection prompts, reminders). */
  jobs: TableClient;
}

export interface TablesOptions {
  connectionString: string;
  /** Prefix for table names, so tests and several deployments can share one account. */
  prefix?: string;
}

export function createTables({ connectionString, prefix = '' }: TablesOptions): Tables {
  const insecure = /^DefaultEndpointsProtocol=http;|UseDevelopmentStorage=true|TableEndpoint=http:/i.test(connectionString);
  const client = (name: string) =>
    TableClient.fromConnectionString(connectionString, `${prefix}${name}`, {
      allowInsecureConnection: insecure,
      // Fail within seconds so a user gets a clear 503 instead of a hanging tab.
      retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 2000 },
    });
  return { networks: client('networks'), conversations: client('conversations'), jobs: client('jobs') };
}

/** Creates the tables if missing; safe to call on every start. */
export async function ensureTables(tables: Tables): Promise<void> {
  await Promise.all(Object.values(tables).map((table: TableClient) => table.createTable()));
}

/** Table names: letters and digits only, 3-63 chars, starting with a letter. */
export function uniqueTablePrefix(label: string): string {
  return `t${label.replace(/[^a-z0-9]/gi, '').slice(0, 20)}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
