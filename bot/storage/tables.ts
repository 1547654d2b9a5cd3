import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import { ManagedIdentityCredential } from '@azure/identity';

// The only place that knows how to reach Table Storage. Everything else receives these clients.

export interface Tables {
  /** One partition per network (PartitionKey = network id). */
  networks: TableClient;
  /** Bot conversation references, for proactive messages. */
  conversations: TableClient;
  /** Durable scheduled jobs (agenda posts, reflection prompts, reminders). */
  jobs: TableClient;
  /** The send budget per tenant that all instances share (bot/scheduler/budgetStore.ts); no personal data. */
  sendBudget: TableClient;
}

/** Keys in a connection string (Azurite, tests), or in Azure the endpoint and the managed identity. */
export interface TablesOptions {
  connectionString?: string;
  endpoint?: string;
  /** Client id of the user-assigned managed identity; unset = the system-assigned one. */
  managedIdentityClientId?: string;
  /** Prefix for table names, so tests and several deployments can share one account. */
  prefix?: string;
  /** Deadline for one request to storage (each try); a hung storage is then a clear 503, not a hung tab. */
  requestTimeoutMs?: number;
}

export const STORAGE_REQUEST_TIMEOUT_MS = 5_000;

type PipelinePolicy = NonNullable<TableServiceClientOptions['additionalPolicies']>[number]['policy'];

/** Gives every request to storage a deadline, unless the caller set one. */
function deadlinePolicy(timeoutMs: number): PipelinePolicy {
  return {
    name: 'netvaerkStorageDeadline',
    sendRequest(request, next) {
      if (!request.timeout) request.timeout = timeoutMs;
      return next(request);
    },
  };
}

/**
 * Requests sent to storage per table (every try counts: what went over the wire), since the process started.
 * Read by the benchmark (bench/support/instanceChild.ts) as storage requests per bot turn; nothing else uses it.
 */
export const storageRequests: Record<string, number> = {};

function countingPolicy(table: string): PipelinePolicy {
  return {
    name: 'netvaerkStorageRequestCount',
    sendRequest(request, next) {
      storageRequests[table] = (storageRequests[table] ?? 0) + 1;
      return next(request);
    },
  };
}

export function createTables({ connectionString, endpoint, managedIdentityClientId, prefix = '', requestTimeoutMs = STORAGE_REQUEST_TIMEOUT_MS }: TablesOptions): Tables {
  // Fail within seconds so a user gets a clear 503 instead of a hanging tab.
  const retryOptions = { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 2000 };
  const policies = (name: string) => [
    { policy: deadlinePolicy(requestTimeoutMs), position: 'perRetry' as const },
    { policy: countingPolicy(name), position: 'perRetry' as const },
  ];
  let client: (name: string) => TableClient;
  if (connectionString) {
    const insecure = /^DefaultEndpointsProtocol=http;|UseDevelopmentStorage=true|TableEndpoint=http:/i.test(connectionString);
    client = (name) => TableClient.fromConnectionString(connectionString, `${prefix}${name}`, { allowInsecureConnection: insecure, retryOptions, additionalPolicies: policies(name) });
  } else if (endpoint) {
    const credential = new ManagedIdentityCredential(managedIdentityClientId ? { clientId: managedIdentityClientId } : {});
    const url = endpoint.replace(/\/+$/, ''); // Azure's primaryEndpoints.table ends in a slash
    client = (name) => new TableClient(url, `${prefix}${name}`, credential, { retryOptions, additionalPolicies: policies(name) });
  } else {
    throw new Error('tables: a connection string or an endpoint is required');
  }
  return { networks: client('networks'), conversations: client('conversations'), jobs: client('jobs'), sendBudget: client('sendbudget') };
}

/** Creates the tables if missing; safe to call on every start. */
export async function ensureTables(tables: Tables): Promise<void> {
  await Promise.all(Object.values(tables).map((table: TableClient) => table.createTable()));
}

/** Table names: letters and digits only, 3-63 chars, starting with a letter. */
export function uniqueTablePrefix(label: string): string {
  return `t${label.replace(/[^a-z0-9]/gi, '').slice(0, 20)}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
