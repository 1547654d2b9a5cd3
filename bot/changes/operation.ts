import type { z } from 'zod';
import type { NetworkAggregate } from '../domain/model';
import { roleOf, type NetworkRole } from '../domain/access';
import { checkNetworkRules } from '../domain/rules';
import { parseInput, type ValidationIssue } from '../domain/validate';
import type { RowChange } from '../storage/networkStore';

// What every change a person makes to a network is: a pure function of the network as stored, who
// acts, and what they sent, giving the new value and the rows to write, or a refusal with its reason.
// The tab API and the card verbs both call the same operation, so both ways in follow the same rules.

/** Who acts, as proven by their sign-in (tab) or by Teams (card: no e-mail). */
export interface Actor {
  userId: string;
  name: string;
  email?: string;
}

export interface OperationContext {
  aggregate: NetworkAggregate;
  actor: Actor;
  now: Date;
  newId: () => string;
}

export type RefusalReason =
  | 'notContributor' // the reference leader or someone outside the network
  | 'notParticipant' // only a participant has a reflection of their own
  | 'onlyLeaders'
  | 'notYours' // someone else's idea or note
  | 'ownerNotYou'
  | 'ownedByOther' // a participant taking over an idea someone else owns: the leaders decide that
  | 'ownerNotParticipant'
  | 'notFound'
  | 'meetingClosed'
  | 'alreadySent' // the meeting's reflection questions went out already: they are sent once
  | 'invalid' // the input's schema: issues say which field
  | 'rules' // the network's rules: issues say which
  | 'stale' // the version the caller saw is no longer the stored one
  | 'versionRequired';

export interface Refusal {
  ok: false;
  reason: RefusalReason;
  issues: ValidationIssue[];
}

export interface Change<T> {
  ok: true;
  value: T;
  next: NetworkAggregate;
  rows: RowChange[];
}

export type Outcome<T> = Change<T> | Refusal;

export const refused = (reason: RefusalReason, issues: ValidationIssue[] = []): Refusal => ({ ok: false, reason, issues });

export const roleIn = (ctx: OperationContext): NetworkRole | undefined => roleOf(ctx.aggregate, ctx.actor);

export function validated<S extends z.ZodType>(schema: S, input: unknown): { ok: true; value: z.output<S> } | Refusal {
  const parsed = parseInput(schema, input ?? {});
  return parsed.ok ? parsed : refused('invalid', parsed.issues);
}

export function stamped<T extends object>(ctx: OperationContext, value: T): T & { updatedAt: string; updatedBy: string } {
  return { ...value, updatedAt: ctx.now.toISOString(), updatedBy: ctx.actor.name };
}

/** A patch: `null` clears an optional field, absent fields stay. */
export function applyPatch<T extends object>(item: T, patch: Record<string, unknown>): T {
  const next = { ...item } as Record<string, unknown>;
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next as T;
}

const issueId = (issue: ValidationIssue) => `${issue.path}|${issue.key}`;

/** Rules the change breaks; problems already stored do not block others' work. */
export function newRuleIssues(before: NetworkAggregate, next: NetworkAggregate): ValidationIssue[] {
  const known = new Set(checkNetworkRules(before).map(issueId));
  return checkNetworkRules(next).filter((issue) => !known.has(issueId(issue)));
}

/** The change, unless it breaks a rule of the network. */
export function settled<T>(ctx: OperationContext, value: T, next: NetworkAggregate, rows: RowChange[]): Outcome<T> {
  const issues = newRuleIssues(ctx.aggregate, next);
  return issues.length ? refused('rules', issues) : { ok: true, value, next, rows };
}
