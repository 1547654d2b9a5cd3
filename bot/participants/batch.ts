import type { Network, NetworkAggregate, Participant } from '../domain/model';
import { canEditPlan, type NetworkRoleKey } from '../domain/access';
import { participantBatchCreateSchema, participantBatchPatchSchema, participantCreateSchema } from '../domain/schemas';
import { sameParticipant, type MatchedBy } from '../domain/participantMatch';
import type { ValidationIssue } from '../domain/validate';
import { applyPatch, refused, roleIn, settled, stamped, validated, type OperationContext, type Outcome, type Refusal } from '../changes/operation';
import { MAX_BATCH, type RowChange } from '../storage/networkStore';
import { memberIndexChanges, networkAfterParticipantChange, networkRow, newParticipant } from './operations';

// Participants in bulk: several added at once (POST …/participants/batch), or several given a kind or a role at once
// (PATCH …/participants/batch). Each is ONE operation with exactly the rules of one participant (its schema, the
// server's addedAt, the member index rows, the network's roles, in operations.ts), all or nothing: every row is
// checked, and the refusal names each row that cannot be, so the leader fixes them all in one go. What is stored is
// one transaction (≤ 100 rows: MAX_ITEMS.participantsPerBatch and participantChangesPerBatch keep it so).

/** What is wrong with one row, in terms the API puts into words (api.ts). */
export type RowProblem =
  /** The row's own schema: the field and its issue (path relative to the row). */
  | { kind: 'field'; issue: ValidationIssue }
  /** The same Teams user or e-mail as someone already on the list: who. */
  | { kind: 'already'; by: MatchedBy; existing: string }
  /** The same person as an earlier row of this request. */
  | { kind: 'twice'; by: MatchedBy; otherRow: number }
  /** The row's role is one of the network's, and someone else holds it. */
  | { kind: 'roleHeld'; role: NetworkRoleKey; holder: string };

export interface RowRefusal {
  /** Where in the request: 'participants.2.email', 'participantIds.0'. */
  path: string;
  /** 1-based, as the leader counts the rows she pasted (adding); none when the person is named instead (changing). */
  row?: number;
  name?: string;
  problem: RowProblem;
}

export type BatchRefusal =
  | Refusal
  /** Rows that cannot be: nothing is stored. */
  | { ok: false; reason: 'rows'; rows: RowRefusal[] }
  /** A row gives someone the network's co-driver or reference leader role: the leader's choice alone. */
  | { ok: false; reason: 'rolesOnlyLeader' };

export type BatchOutcome<T> = Outcome<T> | BatchRefusal;

