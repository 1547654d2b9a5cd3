import type { TableClient, TableEntityResult, TransactionAction } from '@azure/data-tables';
import type { Network, NetworkAggregate } from '../domain/model';
import { assemble, fromEntity, kindOf, ROW_SECTIONS, rowKeyOf, sectionRange, toEntity, type RowChange, type RowKind, type Section } from './rows';
import { StoreError, toStoreError } from './errors';
import { indexChangesOf, indexRowsOfNetwork, PersonIndex, PERSON_INDEX_PREFIX, type IndexEntry, type IndexRow } from './personIndex';

/** One row to write. `update` and `delete` need the ETag the client last saw. */
export type { RowChange } from './rows';

export const MAX_BATCH = 100;

export function chunk<T>(items: readonly T[], size = MAX_BATCH): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

type Row = TableEntityResult<Record<string, unknown>>;

export interface CommitOptions {
  /** The network row as the writer read it: the person index then drops a role's former holder (bot/storage/personIndex.ts). */
  networkBefore?: Network;
}

const quoted = (value: string) => `'${value.replace(/'/g, "''")}'`;
const MEMBER_ROWS = { from: `${rowKeyOf('member')}|`, to: `${rowKeyOf('member')}}` };

/** A filter on RowKey for rows of these kinds: a range per kind (`<section>|<kind>|…`), an equality for a kind of one row. */
export function kindsFilter(kinds: readonly RowKind[]): string {
  const SINGLE: readonly RowKind[] = ['network', 'theme', 'phases', 'delivery', 'invitation'];
  return [...new Set(kinds)]
    .map((kind) => {
      const key = rowKeyOf(kind);
      return SINGLE.includes(kind) ? `RowKey eq ${quoted(key)}` : `(RowKey ge ${quoted(`${key}|`)} and RowKey lt ${quoted(`${key}}`)})`;
    })
    .join(' or ');
}

/**
 * Networks in Table Storage: one partition per network. A load is ONE query (the SDK pages past
 * 1,000 rows); a save is batch transactions of at most 100 rows, each all-or-nothing. Changes
 * beyond 100 rows commit chunk by chunk, so callers keep related rows in one chunk.
 */
export class NetworkStore {
  /** Storage queries and transactions issued (the person index's requests too), for benchmarks and tests. */
  roundTrips = 0;

  /** Person → networks (bot/storage/personIndex.ts), kept in step by every commit and delete here. */
  private readonly index: PersonIndex;

  constructor(private readonly table: TableClient) {
    this.index = new PersonIndex(table, () => this.roundTrips++);
  }

  /** The network (or one section of it) as one query; the member index rows are left out, as nothing reads them from a load. */
  async load(networkId: string, section?: Section): Promise<NetworkAggregate | undefined> {
    const rows = await this.query(networkId, section, true);
    return assemble(rows);
  }

