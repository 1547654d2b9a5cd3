import { odata, type TableClient } from '@azure/data-tables';
import { toStoreError } from '../storage/errors';
import { idOf, type Job, type JobOutcome, type NewJob } from './job';

// The durable job table. Claiming is an ETag-conditional update, so of two instances (or a restarted
// one racing its old self) exactly one runs a job; a crashed claim is taken over when its lease ends.

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

  /** Pending jobs that are due, and running ones whose lease ran out (their instance died). */
  async due(now: Date, limit = 200): Promise<Job[]> {
    const at = now.toISOString();
    const jobs = await this.query(odata`(state eq 'pending' and dueAt le ${at}) or (state eq 'running' and leaseUntil le ${at})`, limit);
    return jobs.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  /** Creates the job unless it exists; true when this call created it. */
  async add(networkId: string, job: NewJob, now: Date, fields: Partial<Job> = {}): Promise<boolean> {
    const row = toRow({
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
    try {
      await this.table.createEntity(row);
      return true;
    } catch (error) {
      if (is(error, 409)) return false;
      throw toStoreError(error);
    }
  }

  /** Merges fields into a job if nobody changed it since `job.etag`; false when someone did. */
  async change(job: Job, fields: Partial<Job>, now: Date): Promise<Job | undefined> {
    const row = toRow({ networkId: job.networkId, id: job.id, ...fields, updatedAt: now.toISOString() });
    try {
      const { etag } = await this.table.updateEntity(row, 'Merge', { etag: job.etag ?? '*' });
      return { ...job, ...fields, updatedAt: now.toISOString(), etag };
    } catch (error) {
      if (is(error, 412) || is(error, 404)) return undefined;
      throw toStoreError(error);
    }
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
    }
  }

  async removeNetwork(networkId: string): Promise<void> {
    await this.remove(await this.listForNetwork(networkId));
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
