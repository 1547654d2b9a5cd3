import type { NetworkAggregate, Participant } from '../domain/model';
import * as schemas from '../domain/schemas';
import type { ParticipantCreateInput } from '../domain/schemas';
import { countedLabel, listedLabel, orderMeetings } from '../domain/labels';
import { dependentsOf } from '../domain/rules';
import { t, type Locale } from '../i18n';
import type { RowChange } from '../storage/networkStore';
import { collectionHandlers, type CollectionSpec } from '../api/collections';
import { ApiError, forbidden, inUse, type ErrorBody } from '../api/errors';
import { commit, inNetwork } from '../api/context';
import { operationContext, perform } from '../api/perform';
import type { MessageKey } from '../i18n/da';
import { addParticipants, changeParticipants, type BatchOutcome, type RowRefusal } from './batch';
import { deleteAssignments } from '../planner/api';
import { invitationRowsOfRemoved } from '../invitations/operations';
import { memberIndexChanges, networkAfterParticipantChange, networkRow, newParticipant, type RoleRefusal } from './operations';
import { roleLabel } from '../domain/labels';
import type { NetworkContext } from '../api/context';

// The network's participants in the tab: POST …/participants, PATCH and DELETE …/participants/:participantId.
// A participant linked to a Teams user has member index rows (who may see the network), kept in step here.

/** A role refusal (operations.ts) as the tab reads it: whose role it is and where to change it, or who may hand it out. */
export function roleRefusalError(refusal: RoleRefusal, name: string, locale: Locale): ApiError {
  if (refusal.reason === 'onlyLeader') return forbidden('api.rolesOnlyLeader');
  const params = roleHeldParams(refusal, name, locale);
  return new ApiError(422, 'roleHeld', 'api.roleHeldByOther', [{ path: 'role', key: 'api.roleHeldByOther', params }], params);
}

export const roleHeldParams = (refusal: Extract<RoleRefusal, { reason: 'roleHeld' }>, name: string, locale: Locale) => ({
  role: roleLabel(refusal.role, locale).toLocaleLowerCase(locale),
  holder: refusal.holder.name,
  name,
});

/** The network row when the participant's role moves the network's roles (bot/participants/operations.ts). */
function networkRoleChanges(ctx: NetworkContext, before: Participant | undefined, after: Participant | undefined): RowChange[] {
  const outcome = networkAfterParticipantChange(ctx.aggregate.network, ctx.role, before, after);
  if (!outcome.ok) throw roleRefusalError(outcome.refusal, after?.name ?? '', ctx.locale);
  return outcome.network ? [networkRow(outcome.network, ctx.aggregate.network.etag)] : [];
}

/**
 * A participant who wrote reflections stays: the reflections are the network's material. Refused in words
 * (who, how much, what the leader can do instead), never with ids: the leader reads this.
 */
export function participantInUse(aggregate: NetworkAggregate, participant: Participant, locale: Locale): ApiError | undefined {
  const { reflections, meetingIds } = dependentsOf(aggregate, { participantId: participant.id });
  if (!reflections) return undefined;
  const order = orderMeetings(aggregate.meetings).map((m) => m.id);
  const numbers = meetingIds.map((id) => order.indexOf(id) + 1).filter((n) => n > 0).sort((a, b) => a - b).map(String);
  const meetings = t(locale, 'count.meetings', { count: numbers.length, numbers: listedLabel(locale, numbers) });
  return inUse('api.participantHasReflections', { name: participant.name, reflections: countedLabel(locale, 'reflection', reflections), meetings });
}

export const participants = collectionHandlers({
  kind: 'participant',
  list: 'participants',
  param: 'participantId',
  createSchema: schemas.participantCreateSchema,
  patchSchema: schemas.participantPatchSchema,
  access: { create: 'edit', change: 'edit' },
  // When they joined is the server's word (no schema accepts it): who is asked about a meeting depends on it.
  build: (ctx, input, id) => newParticipant(input as ParticipantCreateInput, id, ctx.services.now()),
  inUse: (ctx, participant) => participantInUse(ctx.aggregate, participant, ctx.locale),
  withoutItem: (aggregate, p) => ({ ...aggregate, assignments: aggregate.assignments.filter((a) => a.participantId !== p.id) }),
  alongside: (ctx, before, after) => [
    ...networkRoleChanges(ctx, before, after),
    ...memberIndexChanges(before, after),
    ...(after ? [] : deleteAssignments(ctx.aggregate.assignments.filter((a) => a.participantId === before!.id))),
    ...(after ? [] : invitationRowsOfRemoved(ctx.aggregate, before!.id)),
  ],
} satisfies CollectionSpec<'participants'>);

