import type { TableClient, TableEntityResult, TransactionAction } from '@azure/data-tables';
import type { Network, NetworkAggregate } from '../domain/model';
import { assemble, fromEntity, rowKeyOf, sectionRange, toEntity, type RowKind, type Section } from './rows';
import { StoreError, toStoreError } from './errors';

/** One row to write. `update` and `delete` need the ETag the client last saw. */
export interface RowChange {
  op: 'create' | 'update' | 'upsert' | 'delete';
  kind: RowKind;
  ids?: string[];
  value?: object;
  etag?: string;
}

export const MAX_BATCH = 100;

export function chunk<T>(items: readonly T[], size = MAX_BATCH): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

type Row = TableEntityResult<Record<string, unknown>>;

/**
 * Networks in Table Storage: one partition per network. A load is ONE query (the SDK pages past
 * 1,000 rows); a save is batch transactions of at most 100 rows, each all-or-nothing. Changes
 * beyond 100 rows commit chunk by chunk, so callers keep related rows in one chunk.
 */
export class NetworkStore {
  /** Storage queries and transactions issued, for benchmarks and tests. */
  roundTrips = 0;

  constructor(private readonly table: TableClient) {}

  async load(networkId: string, section?: Section): Promise<NetworkAggregate | undefined> {
    const rows = await this.query(networkId, section);
    return assemble(rows);
  }

  async exists(networkId: string): Promise<boolean> {
    this.roundTrips++;
    try {
      await this.table.getEntity(networkId, rowKeyOf('network'), { queryOptions: { select: ['RowKey'] } });
      return true;
    } catch (error) {
      const mapped = toStoreError(error);
      if (mapped instanceof StoreError && mapped.kind === 'notFound') return false;
      throw mapped;
    }
  }

  /** Writes changes in order; returns each row's new ETag (undefined for deletes). */
  async commit(networkId: string, changes: readonly RowChange[]): Promise<(string | undefined)[]> {
    const etags: (string | undefined)[] = [];
    for (const part of chunk(changes)) {
      if (part.length === 1) {
        etags.push(await this.single(networkId, part[0]!));
        continue;
      }
      const actions = part.map((change) => this.action(networkId, change));
      this.roundTrips++;
      try {
        const response = await this.table.submitTransaction(actions);
        part.forEach((change, i) => {
          etags.push(change.op === 'delete' ? undefined : response.subResponses[i]?.etag);
        });
      } catch (error) {
        throw toStoreError(error);
      }
    }
    return etags;
  }

  /**
   * Every network's own row, and which of them list one of `memberKeys` as a participant: one scan,
   * fine for a municipality's few hundred networks.
   */
  async listNetworks(memberKeys: string[] = []): Promise<{ networks: Network[]; memberOf: Set<string> }> {
    const networks: Network[] = [];
    const memberOf = new Set<string>();
    const wanted = [rowKeyOf('network'), ...memberKeys.map((key) => rowKeyOf('member', [key]))];
    const filter = wanted.map((rowKey) => `RowKey eq '${rowKey.replace(/'/g, "''")}'`).join(' or ');
    this.roundTrips++;
    try {
      for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        if (row.rowKey === rowKeyOf('network')) networks.push(fromEntity<Network>(row as Row));
        else memberOf.add(row.partitionKey!);
      }
    } catch (error) {
      throw toStoreError(error);
    }
    return { networks, memberOf };
  }

  async deleteNetwork(networkId: string): Promise<void> {
    const rows = await this.query(networkId);
    const deletes = rows.map((row): TransactionAction => ['delete', { partitionKey: networkId, rowKey: row.rowKey! }]);
    // The network row goes last, so a crash half-way leaves a network that can be deleted again.
    deletes.sort((a, b) => Number(a[1].rowKey === rowKeyOf('network')) - Number(b[1].rowKey === rowKeyOf('network')));
    for (const part of chunk(deletes)) {
      this.roundTrips++;
      try {
        await this.table.submitTransaction(part);
      } catch (error) {
        throw toStoreError(error);
      }
    }
  }

  private async query(networkId: string, section?: Section): Promise<Row[]> {
    const escaped = networkId.replace(/'/g, "''");
    let filter = `PartitionKey eq '${escaped}'`;
    if (section) {
      const { from, to } = sectionRange(section);
      filter += ` and RowKey ge '${from}' and RowKey lt '${to}'`;
    }
    this.roundTrips++;
    const rows: Row[] = [];
    try {
      for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        rows.push(row as Row);
      }
    } catch (error) {
      throw toStoreError(error);
    }
    return rows;
  }

  /** One row alone: the only way a delete can be conditional on its ETag. */
  private async single(networkId: string, change: RowChange): Promise<string | undefined> {
    const rowKey = rowKeyOf(change.kind, change.ids ?? []);
    this.roundTrips++;
    try {
      if (change.op === 'delete') {
        await this.table.deleteEntity(networkId, rowKey, { etag: change.etag ?? '*' });
        return undefined;
      }
      const entity = toEntity(networkId, change.kind, change.ids ?? [], change.value ?? {});
      if (change.op === 'create') return (await this.table.createEntity(entity)).etag;
      if (change.op === 'upsert') return (await this.table.upsertEntity(entity, 'Replace')).etag;
      if (!change.etag) throw new Error(`update of ${rowKey} needs an ETag`);
      return (await this.table.updateEntity(entity, 'Replace', { etag: change.etag })).etag;
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /** Deletes inside a transaction are unconditional (the SDK sends If-Match: *). */
  private action(networkId: string, change: RowChange): TransactionAction {
    const ids = change.ids ?? [];
    if (change.op === 'delete') {
      return ['delete', { partitionKey: networkId, rowKey: rowKeyOf(change.kind, ids) }];
    }
    const entity = toEntity(networkId, change.kind, ids, change.value ?? {});
    if (change.op === 'create') return ['create', entity];
    if (change.op === 'upsert') return ['upsert', entity, 'Replace'];
    if (!change.etag) throw new Error(`update of ${entity.rowKey} needs an ETag`);
    return ['update', entity, 'Replace', { etag: change.etag }];
  }
}
