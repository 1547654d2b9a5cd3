import type { Meeting, Reflection } from '../domain/model';
import { canEditPlan, participantOf } from '../domain/access';
import { meetingOf } from '../domain/network';
import { todayInCopenhagen } from '../domain/dates';
import { reflectionSaveSchema } from '../domain/schemas';
import { refused, roleIn, settled, stamped, validated, type OperationContext, type Outcome } from '../changes/operation';

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

/** Who ends a meeting now: a leader (the tab, the meeting's side panel) or Teams itself (its meetingEnd event). */
export type MeetingEndedBy = 'leader' | 'teams';

export interface MeetingEnd {
  meetingId: string;
  /** Whether the meeting's reflection round already went out (its fan-out ran): the questions go once. */
  roundSent: boolean;
  by: MeetingEndedBy;
  /** When it ended, if Teams said so; default now. */
  at?: Date;
}

/**
 * The meeting ended now: its reflection questions are due at once instead of at the planned end
 * (`meetingEndsAt` prefers `endedAt`; the scheduler moves the round's one job). Idempotent: a meeting
 * already ended stays as it is. Refused when the round already went out (at the planned end, or an
 * earlier "now"), when the meeting is closed, and on a day before the meeting's own. Teams' event is
 * trusted as Teams (the Bot Framework channel proved it); from the tab only the leaders end a meeting.
 */
export function endMeetingNow(ctx: OperationContext, end: MeetingEnd): Outcome<Meeting> {
  const meeting = meetingOf(ctx.aggregate, end.meetingId);
  if (!meeting) return refused('notFound');
  if (end.by === 'leader' && !canEditPlan(roleIn(ctx))) return refused('onlyLeaders');
  if (meeting.closedAt) return refused('meetingClosed');
  if (end.roundSent) return refused('alreadySent');
  if (meeting.endedAt) return { ok: true, value: meeting, next: ctx.aggregate, rows: [] };
  const at = end.at && end.at < ctx.now ? end.at : ctx.now;
  if (todayInCopenhagen(at) < meeting.date) return refused('rules', [{ path: 'meetingId', key: 'api.reflectionsNotYet' }]);
  const { etag, ...stored } = meeting;
  const value: Meeting = stamped(ctx, { ...stored, endedAt: at.toISOString() });
  const next = { ...ctx.aggregate, meetings: ctx.aggregate.meetings.map((m) => (m.id === meeting.id ? value : m)) };
  return settled(ctx, value, next, [{ op: 'update', kind: 'meeting', ids: [meeting.id], value, etag }]);
}
