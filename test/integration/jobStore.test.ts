import { createTables, ensureTables, uniqueTablePrefix } from '../../bot/storage/tables';
import { DUE_PARTITION, JobStore } from '../../bot/scheduler/jobStore';
import type { NewJob } from '../../bot/scheduler/job';

// The jobs table over Azurite: many jobs created in transactions, and created once however often.

let jobs: JobStore;
const prefix = uniqueTablePrefix('jobs');
const tables = () => createTables({ connectionString: process.env.TEST_TABLES_CONNECTION_STRING!, prefix });

beforeAll(async () => {
  await ensureTables(tables());
  jobs = new JobStore(tables().jobs);
});

const now = new Date('2027-01-20T11:00:00Z');
const prompts = (from: number, to: number): NewJob[] =>
  Array.from({ length: to - from }, (_, i) => ({ kind: 'reflection.prompt', meetingId: 'm1', participantId: `p${from + i}`, dueAt: now }));

test('a fan-out of 250 prompts is created in three transactions, each job pending and due', async () => {
  expect(await jobs.addMany('net-many', prompts(0, 250), now)).toBe(250);
  const stored = await jobs.listForNetwork('net-many');
  expect(stored).toHaveLength(250);
  expect(stored.every((j) => j.state === 'pending' && j.dueAt === now.toISOString() && j.attempts === 0)).toBe(true);
});

test('run again after a crash, it creates only the jobs that are missing and leaves the others as they are', async () => {
  await jobs.addMany('net-again', prompts(0, 120), now);
  const first = (await jobs.get('net-again', 'reflection.prompt|m1|p5'))!;
  await jobs.finish(first, 'sent', now);

  expect(await jobs.addMany('net-again', prompts(0, 150), now)).toBe(30);
  expect(await jobs.listForNetwork('net-again')).toHaveLength(150);
  expect(await jobs.get('net-again', 'reflection.prompt|m1|p5')).toMatchObject({ state: 'done', outcome: 'sent' });
});

describe('the due jobs, found in the partition of live jobs', () => {
  const at = (iso: string) => new Date(iso);
  const hints = async () => {
    const rows = [];
    for await (const row of tables().jobs.listEntities({ queryOptions: { filter: `PartitionKey eq '${DUE_PARTITION}'` } })) rows.push(row.rowKey);
    return rows.filter((key) => String(key).startsWith('net-due|'));
  };

  test('pending jobs when due, running ones whose lease ended; finished jobs leave the partition', async () => {
    const soon = { kind: 'reflection.prompt' as const, meetingId: 'm1', participantId: 'soon', dueAt: at('2027-02-01T10:00:00Z') };
    const later = { kind: 'reflection.prompt' as const, meetingId: 'm1', participantId: 'later', dueAt: at('2027-02-01T12:00:00Z') };
    await jobs.addMany('net-due', [soon, later], now);
    expect(await hints()).toHaveLength(2);

    const dueAt10 = (await jobs.due(at('2027-02-01T10:00:00Z'))).filter((j) => j.networkId === 'net-due');
    expect(dueAt10.map((j) => j.participantId)).toEqual(['soon']);

    // Claimed with a 60 s lease: not due again until the lease ends (its owner died).
    const claimed = (await jobs.claim(dueAt10[0]!, 'A', at('2027-02-01T10:00:00Z'), 60_000))!;
    expect((await jobs.due(at('2027-02-01T10:00:30Z'))).filter((j) => j.networkId === 'net-due')).toEqual([]);
    expect((await jobs.due(at('2027-02-01T10:01:01Z'))).filter((j) => j.networkId === 'net-due').map((j) => j.owner)).toEqual(['A']);

    await jobs.finish(claimed, 'sent', at('2027-02-01T10:00:05Z'));
    expect(await hints()).toEqual([`net-due|reflection.prompt|m1|later`]);
    expect((await jobs.due(at('2027-02-01T12:00:00Z'))).filter((j) => j.networkId === 'net-due').map((j) => j.participantId)).toEqual(['later']);
  });

  test('a job rescheduled sooner is found at its new time; one removed leaves no hint', async () => {
    const job = { kind: 'agenda.post' as const, meetingId: 'm9', dueAt: at('2027-03-01T09:00:00Z') };
    await jobs.add('net-due2', job, now);
    await jobs.reschedule('net-due2', { ...job, dueAt: at('2027-02-15T09:00:00Z') }, now, { onDemand: true });
    expect((await jobs.due(at('2027-02-15T09:00:00Z'))).filter((j) => j.networkId === 'net-due2')).toHaveLength(1);
    await jobs.removeNetwork('net-due2');
    expect((await jobs.due(at('2027-04-01T00:00:00Z'))).filter((j) => j.networkId === 'net-due2')).toEqual([]);
  });
});
