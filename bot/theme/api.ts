import type { ThemeRevision, ThemeUnfolding } from '../domain/model';
import * as schemas from '../domain/schemas';
import type { RowChange } from '../storage/networkStore';
import { revisionId } from '../storage/rows';
import { inNetwork, parseBody, stamp } from '../api/context';
import { collectionHandlers, saveSingleton, type CollectionSpec } from '../api/collections';

// The network's theme in the tab: its unfolding (PUT …/theme, every save a revision) and its subthemes.

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

/** POST …/subthemes, PATCH and DELETE …/subthemes/:subthemeId. */
export const subthemes = collectionHandlers({
  kind: 'subtheme',
  list: 'subthemes',
  param: 'subthemeId',
  createSchema: schemas.subthemeCreateSchema,
  patchSchema: schemas.subthemePatchSchema,
  access: { create: 'edit', change: 'edit' },
  build: (ctx, input, id) => ({ id, order: ctx.aggregate.subthemes.length, description: '', ...(input as { title: string }) }),
  // Meetings keep their place; they just lose the link to a removed subtheme.
  withoutItem: (aggregate, subtheme) => ({
    ...aggregate,
    meetings: aggregate.meetings.map((m) => (m.subthemeId === subtheme.id ? { ...m, subthemeId: undefined } : m)),
  }),
  alongside: (ctx, before, after) =>
    after
      ? []
      : ctx.aggregate.meetings
          .filter((m) => m.subthemeId === before!.id)
          .map((m): RowChange => ({ op: 'update', kind: 'meeting', ids: [m.id], value: { ...m, subthemeId: undefined }, etag: m.etag })),
} satisfies CollectionSpec<'subthemes'>);
