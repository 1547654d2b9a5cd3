import type { Idea, PersonRef } from '../domain/model';
import { canContribute, canEditPlan, ideaOwnerFor, isPerson, personOf, recordedPerson, type NetworkRole, type PersonChoice } from '../domain/access';
import { ideaCreateSchema, ideaFromAnswerSchema, ideaPatchSchema, type IdeaPatchInput } from '../domain/schemas';
import { applyPatch, refused, roleIn, settled, stamped, validated, type OperationContext, type Outcome, type Refusal } from '../changes/operation';

// The idea parking lot: everything a person can do to an idea, from the tab or from the card.
// Anyone in the network raises ideas and takes ownership; participants change only their own
// parked idea's text and meeting; only the leaders set the status or change others' ideas.

type Patch = Omit<IdeaPatchInput, 'owner'> & { owner?: PersonChoice | null };
interface Found {
  ok: true;
  role: NetworkRole;
  idea: Idea;
}

const isOwn = (ctx: OperationContext, idea: Idea) => idea.raisedBy.userId === ctx.actor.userId;

/** The owner as stored: the actor or (leaders) a participant, named as the network records them; null releases. */
function chosenOwner(ctx: OperationContext, role: NetworkRole, wanted: PersonChoice | null, idea?: Idea): PersonRef | null | Refusal {
  if (wanted === null) return canEditPlan(role) || !idea?.owner || isPerson(ctx.actor, idea.owner) ? null : refused('ownerNotYou');
  const owner = ideaOwnerFor(ctx.aggregate, ctx.actor, role, wanted);
  if (owner === 'notYou') return refused('ownerNotYou');
  // Taking over someone else's idea is the leaders' call; a participant takes only ideas nobody owns (or their own).
  if (!canEditPlan(role) && idea?.owner && !isPerson(ctx.actor, idea.owner)) return refused('ownedByOther');
  if (owner === 'notParticipant') return refused('ownerNotParticipant');
  return owner;
}

const isRefusal = (value: unknown): value is Refusal => typeof value === 'object' && value !== null && (value as Refusal).ok === false;

/** Why a participant may not make this change (leaders may make any), or nothing. */
function notAllowed(ctx: OperationContext, role: NetworkRole, idea: Idea, patch?: Patch): Refusal | undefined {
  if (canEditPlan(role)) return undefined;
  if (patch?.status !== undefined) return refused('onlyLeaders');
  // Raising or deleting: only one's own parked idea, owned by nobody else.
  if (!patch) {
    if (idea.status !== 'parked') return refused('onlyLeaders');
    return isOwn(ctx, idea) && (!idea.owner || isPerson(ctx.actor, idea.owner)) ? undefined : refused('notYours');
  }
  const touchesText = patch.text !== undefined || patch.meetingId !== undefined;
  return touchesText && !isOwn(ctx, idea) ? refused('notYours') : undefined;
}

function found(ctx: OperationContext, ideaId: string): Found | Refusal {
  const role = roleIn(ctx);
  if (!canContribute(role)) return refused('notContributor');
  const idea = ctx.aggregate.ideas.find((i) => i.id === ideaId);
  return idea ? { ok: true, role: role!, idea } : refused('notFound');
}

function patched(ctx: OperationContext, { role, idea }: Found, patch: Patch, etag?: string): Outcome<Idea> {
  const owner = patch.owner === undefined ? undefined : chosenOwner(ctx, role, patch.owner, idea);
  if (isRefusal(owner)) return owner;
  const input = owner === undefined ? patch : { ...patch, owner };
  const refusal = notAllowed(ctx, role, idea, input);
  if (refusal) return refusal;
  if (etag !== undefined && etag !== idea.etag) return refused('stale');
  const after = stamped(ctx, applyPatch(idea, input as Record<string, unknown>));
  const next = { ...ctx.aggregate, ideas: ctx.aggregate.ideas.map((i) => (i.id === idea.id ? after : i)) };
  return settled(ctx, after, next, [{ op: 'update', kind: 'idea', ids: [idea.id], value: after, etag: idea.etag }]);
}