// ——— participants in bulk (batch.ts): POST and PATCH …/participants/batch ———

const FIELD_LABELS: Partial<Record<string, MessageKey>> = {
  name: 'tab.participants.field.name',
  kind: 'tab.participants.field.kind',
  role: 'tab.participants.field.role',
  unit: 'tab.participants.field.unit',
  email: 'tab.participants.field.email',
  userId: 'tab.participants.field.member',
  competenceAreas: 'tab.participants.field.competences',
  customCompetences: 'tab.participants.field.custom',
};

/** One row's problem in the reader's words: "Række 3 (Ole Hansen): E-mail: Det er ikke en gyldig e-mailadresse." */
export function rowMessage(refusal: RowRefusal, locale: Locale): string {
  const { problem } = refusal;
  let text: string;
  if (problem.kind === 'field') {
    const field = problem.issue.path.split('.')[0] ?? '';
    const label = FIELD_LABELS[field];
    const message = t(locale, problem.issue.key, problem.issue.params);
    text = label ? t(locale, 'api.participantsBatch.field', { field: t(locale, label), problem: message }) : message;
  } else if (problem.kind === 'already') {
    text = t(locale, 'api.participantsBatch.already', { existing: problem.existing, by: problem.by });
  } else if (problem.kind === 'twice') {
    text = t(locale, 'api.participantsBatch.twice', { other: problem.otherRow, by: problem.by });
  } else {
    text = t(locale, 'api.roleHeldByOther', roleHeldParams({ reason: 'roleHeld', role: problem.role, holder: { name: problem.holder } }, refusal.name ?? '', locale));
  }
  if (refusal.row === undefined) return t(locale, 'api.participantsBatch.person', { name: refusal.name ?? '', problem: text });
  return refusal.name
    ? t(locale, 'api.participantsBatch.rowNamed', { row: refusal.row, name: refusal.name, problem: text })
    : t(locale, 'api.participantsBatch.row', { row: refusal.row, problem: text });
}

/** 422: the rows that cannot be, each named with its problem; nothing was stored. */
export class RowsRefused extends ApiError {
  constructor(
    readonly rows: RowRefusal[],
    key: MessageKey,
  ) {
    super(422, 'rowsRefused', key, [], { count: new Set(rows.map((r) => r.row ?? r.path)).size });
  }

  override body(locale: Locale): ErrorBody {
    const body = super.body(locale);
    return { error: { ...body.error, details: this.rows.map((row) => ({ path: row.path, message: rowMessage(row, locale) })) } };
  }
}

/** Stores the batch's rows in one commit, or throws its refusal; each participant comes back with its new ETag. */
async function performBatch(ctx: NetworkContext, outcome: BatchOutcome<Participant[]>, refusedKey: MessageKey): Promise<Participant[]> {
  if (!outcome.ok) {
    if (outcome.reason === 'rows') throw new RowsRefused(outcome.rows, refusedKey);
    if (outcome.reason === 'rolesOnlyLeader') throw forbidden('api.rolesOnlyLeader');
    await perform(ctx, outcome);
    throw new Error('unreachable: a refusal is thrown by perform');
  }
  const etags = await commit(ctx, outcome.next, outcome.rows);
  const written = new Map<string, string | undefined>();
  outcome.rows.forEach((row, i) => {
    if (row.kind === 'participant' && row.ids?.[0]) written.set(row.ids[0], etags[i]);
  });
  return outcome.value.map((p) => (written.has(p.id) ? { ...p, etag: written.get(p.id) } : p));
}

/** POST …/participants/batch { participants: [...] } — leaders: several participants at once, all or none. */
export const createParticipants = inNetwork('edit', async (ctx) => {
  const added = await performBatch(ctx, addParticipants(operationContext(ctx), ctx.body), 'api.participantsBatch.refused');
  return { status: 201, body: { participants: added } };
});

/** PATCH …/participants/batch { participantIds, change: { kind?, role? } } — leaders: several given a kind or role at once. */
export const changeParticipantsInBulk = inNetwork('edit', async (ctx) => {
  const changed = await performBatch(ctx, changeParticipants(operationContext(ctx), ctx.body), 'api.participantsBatch.changeRefused');
  return { body: { participants: changed } };
});
