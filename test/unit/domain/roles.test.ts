import { coDriverOf, networkRoleOfParticipant, referenceLeaderOf, roleOf } from '../../../bot/domain/access';
import { adviseOnParticipantsInNoMeeting } from '../../../bot/domain/advice';
import type { NetworkAggregate, Participant } from '../../../bot/domain/model';
import { deliveryNeedsReferenceLeader, rolesAfterParticipantChange, withRoles, type KnownPerson } from '../../../bot/domain/network';
import { setNetworkRole } from '../../../bot/networks/roles';
import { aMeeting, aNetwork, aParticipant } from '../../support/fixtures';
import { JENS, reasonOf } from '../operations/context';

// The method's roles, pure: one notion of co-driver and reference leader, whether chosen on the network (Roller) or
// given as a participant's role; who may choose; whom a choice may name.

const OMAR = { userId: 'u-omar', name: 'Omar Said' };
const TEAM: KnownPerson[] = [{ userId: 'u-karen', name: 'Karen Kirk', email: 'karen@kommune.example' }];

function aggregate(overrides: Partial<NetworkAggregate> = {}): NetworkAggregate {
  return {
    network: aNetwork({ leader: { name: 'Lene Holm', userId: 'u-lene', email: 'lene@kommune.example' }, etag: 'n1' }),
    themeRevisions: [], subthemes: [], meetings: [], assignments: [], agendas: [], summaries: [], reflections: [], ideas: [],
    analysisCategories: [], analysisNotes: [], bookings: [],
    participants: [
      aParticipant({ id: 'p-jens', name: 'Jens Jensen', userId: 'u-jens', email: 'jens@kommune.example', etag: 'pj' }),
      aParticipant({ id: 'p-birgitte', name: 'Birgitte Krogh', role: 'manager', userId: undefined, email: 'birgitte@kommune.example', kind: 'along', etag: 'pb' }),
    ],
    ...overrides,
  };
}

const participant = (a: NetworkAggregate, id: string) => a.participants.find((p) => p.id === id)!;
const ctx = (actor: { userId: string; name: string }, a = aggregate(), known = TEAM) => ({ aggregate: a, actor, now: new Date('2027-01-20T12:00:00Z'), newId: () => 'x', known });

describe('one notion of the reference leader (and the co-driver)', () => {
  test('the network’s own, else the participant whose role it is (networks saved before the two were kept in line)', () => {
    const legacy = aggregate();
    legacy.participants[1] = { ...legacy.participants[1]!, role: 'referenceLeader' };
    expect(referenceLeaderOf(legacy)).toEqual({ name: 'Birgitte Krogh', email: 'birgitte@kommune.example' });
    expect(coDriverOf(legacy)).toBeUndefined();
    const own = aggregate({ network: { ...legacy.network, referenceLeader: { name: 'Anne Andersen', email: 'anne@kommune.example' } }, participants: legacy.participants });
    expect(referenceLeaderOf(own)?.name).toBe('Anne Andersen');
  });

  test('access follows it: a reference leader only known as a participant’s role reads as a participant; the role alone reads', () => {
    const a = aggregate();
    a.participants[1] = { ...a.participants[1]!, role: 'coDriver' };
    // The participant whose role is co-driver edits the plan, as the co-driver does.
    expect(roleOf(a, { userId: 'u-birgitte', email: 'birgitte@kommune.example' })).toBe('coDriver');
    const b = aggregate({ network: { ...aggregate().network, referenceLeader: { name: 'Anne', email: 'anne@kommune.example' } } });
    expect(roleOf(b, { userId: 'u-anne', email: 'anne@kommune.example' })).toBe('referenceLeader');
  });
});

