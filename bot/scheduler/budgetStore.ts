import type { TableClient } from '@azure/data-tables';
import { toStoreError } from '../storage/errors';

// The shared send budget's rows: one per tenant, holding the time of the next free send slot (the
// "cursor"). Every instance moves it forward with an ETag-conditional write, so two never take the same slot.

export interface BudgetCursor {
  cursorMs: number;
  /** undefined: no row yet (the first write creates it). */
  etag?: string;
}

const PARTITION = 'tenant';
const status = (error: unknown) => (error as { statusCode?: number }).statusCode;

export class BudgetStore {
  constructor(private readonly table: TableClient) {}

  async read(tenantId: string): Promise<BudgetCursor> {
    try {
      const row = await this.table.getEntity<{ cursorMs: number }>(PARTITION, tenantId);
      return { cursorMs: Number(row.cursorMs), etag: row.etag };
    } catch (error) {
      if (status(error) === 404) return { cursorMs: 0 };
      throw toStoreError(error);
    }
  }

  /** Moves the cursor if nobody else did since `seen`; the new ETag, or undefined when someone did. */
  async move(tenantId: string, seen: BudgetCursor, cursorMs: number): Promise<string | undefined> {
    const row = { partitionKey: PARTITION, rowKey: tenantId, cursorMs };
    try {
      if (seen.etag) return (await this.table.updateEntity(row, 'Replace', { etag: seen.etag })).etag;
      return (await this.table.createEntity(row)).etag;
    } catch (error) {
      // Moved (412), created meanwhile (409) or removed (404 on update): read it again.
      if (status(error) === 412 || status(error) === 409 || (seen.etag && status(error) === 404)) return undefined;
      throw toStoreError(error);
    }
  }
}
