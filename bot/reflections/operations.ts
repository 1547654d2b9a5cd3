import type { Reflection } from '../domain/model';
import { participantOf } from '../domain/access';
import { meetingOf } from '../domain/network';
import { reflectionSaveSchema } from '../domain/schemas';
import { refused, settled, stamped, validated, type OperationContext, type Outcome } from '../changes/operation';

// A participant's own reflection on a meeting, from the reflection card or the tab. Only the
// participant writes it — the leader cannot write it for them — and only until the meeting is closed.

export interface ReflectionSave {
  meetingId: string;
  /** { answers: [{ question, answer }], shared }, checked by the same schema whichever way it came. */
  input: unknown;
  /** The version the caller saw; the tab must send it once a reflection exists (`versionRequired`). */
  etag?: string;
  versionRequired?: boolean;
}

export const myReflection = (ctx: OperationContext, meetingId: string): Reflection | undefined => {
  const me = participantOf(ctx.aggregate, ctx.actor);
  return me && ctx.aggregate.reflections.find((r) => r.meetingId === meetingId && r.participantId === me.id);
};

export function saveMyReflection(ctx: OperationContext, save: ReflectionSave): Outcome<Reflection> {
  const meeting = meetingOf(ctx.aggregate, save.meetingId);
  if (!meeting) return refused('notFound');
  const me = participantOf(ctx.aggregate, ctx.actor);
  if (!me) return refused('notParticipant');
  if (meeting.closedAt) return refused('meetingClosed');
  const parsed = validated(reflectionSaveSchema, save.input);
  if (!parsed.ok) return parsed;
  const existing = myReflection(ctx, meeting.id);
  if (existing && save.versionRequired && save.etag === undefined) return refused('versionRequired');
  if (existing && save.etag !== undefined && save.etag !== existing.etag) return refused('stale');
  const value: Reflection = stamped(ctx, { meetingId: meeting.id, participantId: me.id, ...parsed.value, submittedAt: ctx.now.toISOString() });
  const ids = [meeting.id, me.id];
  const next = { ...ctx.aggregate, reflections: [...ctx.aggregate.reflections.filter((r) => r !== existing), value] };
  return settled(ctx, value, next, [
    existing ? { op: 'update', kind: 'reflection', ids, value, etag: existing.etag } : { op: 'create', kind: 'reflection', ids, value },
  ]);
}
