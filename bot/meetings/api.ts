import type { Meeting, NetworkAggregate } from '../domain/model';
import * as schemas from '../domain/schemas';
import { countedLabel, defaultReflectionQuestions, listedLabel, meetingLabel } from '../domain/labels';
import { networkLocale } from '../domain/network';
import { dependentsOf } from '../domain/rules';
import { t, type Locale } from '../i18n';
import type { RowChange } from '../storage/networkStore';
import { collectionHandlers, type CollectionSpec } from '../api/collections';
import { inUse, type ApiError } from '../api/errors';
import { deleteAssignments } from '../planner/api';

// The meeting series in the tab: POST …/meetings, PATCH and DELETE …/meetings/:meetingId. Closing a
// meeting's reflections is in reflections/api.ts.

/** A meeting with reflections or a summary has been held; ideas and notes can be moved off it first. */
export function meetingInUse(aggregate: NetworkAggregate, meeting: Meeting, locale: Locale): ApiError | undefined {
  const found = dependentsOf(aggregate, { meetingId: meeting.id });
  const material = [
    found.reflections ? countedLabel(locale, 'reflection', found.reflections) : '',
    found.summary ? t(locale, 'count.summary') : '',
    found.ideas ? countedLabel(locale, 'idea', found.ideas) : '',
    found.analysisNotes ? countedLabel(locale, 'analysisNote', found.analysisNotes) : '',
  ].filter(Boolean);
  if (!material.length) return undefined;
  const advice = t(locale, found.reflections || found.summary ? 'api.meetingHasMaterial.held' : 'api.meetingHasMaterial.move');
  return inUse('api.meetingHasMaterial', { meeting: meetingLabel(meeting, aggregate.meetings, locale), material: listedLabel(locale, material), advice });
}

export const meetings = collectionHandlers({
  kind: 'meeting',
  list: 'meetings',
  param: 'meetingId',
  createSchema: schemas.meetingCreateSchema,
  patchSchema: schemas.meetingPatchSchema,
  access: { create: 'edit', change: 'edit' },
  // The default questions are what the posted reflection card asks: in the network's language.
  build: (ctx, input, id) => {
    const meeting = { id, calendarEventIds: {}, ...(input as Omit<Meeting, 'id' | 'calendarEventIds'>) };
    const questions = meeting.reflectionQuestions.length ? meeting.reflectionQuestions : defaultReflectionQuestions(networkLocale(ctx.aggregate.network));
    return { ...meeting, reflectionQuestions: questions };
  },
  inUse: (ctx, meeting) => meetingInUse(ctx.aggregate, meeting, ctx.locale),
  withoutItem: (aggregate, m) => ({
    ...aggregate,
    assignments: aggregate.assignments.filter((a) => a.meetingId !== m.id),
    agendas: aggregate.agendas.filter((a) => a.meetingId !== m.id),
  }),
  alongside: (ctx, before, after) =>
    after
      ? []
      : [
          ...deleteAssignments(ctx.aggregate.assignments.filter((a) => a.meetingId === before!.id)),
          ...ctx.aggregate.agendas.filter((a) => a.meetingId === before!.id).map((a): RowChange => ({ op: 'delete', kind: 'agenda', ids: [a.meetingId] })),
        ],
} satisfies CollectionSpec<'meetings'>);
