import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { toStoreError } from '../storage/errors';
import { idOf, type Job, type JobOutcome, type NewJob } from './job';

// The durable job table. Claiming is an ETag-conditional update, so of two instances (or a restarted
// one racing its old self) exactly one runs a job; a crashed claim is taken over when its lease ends.
// Beside the jobs (PartitionKey = network id), one partition lists the jobs still to run or running, each
// with the time it needs attention (when due; when its lease ends): the due jobs are found there, a
// partition that shrinks as jobs finish, not by a scan of every job ever sent. Its rows are hints, kept
// in step here: a hint is written before the job it points to moves earlier, removed after it is done,
// and checked against the job itself when read.

type Row = Record<string, unknown> & { partitionKey?: string; rowKey?: string; etag?: string };

const JSON_FIELDS = ['reference'] as const;

function toRow(job: Partial<Job> & { networkId: string; id: string }): Row & { partitionKey: string; rowKey: string } {
  const { networkId, id, etag: _etag, reference, ...columns } = job;
  const row: Row & { partitionKey: string; rowKey: string } = { partitionKey: networkId, rowKey: id };
  for (const [name, value] of Object.entries(columns)) if (value !== undefined) row[name] = value;
  if (reference !== undefined) row.referenceJson = JSON.stringify(reference);
  return row;
}

function fromRow(row: Row): Job {
  const job: Record<string, unknown> = { networkId: row.partitionKey, id: row.rowKey, etag: row.etag };
  for (const [name, value] of Object.entries(row)) {
    if (['partitionKey', 'rowKey', 'etag', 'timestamp', 'odata.etag', 'odata.metadata'].includes(name)) continue;
    if (name.endsWith('Json') && JSON_FIELDS.includes(name.slice(0, -4) as (typeof JSON_FIELDS)[number])) {
      job[name.slice(0, -4)] = JSON.parse(String(value));
    } else job[name] = value;
  }
  return job as unknown as Job;
}

const is = (error: unknown, status: number) => (error as { statusCode?: number }).statusCode === status;

/** The most operations Table Storage takes in one transaction (all in one partition). */
const TRANSACTION_SIZE = 100;

/** The partition of hints to live jobs (a network id is never this: `~` is not in ids). */
export const DUE_PARTITION = '~due';

const hintKey = (networkId: string, id: string) => `${networkId}|${id}`;
const hintRow = (networkId: string, id: string, at: string) => ({ partitionKey: DUE_PARTITION, rowKey: hintKey(networkId, id), at });

/** When a job needs attention: pending when due, running when its lease ends, done never. */
function attentionAt(job: Pick<Job, 'state' | 'dueAt' | 'leaseUntil'>): string | undefined {
  if (job.state === 'pending') return job.dueAt;
  if (job.state === 'running') return job.leaseUntil || job.dueAt;
  return undefined;
}

const isDue = (job: Job, at: string) => {
  const attention = attentionAt(job);
  return attention !== undefined && attention <= at;
};

function newRow(networkId: string, job: NewJob, now: Date, fields: Partial<Job> = {}) {
  return toRow({
    networkId,
    id: idOf(job),
    kind: job.kind,
    meetingId: job.meetingId,
    participantId: job.participantId,
    dueAt: job.dueAt.toISOString(),
    state: 'pending',
    attempts: 0,
    updatedAt: now.toISOString(),
    ...fields,
  });
}

export class JobStore {
  constructor(private readonly table: TableClient) {}

  async get(networkId: string, id: string): Promise<Job | undefined> {
    try {
      return fromRow(await this.table.getEntity<Row>(networkId, id));
    } catch (error) {
      if (is(error, 404)) return undefined;
      throw toStoreError(error);
    }
  }

  async listForNetwork(networkId: string): Promise<Job[]> {
    return this.query(odata`PartitionKey eq ${networkId}`);
  }

