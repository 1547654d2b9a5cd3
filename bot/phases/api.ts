import type { PhasePlan } from '../domain/model';
import * as schemas from '../domain/schemas';
import { inNetwork, parseBody, stamp } from '../api/context';
import { saveSingleton } from '../api/collections';

// The network's course in phases (the tab's timeline; the rules in domain/phases.ts).

/** PUT …/phases — the whole phase plan at once. */
export const savePhasePlan = inNetwork('edit', async (ctx) => {
  const input = parseBody(schemas.phasePlanSaveSchema, ctx.body);
  const value: PhasePlan = stamp(ctx, { steps: input.steps.map((s) => ({ ...s, id: s.id ?? ctx.services.newId() })) });
  return saveSingleton(ctx, { kind: 'phases', existing: ctx.aggregate.phasePlan, value, next: { ...ctx.aggregate, phasePlan: value } });
});
