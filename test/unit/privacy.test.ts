import type { NetworkAggregate } from '../../bot/domain/model';
import { eraseFromNetwork } from '../../bot/privacy/erasure';
import { personalDataIn } from '../../bot/privacy/exportData';
import { deletionDueAt } from '../../bot/privacy/retention';
import { aMeeting, aNetwork, aParticipant } from '../support/fixtures';

// The data-protection rules without storage: what an erasure changes, what an export holds, when retention ends.

const LENE = { name: 'Lene Holm', userId: 'leader-1', email: 'lene@kommune.example' };
const JENS = { name: 'Jens Jensen', userId: 'jens-1', email: 'jens@kommune.example' };

function aggregate(overrides: Partial<NetworkAggregate> = {}): NetworkAggregate {
  const meeting = aMeeting({ id: 'm1', updatedBy: LENE.name, etag: 'e-m1' });
  return {
    network: aNetwork({ id: 'n1', leader: LENE, status: 'delivered', deliveredAt: '2027-06-30T10:00:00.000Z', etag: 'e-n' }),
    themeRevisions: [{ revision: 1, savedAt: '2027-01-05T10:00:00Z', savedBy: LENE.name, theme: 'T', unfolding: {} as never }],
    subthemes: [],
    participants: [aParticipant({ id: 'p-jens', ...JENS, etag: 'e-pj' }), aParticipant({ id: 'p-helle', name: 'Helle Hansen', email: 'helle@kommune.example', etag: 'e-ph' })],
    meetings: [meeting],
    assignments: [{ meetingId: 'm1', participantId: 'p-jens', contribution: 'Oplæg om Lene Holms model', involvementForm: 'presentation', etag: 'e-a' }],
    agendas: [],
    summaries: [],
    reflections: [],
    ideas: [{ id: 'i1', text: 'Spisevenner', raisedBy: LENE, owner: LENE, status: 'parked', createdAt: '2027-01-20T12:00:00Z', etag: 'e-i' }],
    analysisCategories: [],
    analysisNotes: [{ id: 'note1', categoryId: 'c1', text: 'Mønster', author: LENE, priority: 'open', etag: 'e-note' }],
    bookings: [{ meetingId: 'm1', uid: 'u1', sequence: 0, fingerprint: 'f', state: 'booked', eventId: 'ev1', organizerId: LENE.userId, etag: 'e-b' }],
    ...overrides,
  };
}

describe('erasure in one network', () => {
  test('the leader of a delivered network leaves every row: refs, edit stamps, revisions, bookings', () => {
    const { changes, blocked } = eraseFromNetwork(aggregate(), { userId: LENE.userId });
    expect(blocked).toBeUndefined();
    const text = JSON.stringify(changes);
    expect(text).not.toContain(LENE.name);
    expect(text).not.toContain(LENE.userId);
    expect(text).not.toContain(LENE.email);
    const kinds = changes.map((change) => `${change.op} ${change.kind}`).sort();
    expect(kinds).toEqual(['update analysisNote', 'update booking', 'update idea', 'update meeting', 'update network', 'upsert themeRevision']);
    // Every update carries the ETag it was computed from: a concurrent edit makes it fail, not vanish.
    for (const change of changes.filter((c) => c.op === 'update')) expect(change.etag).toMatch(/^e-/);
    // Free text that names her stays (listed in the export for review); Helle is untouched.
    expect(text).not.toContain('Helle');
  });

  test('the leader of a network still running cannot be erased', () => {
    const running = aggregate({ network: aNetwork({ leader: LENE, status: 'running' }) });
    expect(eraseFromNetwork(running, { email: 'LENE@kommune.example' })).toMatchObject({ blocked: 'leadsActiveNetwork', changes: [] });
  });

  test('a participant: private reflections deleted, shared kept, index rows removed, e-mail match ignores case', () => {
    const reflections = [
      { meetingId: 'm1', participantId: 'p-jens', answers: [{ question: 'q', answer: 'privat' }], shared: false, submittedAt: '', etag: 'r1' },
      { meetingId: 'm2', participantId: 'p-jens', answers: [{ question: 'q', answer: 'delt' }], shared: true, submittedAt: '', updatedBy: JENS.name, etag: 'r2' },
    ];
    const { changes, privateReflectionsDeleted } = eraseFromNetwork(aggregate({ reflections }), { email: 'Jens@Kommune.Example' });
    expect(privateReflectionsDeleted).toBe(1);
    expect(changes).toContainEqual({ op: 'delete', kind: 'reflection', ids: ['m1', 'p-jens'] });
    expect(changes).toContainEqual(expect.objectContaining({ op: 'update', kind: 'reflection', ids: ['m2', 'p-jens'], value: expect.objectContaining({ updatedBy: 'Slettet person', shared: true }) }));
    expect(changes).toContainEqual(expect.objectContaining({ op: 'update', kind: 'participant', ids: ['p-jens'], value: expect.objectContaining({ name: 'Slettet person', kind: 'core' }) }));
    expect(changes.filter((c) => c.kind === 'member').map((c) => c.op)).toEqual(['delete', 'delete']);
  });

  test('an English network gets the English label', () => {
    const english = aggregate({ network: aNetwork({ leader: LENE, status: 'closed', locale: 'en' }) });
    expect(JSON.stringify(eraseFromNetwork(english, { userId: LENE.userId }).changes)).toContain('Deleted person');
  });
});

describe('export from one network', () => {
  test('lists roles, own rows, edits and free text naming the person', () => {
    const data = personalDataIn(aggregate(), { userId: JENS.userId })!;
    expect(data.roles).toEqual(['participant']);
    expect(data.assignments).toHaveLength(1);
    expect(data.participant[0]).not.toHaveProperty('etag');
    const lene = personalDataIn(aggregate(), { email: LENE.email })!;
    expect(lene.roles).toEqual(['leader']);
    expect(lene.edits.map((edit) => edit.what)).toEqual(expect.arrayContaining(['meeting 1 Velkommen til netværket', 'themeRevision 1']));
    expect(lene.mentions).toEqual([{ where: 'assignment m1/p-jens', excerpt: 'Oplæg om Lene Holms model' }]);
  });

  test('nothing for a stranger', () => {
    expect(personalDataIn(aggregate(), { email: 'ukendt@kommune.example' })).toBeUndefined();
  });
});

describe('retention', () => {
  test('12 months after the delivery by default, or the network’s own months', () => {
    const network = { endDate: '2027-07-04', deliveredAt: '2027-06-30T10:00:00.000Z' };
    expect(deletionDueAt(network, 12).toISOString()).toBe('2028-06-30T10:00:00.000Z');
    expect(deletionDueAt({ ...network, retentionMonths: 3 }, 12).toISOString()).toBe('2027-09-30T10:00:00.000Z');
  });

  test('a network never delivered counts from the end of its last day in Copenhagen, across DST', () => {
    // 31.03.2027 23:59:59.999 CEST + 1 month = 30.04.2027 (the shorter month), still summer time.
    expect(deletionDueAt({ endDate: '2027-03-31' }, 1).toISOString()).toBe('2027-04-30T21:59:59.999Z');
    // 31.10.2027 ends in winter time (UTC+1).
    expect(deletionDueAt({ endDate: '2027-10-31' }, 12).toISOString()).toBe('2028-10-31T22:59:59.999Z');
  });
});