  /**
   * Pending jobs that are due, and running ones whose lease ran out (their instance died): the hints
   * that say so, each checked against its job. A hint to a finished or deleted job is removed; one that
   * is early is set right.
   */
  async due(now: Date, limit = 200): Promise<Job[]> {
    const at = now.toISOString();
    const hints: Row[] = [];
    try {
      for await (const row of this.table.listEntities<Row>({ queryOptions: { filter: odata`PartitionKey eq ${DUE_PARTITION} and at le ${at}` } })) {
        hints.push(row);
        if (hints.length >= limit) break;
      }
    } catch (error) {
      throw toStoreError(error);
    }
    const found = await Promise.all(
      hints.map(async (hint) => {
        const [networkId, ...rest] = String(hint.rowKey).split('|');
        const job = await this.get(networkId!, rest.join('|'));
        if (job && isDue(job, at)) return job;
        if (!job || attentionAt(job) === undefined) await this.removeHint(networkId!, rest.join('|'));
        else if (attentionAt(job) !== hint.at) await this.hint(job.networkId, job.id, attentionAt(job)!);
        return undefined;
      }),
    );
    return found.filter((job): job is Job => !!job).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  /** Creates the job unless it exists; true when this call created it. */
  async add(networkId: string, job: NewJob, now: Date, fields: Partial<Job> = {}): Promise<boolean> {
    const row = newRow(networkId, job, now, fields);
    const at = attentionAt(row as unknown as Job);
    if (at) await this.hint(networkId, row.rowKey, at);
    try {
      await this.table.createEntity(row);
      return true;
    } catch (error) {
      if (!is(error, 409)) throw toStoreError(error);
    }
    await this.hintAsStored(networkId, row.rowKey); // it existed: its hint as it was
    return false;
  }

  /**
   * Creates the jobs that do not exist yet, 100 to a transaction (one request each, the most one partition
   * takes). When a transaction is refused because one of its jobs exists (a fan-out run again after a
   * crash), the partition's jobs are listed once and only the missing ones created. Resolves with how many
   * were created.
   */
  async addMany(networkId: string, newJobs: readonly NewJob[], now: Date): Promise<number> {
    let remaining = [...newJobs];
    let listed = false;
    let created = 0;
    while (remaining.length) {
      const chunk = remaining.slice(0, TRANSACTION_SIZE);
      try {
        await this.submit(chunk.map((job) => ['upsert', hintRow(networkId, idOf(job), job.dueAt.toISOString()), 'Replace']));
        await this.table.submitTransaction(chunk.map((job) => ['create', newRow(networkId, job, now)]));
        created += chunk.length;
        remaining = remaining.slice(chunk.length);
      } catch (error) {
        if (!is(error, 409)) throw toStoreError(error);
        if (listed) {
          // Created by someone else meanwhile: one at a time for this chunk.
          for (const job of chunk) if (await this.add(networkId, job, now)) created++;
          remaining = remaining.slice(chunk.length);
          continue;
        }
        const stored = await this.listForNetwork(networkId);
        const existing = new Set(stored.map((job) => job.id));
        remaining = remaining.filter((job) => !existing.has(idOf(job)));
        await this.rehint(networkId, stored); // the hints just written over existing jobs, as they were
        listed = true;
      }
    }
    return created;
  }

  /** Merges fields into a job if nobody changed it since `job.etag`; false when someone did. */
  async change(job: Job, fields: Partial<Job>, now: Date): Promise<Job | undefined> {
    const row = toRow({ networkId: job.networkId, id: job.id, ...fields, updatedAt: now.toISOString() });
    const before = attentionAt(job);
    const after = attentionAt({ ...job, ...fields });
    // The hint moves first when the job needs attention sooner, so no crash can hide it.
    if (after && after !== before) await this.hint(job.networkId, job.id, after);
    let changed: Job;
    try {
      const { etag } = await this.table.updateEntity(row, 'Merge', { etag: job.etag ?? '*' });
      changed = { ...job, ...fields, updatedAt: now.toISOString(), etag };
    } catch (error) {
      if (!is(error, 412) && !is(error, 404)) throw toStoreError(error);
      // Someone else changed it first: its hint as they left it.
      if (after && after !== before) await this.hintAsStored(job.networkId, job.id);
      return undefined;
    }
    if (!after && before) await this.removeHint(job.networkId, job.id);
    return changed;
  }

  /** Makes the job run (again) at `dueAt`, whatever state it is in. */
  async reschedule(networkId: string, job: NewJob, now: Date, extra: Partial<Job> = {}): Promise<void> {
    const existing = await this.get(networkId, idOf(job));
    if (!existing) {
      if (!(await this.add(networkId, job, now, extra))) await this.reschedule(networkId, job, now, extra);
      return;
    }
    const fields = { state: 'pending' as const, dueAt: job.dueAt.toISOString(), attempts: 0, detail: '', ...extra };
    if (!(await this.change(existing, fields, now))) await this.reschedule(networkId, job, now, extra);
  }

  claim(job: Job, owner: string, now: Date, leaseMs: number): Promise<Job | undefined> {
    return this.change(job, { state: 'running', owner, attempts: job.attempts + 1, leaseUntil: new Date(now.getTime() + leaseMs).toISOString() }, now);
  }

  finish(job: Job, outcome: JobOutcome, now: Date, fields: Partial<Job> = {}): Promise<Job | undefined> {
    return this.change(job, { ...fields, state: 'done', outcome, leaseUntil: '' }, now);
  }

  retryAt(job: Job, at: Date, detail: string, now: Date): Promise<Job | undefined> {
    return this.change(job, { state: 'pending', dueAt: at.toISOString(), detail, leaseUntil: '' }, now);
  }

  /** Deletes the jobs (data-protection erasure, a deleted network); already gone is fine. */
  async remove(jobs: readonly Pick<Job, 'networkId' | 'id'>[]): Promise<void> {
    for (const job of jobs) {
      try {
        await this.table.deleteEntity(job.networkId, job.id);
      } catch (error) {
        if (!is(error, 404)) throw toStoreError(error);
      }
      await this.removeHint(job.networkId, job.id);
    }
  }

  async removeNetwork(networkId: string): Promise<void> {
    await this.remove(await this.listForNetwork(networkId));
  }

  /** The hints to every live job of a network, set again from the jobs (a resync heals what a crash left). */
  async rehint(networkId: string, jobs: readonly Job[]): Promise<void> {
    const live = jobs.filter((job) => job.networkId === networkId && attentionAt(job));
    for (let i = 0; i < live.length; i += TRANSACTION_SIZE) {
      await this.submit(live.slice(i, i + TRANSACTION_SIZE).map((job) => ['upsert', hintRow(networkId, job.id, attentionAt(job)!), 'Replace']));
    }
  }

  private async hintAsStored(networkId: string, id: string): Promise<void> {
    const stored = await this.get(networkId, id);
    const at = stored && attentionAt(stored);
    if (at) await this.hint(networkId, id, at);
    else await this.removeHint(networkId, id);
  }

  private async hint(networkId: string, id: string, at: string): Promise<void> {
    try {
      await this.table.upsertEntity(hintRow(networkId, id, at), 'Replace');
    } catch (error) {
      throw toStoreError(error);
    }
  }

  private async removeHint(networkId: string, id: string): Promise<void> {
    try {
      await this.table.deleteEntity(DUE_PARTITION, hintKey(networkId, id));
    } catch (error) {
      if (!is(error, 404)) throw toStoreError(error);
    }
  }

  private async submit(actions: TransactionAction[]): Promise<void> {
    if (actions.length === 0) return;
    try {
      await this.table.submitTransaction(actions);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  private async query(filter: string, limit = Infinity): Promise<Job[]> {
    const jobs: Job[] = [];
    try {
      for await (const row of this.table.listEntities<Row>({ queryOptions: { filter } })) {
        jobs.push(fromRow(row));
        if (jobs.length >= limit) break;
      }
    } catch (error) {
      throw toStoreError(error);
    }
    return jobs;
  }
}
