import { t } from '../i18n';
import type { Participant } from '../domain/model';
import type { Outcome, Refusal } from '../changes/operation';
import { guarded, inNetwork, type ApiResult, type NetworkContext } from '../api/context';
import { operationContext, perform } from '../api/perform';
import { attachment } from '../api/download';
import { ApiError, notFound } from '../api/errors';
import { invitationsOverview, commonInvitationDraft, personalInvitationDraft } from './draft';
import { deliverInvitation, type Delivery } from './deliver';
import { invitationCardFor } from './card';
import { toEml } from './eml';
import { invitationOf, saveCommonInvitation, savePersonalInvitation, sendPersonalInvitation, setInvitationStatus } from './operations';
import type { UnreachableReason } from './view';

// The plan tab's "Invitationer", for the leaders: GET …/invitations (saved texts or drafts, statuses), PUT …/invitation
// (the common one), PUT …/invitations/:participantId (a personal draft), POST …/send (in Teams: the card is delivered
// before anything is recorded, and the answer says what happened; by e-mail or otherwise: recorded as sent),
// POST …/status (an answer given outside Teams), and each as an e-mail file (.eml).

const drafting = (ctx: NetworkContext) => ({ aggregate: ctx.aggregate, now: ctx.services.now() });

/** An invitation's own refusal (its words name the participant) as its HTTP answer; the rest as every operation's. */
async function performed<T extends object>(ctx: NetworkContext, outcome: Outcome<T>) {
  const own = !outcome.ok ? ownRefusal(outcome) : undefined;
  if (own) throw own;
  return perform(ctx, outcome);
}

/** Throws the refusal as its HTTP error. */
async function refusedAs(ctx: NetworkContext, refusal: Refusal): Promise<never> {
  await performed(ctx, refusal);
  throw new Error('a refusal is always thrown');
}

function ownRefusal(refusal: Refusal): ApiError | undefined {
  const issue = refusal.issues[0];
  if (refusal.reason !== 'rules' || !issue?.key.startsWith('invitation.api.')) return undefined;
  return new ApiError(422, issue.key.slice('invitation.api.'.length), issue.key, [], issue.params);
}

const seen = (ctx: NetworkContext) => ({ etag: ctx.ifMatch, versionRequired: true });

function requestedParticipant(ctx: NetworkContext): Participant {
  const participant = ctx.aggregate.participants.find((p) => p.id === ctx.params.participantId);
  if (!participant) throw notFound();
  return participant;
}

export const listInvitations = inNetwork('edit', async (ctx) => ({ body: invitationsOverview(drafting(ctx)) }));

export const saveCommon = inNetwork('edit', async (ctx) => {
  const existed = !!ctx.aggregate.invitation;
  const { value, etag } = await performed(ctx, saveCommonInvitation(operationContext(ctx), ctx.body, seen(ctx)));
  return { status: existed ? 200 : 201, body: value, etag };
});

export const savePersonal = inNetwork('edit', async (ctx) => {
  const existed = !!invitationOf(ctx.aggregate, ctx.params.participantId!);
  const { value, etag } = await performed(ctx, savePersonalInvitation(operationContext(ctx), ctx.params.participantId!, ctx.body, seen(ctx)));
  return { status: existed ? 200 : 201, body: value, etag };
});

/** HTTP status of a send that did not go through: the person cannot be reached (422), Teams is busy (503) or refused (502). */
const SEND_STATUS: Record<UnreachableReason, number> = { noTeamsUser: 422, noTeam: 422, notInTeam: 422, blocked: 422, chatGone: 422, busy: 503, failed: 502 };

/**
 * POST …/invitations/:participantId/send { subject, text, via }. In Teams the card goes to the person's 1:1 chat now
 * and the status becomes 'invited' only once Teams accepted it; otherwise the answer says why it did not arrive.
 */
export const sendInvitation = inNetwork('edit', async (ctx) => {
  const participant = requestedParticipant(ctx);
  const outcome = sendPersonalInvitation(operationContext(ctx), participant.id, ctx.body);
  if (!outcome.ok) return refusedAs(ctx, outcome);
  if (outcome.value.via === 'teams') {
    const { chats } = ctx.services;
    const delivery: Delivery = chats
      ? await deliverInvitation(chats, ctx.aggregate.network, participant, (teamsUserId) =>
          invitationCardFor(outcome.next, participant, { now: ctx.services.now(), refreshUserIds: teamsUserId ? [teamsUserId] : [], links: ctx.services.links })!,
        )
      : { ok: false, reason: 'busy' };
    if (!delivery.ok) {
      throw new ApiError(SEND_STATUS[delivery.reason], delivery.reason, `invitation.api.${delivery.reason}`, [], { name: participant.name, status: delivery.status ?? '—' });
    }
  }
  const { value, etag } = await recordSent(ctx, participant, outcome);
  return { body: value, etag };
});

/** Records the send; when someone changed the invitation meanwhile, records it on the latest version (it was sent). */
async function recordSent(ctx: NetworkContext, participant: Participant, outcome: Outcome<object>) {
  try {
    return await performed(ctx, outcome);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 409)) throw error;
    const latest = await guarded(() => ctx.services.store.load(ctx.aggregate.network.id));
    if (!latest) throw error;
    const again = { ...ctx, aggregate: latest };
    return performed(again, sendPersonalInvitation(operationContext(again), participant.id, ctx.body));
  }
}

/** POST …/invitations/:participantId/status { status, via? } — what the leader records for an invitation sent outside Teams. */
export const setStatus = inNetwork('edit', async (ctx) => {
  const { value, etag } = await performed(ctx, setInvitationStatus(operationContext(ctx), ctx.params.participantId!, ctx.body));
  return { body: value, etag };
});

const EML = 'message/rfc822';

function emlAnswer(ctx: NetworkContext, name: string, message: Parameters<typeof toEml>[0]): ApiResult {
  return { contentType: EML, headers: { 'Content-Disposition': attachment(name, 'eml') }, body: toEml(message) };
}

const sender = (ctx: NetworkContext) => ({ name: ctx.identity.name, email: ctx.identity.email });

/** GET …/invitation.eml — the common invitation (saved, else the draft) as an e-mail to send to a group. */
export const commonEml = inNetwork('edit', async (ctx) => {
  const text = ctx.aggregate.invitation ?? commonInvitationDraft(drafting(ctx));
  const name = t(ctx.locale, 'invitation.eml.common', { network: ctx.aggregate.network.name });
  return emlAnswer(ctx, name, { from: sender(ctx), subject: text.subject, text: text.text, date: ctx.services.now() });
});

/** GET …/invitations/:participantId/invitation.eml — the personal invitation (saved, else the draft), addressed to them. */
export const personalEml = inNetwork('edit', async (ctx) => {
  const participant = requestedParticipant(ctx);
  const text = invitationOf(ctx.aggregate, participant.id) ?? personalInvitationDraft(drafting(ctx), participant);
  const to = { name: participant.name, email: participant.email };
  const name = t(ctx.locale, 'invitation.eml.personal', { name: participant.name });
  return emlAnswer(ctx, name, { from: sender(ctx), to, subject: text.subject, text: text.text, date: ctx.services.now() });
});
