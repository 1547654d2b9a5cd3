import { addParticipants, changeParticipants, type BatchOutcome } from '../../../bot/participants/batch';
import { rowMessage } from '../../../bot/participants/api';
import type { Participant } from '../../../bot/domain/model';
import { MAX_ITEMS } from '../../../bot/domain/limits';
import { MAX_BATCH } from '../../../bot/storage/networkStore';
import type { Actor } from '../../../bot/changes/operation';
import { aNetworkAggregate, as, JENS, LENE, reasonOf } from './context';

// Participants in bulk, as pure operations: several added (or given a kind or role) at once with exactly the rules of
// one — the row's schema, the server's addedAt, the member index rows, the network's roles — all or none, and a
// refusal that names every row that cannot be.

const OMAR: Actor = { userId: 'u-omar', name: 'Omar Said' };
const row = (name: string, email?: string, extra: Record<string, unknown> = {}) => ({ name, kind: 'core', role: 'employee', ...(email ? { email } : {}), ...extra });

const SEVEN = [
  row('Lis Hansen', 'lis.hansen@kommune.example', { unit: 'BUF', userId: 'u-lis' }),
  row('Ole Berg', 'ole.berg@kommune.example'),
  row('Karin Holm', 'karin@kommune.example'),
  row('Peter Lund', 'peter@kommune.example'),
  row('Sofie Dahl', 'sofie@kommune.example'),
  row('Anna Borger', undefined, { kind: 'along', role: 'citizen' }),
  row('Mads Forsker', 'mads@uni.example', { kind: 'along', role: 'researcher' }),
];

const rowsOf = (outcome: BatchOutcome<Participant[]>) => (outcome.ok ? outcome.rows : []);
const refusedRows = (outcome: BatchOutcome<Participant[]>) => (!outcome.ok && outcome.reason === 'rows' ? outcome.rows : []);

function withCoDriver() {
  const aggregate = aNetworkAggregate();
  aggregate.network = { ...aggregate.network, coDriver: { name: 'Omar Said', userId: 'u-omar' }, etag: 'net-1' };
  return aggregate;
}

