import type { CommonInvitation, NetworkAggregate, Participant, PersonalInvitation } from '../domain/model';
import { canEditPlan, participantOf } from '../domain/access';
import { invitationAnswerSchema, invitationSendSchema, invitationStatusSchema, invitationTextSchema } from '../domain/schemas';
import type { ValidationIssue } from '../domain/validate';
import type { RowChange } from '../storage/networkStore';
import { refused, roleIn, settled, stamped, validated, type OperationContext, type Outcome, type Refusal } from '../changes/operation';

// Invitations ("Indled kontakt til potentielle deltagere"): everything anyone can do to one, from the tab or the
// card. The leaders write the common invitation and each personal one, send them (in Teams the bot delivers the
// card first; the status becomes 'invited' only once it arrived) or record that they sent them another way, and
// record answers given outside Teams. A participant answers only their own invitation, as the presser of the card
// (Teams says who), never someone the card's data names; an answer to a card sent in Teams is theirs alone.

/** The version the caller saw; once the thing exists the tab must send it (`versionRequired`). */
export interface Seen {
  etag?: string;
  versionRequired?: boolean;
}

const invitationsOf = (aggregate: NetworkAggregate): PersonalInvitation[] => aggregate.invitations ?? [];

export const invitationOf = (aggregate: NetworkAggregate, participantId: string): PersonalInvitation | undefined =>
  invitationsOf(aggregate).find((invitation) => invitation.participantId === participantId);

/** A refusal in the invitation's own words (the API and the card show the issue's message). */
const refusedBecause = (key: ValidationIssue['key'], participant: Participant, path = ''): Refusal =>
  refused('rules', [{ path, key, params: { name: participant.name } }]);

function staleness(existing: { etag?: string } | undefined, seen: Seen): Refusal | undefined {
  if (!existing) return undefined;
  if (seen.versionRequired && seen.etag === undefined) return refused('versionRequired');
  if (seen.etag !== undefined && seen.etag !== existing.etag) return refused('stale');
  return undefined;
}

function leaderAndParticipant(ctx: OperationContext, participantId: string): { participant: Participant } | Refusal {
  if (!canEditPlan(roleIn(ctx))) return refused('onlyLeaders');
  const participant = ctx.aggregate.participants.find((p) => p.id === participantId);
  return participant ? { participant } : refused('notFound');
}

/** The personal invitation written back, with the row that stores it. */
function withInvitation(ctx: OperationContext, before: PersonalInvitation | undefined, after: PersonalInvitation): Outcome<PersonalInvitation> {
  const next: NetworkAggregate = {
    ...ctx.aggregate,
    invitations: [...invitationsOf(ctx.aggregate).filter((i) => i.participantId !== after.participantId), after],
  };
  const ids = [after.participantId];
  const row: RowChange = before
    ? { op: 'update', kind: 'personalInvitation', ids, value: after, etag: before.etag }
    : { op: 'create', kind: 'personalInvitation', ids, value: after };
  return settled(ctx, after, next, [row]);
}

/** The invitation without its sending and answer: a draft again. */
const unsent = ({ status: _status, via: _via, sentAt: _sentAt, answeredAt: _answeredAt, ...rest }: PersonalInvitation): PersonalInvitation => rest;

/** "Fælles invitation": the leaders save the text everyone gets. */
export function saveCommonInvitation(ctx: OperationContext, input: unknown, seen: Seen = {}): Outcome<CommonInvitation> {
  if (!canEditPlan(roleIn(ctx))) return refused('onlyLeaders');
  const parsed = validated(invitationTextSchema, input);
  if (!parsed.ok) return parsed;
  const existing = ctx.aggregate.invitation;
  const stale = staleness(existing, seen);
  if (stale) return stale;
  const value: CommonInvitation = stamped(ctx, { ...parsed.value });
  const row: RowChange = existing ? { op: 'update', kind: 'invitation', value, etag: existing.etag } : { op: 'create', kind: 'invitation', value };
  return settled(ctx, value, { ...ctx.aggregate, invitation: value }, [row]);
}

