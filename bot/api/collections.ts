import type { z } from 'zod';
import type { NetworkAggregate } from '../domain/model';
import type { RowChange } from '../storage/networkStore';
import type { RowKind } from '../storage/rows';
import { commit, inNetwork, parseBody, requireIfMatch, stamp, type Access, type ApiResult, type Handler, type NetworkContext } from './context';
import { applyPatch } from '../changes/operation';
import { conflict, notFound, type ApiError } from './errors';

// The generic handling of a network's parts, used by the capabilities' api.ts: lists (create, patch,
// delete) and things a network or meeting has exactly one of (saveSingleton). Ideas and analysis notes
// have operations of their own (bot/ideas, bot/analysis): card and tab share them.
type ListKey = 'subthemes' | 'participants' | 'meetings' | 'analysisCategories';
type Item<K extends ListKey> = NetworkAggregate[K][number];

/** A list of things inside a network (participants, meetings...): create, patch, delete with ETags. */
export interface CollectionSpec<K extends ListKey> {
  kind: RowKind;
  list: K;
  param: string;
  createSchema: z.ZodType;
  patchSchema: z.ZodType;
  access: { create: Access; change: Access };
  build: (ctx: NetworkContext, input: Record<string, unknown>, id: string) => Item<K>;
  /** Why the item cannot be deleted, in words: others' work still refers to it. */
  inUse?: (ctx: NetworkContext, item: Item<K>) => ApiError | undefined;
  /** Rows to write with the item (index rows), or to remove with it (its assignments). */
  alongside?: (ctx: NetworkContext, before: Item<K> | undefined, after: Item<K> | undefined) => RowChange[];
  /** The aggregate after removal, beyond the item itself (cascades), for the rules check. */
  withoutItem?: (aggregate: NetworkAggregate, item: Item<K>) => NetworkAggregate;
}

function replaceItem<K extends ListKey>(aggregate: NetworkAggregate, list: K, items: Item<K>[]): NetworkAggregate {
  return { ...aggregate, [list]: items };
}

function findItem<K extends ListKey>(ctx: NetworkContext, spec: CollectionSpec<K>): Item<K> {
  const id = ctx.params[spec.param];
  const item = (ctx.aggregate[spec.list] as Item<K>[]).find((entry) => entry.id === id);
  if (!item) throw notFound();
  return item;
}

export function collectionHandlers<K extends ListKey>(spec: CollectionSpec<K>): { create: Handler; patch: Handler; remove: Handler } {
  const items = (ctx: NetworkContext) => ctx.aggregate[spec.list] as Item<K>[];

  const create = inNetwork(spec.access.create, async (ctx) => {
    const input = parseBody(spec.createSchema, ctx.body) as Record<string, unknown>;
    const item = stamp(ctx, spec.build(ctx, input, ctx.services.newId()));
    const next = replaceItem(ctx.aggregate, spec.list, [...items(ctx), item]);
    const [etag] = await commit(ctx, next, [
      { op: 'create', kind: spec.kind, ids: [item.id], value: item },
      ...(spec.alongside?.(ctx, undefined, item) ?? []),
    ]);
    return { status: 201, body: { ...item, etag }, etag };
  });

  const patch = inNetwork(spec.access.change, async (ctx) => {
    const etag = requireIfMatch(ctx);
    const before = findItem(ctx, spec);
    const input = parseBody(spec.patchSchema, ctx.body) as Record<string, unknown>;
    if (before.etag !== etag) throw conflict();
    const after = stamp(ctx, applyPatch(before, input));
    const next = replaceItem(ctx.aggregate, spec.list, items(ctx).map((entry) => (entry.id === before.id ? after : entry)));
    const [newEtag] = await commit(ctx, next, [
      { op: 'update', kind: spec.kind, ids: [after.id], value: after, etag },
      ...(spec.alongside?.(ctx, before, after) ?? []),
    ]);
    return { body: { ...after, etag: newEtag }, etag: newEtag };
  });

  const remove = inNetwork(spec.access.change, async (ctx) => {
    const etag = requireIfMatch(ctx);
    const item = findItem(ctx, spec);
    if (item.etag !== etag) throw conflict();
    const blocked = spec.inUse?.(ctx, item);
    if (blocked) throw blocked;
    let next = replaceItem(ctx.aggregate, spec.list, items(ctx).filter((entry) => entry.id !== item.id));
    next = spec.withoutItem?.(next, item) ?? next;
    // The item goes first and alone, so its delete can be conditional on the ETag; cascades follow.
    await commit(ctx, next, [{ op: 'delete', kind: spec.kind, ids: [item.id], etag }]);
    const cascade = spec.alongside?.(ctx, item, undefined) ?? [];
    if (cascade.length) await commit(ctx, next, cascade);
    return { status: 204 };
  });

  return { create, patch, remove };
}

export interface SingletonSave<T extends object> {
  kind: RowKind;
  ids?: string[];
  existing?: T & { etag?: string };
  value: T;
  next: NetworkAggregate;
  extra?: RowChange[];
}

/**
 * Things a network or meeting has exactly one of (theme, agenda, summary...): PUT creates or replaces.
 * The first save creates (a concurrent first save gets 409); later saves need the ETag the client saw.
 */
export async function saveSingleton<T extends object>(ctx: NetworkContext, save: SingletonSave<T>): Promise<ApiResult> {
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