  /**
   * Only rows of these kinds (the network row always), and whichever of `memberKeys` have a member index row here:
   * ONE query, for a reader that needs a few kinds of a network (the chat's "næste møde"). The aggregate's other
   * lists are empty: for reading, or for a change whose rules read only the kinds loaded (a reflection: its meeting
   * and participant).
   */
  async loadParts(networkId: string, kinds: readonly RowKind[], memberKeys: readonly string[] = []): Promise<{ aggregate?: NetworkAggregate; members: Set<string> }> {
    const members = memberKeys.map((key) => `RowKey eq ${quoted(rowKeyOf('member', [key]))}`);
    const filter = `PartitionKey eq ${quoted(networkId)} and (${[kindsFilter(['network', ...kinds]), ...members].join(' or ')})`;
    const rows = await this.rows(filter);
    const found = new Set(rows.filter((row) => kindOf(row) === 'member').map((row) => row.rowKey!.slice(MEMBER_ROWS.from.length)));
    return { aggregate: assemble(rows), members: found };
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

  /**
   * Writes changes in order; returns each row's new ETag (undefined for deletes). The person index follows
   * the member index rows and the network row's roles: rows it gains are written before, rows it loses after.
   */
  async commit(networkId: string, changes: readonly RowChange[], options: CommitOptions = {}): Promise<(string | undefined)[]> {
    const index = indexChangesOf(networkId, changes, options.networkBefore);
    await this.index.add(index.add);
    const etags = await this.commitRows(networkId, changes);
    await this.dropFromIndex(index.remove);
    return etags;
  }

  private async commitRows(networkId: string, changes: readonly RowChange[]): Promise<(string | undefined)[]> {
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

  /** The person index's rows under these member keys (one query per key), for a reader to check against the networks. */
  personNetworks(memberKeys: readonly string[]): Promise<IndexEntry[]> {
    return this.index.rowsOf(memberKeys);
  }

  /** Removes index rows a reader found to grant nothing (see personIndex.ts); a failure only leaves them for next time. */
  async dropFromIndex(rows: readonly IndexRow[]): Promise<void> {
    await this.index.remove(rows).catch(() => undefined);
  }

  /** Every index row under these member keys (a person erased): their keys name them. */
  async forgetInIndex(memberKeys: readonly string[]): Promise<number> {
    const rows = await this.index.rowsOf(memberKeys);
    await this.index.remove(rows);
    return rows.length;
  }

  /**
   * Writes the index rows of every network (one scan of the network rows and the member index rows), once:
   * a marker row says it was done. For data written before the index existed; afterwards commits keep it.
   */
  async buildPersonIndexOnce(): Promise<number> {
    const marker = { partitionKey: `${PERSON_INDEX_PREFIX}~`, rowKey: 'built-v1' };
    this.roundTrips++;
    try {
      await this.table.getEntity(marker.partitionKey, marker.rowKey);
      return 0;
    } catch (error) {
      const mapped = toStoreError(error);
      if (!(mapped instanceof StoreError && mapped.kind === 'notFound')) throw mapped;
    }
    const network = rowKeyOf('network');
    const rows = await this.rows(`RowKey eq ${quoted(network)} or (RowKey ge ${quoted(MEMBER_ROWS.from)} and RowKey lt ${quoted(MEMBER_ROWS.to)})`);
    const byNetwork = new Map<string, { network?: Network; keys: string[] }>();
    for (const row of rows) {
      const entry = byNetwork.get(row.partitionKey!) ?? { keys: [] };
      if (row.rowKey === network) entry.network = fromEntity<Network>(row);
      else entry.keys.push(row.rowKey!.slice(MEMBER_ROWS.from.length));
      byNetwork.set(row.partitionKey!, entry);
    }
    const wanted = [...byNetwork].filter(([, entry]) => entry.network).flatMap(([id, entry]) => indexRowsOfNetwork(id, entry.network, entry.keys));
    for (const part of chunk(wanted, 20)) await this.index.add(part);
    this.roundTrips++;
    await this.table.upsertEntity({ ...marker, rowKind: 'personIndexMarker', rows: wanted.length, builtAt: new Date().toISOString() }, 'Replace').catch((error) => {
      throw toStoreError(error);
    });
    return wanted.length;
  }

  async deleteNetwork(networkId: string): Promise<void> {
    const rows = await this.query(networkId);
    const networkRow = rows.find((row) => row.rowKey === rowKeyOf('network'));
    const memberKeys = rows.filter((row) => kindOf(row) === 'member').map((row) => row.rowKey!.slice(MEMBER_ROWS.from.length));
    const indexRows = indexRowsOfNetwork(networkId, networkRow && fromEntity<Network>(networkRow), memberKeys);
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
    // The network is gone: nobody's index may lead to it (a row this misses is dropped by the next reader).
    await this.dropFromIndex(indexRows);
  }

  /** A network's rows (or a section's); `withoutMembers` leaves out the member index rows. */
  private async query(networkId: string, section?: Section, withoutMembers = false): Promise<Row[]> {
    let filter = `PartitionKey eq ${quoted(networkId)}`;
    const { from, to } = section ? sectionRange(section) : { from: undefined, to: undefined };
    if (withoutMembers && (!section || section === ROW_SECTIONS.member)) {
      // Two ranges around the member rows (`plan|member|…`), within the section when there is one.
      const low = from ? `RowKey ge ${quoted(from)} and ` : '';
      const high = to ? ` and RowKey lt ${quoted(to)}` : '';
      filter += ` and ((${low}RowKey lt ${quoted(MEMBER_ROWS.from)}) or (RowKey ge ${quoted(MEMBER_ROWS.to)}${high}))`;
    } else if (from && to) {
      filter += ` and RowKey ge ${quoted(from)} and RowKey lt ${quoted(to)}`;
    }
    return this.rows(filter);
  }

  private async rows(filter: string): Promise<Row[]> {
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