/** A personal invitation's text, saved as a draft: how and whether it was sent, and the answer, stay. */
export function savePersonalInvitation(ctx: OperationContext, participantId: string, input: unknown, seen: Seen = {}): Outcome<PersonalInvitation> {
  const found = leaderAndParticipant(ctx, participantId);
  if ('ok' in found) return found;
  const parsed = validated(invitationTextSchema, input);
  if (!parsed.ok) return parsed;
  const existing = invitationOf(ctx.aggregate, participantId);
  const stale = staleness(existing, seen);
  if (stale) return stale;
  return withInvitation(ctx, existing, stamped(ctx, { ...existing, participantId, ...parsed.value }));
}

/**
 * The invitation as sent: its text, how it went out and when; any earlier answer is reset (a new invitation asks
 * again). In Teams the caller delivers the card first and commits this only when Teams accepted it; by e-mail or
 * otherwise the leader records that they sent it themselves.
 */
export function sendPersonalInvitation(ctx: OperationContext, participantId: string, input: unknown): Outcome<PersonalInvitation> {
  const found = leaderAndParticipant(ctx, participantId);
  if ('ok' in found) return found;
  const parsed = validated(invitationSendSchema, input);
  if (!parsed.ok) return parsed;
  const { subject, text, via } = parsed.value;
  if (via === 'teams' && !found.participant.userId) return refusedBecause('invitation.api.noTeamsUser', found.participant, 'via');
  const existing = invitationOf(ctx.aggregate, participantId);
  const base = existing ? unsent(existing) : { participantId };
  return withInvitation(ctx, existing, stamped(ctx, { ...base, participantId, subject, text, status: 'invited', via, sentAt: ctx.now.toISOString() }));
}

/**
 * What the leaders record by hand for an invitation sent outside Teams: the answer given by e-mail or in person,
 * sent after all (another way), or not invited (null). An answer to a card in Teams is the participant's own.
 */
export function setInvitationStatus(ctx: OperationContext, participantId: string, input: unknown): Outcome<PersonalInvitation> {
  const found = leaderAndParticipant(ctx, participantId);
  if ('ok' in found) return found;
  const parsed = validated(invitationStatusSchema, input);
  if (!parsed.ok) return parsed;
  const { status, via } = parsed.value;
  const existing = invitationOf(ctx.aggregate, participantId);
  if (!existing?.status) return refusedBecause('invitation.api.notSent', found.participant, 'status');
  if (status === null) return withInvitation(ctx, existing, stamped(ctx, unsent(existing)));
  const otherWay = via ?? (existing.via === 'teams' ? undefined : existing.via);
  // Only the participant answers a card sent in Teams; the leaders may record that they sent it another way.
  if (existing.via === 'teams' && !via) return refusedBecause('invitation.api.answerInTeams', found.participant, 'status');
  const now = ctx.now.toISOString();
  const sent = { ...unsent(existing), via: otherWay ?? 'other', sentAt: via ? now : existing.sentAt ?? now };
  const after: PersonalInvitation = status === 'invited' ? { ...sent, status } : { ...sent, status, answeredAt: now };
  return withInvitation(ctx, existing, stamped(ctx, after));
}

/** The presser's own answer to their invitation ("Ja, jeg vil gerne være med" / "Nej tak"). */
export function answerInvitation(ctx: OperationContext, answer: unknown): Outcome<PersonalInvitation> {
  const me = participantOf(ctx.aggregate, ctx.actor);
  if (!me) return refused('notParticipant');
  const parsed = validated(invitationAnswerSchema, answer);
  if (!parsed.ok) return parsed;
  const existing = invitationOf(ctx.aggregate, me.id);
  if (!existing?.status) return refused('notFound');
  return withInvitation(ctx, existing, stamped(ctx, { ...existing, status: parsed.value, answeredAt: ctx.now.toISOString() }));
}

/** A participant's invitation goes when they are removed from the network: it is a letter to them by name. */
export function invitationRowsOfRemoved(aggregate: NetworkAggregate, participantId: string): RowChange[] {
  return invitationOf(aggregate, participantId) ? [{ op: 'delete', kind: 'personalInvitation', ids: [participantId] }] : [];
}