describe('choosing a role’s holder (withRoles)', () => {
  test('a participant chosen as reference leader gets the role’s name: the same state as giving her the role', () => {
    const chosen = withRoles(aggregate(), TEAM, { referenceLeader: { participantId: 'p-birgitte' } });
    expect(chosen.ok).toBe(true);
    if (!chosen.ok) return;
    expect(chosen.next.network.referenceLeader).toEqual({ name: 'Birgitte Krogh', email: 'birgitte@kommune.example' });
    expect(participant(chosen.next, 'p-birgitte').role).toBe('referenceLeader');

    // The other way round: the participant form gives her the role, and the network follows.
    const before = participant(aggregate(), 'p-birgitte');
    const given = rolesAfterParticipantChange(aggregate(), before, { ...before, role: 'referenceLeader' });
    expect(given.network?.referenceLeader).toEqual(chosen.next.network.referenceLeader);
  });

  test('a team member by Entra id, named as Teams reported them; an Entra id nobody knows is refused', () => {
    const chosen = withRoles(aggregate(), TEAM, { coDriver: { userId: 'u-karen', name: 'Someone Else', email: 'x@y.example' } });
    expect(chosen.ok && chosen.next.network.coDriver).toEqual({ name: 'Karen Kirk', email: 'karen@kommune.example', userId: 'u-karen' });
    const unknown = withRoles(aggregate(), TEAM, { coDriver: { userId: 'u-nobody', name: 'Nobody' } });
    expect(unknown).toEqual({ ok: false, issues: [{ path: 'coDriver.userId', key: 'validation.personUnknown' }] });
    expect(withRoles(aggregate(), TEAM, { coDriver: { participantId: 'p-404' } })).toMatchObject({ ok: false, issues: [{ key: 'validation.unknownParticipant' }] });
  });

  test('by name and e-mail: a participant with that e-mail is that participant; anyone else as typed, without access by id', () => {
    const byEmail = withRoles(aggregate(), TEAM, { referenceLeader: { name: 'B. Krogh', email: 'birgitte@kommune.example' } });
    expect(byEmail.ok && participant(byEmail.next, 'p-birgitte').role).toBe('referenceLeader');
    const typed = withRoles(aggregate(), TEAM, { referenceLeader: { name: 'Anne Andersen', email: 'anne@kommune.example' } });
    expect(typed.ok && typed.next.network.referenceLeader).toEqual({ name: 'Anne Andersen', email: 'anne@kommune.example' });
  });

  test('a new holder frees the old one: the participant who had the role keeps taking part, as "other"', () => {
    const first = withRoles(aggregate(), TEAM, { coDriver: { participantId: 'p-jens' } });
    if (!first.ok) throw new Error('refused');
    const second = withRoles(first.next, TEAM, { coDriver: { participantId: 'p-birgitte' } });
    if (!second.ok) throw new Error('refused');
    expect(second.next.network.coDriver?.name).toBe('Birgitte Krogh');
    expect(participant(second.next, 'p-jens').role).toBe('other');
    const freed = withRoles(second.next, TEAM, { coDriver: null });
    expect(freed.ok && freed.next.network.coDriver).toBeUndefined();
    expect(freed.ok && participant(freed.next, 'p-birgitte').role).toBe('other');
    expect(freed.ok && freed.next.participants).toHaveLength(2);
  });

  test('one person, one role; the leader holds neither', () => {
    const co = withRoles(aggregate(), TEAM, { coDriver: { participantId: 'p-jens' } });
    if (!co.ok) throw new Error('refused');
    expect(withRoles(co.next, TEAM, { referenceLeader: { participantId: 'p-jens' } })).toEqual({
      ok: false,
      issues: [{ path: 'referenceLeader', key: 'validation.alreadyCoDriver', params: { name: 'Jens Jensen' } }],
    });
    expect(withRoles(aggregate(), TEAM, { coDriver: { name: 'Lene', email: 'LENE@kommune.example' } })).toMatchObject({ ok: false, issues: [{ key: 'validation.roleIsLeader' }] });
  });
});

