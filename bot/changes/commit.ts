import type { NetworkAggregate } from '../domain/model';
import type { ValidationIssue } from '../domain/validate';
import { recordVersions } from '../calendar/issue';
import type { DeepLinkConfig } from '../domain/deepLink';
import type { NetworkStore, RowChange } from '../storage/networkStore';
import type { RowKind } from '../storage/rows';
import { newRuleIssues } from './operation';

// The one way a change reaches the store, from the tab API and from card buttons alike: the network's
// rules are checked, a meeting's new calendar version recorded, and the scheduler told.

export interface CommitDeps {
  store: NetworkStore;
  now: () => Date;
  networkChanged: (networkId: string) => void;
  /** Set when Graph books the calendar: the booking records versions then, not the write. */
  calendar?: unknown;
  /** The links the calendar events carry (part of their content, so of their versions). */
  links?: DeepLinkConfig;
}

/**
 * Rows whose change sends nothing and changes no posted card: a reflection is read by its reminder when that is due
 * (bot/scheduler/handlers.ts), so saving one need not make the scheduler derive the network's jobs again.
 */
const UNSCHEDULED: ReadonlySet<RowKind> = new Set(['reflection']);

/** The rows a meeting's calendar event is made of (bot/calendar/event.ts) and its recorded versions: no other change moves one. */
const CALENDAR_ROWS: ReadonlySet<RowKind> = new Set(['network', 'meeting', 'subtheme', 'participant', 'assignment', 'booking']);

export class RulesBroken extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super('the change breaks a rule of the network');
  }
}

export async function commitChange(deps: CommitDeps, before: NetworkAggregate, next: NetworkAggregate, rows: RowChange[], by: string): Promise<(string | undefined)[]> {
  const issues = newRuleIssues(before, next);
  if (issues.length) throw new RulesBroken(issues);
  // Without Graph, the write that changes a meeting's calendar event records its new version (SEQUENCE).
  const versions = deps.calendar || !rows.some((row) => CALENDAR_ROWS.has(row.kind)) ? [] : recordVersions(before, next, deps.now(), by, deps.links);
  // The network row as it was read: the person index then follows a role that moves (bot/storage/personIndex.ts).
  const etags = await deps.store.commit(before.network.id, [...rows, ...versions], { networkBefore: before.network });
  if (versions.length || rows.some((row) => !UNSCHEDULED.has(row.kind))) deps.networkChanged(before.network.id);
  return etags;
}