describe('adding several participants at once', () => {
  test('seven rows become seven participants, each as if added alone, in one transaction', () => {
    const ctx = as(LENE);
    const outcome = addParticipants(ctx, { participants: SEVEN });
    expect(reasonOf(outcome)).toBe('ok');
    if (!outcome.ok) return;
    expect(outcome.value.map((p) => [p.name, p.kind, p.role])).toEqual(SEVEN.map((r) => [r.name, r.kind, r.role]));
    // The schema's defaults and cleaning, the server's clock, who added them.
    expect(outcome.value[0]).toMatchObject({ unit: 'BUF', email: 'lis.hansen@kommune.example', userId: 'u-lis', competenceAreas: [], customCompetences: [], addedAt: '2027-01-20T12:00:00.000Z', updatedBy: 'Lene Holm' });
    expect(outcome.value[5]).toMatchObject({ unit: '' });
    expect(outcome.value[5]!.email).toBeUndefined();
    expect(new Set(outcome.value.map((p) => p.id)).size).toBe(7);
    // The rows: 7 participants, and a member index row per Teams id and per e-mail (6 e-mails, 1 Teams id).
    const rows = rowsOf(outcome);
    expect(rows.filter((r) => r.op === 'create' && r.kind === 'participant')).toHaveLength(7);
    expect(rows.filter((r) => r.kind === 'member').map((r) => r.ids![0]).sort()).toEqual(
      ['e:karin%40kommune.example', 'e:lis.hansen%40kommune.example', 'e:mads%40uni.example', 'e:ole.berg%40kommune.example', 'e:peter%40kommune.example', 'e:sofie%40kommune.example', 'u:u-lis'].sort(),
    );
    expect(rows.some((r) => r.kind === 'network')).toBe(false);
    expect(outcome.next.participants).toHaveLength(2 + 7);
  });

  test('a bad row refuses them all, and every bad row is named with its field', () => {
    const outcome = addParticipants(as(LENE), {
      participants: [SEVEN[0], SEVEN[1], row('Bo Ny', 'bo@@kommune'), SEVEN[3], row('', 'x@kommune.example'), { ...SEVEN[4], kind: 'halvt' }],
    });
    expect(reasonOf(outcome)).toBe('rows');
    const refused = refusedRows(outcome);
    expect(refused.map((r) => [r.row, r.path])).toEqual([
      [3, 'participants.2.email'],
      [5, 'participants.4.name'],
      [6, 'participants.5.kind'],
    ]);
    expect(rowMessage(refused[0]!, 'da')).toBe('Række 3 (Bo Ny): E-mail: Det er ikke en gyldig e-mailadresse.');
    expect(rowMessage(refused[1]!, 'da')).toBe('Række 5: Navn: Skal udfyldes.');
    expect(rowMessage(refused[0]!, 'en')).toBe('Row 3 (Bo Ny): Email: This is not a valid e-mail address.');
  });

  test('someone already on the list is refused by row, with who is there; so is the same person twice', () => {
    const outcome = addParticipants(as(LENE), {
      participants: [
        row('Jens J.', 'JENS@kommune.example'),
        row('Helle', 'helle2@kommune.example', { userId: 'u-helle-x' }),
        row('Jens på Teams', undefined, { userId: 'u-jens' }),
        row('Helle igen', 'helle2@kommune.example'),
      ],
    });
    const refused = refusedRows(outcome);
    expect(refused.map((r) => [r.row, r.path, r.problem.kind])).toEqual([
      [1, 'participants.0.email', 'already'],
      [3, 'participants.2.userId', 'already'],
      [4, 'participants.3.email', 'twice'],
    ]);
    expect(rowMessage(refused[0]!, 'da')).toBe('Række 1 (Jens J.): Jens Jensen står allerede på deltagerlisten (samme e-mail).');
    expect(rowMessage(refused[1]!, 'da')).toBe('Række 3 (Jens på Teams): Jens Jensen står allerede på deltagerlisten (samme Teams-bruger).');
    expect(rowMessage(refused[2]!, 'da')).toBe('Række 4 (Helle igen): samme e-mail som række 2.');
    expect(rowMessage(refused[2]!, 'en')).toBe('Row 4 (Helle igen): same e-mail as row 2.');
  });

  test('the network’s roles follow, row by row: the first co-driver gets the role, a second is refused by name', () => {
    const outcome = addParticipants(as(LENE), { participants: [row('Omar Said', 'omar@kommune.example', { role: 'coDriver' }), row('Pia', 'pia@kommune.example', { role: 'coDriver' })] });
    const refused = refusedRows(outcome);
    expect(refused.map((r) => [r.row, r.path])).toEqual([[2, 'participants.1.role']]);
    expect(rowMessage(refused[0]!, 'da')).toBe('Række 2 (Pia): Netværket har allerede en co-driver: Omar Said. Skift co-driver under Roller øverst i Deltagere, eller giv Pia en anden rolle.');

    const one = addParticipants(as(LENE), { participants: [row('Omar Said', 'omar@kommune.example', { role: 'coDriver' })] });
    expect(one.ok && one.next.network.coDriver).toEqual({ name: 'Omar Said', email: 'omar@kommune.example' });
    expect(rowsOf(one).filter((r) => r.kind === 'network')).toHaveLength(1);
    // The reference leader is Birgitte's: giving it to a new participant is refused as it is for one.
    expect(refusedRows(addParticipants(as(LENE), { participants: [row('Ny', 'ny@kommune.example', { role: 'referenceLeader' })] })).map((r) => r.problem.kind)).toEqual(['roleHeld']);
  });

  test('only the leader hands out the network’s roles; the co-driver adds everyone else', () => {
    const free = aNetworkAggregate();
    free.network = { ...free.network, referenceLeader: undefined, coDriver: { name: 'Omar Said', userId: 'u-omar' } };
    expect(reasonOf(addParticipants(as(OMAR, free), { participants: [row('Birgitte', 'b@kommune.example', { role: 'referenceLeader' })] }))).toBe('rolesOnlyLeader');
    expect(reasonOf(addParticipants(as(OMAR, withCoDriver()), { participants: SEVEN }))).toBe('ok');
  });

  test('only the leaders add; the request is a list of 1 to the limit', () => {
    expect(reasonOf(addParticipants(as(JENS), { participants: SEVEN }))).toBe('onlyLeaders');
    expect(reasonOf(addParticipants(as(LENE), { participants: [] }))).toBe('invalid');
    expect(reasonOf(addParticipants(as(LENE), { people: SEVEN }))).toBe('invalid');
    const many = Array.from({ length: MAX_ITEMS.participantsPerBatch + 1 }, (_v, i) => row(`P ${i}`, `p${i}@kommune.example`));
    expect(reasonOf(addParticipants(as(LENE), { participants: many }))).toBe('invalid');
  });

  test('the largest batch, each with a Teams id and an e-mail and a role for the network, fits one transaction', () => {
    const free = aNetworkAggregate();
    free.network = { ...free.network, referenceLeader: undefined };
    const most = Array.from({ length: MAX_ITEMS.participantsPerBatch }, (_v, i) =>
      row(`P ${i}`, `p${i}@kommune.example`, { userId: `u-p${i}`, ...(i === 0 ? { role: 'referenceLeader' } : {}) }),
    );
    const outcome = addParticipants(as(LENE, free), { participants: most });
    expect(reasonOf(outcome)).toBe('ok');
    expect(rowsOf(outcome).length).toBe(MAX_ITEMS.participantsPerBatch * 3 + 1);
    expect(rowsOf(outcome).length).toBeLessThanOrEqual(MAX_BATCH);
  });
});