describe('a participant’s role and the network’s roles kept in line', () => {
  const jens = () => participant(aggregate(), 'p-jens');

  test('giving the role when someone else holds it is refused, naming the holder', () => {
    const a = aggregate({ network: { ...aggregate().network, coDriver: OMAR } });
    expect(rolesAfterParticipantChange(a, jens(), { ...jens(), role: 'coDriver' })).toEqual({ heldBy: { role: 'coDriver', holder: OMAR } });
  });

  test('taking the role away frees it; a new e-mail of the holder follows; a removed participant keeps the role', () => {
    const held = aggregate({ network: { ...aggregate().network, coDriver: { name: 'Jens Jensen', email: 'jens@kommune.example', userId: 'u-jens' } } });
    const asCoDriver: Participant = { ...jens(), role: 'coDriver' };
    expect(rolesAfterParticipantChange(held, asCoDriver, { ...asCoDriver, role: 'employee' }).network?.coDriver).toBeUndefined();
    expect(rolesAfterParticipantChange(held, asCoDriver, { ...asCoDriver, email: 'jj@kommune.example' }).network?.coDriver).toEqual({
      name: 'Jens Jensen',
      email: 'jj@kommune.example',
      userId: 'u-jens',
    });
    expect(rolesAfterParticipantChange(held, asCoDriver, { ...asCoDriver, unit: 'SPO' })).toEqual({});
    expect(rolesAfterParticipantChange(held, asCoDriver, undefined)).toEqual({});
  });

  test('a participant added with the role becomes the network’s holder when it is free', () => {
    const added: Participant = aParticipant({ id: 'p-new', name: 'Mette', email: 'mette@kommune.example', role: 'referenceLeader' });
    expect(rolesAfterParticipantChange(aggregate(), undefined, added).network?.referenceLeader).toEqual({ name: 'Mette', email: 'mette@kommune.example' });
  });
});

describe('the roles operation', () => {
  test('only the leader chooses; the co-driver cannot, not even themselves', () => {
    const a = aggregate({ network: { ...aggregate().network, coDriver: { name: 'Jens Jensen', userId: 'u-jens' } } });
    expect(reasonOf(setNetworkRole(ctx(JENS, a), 'referenceLeader', { participantId: 'p-birgitte' }))).toBe('onlyLeaders');
    expect(reasonOf(setNetworkRole(ctx(JENS, a), 'coDriver', null))).toBe('onlyLeaders');
    const lene = { userId: 'u-lene', name: 'Lene Holm' };
    expect(reasonOf(setNetworkRole(ctx(lene, a), 'referenceLeader', { participantId: 'p-birgitte' }, 'stale'))).toBe('stale');
    expect(reasonOf(setNetworkRole(ctx(lene, a), 'referenceLeader', {}))).toBe('invalid');
  });

  test('writes the network row and the participants whose role moved, with the versions seen', () => {
    const lene = { userId: 'u-lene', name: 'Lene Holm' };
    const outcome = setNetworkRole(ctx(lene), 'referenceLeader', { participantId: 'p-birgitte' }, 'n1');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.participants).toEqual([{ id: 'p-birgitte', name: 'Birgitte Krogh', role: 'referenceLeader', was: 'manager' }]);
    expect(outcome.rows.map((row) => [row.op, row.kind, row.etag])).toEqual([['update', 'network', 'n1'], ['update', 'participant', 'pb']]);
    expect(outcome.value.network.updatedBy).toBe('Lene Holm');
  });
});

describe('advice and the delivery follow the roles', () => {
  test('the co-driver and the reference leader are not advised to be put on a meeting', () => {
    const a = aggregate({ meetings: [aMeeting({ id: 'm1' })] });
    a.participants[1] = { ...a.participants[1]!, role: 'referenceLeader' };
    expect(adviseOnParticipantsInNoMeeting(a).map((advice) => advice.params?.name)).toEqual(['Jens Jensen']);
    expect(networkRoleOfParticipant(a, a.participants[1]!)).toBe('referenceLeader');
  });

  test('"sent to the reference leader" needs one; a delivery already sent may still be saved', () => {
    const none = aggregate();
    expect(deliveryNeedsReferenceLeader(none, 'sentToReferenceLeader')).toBe(true);
    expect(deliveryNeedsReferenceLeader(none, 'draft')).toBe(false);
    const sent = { ...none, delivery: { status: 'sentToReferenceLeader' } } as NetworkAggregate;
    expect(deliveryNeedsReferenceLeader(sent, 'sentToReferenceLeader')).toBe(false);
    none.participants[1] = { ...none.participants[1]!, role: 'referenceLeader' };
    expect(deliveryNeedsReferenceLeader(none, 'sentToReferenceLeader')).toBe(false);
  });
});