const nameIn = (raw: unknown): string | undefined => {
  const name = (raw as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.trim() ? name.trim() : undefined;
};

/** The roles as the rows move them, row by row: a role given in row 2 is held when row 5 asks for it. */
function rolesAlong(ctx: OperationContext) {
  const role = roleIn(ctx);
  let network: Network = ctx.aggregate.network;
  let changed = false;
  let onlyLeader = false;
  return {
    /** The row's problem with the network's roles, if any. */
    apply(before: Participant | undefined, after: Participant): RowProblem | undefined {
      const outcome = networkAfterParticipantChange(network, role, before, after);
      if (!outcome.ok) {
        if (outcome.refusal.reason === 'onlyLeader') {
          onlyLeader = true;
          return undefined;
        }
        return { kind: 'roleHeld', role: outcome.refusal.role, holder: outcome.refusal.holder.name };
      }
      if (outcome.network) {
        network = outcome.network;
        changed = true;
      }
      return undefined;
    },
    get onlyLeader() {
      return onlyLeader;
    },
    /** The network's row when the roles moved, written against the version the request was checked on. */
    rows: (): RowChange[] => (changed ? [networkRow(network, ctx.aggregate.network.etag)] : []),
    next: (aggregate: NetworkAggregate): NetworkAggregate => (changed ? { ...aggregate, network } : aggregate),
  };
}

/** One transaction holds at most 100 rows; the limits on the request keep every batch inside it. */
function oneTransaction(rows: RowChange[]): RowChange[] {
  if (rows.length > MAX_BATCH) throw new Error(`a participant batch of ${rows.length} rows does not fit one transaction`);
  return rows;
}

/**
 * Several new participants at once, each checked as if added alone: its schema, not already on the list (same Teams
 * user or e-mail) nor twice in the request, its role free. All are added, or none and every row's problem is said.
 */
export function addParticipants(ctx: OperationContext, input: unknown): BatchOutcome<Participant[]> {
  if (!canEditPlan(roleIn(ctx))) return refused('onlyLeaders');
  const body = validated(participantBatchCreateSchema, input);
  if (!body.ok) return body;
  const problems: RowRefusal[] = [];
  const added: Participant[] = [];
  const rowOf = new Map<Participant, number>();
  const roles = rolesAlong(ctx);
  body.value.participants.forEach((raw, index) => {
    const row = index + 1;
    const at = `participants.${index}`;
    const name = nameIn(raw);
    const parsed = validated(participantCreateSchema, raw);
    if (!parsed.ok) {
      for (const issue of parsed.issues) problems.push({ path: `${at}.${issue.path}`, row, name, problem: { kind: 'field', issue } });
      return;
    }
    const participant = stamped(ctx, newParticipant(parsed.value, ctx.newId(), ctx.now));
    const already = sameParticipant(ctx.aggregate.participants, participant);
    if (already) {
      problems.push({ path: `${at}.${already.by}`, row, name, problem: { kind: 'already', by: already.by, existing: already.participant.name } });
      return;
    }
    const twice = sameParticipant(added, participant);
    if (twice) {
      problems.push({ path: `${at}.${twice.by}`, row, name, problem: { kind: 'twice', by: twice.by, otherRow: rowOf.get(twice.participant)! } });
      return;
    }
    const roleProblem = roles.apply(undefined, participant);
    if (roleProblem) {
      problems.push({ path: `${at}.role`, row, name, problem: roleProblem });
      return;
    }
    added.push(participant);
    rowOf.set(participant, row);
  });
  if (roles.onlyLeader) return { ok: false, reason: 'rolesOnlyLeader' };
  if (problems.length) return { ok: false, reason: 'rows', rows: problems };
  const rows = oneTransaction([
    ...added.map((p): RowChange => ({ op: 'create', kind: 'participant', ids: [p.id], value: p })),
    ...added.flatMap((p) => memberIndexChanges(undefined, p)),
    ...roles.rows(),
  ]);
  const next = roles.next({ ...ctx.aggregate, participants: [...ctx.aggregate.participants, ...added] });
  return settled(ctx, added, next, rows);
}

/**
 * Several participants given the same kind and/or role at once ("Sæt som Kerne"), each changed as if alone (the
 * network's roles follow a role given or taken). Unchanged participants are not written; all change, or none.
 */
export function changeParticipants(ctx: OperationContext, input: unknown): BatchOutcome<Participant[]> {
  if (!canEditPlan(roleIn(ctx))) return refused('onlyLeaders');
  const body = validated(participantBatchPatchSchema, input);
  if (!body.ok) return body;
  const { participantIds, change } = body.value;
  const ids = [...new Set(participantIds)];
  const targets = ids.map((id) => ctx.aggregate.participants.find((p) => p.id === id));
  if (targets.some((p) => !p)) return refused('notFound');
  const problems: RowRefusal[] = [];
  const changed = new Map<string, Participant>();
  const roles = rolesAlong(ctx);
  (targets as Participant[]).forEach((before, index) => {
    const after = applyPatch(before, change as Record<string, unknown>);
    if (after.kind === before.kind && after.role === before.role) return;
    const roleProblem = roles.apply(before, after);
    if (roleProblem) problems.push({ path: `participantIds.${index}`, name: before.name, problem: roleProblem });
    else changed.set(before.id, stamped(ctx, after));
  });
  if (roles.onlyLeader) return { ok: false, reason: 'rolesOnlyLeader' };
  if (problems.length) return { ok: false, reason: 'rows', rows: problems };
  const updated = [...changed.values()];
  const rows = oneTransaction([
    ...updated.map((p): RowChange => {
      const before = ctx.aggregate.participants.find((q) => q.id === p.id)!;
      return { op: 'update', kind: 'participant', ids: [p.id], value: { ...p, etag: undefined }, etag: before.etag };
    }),
    ...updated.flatMap((p) => memberIndexChanges(ctx.aggregate.participants.find((q) => q.id === p.id), p)),
    ...roles.rows(),
  ]);
  const next = roles.next({ ...ctx.aggregate, participants: ctx.aggregate.participants.map((p) => changed.get(p.id) ?? p) });
  const value = (targets as Participant[]).map((p) => changed.get(p.id) ?? p);
  return settled(ctx, value, next, rows);
}
