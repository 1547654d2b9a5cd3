import { parseLinkTarget, type PlanSectionId } from '@domain/deepLink';
import type { PlanParts } from '../shell/networkApi';
import { openingOf } from './linkTarget';
import { sidePanelAsked } from '../meeting/view';

// What the plan page opens with, known from its address before any of its script has run (./early.ts): the view,
// and how much of the network that view needs. Pure: no React, no code loading here.

/**
 * The sections that show only the plan's own rows (bot/storage/rows.ts: no reflections, ideas, summaries, bookings,
 * invitations or theme revisions): they open on GET …?parts=plan, a fraction of a large network. Every other view
 * loads everything.
 */
const PLAN_ROWS_ONLY: readonly PlanSectionId[] = ['meetings', 'planner', 'agenda', 'timeline'];

export const partsFor = (section: PlanSectionId | undefined): PlanParts => (section && PLAN_ROWS_ONLY.includes(section) ? 'plan' : 'all');

export const printAsked = (search: string) => new URLSearchParams(search).get('view') === 'print';

export type OpeningView = PlanSectionId | 'print' | 'sidePanel';

/**
 * The view the page opens with, from its address: the print view, the meeting side panel (?view=sidepanel; in Teams'
 * side panel PlanPage knows only later), or the section the #… names (else the first) — and the plan it needs.
 */
export function pageOpening(location: Pick<Location, 'search' | 'hash'>): { view: OpeningView; parts: PlanParts } {
  if (printAsked(location.search)) return { view: 'print', parts: 'all' };
  if (sidePanelAsked(location.search)) return { view: 'sidePanel', parts: 'all' };
  const section = openingOf(parseLinkTarget(location.hash), true).section ?? 'theme';
  return { view: section, parts: partsFor(section) };
}
