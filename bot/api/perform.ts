import type { OperationContext, Outcome, Refusal, RefusalReason } from '../changes/operation';
import { commit, inNetwork, requireIfMatch, type NetworkContext, type RequestContext } from './context';
import { ApiError, badRequest, conflict, forbidden, notFound, preconditionRequired, unprocessable } from './errors';

// The tab's side of an operation: who the request is from, and a refusal as the HTTP error it means.

export const operationContext = (ctx: NetworkContext): OperationContext => ({
  aggregate: ctx.aggregate,
  actor: actorOf(ctx),
  now: ctx.services.now(),
  newId: ctx.services.newId,
});

const actorOf = ({ identity }: RequestContext) => ({ userId: identity.userId, name: identity.name, email: identity.email });

const errors: Record<RefusalReason, (refusal: Refusal) => ApiError> = {
  notContributor: () => forbidden(),
  notParticipant: () => forbidden(),
  onlyLeaders: () => forbidden(),
  notYours: () => forbidden(),
  ownerNotYou: () => forbidden('api.ideaOwnerOnlyYourself'),
  ownedByOther: () => forbidden('api.ideaOwnedByOther'),
  ownerNotParticipant: () => new ApiError(422, 'ownerNotParticipant', 'api.ideaOwnerNotParticipant'),
  notFound: () => notFound(),
  meetingClosed: () => forbidden('api.meetingClosed'),
  alreadySent: () => new ApiError(409, 'alreadySent', 'api.reflectionsAlreadySent'),
  invalid: (refusal) => badRequest(refusal.issues),
  rules: (refusal) => unprocessable(refusal.issues),
  stale: () => conflict(),
  versionRequired: () => preconditionRequired(),
};

/** Commits the operation's change, or throws its refusal; the stored value comes back with its new ETag. */
export async function perform<T extends object>(ctx: NetworkContext, outcome: Outcome<T>): Promise<{ value: T; etag?: string }> {
  if (!outcome.ok) throw errors[outcome.reason](outcome);
  const [etag] = await commit(ctx, outcome.next, outcome.rows);
  return { value: { ...outcome.value, etag }, etag };
}

type Create<T> = (ctx: OperationContext, body: unknown) => Outcome<T>;
type Change<T> = (ctx: OperationContext, id: string, body: unknown, seen: string) => Outcome<T>;
type Remove<T> = (ctx: OperationContext, id: string, seen: string) => Outcome<T>;

/** POST, PATCH and DELETE (both with If-Match) of one kind of item, each a thin caller of its operation. */
export function operationHandlers<T extends object>(param: string, ops: { create: Create<T>; change: Change<T>; remove: Remove<T> }) {
  return {
    create: inNetwork('contribute', async (ctx) => {
      const { value, etag } = await perform(ctx, ops.create(operationContext(ctx), ctx.body));
      return { status: 201, body: value, etag };
    }),
    patch: inNetwork('contribute', async (ctx) => {
      const seen = requireIfMatch(ctx);
      const { value, etag } = await perform(ctx, ops.change(operationContext(ctx), ctx.params[param]!, ctx.body, seen));
      return { body: value, etag };
    }),
    remove: inNetwork('contribute', async (ctx) => {
      await perform(ctx, ops.remove(operationContext(ctx), ctx.params[param]!, requireIfMatch(ctx)));
      return { status: 204 };
    }),
  };
}
