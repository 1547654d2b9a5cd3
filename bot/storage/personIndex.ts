import type { TableClient } from '@azure/data-tables';
import { memberKeys } from '../domain/access';
import type { Network, PersonRef } from '../domain/model';
import type { RowChange } from './rows';
import { toStoreError } from './errors';

// The person → networks index: which networks a person has a part in, so "my networks" (the chat commands)
// reads one partition instead of scanning every network. One row per person key (memberKeys: `u:<Entra id>`,
// `e:<e-mail>`), network and reason — the reason in the key, so each reason comes and goes on its own:
//   PartitionKey `person|<member key>`, RowKey `<network id>|<reason>`, reason participant | leader | coDriver | referenceLeader.
// It lives in the networks table beside the network partitions (no network id contains `|`).
//
// A network's rows are written in one transaction per partition; the index is in other partitions, so it
// cannot be in that transaction. It is a hint, written so that it errs on the side of too much: rows are
// added BEFORE the network's commit and removed AFTER it. A crash in between leaves a row too many, never one
// too few. Readers load the network anyway and check the person's part in it there; a row that grants
// nothing is removed then (after a grace, so a commit still under way is not undone).

export type IndexReason = 'participant' | 'leader' | 'coDriver' | 'referenceLeader';

export interface IndexRow {
  /** A member key (bot/domain/access.ts memberKeys). */
  key: string;
  networkId: string;
  reason: IndexReason;
}

export interface IndexEntry extends IndexRow {
  /** When storage last wrote the row. */
  writtenAt?: string;
}

export const PERSON_INDEX_PREFIX = 'person|';
export const indexPartition = (key: string) => `${PERSON_INDEX_PREFIX}${key}`;
export const indexRowKey = (networkId: string, reason: IndexReason) => `${networkId}|${reason}`;

const ROLE_REASONS = ['leader', 'coDriver', 'referenceLeader'] as const;
/** How old a row that grants nothing must be before a reader removes it: longer than any commit takes. */
export const STALE_GRACE_MS = 2 * 60 * 1000;

const same = (a: IndexRow) => (b: IndexRow) => a.key === b.key && a.networkId === b.networkId && a.reason === b.reason;
const uniqueRows = (rows: IndexRow[]) => rows.filter((row, i) => rows.findIndex(same(row)) === i);
const without = (rows: IndexRow[], gone: IndexRow[]) => rows.filter((row) => !gone.some(same(row)));

/** The rows the network row itself calls for: its leader, co-driver and reference leader, under each of their keys. */
export function roleRows(networkId: string, network: Partial<Pick<Network, 'leader' | 'coDriver' | 'referenceLeader'>> | undefined): IndexRow[] {
  if (!network) return [];
  return uniqueRows(
    ROLE_REASONS.flatMap((reason) => memberKeys((network[reason] as PersonRef | undefined) ?? {}).map((key) => ({ key, networkId, reason }))),
  );
}

/**
 * What a commit of `changes` to a network means for the index, from the rows alone: each member index row
 * (the participant's, in the network's partition) is a `participant` row here; a written network row adds its
 * role holders. With `networkBefore` (the network row as the writer read it) a holder who is no longer one is
 * removed and an unchanged one is not written again; without it, holders are only added (idempotent).
 */
export function indexChangesOf(networkId: string, changes: readonly RowChange[], networkBefore?: Network): { add: IndexRow[]; remove: IndexRow[] } {
  let add: IndexRow[] = [];
  let remove: IndexRow[] = [];
  for (const change of changes) {
    if (change.kind === 'member') {
      const key = change.ids?.[0];
      if (!key) continue;
      const row: IndexRow = { key, networkId, reason: 'participant' };
      if (change.op === 'delete') remove.push(row);
      else add.push(row);
    } else if (change.kind === 'network') {
      // A created row had nothing before it, whatever the writer passes.
      const before = change.op === 'create' ? [] : roleRows(networkId, networkBefore);
      const after = change.op === 'delete' ? [] : roleRows(networkId, change.value as Network);
      add.push(...(networkBefore && change.op !== 'create' ? without(after, before) : after));
      if (networkBefore) remove.push(...without(before, after));
    }
  }
  add = uniqueRows(add);
  // Removed and added in one commit: it stays.
  remove = without(uniqueRows(remove), add);
  return { add, remove };
}

/** Every row a network calls for, from its network row and its member index rows' keys. */
export function indexRowsOfNetwork(networkId: string, network: Network | undefined, memberRowKeys: readonly string[]): IndexRow[] {
  return uniqueRows([...roleRows(networkId, network), ...memberRowKeys.map((key): IndexRow => ({ key, networkId, reason: 'participant' }))]);
}

/** Storage of the index rows (in the networks table). Each call counts its requests in `trips`. */
export class PersonIndex {
  constructor(
    private readonly table: TableClient,
    private readonly trips: () => void,
  ) {}

  /** Writes rows (one request each, in parallel: each is in its own partition). */
  async add(rows: readonly IndexRow[]): Promise<void> {
    await Promise.all(
      rows.map(async ({ key, networkId, reason }) => {
        this.trips();
        try {
          await this.table.upsertEntity({ partitionKey: indexPartition(key), rowKey: indexRowKey(networkId, reason), rowKind: 'personIndex', networkId, reason }, 'Replace');
        } catch (error) {
          throw toStoreError(error);
        }
      }),
    );
  }

  /** Removes rows; one already gone is fine. */
  async remove(rows: readonly IndexRow[]): Promise<void> {
    await Promise.all(
      rows.map(async ({ key, networkId, reason }) => {
        this.trips();
        try {
          await this.table.deleteEntity(indexPartition(key), indexRowKey(networkId, reason));
        } catch (error) {
          if ((error as { statusCode?: number }).statusCode !== 404) throw toStoreError(error);
        }
      }),
    );
  }

  /** The rows under these keys: one query per key (a partition each). */
  async rowsOf(keys: readonly string[]): Promise<IndexEntry[]> {
    const lists = await Promise.all(
      [...new Set(keys)].map(async (key) => {
        this.trips();
        const rows: IndexEntry[] = [];
        try {
          const filter = `PartitionKey eq '${indexPartition(key).replace(/'/g, "''")}'`;
          for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
            if (typeof row.networkId !== 'string' || !isReason(row.reason)) continue;
            rows.push({ key, networkId: row.networkId, reason: row.reason, writtenAt: typeof row.timestamp === 'string' ? row.timestamp : undefined });
          }
        } catch (error) {
          throw toStoreError(error);
        }
        return rows;
      }),
    );
    return lists.flat();
  }
}

const isReason = (value: unknown): value is IndexReason => value === 'participant' || ROLE_REASONS.includes(value as (typeof ROLE_REASONS)[number]);

/** Rows a reader found that grant nothing any more and are old enough to be no commit under way. */
export function staleRows(entries: readonly IndexEntry[], grants: (entry: IndexEntry) => boolean, nowMs: number): IndexEntry[] {
  return entries.filter((entry) => !grants(entry) && (!entry.writtenAt || nowMs - Date.parse(entry.writtenAt) > STALE_GRACE_MS));
}
