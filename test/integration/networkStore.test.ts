import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { createTables, ensureTables, uniqueTablePrefix } from '../../bot/storage/tables';
import { NetworkStore, chunk, type RowChange } from '../../bot/storage/networkStore';
import { StoreError } from '../../bot/storage/errors';
import { startAzurite } from '../../bot/storage/azurite';
import { aMeeting, aNetwork, aParticipant } from '../support/fixtures';

const connectionString = process.env.TEST_TABLES_CONNECTION_STRING!;

async function newStore(cs = connectionString): Promise<NetworkStore> {
  const tables = createTables({ connectionString: cs, prefix: uniqueTablePrefix('store') });
  await ensureTables(tables);
  return new NetworkStore(tables.networks);
}

async function createNetwork(store: NetworkStore) {
  const network = aNetwork();
  const [etag] = await store.commit(network.id, [{ op: 'create', kind: 'network', value: network }]);
  return { ...network, etag };
}

describe('NetworkStore against Azurite', () => {
  let store: NetworkStore;
  beforeAll(async () => {
    store = await newStore();
  });

  test('chunks changes into transactions of at most 100 operations', () => {
    const sizes = chunk(Array.from({ length: 201 }, (_, i) => i)).map((c) => c.length);
    expect(sizes).toEqual([100, 100, 1]);
    expect(chunk([])).toEqual([]);
  });

  test('saves 250 participants in three transactions and loads the whole network in one query', async () => {
    const network = await createNetwork(store);
    const participants = Array.from({ length: 250 }, (_, i) => aParticipant({ name: `Deltager ${i}` }));
    const before = store.roundTrips;
    const etags = await store.commit(
      network.id,
      participants.map((p): RowChange => ({ op: 'create', kind: 'participant', ids: [p.id], value: p })),
    );
    expect(store.roundTrips - before).toBe(3);
    expect(etags.filter(Boolean)).toHaveLength(250);

    const loadStart = store.roundTrips;
    const loaded = await store.load(network.id);
    expect(store.roundTrips - loadStart).toBe(1);
    expect(loaded?.network.name).toBe(network.name);
    expect(loaded?.participants).toHaveLength(250);
    expect(loaded?.participants.find((p) => p.name === 'Deltager 7')?.competenceAreas).toEqual(['professionalExpertise']);
  });

  test('a stale ETag is refused as a conflict and the newer data stays', async () => {
    const network = await createNetwork(store);
    const first = { ...network, name: 'Første leders navn' };
    const second = { ...network, name: 'Anden leders navn' };
    const [newEtag] = await store.commit(network.id, [{ op: 'update', kind: 'network', value: first, etag: network.etag }]);
    expect(newEtag).not.toBe(network.etag);

    await expect(
      store.commit(network.id, [{ op: 'update', kind: 'network', value: second, etag: network.etag }]),
    ).rejects.toMatchObject({ kind: 'conflict' });
    expect((await store.load(network.id))?.network.name).toBe('Første leders navn');
  });

  test('a transaction with one stale row writes nothing at all', async () => {
    const network = await createNetwork(store);
    const meeting = aMeeting();
    const participant = aParticipant();
    await store.commit(network.id, [{ op: 'update', kind: 'network', value: { ...network, name: 'Ny' }, etag: network.etag }]);

    const attempt = store.commit(network.id, [
      { op: 'create', kind: 'meeting', ids: [meeting.id], value: meeting },
      { op: 'create', kind: 'participant', ids: [participant.id], value: participant },
      { op: 'update', kind: 'network', value: { ...network, name: 'Forældet' }, etag: network.etag },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(StoreError);
    const loaded = await store.load(network.id);
    expect(loaded?.meetings).toHaveLength(0);
    expect(loaded?.participants).toHaveLength(0);
    expect(loaded?.network.name).toBe('Ny');
  });

  test('creating what exists is refused, and a stale delete removes nothing', async () => {
    const network = await createNetwork(store);
    await expect(store.commit(network.id, [{ op: 'create', kind: 'network', value: network }])).rejects.toMatchObject({
      kind: 'exists',
    });
    const meeting = aMeeting();
    const [etag] = await store.commit(network.id, [{ op: 'create', kind: 'meeting', ids: [meeting.id], value: meeting }]);
    await store.commit(network.id, [{ op: 'update', kind: 'meeting', ids: [meeting.id], value: { ...meeting, title: 'Ændret' }, etag }]);
    await expect(
      store.commit(network.id, [{ op: 'delete', kind: 'meeting', ids: [meeting.id], etag }]),
    ).rejects.toMatchObject({ kind: 'conflict' });
    expect((await store.load(network.id))?.meetings[0]?.title).toBe('Ændret');
  });

  test('loading only the plan leaves out reflections and ideas', async () => {
    const network = await createNetwork(store);
    const meeting = aMeeting();
    const participant = aParticipant();
    await store.commit(network.id, [
      { op: 'create', kind: 'meeting', ids: [meeting.id], value: meeting },
      { op: 'create', kind: 'participant', ids: [participant.id], value: participant },
      {
        op: 'create',
        kind: 'reflection',
        ids: [meeting.id, participant.id],
        value: { meetingId: meeting.id, participantId: participant.id, answers: [{ question: 'Q', answer: 'Privat' }], shared: false, submittedAt: '2027-01-20T12:00:00Z' },
      },
    ]);
    const plan = await store.load(network.id, 'plan');
    expect(plan?.meetings).toHaveLength(1);
    expect(plan?.participants).toHaveLength(1);
    expect(plan?.reflections).toHaveLength(0);
    expect((await store.load(network.id))?.reflections[0]?.answers[0]?.answer).toBe('Privat');
  });

  test('lists networks and deletes one with all its rows', async () => {
    const own = await newStore();
    const a = await createNetwork(own);
    const b = await createNetwork(own);
    const rows = Array.from({ length: 120 }, () => aParticipant());
    await own.commit(a.id, rows.map((p): RowChange => ({ op: 'create', kind: 'participant', ids: [p.id], value: p })));
    expect((await own.listNetworks()).networks.map((n) => n.id).sort()).toEqual([a.id, b.id].sort());
    await own.commit(b.id, [{ op: 'upsert', kind: 'member', ids: ['u:someone'], value: { participantId: 'p1' } }]);
    const listed = await own.listNetworks(['u:someone', 'e:nobody%40x']);
    expect([...listed.memberOf]).toEqual([b.id]);
    expect((await own.load(b.id))?.participants).toEqual([]);
    await own.deleteNetwork(a.id);
    expect(await own.load(a.id)).toBeUndefined();
    expect(await own.exists(a.id)).toBe(false);
    expect(await own.exists(b.id)).toBe(true);
  });

  test('a store nobody answers on reports unavailable, not a crash', async () => {
    const dead = createTables({ connectionString: connectionString.replace(/:\d+\//, ':1/'), prefix: 'dead' });
    const deadStore = new NetworkStore(dead.networks);
    await expect(deadStore.load('x')).rejects.toMatchObject({ kind: 'unavailable' });
  });
});

describe('persistence on disk', () => {
  test('data survives an emulator restart', async () => {
    const location = fs.mkdtempSync(path.join(os.tmpdir(), 'netvaerk-azurite-'));
    const first = await startAzurite({ location });
    const prefix = uniqueTablePrefix('disk');
    const tables = createTables({ connectionString: first.connectionString, prefix });
    await ensureTables(tables);
    const network = aNetwork({ name: 'Overlever genstart' });
    await new NetworkStore(tables.networks).commit(network.id, [{ op: 'create', kind: 'network', value: network }]);
    await first.stop();

    const second = await startAzurite({ location });
    try {
      const again = createTables({ connectionString: second.connectionString, prefix });
      const loaded = await new NetworkStore(again.networks).load(network.id);
      expect(loaded?.network.name).toBe('Overlever genstart');
    } finally {
      await second.stop();
      fs.rmSync(location, { recursive: true, force: true });
    }
  });
});
