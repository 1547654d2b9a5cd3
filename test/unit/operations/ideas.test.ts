import { changeIdea, deleteIdea, raiseIdea, setIdeaStatus, takeIdea } from '../../../bot/ideas/operations';
import { MAX } from '../../../bot/domain/schemas';
import type { Idea } from '../../../bot/domain/model';
import { aNetworkAggregate, as, BIRGITTE, HELLE, JENS, LENE, reasonOf, ULLA } from './context';

// The idea parking lot's operations, pure: what card and tab both get, refusals with their reason.

function withIdea(overrides: Partial<Idea> = {}) {
  const aggregate = aNetworkAggregate();
  aggregate.ideas.push({ id: 'i1', text: 'Fælles bil', raisedBy: { name: 'Jens Jensen', userId: 'u-jens' }, status: 'parked', createdAt: '2027-01-20T10:00:00Z', etag: 'e1', ...overrides });
  return aggregate;
}

describe('raising an idea', () => {
  test('stores who raised it as the network records them, with the change to write', () => {
    const outcome = raiseIdea(as(JENS), { text: '  Fælles vikarpulje  ', meetingId: 'm1' });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value).toMatchObject({ text: 'Fælles vikarpulje', meetingId: 'm1', status: 'parked', updatedBy: 'Jens J.' });
    // The participant row's name and e-mail: an erasure by e-mail finds it, though a card press carries none.
    expect(outcome.value.raisedBy).toEqual({ name: 'Jens Jensen', email: 'jens@kommune.example', userId: 'u-jens' });
    expect(outcome.rows).toEqual([{ op: 'create', kind: 'idea', ids: [outcome.value.id], value: outcome.value }]);
    expect(outcome.next.ideas).toEqual([outcome.value]);
  });

  test('a leader without a participant row is recorded with the e-mail the network has for them', () => {
    const outcome = raiseIdea(as(LENE), { text: 'Idé' });
    expect(outcome.ok && outcome.value.raisedBy).toEqual({ name: 'Lene Holm', email: 'lene@kommune.example', userId: 'u-lene' });
  });

  test('refused: outside the network, the reference leader, empty or too long text, an unknown meeting', () => {
    expect(reasonOf(raiseIdea(as(ULLA), { text: 'x' }))).toBe('notContributor');
    expect(reasonOf(raiseIdea(as(BIRGITTE), { text: 'x' }))).toBe('notContributor');
    const empty = raiseIdea(as(JENS), { text: '   ' });
    expect(empty).toMatchObject({ ok: false, reason: 'invalid', issues: [{ path: 'text', key: 'validation.required' }] });
    const long = raiseIdea(as(JENS), { text: 'x'.repeat(MAX.medium + 1) });
    expect(long).toMatchObject({ ok: false, reason: 'invalid', issues: [{ path: 'text', key: 'validation.tooLong', params: { max: MAX.medium } }] });
    expect(reasonOf(raiseIdea(as(JENS), { text: 'x'.repeat(MAX.medium) }))).toBe('ok');
    expect(raiseIdea(as(JENS), { text: 'x', meetingId: 'm404' })).toMatchObject({ ok: false, reason: 'rules', issues: [{ key: 'validation.unknownMeeting' }] });
  });

  test('a participant cannot raise an idea with a status, or owned by someone else', () => {
    expect(reasonOf(raiseIdea(as(JENS), { text: 'x', status: 'takenOn' }))).toBe('onlyLeaders');
    expect(reasonOf(raiseIdea(as(JENS), { text: 'x', owner: { name: 'Helle Hansen', email: 'helle@kommune.example' } }))).toBe('ownerNotYou');
    expect(reasonOf(raiseIdea(as(LENE), { text: 'x', status: 'takenOn', owner: { name: 'H', email: 'helle@kommune.example' } }))).toBe('ok');
  });
});

