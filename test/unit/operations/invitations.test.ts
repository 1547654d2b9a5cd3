import {
  answerInvitation,
  invitationRowsOfRemoved,
  saveCommonInvitation,
  savePersonalInvitation,
  sendPersonalInvitation,
  setInvitationStatus,
} from '../../../bot/invitations/operations';
import { MAX } from '../../../bot/domain/schemas';
import type { NetworkAggregate, PersonalInvitation } from '../../../bot/domain/model';
import { aNetworkAggregate, as, BIRGITTE, HELLE, JENS, LENE, reasonOf, ULLA } from './context';

// Invitations ("Indled kontakt til potentielle deltagere"), pure: the leaders write and send, only the invitee
// answers a card sent in Teams, the leaders record answers given outside Teams.

const TEXT = { subject: 'Invitation til netværket', text: 'Kære Jens\n\nVil du være med?' };

function withInvitation(overrides: Partial<PersonalInvitation> = {}, participantId = 'p-jens'): NetworkAggregate {
  const aggregate = aNetworkAggregate();
  aggregate.invitations = [{ participantId, ...TEXT, etag: 'e1', ...overrides }];
  return aggregate;
}

const sentInTeams = () => withInvitation({ status: 'invited', via: 'teams', sentAt: '2027-01-10T10:00:00Z' });

describe('the common invitation', () => {
  test('the leader saves it; the first save creates the row, later saves need the version seen', () => {
    const first = saveCommonInvitation(as(LENE), { subject: '  Vil du være med?  ', text: 'Kære kollega' });
    expect(first.ok && first.value).toMatchObject({ subject: 'Vil du være med?', text: 'Kære kollega', updatedBy: 'Lene Holm' });
    expect(first.ok && first.rows).toEqual([{ op: 'create', kind: 'invitation', value: first.ok && first.value }]);

    const aggregate = aNetworkAggregate();
    aggregate.invitation = { subject: 'a', text: 'b', etag: 'c1' };
    expect(reasonOf(saveCommonInvitation(as(LENE, aggregate), TEXT, { versionRequired: true }))).toBe('versionRequired');
    expect(reasonOf(saveCommonInvitation(as(LENE, aggregate), TEXT, { etag: 'old', versionRequired: true }))).toBe('stale');
    const second = saveCommonInvitation(as(LENE, aggregate), TEXT, { etag: 'c1', versionRequired: true });
    expect(second.ok && second.rows[0]).toMatchObject({ op: 'update', kind: 'invitation', etag: 'c1' });
  });

  test('only the leaders write it; an empty or too long text is refused with the field', () => {
    expect(reasonOf(saveCommonInvitation(as(JENS), TEXT))).toBe('onlyLeaders');
    expect(reasonOf(saveCommonInvitation(as(BIRGITTE), TEXT))).toBe('onlyLeaders');
    expect(saveCommonInvitation(as(LENE), { subject: 'x', text: ' ' })).toMatchObject({ ok: false, reason: 'invalid', issues: [{ path: 'text', key: 'validation.required' }] });
    expect(saveCommonInvitation(as(LENE), { subject: 'x', text: 'y'.repeat(MAX.letter + 1) })).toMatchObject({ reason: 'invalid', issues: [{ path: 'text', key: 'validation.tooLong' }] });
    expect(reasonOf(saveCommonInvitation(as(LENE), { subject: 'x', text: 'y'.repeat(MAX.letter) }))).toBe('ok');
  });
});

describe('a personal invitation', () => {
  test('a saved draft keeps how and whether it was sent, and the answer', () => {
    const aggregate = withInvitation({ status: 'accepted', via: 'email', sentAt: 's', answeredAt: 'a' });
    const outcome = savePersonalInvitation(as(LENE, aggregate), 'p-jens', { subject: 'Ny', text: 'Ny tekst' }, { etag: 'e1', versionRequired: true });
    expect(outcome.ok && outcome.value).toMatchObject({ participantId: 'p-jens', subject: 'Ny', text: 'Ny tekst', status: 'accepted', via: 'email', sentAt: 's', answeredAt: 'a' });
    expect(reasonOf(savePersonalInvitation(as(LENE), 'p-404', TEXT))).toBe('notFound');
    expect(reasonOf(savePersonalInvitation(as(JENS), 'p-jens', TEXT))).toBe('onlyLeaders');
  });

  test('sent in Teams: invited now, by Teams, and an earlier answer is reset (the new card asks again)', () => {
    const aggregate = withInvitation({ status: 'declined', via: 'teams', sentAt: 'before', answeredAt: 'before' });
    const outcome = sendPersonalInvitation(as(LENE, aggregate), 'p-jens', { ...TEXT, via: 'teams' });
    expect(outcome.ok && outcome.value).toMatchObject({ status: 'invited', via: 'teams', sentAt: '2027-01-20T12:00:00.000Z', text: TEXT.text });
    expect(outcome.ok && outcome.value.answeredAt).toBeUndefined();
    expect(outcome.ok && outcome.rows).toEqual([{ op: 'update', kind: 'personalInvitation', ids: ['p-jens'], value: outcome.ok && outcome.value, etag: 'e1' }]);
  });

  test('in Teams only to someone with a Teams user; by e-mail to anyone', () => {
    expect(sendPersonalInvitation(as(LENE), 'p-helle', { ...TEXT, via: 'teams' })).toMatchObject({
      ok: false,
      reason: 'rules',
      issues: [{ path: 'via', key: 'invitation.api.noTeamsUser', params: { name: 'Helle Hansen' } }],
    });
    const mailed = sendPersonalInvitation(as(LENE), 'p-helle', { ...TEXT, via: 'email' });
    expect(mailed.ok && mailed.value).toMatchObject({ participantId: 'p-helle', status: 'invited', via: 'email' });
    expect(mailed.ok && mailed.rows[0]).toMatchObject({ op: 'create', kind: 'personalInvitation', ids: ['p-helle'] });
  });

  test('only the leaders send; participants, the reference leader and outsiders are refused', () => {
    for (const actor of [JENS, HELLE, BIRGITTE, ULLA]) expect(reasonOf(sendPersonalInvitation(as(actor), 'p-jens', { ...TEXT, via: 'email' }))).toBe('onlyLeaders');
    expect(reasonOf(sendPersonalInvitation(as(LENE), 'p-jens', { ...TEXT, via: 'pigeon' }))).toBe('invalid');
  });

  test('removing a participant removes their invitation', () => {
    expect(invitationRowsOfRemoved(withInvitation(), 'p-jens')).toEqual([{ op: 'delete', kind: 'personalInvitation', ids: ['p-jens'] }]);
    expect(invitationRowsOfRemoved(withInvitation(), 'p-helle')).toEqual([]);
  });
});

