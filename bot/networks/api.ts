import type { Network, NetworkAggregate } from '../domain/model';
import * as schemas from '../domain/schemas';
import { roleOf, viewFor, participantOf, type NetworkRole } from '../domain/access';
import { adviseOnPlan, localizeAdvice } from '../domain/advice';
import { defaultPhasePlan } from '../domain/phases';
import { devIdentities } from '../auth/devIdentities';
import { commit, guarded, inNetwork, parseBody, requireIfMatch, stamp, type Handler, type NetworkContext } from '../api/context';
import { conflict, unprocessable } from '../api/errors';
import { checkNetworkRules } from '../domain/rules';
import { memberKeys } from '../domain/access';
import { applyPatch } from '../changes/operation';
import { deletionDueAt } from '../privacy/retention';

const emptyAggregate = (network: Network): NetworkAggregate => ({
  network,
  themeRevisions: [], subthemes: [], participants: [], meetings: [], assignments: [], agendas: [],
  summaries: [], reflections: [], ideas: [], analysisCategories: [], analysisNotes: [], bookings: [],
});

/** Who is asking, and in development mode which identities can be chosen. */
export const me: Handler = async (ctx) => ({
  body: {
    identity: ctx.identity,
    locale: ctx.locale,
    devIdentities: ctx.identity.mode === 'development' ? devIdentities : undefined,
  },
});

/** The caller's networks (leader, co-driver, reference leader or participant); ?channelId= finds the channel's. */
export const listNetworks: Handler = async (ctx) => {
  const { networks, memberOf } = await guarded(() => ctx.services.store.listNetworks(memberKeys(ctx.identity)));
  const rolesOf = (network: Network): NetworkRole | undefined =>
    memberOf.has(network.id) ? (roleOf({ network, participants: [] }, ctx.identity) ?? 'participant') : roleOf({ network, participants: [] }, ctx.identity);
  const mine = networks
    .map((network) => ({ ...network, role: rolesOf(network) }))
    .filter((entry) => entry.role && (!ctx.query.channelId || entry.channelId === ctx.query.channelId))
    .sort((a, b) => b.startDate.localeCompare(a.startDate));
  return { body: { networks: mine } };
};

/** A new network: the caller becomes its leader, and the process plan starts from the handbook's phases. */
export const createNetwork: Handler = async (ctx) => {
  const input = parseBody(schemas.networkCreateSchema, ctx.body);
  const now = ctx.services.now().toISOString();
  const network: Network = stamp(ctx, {
    id: ctx.services.newId(),
    ...input,
    leader: { name: ctx.identity.name, userId: ctx.identity.userId, email: ctx.identity.email },
    createdAt: now,
  });
  const phasePlan = stamp(ctx, defaultPhasePlan(network, input.locale ?? ctx.locale));
  const next: NetworkAggregate = { ...emptyAggregate(network), phasePlan };
  // A new network has no earlier state to compare with: every rule applies.
  const issues = checkNetworkRules(next);
  if (issues.length) throw unprocessable(issues);
  const context = { ...ctx, aggregate: next, role: 'leader' as const };
  const [etag] = await commit(context, next, [
    { op: 'create', kind: 'network', value: network },
    { op: 'create', kind: 'phases', value: phasePlan },
  ]);
  return { status: 201, body: { ...network, etag }, etag };
};

/** The whole network as this caller may see it, with the planning advice. */
export const getNetwork = inNetwork('read', async (ctx) => {
  const view = viewFor(ctx.aggregate, ctx.identity);
  const advice = localizeAdvice(adviseOnPlan(ctx.aggregate), ctx.locale);
  return {
    body: { ...view, role: ctx.role, myParticipantId: participantOf(ctx.aggregate, ctx.identity)?.id, advice, retention: retentionOf(ctx) },
    etag: ctx.aggregate.network.etag,
  };
});

/** When the network's data will be deleted (GDPR retention), for the delivery tab to show. */
function retentionOf(ctx: NetworkContext) {
  const { network } = ctx.aggregate;
  const defaultMonths = ctx.services.retentionMonths ?? 12;
  return {
    months: network.retentionMonths ?? defaultMonths,
    ownMonths: network.retentionMonths !== undefined,
    from: network.deliveredAt ? 'delivery' : 'endDate',
    deleteAfter: deletionDueAt(network, defaultMonths).toISOString(),
  };
}

export const patchNetwork = inNetwork('edit', async (ctx) => {
  const etag = requireIfMatch(ctx);
  const { network } = ctx.aggregate;
  if (network.etag !== etag) throw conflict();
  const patch = parseBody(schemas.networkPatchSchema, ctx.body) as Record<string, unknown>;
  const after = stamp(ctx, applyPatch(network, patch));
  const [newEtag] = await commit(ctx, { ...ctx.aggregate, network: after }, [{ op: 'update', kind: 'network', value: after, etag }]);
  return { body: { ...after, etag: newEtag }, etag: newEtag };
});

export const deleteNetwork = inNetwork('deleteNetwork', async (ctx) => {
  const etag = requireIfMatch(ctx);
  if (ctx.aggregate.network.etag !== etag) throw conflict();
  await guarded(() => ctx.services.store.deleteNetwork(ctx.aggregate.network.id));
  // Its scheduled and sent messages name people too; they go with it.
  await guarded(() => ctx.services.jobs.removeNetwork(ctx.aggregate.network.id));
  ctx.services.networkChanged(ctx.aggregate.network.id);
  return { status: 204 };
});
