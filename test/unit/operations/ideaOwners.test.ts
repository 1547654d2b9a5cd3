import { changeIdea, raiseIdea } from '../../../bot/ideas/operations';
import type { Idea } from '../../../bot/domain/model';
import { aNetworkAggregate, as, HELLE, JENS, LENE, reasonOf } from './context';

// The tovholder where the leader works (the tabs): chosen from the participant list by its row, at once when an idea
// is parked, changed and removed — the same operation the card's "Bliv tovholder" goes through.

function withIdea(overrides: Partial<Idea> = {}) {
  const aggregate = aNetworkAggregate();
  aggregate.ideas.push({ id: 'i1', text: 'Fælles bil', raisedBy: { name: 'Jens Jensen', userId: 'u-jens' }, status: 'parked', createdAt: '2027-01-20T10:00:00Z', etag: 'e1', ...overrides });
  return aggregate;
}

describe('an idea’s owner chosen by participant row', () => {
  test('the leader parks an idea with its owner at once, named as the participant row says', () => {
    const parked = raiseIdea(as(LENE), { text: 'Lån lokalerne ud', owner: { participantId: 'p-helle' } });
    expect(parked.ok && parked.value.owner).toEqual({ name: 'Helle Hansen', email: 'Helle@Kommune.example' });
  });

  test('the leader changes the owner and the status in one go, and removes the owner', () => {
    const changed = changeIdea(as(LENE, withIdea()), 'i1', { owner: { participantId: 'p-jens' }, status: 'takenOn' }, 'e1');
    expect(changed.ok && changed.value).toMatchObject({ owner: { name: 'Jens Jensen', email: 'jens@kommune.example', userId: 'u-jens' }, status: 'takenOn' });
    const removed = changeIdea(as(LENE, withIdea({ owner: { name: 'Jens Jensen', userId: 'u-jens' } })), 'i1', { owner: null }, 'e1');
    expect(removed.ok && 'owner' in removed.value).toBe(false);
  });

  test('a participant names only their own row; an unknown row is no participant', () => {
    expect(reasonOf(changeIdea(as(JENS, withIdea()), 'i1', { owner: { participantId: 'p-helle' } }))).toBe('ownerNotYou');
    const own = changeIdea(as(HELLE, withIdea()), 'i1', { owner: { participantId: 'p-helle' } });
    expect(own.ok && own.value.owner).toEqual({ name: 'Helle Hansen', email: 'Helle@Kommune.example', userId: 'u-helle' });
    expect(reasonOf(changeIdea(as(LENE, withIdea()), 'i1', { owner: { participantId: 'p-404' } }))).toBe('ownerNotParticipant');
    expect(reasonOf(changeIdea(as(LENE, withIdea()), 'i1', { owner: { name: 'Kun et navn' } }))).toBe('ownerNotParticipant');
  });
});