describe('the answer', () => {
  test('the invitee answers their own invitation: accepted, with when', () => {
    const outcome = answerInvitation(as(JENS, sentInTeams()), 'accepted');
    expect(outcome.ok && outcome.value).toMatchObject({ participantId: 'p-jens', status: 'accepted', via: 'teams', answeredAt: '2027-01-20T12:00:00.000Z', updatedBy: 'Jens J.' });
    const declined = answerInvitation(as(JENS, sentInTeams()), 'declined');
    expect(declined.ok && declined.value.status).toBe('declined');
  });

  test('the answer is always the presser’s own: a leader without a participant row has no invitation to answer', () => {
    expect(reasonOf(answerInvitation(as(LENE, sentInTeams()), 'accepted'))).toBe('notParticipant');
    expect(reasonOf(answerInvitation(as(ULLA, sentInTeams()), 'accepted'))).toBe('notParticipant');
    // Helle has no invitation (only Jens has): her press does not answer Jens's.
    const helle = answerInvitation(as(HELLE, sentInTeams()), 'accepted');
    expect(reasonOf(helle)).toBe('notFound');
  });

  test('no answer to an invitation not sent (or withdrawn), nor "invited" as an answer', () => {
    expect(reasonOf(answerInvitation(as(JENS, withInvitation()), 'accepted'))).toBe('notFound');
    expect(reasonOf(answerInvitation(as(JENS), 'accepted'))).toBe('notFound');
    expect(reasonOf(answerInvitation(as(JENS, sentInTeams()), 'invited'))).toBe('invalid');
  });
});

describe('the leader records by hand', () => {
  const mailed = () => withInvitation({ status: 'invited', via: 'email', sentAt: '2027-01-10T10:00:00Z' });

  test('an answer given by e-mail: accepted or declined, with when; "invited" undoes it; null: not invited', () => {
    const yes = setInvitationStatus(as(LENE, mailed()), 'p-jens', { status: 'accepted' });
    expect(yes.ok && yes.value).toMatchObject({ status: 'accepted', via: 'email', sentAt: '2027-01-10T10:00:00Z', answeredAt: '2027-01-20T12:00:00.000Z' });
    const undo = setInvitationStatus(as(LENE, withInvitation({ status: 'accepted', via: 'email', sentAt: 's', answeredAt: 'a' })), 'p-jens', { status: 'invited' });
    expect(undo.ok && undo.value).toMatchObject({ status: 'invited', via: 'email', sentAt: 's' });
    expect(undo.ok && undo.value.answeredAt).toBeUndefined();
    const reset = setInvitationStatus(as(LENE, mailed()), 'p-jens', { status: null });
    expect(reset.ok && reset.value).toEqual(expect.objectContaining({ participantId: 'p-jens', subject: TEXT.subject, text: TEXT.text }));
    expect(reset.ok && ['status', 'via', 'sentAt', 'answeredAt'].filter((field) => field in reset.value)).toEqual([]);
  });

  test('a leader cannot answer for someone who got the card in Teams', () => {
    for (const status of ['accepted', 'declined', 'invited'] as const) {
      expect(setInvitationStatus(as(LENE, sentInTeams()), 'p-jens', { status })).toMatchObject({
        ok: false,
        reason: 'rules',
        issues: [{ key: 'invitation.api.answerInTeams', params: { name: 'Jens Jensen' } }],
      });
    }
    // Said yes by e-mail after all: recorded as sent another way, with the answer.
    const byMail = setInvitationStatus(as(LENE, sentInTeams()), 'p-jens', { status: 'accepted', via: 'email' });
    expect(byMail.ok && byMail.value).toMatchObject({ status: 'accepted', via: 'email' });
    // Withdrawing it is the leader's.
    expect(reasonOf(setInvitationStatus(as(LENE, sentInTeams()), 'p-jens', { status: null }))).toBe('ok');
    expect(reasonOf(setInvitationStatus(as(LENE, sentInTeams()), 'p-jens', { status: 'accepted', via: 'teams' }))).toBe('invalid');
  });

  test('nothing to record before it is sent; only the leaders record', () => {
    expect(setInvitationStatus(as(LENE, withInvitation()), 'p-jens', { status: 'accepted' })).toMatchObject({ reason: 'rules', issues: [{ key: 'invitation.api.notSent' }] });
    expect(reasonOf(setInvitationStatus(as(JENS, mailed()), 'p-jens', { status: 'accepted' }))).toBe('onlyLeaders');
  });
});
