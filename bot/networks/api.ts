import type { Network, NetworkAggregate } from '../domain/model';
import * as schemas from '../domain/schemas';
import { NETWORK_ROLE_KEYS, memberKeys, participantOf, roleOf, viewFor, type NetworkRole, type NetworkRoleKey, type PersonChoice } from '../domain/access';
import { adviseOnPlan, localizeAdvice } from '../domain/advice';
import { defaultPhasePlan } from '../domain/phases';
import { devIdentities } from '../auth/devIdentities';
import { commit, guarded, inNetwork, parseBody, requireIfMatch, stamp, type Handler, type NetworkContext, type RequestContext } from '../api/context';
import { conflict, forbidden, notFound, unprocessable } from '../api/errors';
import { checkNetworkRules } from '../domain/rules';
import { applyPatch, type Outcome } from '../changes/operation';
import { deletionDueAt } from '../privacy/retention';
import { operationContext, perform } from '../api/perform';
import { toStoreError } from '../storage/errors';
import { PLAN_KINDS } from '../storage/rows';
import { memberChoices } from '../participants/teamMembers';
import { withRoles, type KnownPerson } from '../domain/network';
import { applyRoles, isRoleKey, setNetworkRole, type RoleContext, type RolesChanged } from './roles';

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

/**
 * Whom the server knows beyond a network's participants, for choosing a role's holder by Entra id: the members of
 * the team (as Teams reported them to the bot); in development mode also the development identities, which stand
 * in for the tenant's directory there. Never a person only the request names.
 */
async function knownPeople(ctx: RequestContext, teamId: string | undefined): Promise<KnownPerson[]> {
  const team = teamId
    ? memberChoices(await guarded(() => ctx.services.conversations.listTeamMembers(teamId).catch((error: unknown) => Promise.reject(toStoreError(error)))))
    : [];
  const development = ctx.identity.mode === 'development' ? devIdentities.map(({ userId, name, email }) => ({ userId, name, email })) : [];
  return [...team, ...development];
}

/** The role choices a create or PATCH body names (null frees a role). */
function roleChoicesIn(input: Record<string, unknown>): Partial<Record<NetworkRoleKey, PersonChoice | null>> {
  return Object.fromEntries(NETWORK_ROLE_KEYS.filter((role) => input[role] !== undefined).map((role) => [role, input[role] as PersonChoice | null]));
}

/** Commits a change of roles; only the network's leader chooses them (a co-driver cannot make anyone, themselves included). */
async function performRoles(ctx: NetworkContext, outcome: Outcome<RolesChanged>) {
  if (!outcome.ok && outcome.reason === 'onlyLeaders') throw forbidden('api.rolesOnlyLeader');
  const { value, etag } = await perform(ctx, outcome);
  return { body: { network: { ...value.network, etag }, participants: value.participants }, etag };
}

/** A new network: the caller becomes its leader, and the process plan starts from the handbook's phases. */
export const createNetwork: Handler = async (ctx) => {
  const { coDriver, referenceLeader, ...input } = parseBody(schemas.networkCreateSchema, ctx.body);
  const now = ctx.services.now().toISOString();
  const unrolled: Network = stamp(ctx, {
    id: ctx.services.newId(),
    ...input,
    leader: { name: ctx.identity.name, userId: ctx.identity.userId, email: ctx.identity.email },
    createdAt: now,
  });
  // Roles named at once are chosen as later under Roller: by whom the server knows, never as the request spells them.
  const roles = withRoles(emptyAggregate(unrolled), await knownPeople(ctx, input.teamId), roleChoicesIn({ coDriver, referenceLeader }));
  if (!roles.ok) throw unprocessable(roles.issues);
  const network = roles.next.network;
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
export const getNetwork = inNetwork(
  'read',
  async (ctx) => {
    const view = viewFor(ctx.aggregate, ctx.identity);
    const advice = localizeAdvice(adviseOnPlan(ctx.aggregate), ctx.locale);
    const parts = planOnly(ctx) ? 'plan' : 'all';
    return {
      body: { ...view, parts, role: ctx.role, myParticipantId: participantOf(ctx.aggregate, ctx.identity)?.id, advice, retention: retentionOf(ctx) },
      etag: ctx.aggregate.network.etag,
    };
  },
  // ?parts=plan: only the plan's rows (the planning sections need no reflections, ideas or summaries; the advice is
  // about the plan) — for a large network a third of the rows and a quarter of the bytes.
  { kinds: (ctx) => (planOnly(ctx) ? PLAN_KINDS : undefined) },
);

const planOnly = (ctx: RequestContext) => ctx.query.parts === 'plan';

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
  const { coDriver, referenceLeader, ...patch } = parseBody(schemas.networkPatchSchema, ctx.body) as Record<string, unknown>;
  const after = stamp(ctx, applyPatch(network, patch));
  const roles = roleChoicesIn({ coDriver, referenceLeader });
  if (Object.keys(roles).length) {
    // The same operation as the Roller block's: only the leader, the chosen person as the server knows them.
    const roleCtx: RoleContext = { ...operationContext(ctx), known: await knownPeople(ctx, after.teamId) };
    const { body, etag: newEtag } = await performRoles(ctx, applyRoles(roleCtx, roles, { ...ctx.aggregate, network: after }));
    return { body: body.network, etag: newEtag };
  }
  const [newEtag] = await commit(ctx, { ...ctx.aggregate, network: after }, [{ op: 'update', kind: 'network', value: after, etag }]);
  return { body: { ...after, etag: newEtag }, etag: newEtag };
});

/** The role a path names (…/roles/:role): co-driver or reference leader, or 404. */
function requestedRole(ctx: NetworkContext): NetworkRoleKey {
  if (!isRoleKey(ctx.params.role)) throw notFound();
  return ctx.params.role;
}

/**
 * PUT …/roles/:role (If-Match: the network's) — the leader chooses the co-driver or the reference leader:
 * `{participantId}`, a team member's `{userId}`, or `{name, email?}`. Answers the network and the participants
 * whose role moved with it.
 */
export const putNetworkRole = inNetwork('edit', async (ctx) => {
  const role = requestedRole(ctx);
  const etag = requireIfMatch(ctx);
  const roleCtx: RoleContext = { ...operationContext(ctx), known: await knownPeople(ctx, ctx.aggregate.network.teamId) };
  return performRoles(ctx, setNetworkRole(roleCtx, role, ctx.body ?? {}, etag));
});

/** DELETE …/roles/:role (If-Match) — the role is free again; a participant who held it keeps taking part. */
export const deleteNetworkRole = inNetwork('edit', async (ctx) => {
  const role = requestedRole(ctx);
  const etag = requireIfMatch(ctx);
  return performRoles(ctx, setNetworkRole({ ...operationContext(ctx), known: [] }, role, null, etag));
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
