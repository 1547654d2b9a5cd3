import type { AnalysisNote } from '../domain/model';
import { canContribute, canEditPlan, recordedPerson, type NetworkRole } from '../domain/access';
import { analysisNoteCreateSchema, analysisNotePatchSchema } from '../domain/schemas';
import { applyPatch, refused, roleIn, settled, stamped, validated, type OperationContext, type Outcome, type Refusal } from '../changes/operation';

// Analysis notes at the closing meeting ("analyse via kategorier"), from the analysis card or the tab:
// anyone in the network adds one; its author or the leaders change or delete it.

interface Found {
  ok: true;
  note: AnalysisNote;
}

function found(ctx: OperationContext, noteId: string): Found | Refusal {
  const role: NetworkRole | undefined = roleIn(ctx);
  if (!canContribute(role)) return refused('notContributor');
  const note = ctx.aggregate.analysisNotes.find((n) => n.id === noteId);
  if (!note) return refused('notFound');
  return canEditPlan(role) || note.author.userId === ctx.actor.userId ? { ok: true, note } : refused('notYours');
}

/** A note in a category (the network's rules refuse an unknown one), written by the actor as the network records them. */
export function addAnalysisNote(ctx: OperationContext, input: unknown): Outcome<AnalysisNote> {
  if (!canContribute(roleIn(ctx))) return refused('notContributor');
  const parsed = validated(analysisNoteCreateSchema, input);
  if (!parsed.ok) return parsed;
  const note: AnalysisNote = stamped(ctx, { id: ctx.newId(), ...parsed.value, author: recordedPerson(ctx.aggregate, ctx.actor) });
  const next = { ...ctx.aggregate, analysisNotes: [...ctx.aggregate.analysisNotes, note] };
  return settled(ctx, note, next, [{ op: 'create', kind: 'analysisNote', ids: [note.id], value: note }]);
}

export function changeAnalysisNote(ctx: OperationContext, noteId: string, patch: unknown, etag?: string): Outcome<AnalysisNote> {
  const target = found(ctx, noteId);
  if (!target.ok) return target;
  const parsed = validated(analysisNotePatchSchema, patch);
  if (!parsed.ok) return parsed;
  const { note } = target;
  if (etag !== undefined && etag !== note.etag) return refused('stale');
  const after = stamped(ctx, applyPatch(note, parsed.value));
  const next = { ...ctx.aggregate, analysisNotes: ctx.aggregate.analysisNotes.map((n) => (n.id === note.id ? after : n)) };
  return settled(ctx, after, next, [{ op: 'update', kind: 'analysisNote', ids: [note.id], value: after, etag: note.etag }]);
}

export function deleteAnalysisNote(ctx: OperationContext, noteId: string, etag?: string): Outcome<AnalysisNote> {
  const target = found(ctx, noteId);
  if (!target.ok) return target;
  const { note } = target;
  if (etag !== undefined && etag !== note.etag) return refused('stale');
  const next = { ...ctx.aggregate, analysisNotes: ctx.aggregate.analysisNotes.filter((n) => n.id !== note.id) };
  return settled(ctx, note, next, [{ op: 'delete', kind: 'analysisNote', ids: [note.id], etag: note.etag }]);
}
