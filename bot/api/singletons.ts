import type { Agenda, Assignment, Delivery, NetworkAggregate, PhasePlan, Summary, ThemeRevision, ThemeUnfolding } from '../domain/model';
import * as schemas from '../domain/schemas';
import type { RowChange } from '../storage/networkStore';
import { revisionId, type RowKind } from '../storage/rows';
import { commit, inNetwork, parseBody, requestedMeeting, requireIfMatch, stamp, type NetworkContext, type ApiResult } from './context';
import { conflict, notFound } from './errors';

// Things a network or meeting has exactly one of (theme, agenda, summary...): PUT creates or replaces.

interface SingletonSave<T extends object> {
  kind: RowKind;
  ids?: string[];
  existing?: T & { etag?: string };
  value: T;
  next: NetworkAggregate;
  extra?: RowChange[];
}

/** First save creates (a concurrent first save gets 409); later saves need the ETag the client saw. */
async function saveSingleton<T extends object>(ctx: NetworkContext, save: SingletonSave<T>): Promise<ApiResult> {
  let change: RowChange;
  if (save.existing) {
    const etag = requireIfMatch(ctx);
    if (save.existing.etag !== etag) throw conflict();
    change = { op: 'update', kind: save.kind, ids: save.ids, value: save.value, etag };
  } else {
    change = { op: 'create', kind: save.kind, ids: save.ids, value: save.value };
  }
  const [etag] = await commit(ctx, save.next, [change, ...(save.extra ?? [])]);
  return { status: save.existing ? 200 : 201, body: { ...save.value, etag }, etag };
}

/** Saving the theme keeps a revision (who, when, what) and updates the network's heading with it. */
export const saveTheme = inNetwork('edit', async (ctx) => {
  const { theme: heading, ...unfolding } = parseBody(schemas.themeUnfoldingSaveSchema, ctx.body);
  const value: ThemeUnfolding = stamp(ctx, unfolding);
  const { network, themeRevisions } = ctx.aggregate;
  const revision: ThemeRevision = {
    revision: (themeRevisions.at(-1)?.revision ?? 0) + 1,
    savedAt: value.updatedAt!,
    savedBy: ctx.identity.name,
    theme: heading,
    unfolding,
  };
  const extra: RowChange[] = [{ op: 'create', kind: 'themeRevision', ids: [revisionId(revision.revision)], value: revision }];
  if (heading !== network.theme) {
    extra.push({ op: 'update', kind: 'network', value: { ...network, theme: heading }, etag: network.etag });
  }
  const next = { ...ctx.aggregate, theme: value, network: { ...network, theme: heading }, themeRevisions: [...themeRevisions, revision] };
  const result = await saveSingleton(ctx, { kind: 'theme', existing: ctx.aggregate.theme, value, next, extra });
  return { ...result, body: { ...(result.body as object), theme: heading, revision: revision.revision } };
});

export const saveAgenda = inNetwork('edit', async (ctx) => {
  const meeting = requestedMeeting(ctx);
  const input = parseBody(schemas.agendaSaveSchema, ctx.body);
  const value: Agenda = stamp(ctx, {
    meetingId: meeting.id,
    daysBeforeToPost: input.daysBeforeToPost,
    items: input.items.map((item) => ({ ...item, id: item.id ?? ctx.services.newId() })),
  });
  const existing = ctx.aggregate.agendas.find((a) => a.meetingId === meeting.id);
  const next = { ...ctx.aggregate, agendas: [...ctx.aggregate.agendas.filter((a) => a !== existing), value] };
  return saveSingleton(ctx, { kind: 'agenda', ids: [meeting.id], existing, value, next });
});

export const saveSummary = inNetwork('edit', async (ctx) => {
  const meeting = requestedMeeting(ctx);
  const value: Summary = stamp(ctx, { meetingId: meeting.id, ...parseBody(schemas.summarySaveSchema, ctx.body) });
  const existing = ctx.aggregate.summaries.find((s) => s.meetingId === meeting.id);
  const next = { ...ctx.aggregate, summaries: [...ctx.aggregate.summaries.filter((s) => s !== existing), value] };
  return saveSingleton(ctx, { kind: 'summary', ids: [meeting.id], existing, value, next });
});

export const saveDelivery = inNetwork('edit', async (ctx) => {
  const input = parseBody(schemas.deliverySaveSchema, ctx.body);
  const value: Delivery = stamp(ctx, {
    ...input,
    recommendations: input.recommendations.map((r) => ({ ...r, id: r.id ?? ctx.services.newId() })),
  });
  // Handing over starts the retention period; the network row carries the date so the daily sweep is one scan.
  const { network } = ctx.aggregate;
  const deliveredAt = value.status === 'delivered' ? (network.deliveredAt ?? value.updatedAt) : undefined;
  const nextNetwork = { ...network, deliveredAt };
  const extra: RowChange[] = deliveredAt !== network.deliveredAt ? [{ op: 'update', kind: 'network', value: { ...nextNetwork, etag: undefined }, etag: network.etag }] : [];
  return saveSingleton(ctx, { kind: 'delivery', existing: ctx.aggregate.delivery, value, extra, next: { ...ctx.aggregate, network: nextNetwork, delivery: value } });
});

export const savePhasePlan = inNetwork('edit', async (ctx) => {
  const input = parseBody(schemas.phasePlanSaveSchema, ctx.body);
  const value: PhasePlan = stamp(ctx, { steps: input.steps.map((s) => ({ ...s, id: s.id ?? ctx.services.newId() })) });
  return saveSingleton(ctx, { kind: 'phases', existing: ctx.aggregate.phasePlan, value, next: { ...ctx.aggregate, phasePlan: value } });
});

/** A row of the planning tool: who contributes what, and how, at one meeting. */
export const saveAssignment = inNetwork('edit', async (ctx) => {
  const meeting = requestedMeeting(ctx);
  const participantId = ctx.params.participantId!;
  const input = parseBody(schemas.assignmentUpsertSchema, { ...(ctx.body as object), meetingId: meeting.id, participantId });
  const value: Assignment = stamp(ctx, input);
  const existing = ctx.aggregate.assignments.find((a) => a.meetingId === meeting.id && a.participantId === participantId);
  const next = { ...ctx.aggregate, assignments: [...ctx.aggregate.assignments.filter((a) => a !== existing), value] };
  return saveSingleton(ctx, { kind: 'assignment', ids: [meeting.id, participantId], existing, value, next });
});

export const removeAssignment = inNetwork('edit', async (ctx) => {
  const existing = ctx.aggregate.assignments.find((a) => a.meetingId === ctx.params.meetingId && a.participantId === ctx.params.participantId);
  if (!existing) throw notFound();
  const etag = requireIfMatch(ctx);
  if (existing.etag !== etag) throw conflict();
  const next = { ...ctx.aggregate, assignments: ctx.aggregate.assignments.filter((a) => a !== existing) };
  await commit(ctx, next, [{ op: 'delete', kind: 'assignment', ids: [existing.meetingId, existing.participantId], etag }]);
  return { status: 204 };
});
