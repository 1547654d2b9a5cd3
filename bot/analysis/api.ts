import type { RowChange } from '../storage/networkStore';
import * as schemas from '../domain/schemas';
import { networkMaterial } from '../domain/material';
import { inNetwork } from '../api/context';
import { collectionHandlers, type CollectionSpec } from '../api/collections';
import { operationHandlers } from '../api/perform';
import { addAnalysisNote, changeAnalysisNote, deleteAnalysisNote } from './operations';

// Analysis in the tab: the material to analyse, the leaders' categories (one way in: plain list handling),
// everybody's notes.

/** GET …/analysis/material — everything by meeting and subtheme, so everybody sees everything in the analysis. */
export const analysisMaterial = inNetwork('read', async (ctx) => ({ body: networkMaterial(ctx.aggregate) }));

export const analysisCategories = collectionHandlers({
  kind: 'analysisCategory',
  list: 'analysisCategories',
  param: 'categoryId',
  createSchema: schemas.analysisCategoryCreateSchema,
  patchSchema: schemas.analysisCategoryPatchSchema,
  access: { create: 'edit', change: 'edit' },
  build: (ctx, input, id) => ({ id, order: ctx.aggregate.analysisCategories.length, ...(input as { title: string }) }),
  withoutItem: (aggregate, c) => ({ ...aggregate, analysisNotes: aggregate.analysisNotes.filter((n) => n.categoryId !== c.id) }),
  alongside: (ctx, before, after) =>
    after ? [] : ctx.aggregate.analysisNotes.filter((n) => n.categoryId === before!.id).map((n): RowChange => ({ op: 'delete', kind: 'analysisNote', ids: [n.id] })),
} satisfies CollectionSpec<'analysisCategories'>);

export const analysisNotes = operationHandlers('noteId', { create: addAnalysisNote, change: changeAnalysisNote, remove: deleteAnalysisNote });