describe('changing an idea', () => {
  test('a participant changing someone else’s idea’s status, or its text, is refused', () => {
    expect(reasonOf(setIdeaStatus(as(HELLE, withIdea()), 'i1', 'dropped'))).toBe('onlyLeaders');
    expect(reasonOf(changeIdea(as(HELLE, withIdea()), 'i1', { text: 'Min tekst' }))).toBe('notYours');
    expect(reasonOf(changeIdea(as(JENS, withIdea()), 'i1', { text: 'Min tekst' }))).toBe('ok');
    expect(reasonOf(setIdeaStatus(as(JENS, withIdea()), 'i1', 'dropped'))).toBe('onlyLeaders');
    expect(reasonOf(setIdeaStatus(as(LENE, withIdea()), 'i1', 'dropped'))).toBe('ok');
    expect(reasonOf(setIdeaStatus(as(LENE, withIdea()), 'i1', 'nonsense'))).toBe('invalid');
  });

  test('anyone takes ownership as the network records them; only a leader names someone else', () => {
    const taken = takeIdea(as(HELLE, withIdea()), 'i1');
    expect(taken.ok && taken.value.owner).toEqual({ name: 'Helle Hansen', email: 'Helle@Kommune.example', userId: 'u-helle' });
    expect(reasonOf(changeIdea(as(JENS, withIdea()), 'i1', { owner: { name: 'Helle Hansen', email: 'helle@kommune.example' } }))).toBe('ownerNotYou');
    expect(reasonOf(changeIdea(as(LENE, withIdea()), 'i1', { owner: { name: 'Udefra', userId: 'u-nobody' } }))).toBe('ownerNotParticipant');
    const named = changeIdea(as(LENE, withIdea()), 'i1', { owner: { name: 'Hvem som helst', email: 'helle@kommune.example' } });
    expect(named.ok && named.value.owner).toEqual({ name: 'Helle Hansen', email: 'Helle@Kommune.example' });
  });

  test('a participant cannot take over an idea someone else owns; a leader can hand it to anyone in the network', () => {
    const owned = () => withIdea({ owner: { name: 'Helle Hansen', email: 'helle@kommune.example' } });
    expect(reasonOf(takeIdea(as(JENS, owned()), 'i1'))).toBe('ownedByOther');
    expect(reasonOf(takeIdea(as(HELLE, owned()), 'i1'))).toBe('ok');
    const handed = changeIdea(as(LENE, owned()), 'i1', { owner: { name: 'Jens', email: 'jens@kommune.example' } });
    expect(handed.ok && handed.value.owner?.name).toBe('Jens Jensen');
  });

  test('releasing: the owner themselves or a leader, nobody else', () => {
    const owned = () => withIdea({ owner: { name: 'Helle Hansen', email: 'helle@kommune.example' } });
    expect(reasonOf(changeIdea(as(JENS, owned()), 'i1', { owner: null }))).toBe('ownerNotYou');
    expect(reasonOf(changeIdea(as(HELLE, owned()), 'i1', { owner: null }))).toBe('ok');
    const released = changeIdea(as(LENE, owned()), 'i1', { owner: null });
    expect(released.ok && 'owner' in released.value).toBe(false);
  });

  test('the version the caller saw must be the stored one; a gone idea is not found', () => {
    expect(reasonOf(changeIdea(as(JENS, withIdea()), 'i1', { text: 'Ny' }, 'e0'))).toBe('stale');
    const changed = changeIdea(as(JENS, withIdea()), 'i1', { text: 'Ny' }, 'e1');
    expect(changed.ok && changed.rows).toEqual([{ op: 'update', kind: 'idea', ids: ['i1'], value: changed.ok && changed.value, etag: 'e1' }]);
    expect(reasonOf(takeIdea(as(JENS, withIdea()), 'i404'))).toBe('notFound');
  });
});

describe('deleting an idea', () => {
  test('one’s own parked idea, owned by nobody else; leaders any', () => {
    expect(reasonOf(deleteIdea(as(JENS, withIdea()), 'i1'))).toBe('ok');
    expect(reasonOf(deleteIdea(as(HELLE, withIdea()), 'i1'))).toBe('notYours');
    expect(reasonOf(deleteIdea(as(JENS, withIdea({ status: 'takenOn' })), 'i1'))).toBe('onlyLeaders');
    expect(reasonOf(deleteIdea(as(JENS, withIdea({ owner: { name: 'Helle Hansen', email: 'helle@kommune.example' } })), 'i1'))).toBe('notYours');
    const deleted = deleteIdea(as(LENE, withIdea({ status: 'dropped' })), 'i1');
    expect(deleted.ok && deleted.rows).toEqual([{ op: 'delete', kind: 'idea', ids: ['i1'], etag: 'e1' }]);
    expect(deleted.ok && deleted.next.ideas).toEqual([]);
  });
});