describe('changing several participants at once', () => {
  test('"Sæt som Undervejs" for two: both change, one transaction, each against its stored version', () => {
    const aggregate = aNetworkAggregate();
    aggregate.participants = aggregate.participants.map((p, i) => ({ ...p, etag: `e${i}` }));
    const outcome = changeParticipants(as(LENE, aggregate), { participantIds: ['p-jens', 'p-helle'], change: { kind: 'along' } });
    expect(outcome.ok && outcome.value.map((p) => [p.id, p.kind, p.updatedBy])).toEqual([
      ['p-jens', 'along', 'Lene Holm'],
      ['p-helle', 'along', 'Lene Holm'],
    ]);
    expect(rowsOf(outcome).map((r) => [r.op, r.kind, r.ids?.[0], r.etag])).toEqual([
      ['update', 'participant', 'p-jens', 'e0'],
      ['update', 'participant', 'p-helle', 'e1'],
    ]);
  });

  test('who already has it is not written; nothing to change is no change', () => {
    const aggregate = aNetworkAggregate();
    aggregate.participants[1] = { ...aggregate.participants[1]!, kind: 'along' };
    const outcome = changeParticipants(as(LENE, aggregate), { participantIds: ['p-jens', 'p-helle'], change: { kind: 'along' } });
    expect(rowsOf(outcome).map((r) => r.ids?.[0])).toEqual(['p-jens']);
    expect(reasonOf(changeParticipants(as(LENE), { participantIds: ['p-jens'], change: {} }))).toBe('invalid');
    expect(reasonOf(changeParticipants(as(LENE), { participantIds: ['p-jens'], change: { name: 'X' } }))).toBe('invalid');
  });

  test('a role for several follows the network’s roles: refused by name, nothing changed', () => {
    const outcome = changeParticipants(as(LENE), { participantIds: ['p-jens', 'p-helle'], change: { role: 'referenceLeader' } });
    const refused = refusedRows(outcome);
    expect(refused.map((r) => r.path)).toEqual(['participantIds.0', 'participantIds.1']);
    expect(rowMessage(refused[0]!, 'da')).toBe(
      'Jens Jensen: Netværket har allerede en referenceleder: Birgitte Krogh. Skift referenceleder under Roller øverst i Deltagere, eller giv Jens Jensen en anden rolle.',
    );
    const coDriver = changeParticipants(as(LENE), { participantIds: ['p-jens'], change: { role: 'coDriver' } });
    expect(coDriver.ok && coDriver.next.network.coDriver).toEqual({ name: 'Jens Jensen', email: 'jens@kommune.example', userId: 'u-jens' });
    expect(reasonOf(changeParticipants(as(OMAR, withCoDriver()), { participantIds: ['p-jens'], change: { role: 'manager' } }))).toBe('ok');
  });

  test('only the leaders; an unknown participant is not found', () => {
    expect(reasonOf(changeParticipants(as(JENS), { participantIds: ['p-jens'], change: { kind: 'along' } }))).toBe('onlyLeaders');
    expect(reasonOf(changeParticipants(as(LENE), { participantIds: ['p-jens', 'p-gone'], change: { kind: 'along' } }))).toBe('notFound');
  });
});