/** A new idea on the lot, raised by the actor as the network records them (so an erasure finds it). */
export function raiseIdea(ctx: OperationContext, input: unknown): Outcome<Idea> {
  const role = roleIn(ctx);
  if (!canContribute(role)) return refused('notContributor');
  const parsed = validated(ideaCreateSchema, input);
  if (!parsed.ok) return parsed;
  const { owner: wanted, ...fields } = parsed.value;
  const owner = wanted === undefined ? undefined : chosenOwner(ctx, role!, wanted);
  if (isRefusal(owner)) return owner;
  const idea: Idea = stamped(ctx, {
    id: ctx.newId(),
    ...fields,
    ...(owner ? { owner } : {}),
    raisedBy: recordedPerson(ctx.aggregate, ctx.actor),
    createdAt: ctx.now.toISOString(),
  });
  const refusal = notAllowed(ctx, role!, idea);
  if (refusal) return refusal;
  return settled(ctx, idea, { ...ctx.aggregate, ideas: [...ctx.aggregate.ideas, idea] }, [{ op: 'create', kind: 'idea', ids: [idea.id], value: idea }]);
}

/**
 * "Til P-pladsen": a leader puts an idea from a participant's reflection on the lot, credited to its author as
 * the participant list names them, with its owner (tovholder) at once when one is chosen.
 */
export function ideaFromAnswer(ctx: OperationContext, source: { meetingId: string; participantId: string }, input: unknown): Outcome<Idea> {
  const role = roleIn(ctx);
  if (!canEditPlan(role)) return refused('onlyLeaders');
  const author = ctx.aggregate.participants.find((p) => p.id === source.participantId);
  const answered = ctx.aggregate.reflections.some((r) => r.meetingId === source.meetingId && r.participantId === source.participantId);
  if (!author || !answered) return refused('notFound');
  const parsed = validated(ideaFromAnswerSchema, input);
  if (!parsed.ok) return parsed;
  const owner = parsed.value.owner === undefined ? undefined : chosenOwner(ctx, role!, parsed.value.owner);
  if (isRefusal(owner)) return owner;
  const idea: Idea = stamped(ctx, {
    id: ctx.newId(),
    text: parsed.value.text,
    meetingId: source.meetingId,
    raisedBy: personOf(author),
    ...(owner ? { owner } : {}),
    status: 'parked' as const,
    createdAt: ctx.now.toISOString(),
  });
  return settled(ctx, idea, { ...ctx.aggregate, ideas: [...ctx.aggregate.ideas, idea] }, [{ op: 'create', kind: 'idea', ids: [idea.id], value: idea }]);
}

/** Text, meeting, owner (null releases) or status, as the tab sends them; `etag` is the version the caller saw. */
export function changeIdea(ctx: OperationContext, ideaId: string, patch: unknown, etag?: string): Outcome<Idea> {
  const idea = found(ctx, ideaId);
  if (!idea.ok) return idea;
  const parsed = validated(ideaPatchSchema, patch);
  return parsed.ok ? patched(ctx, idea, parsed.value, etag) : parsed;
}

/** The actor becomes the idea's owner ("tovholder"), named as the network records them. */
export function takeIdea(ctx: OperationContext, ideaId: string): Outcome<Idea> {
  const idea = found(ctx, ideaId);
  return idea.ok ? patched(ctx, idea, { owner: recordedPerson(ctx.aggregate, ctx.actor) }) : idea;
}

export const setIdeaStatus = (ctx: OperationContext, ideaId: string, status: unknown): Outcome<Idea> => changeIdea(ctx, ideaId, { status });

export function deleteIdea(ctx: OperationContext, ideaId: string, etag?: string): Outcome<Idea> {
  const target = found(ctx, ideaId);
  if (!target.ok) return target;
  const { role, idea } = target;
  const refusal = notAllowed(ctx, role, idea);
  if (refusal) return refusal;
  if (etag !== undefined && etag !== idea.etag) return refused('stale');
  const next = { ...ctx.aggregate, ideas: ctx.aggregate.ideas.filter((i) => i.id !== idea.id) };
  return settled(ctx, idea, next, [{ op: 'delete', kind: 'idea', ids: [idea.id], etag: idea.etag }]);
}
