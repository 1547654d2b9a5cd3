import { parseLinkTarget, type LinkTarget, type PlanSectionId } from '@domain/deepLink';

// Where a link from a card or a calendar event opens the plan (bot/domain/deepLink.ts): in Teams the deep link's
// sub-entity id (the context's page.subPageId), anywhere else the address's #… — the same words either way. The plan
// opens at that section, at that meeting, its heading scrolled to and focused. Anything unknown opens the plan's top.

/** The sections only the leaders see (as the plan page and the API have it). */
const LEADERS_ONLY: readonly PlanSectionId[] = ['invitations', 'reflections', 'calendar'];

export interface Opening {
  /** The section to show; undefined: the plan's first. */
  section?: PlanSectionId;
  /** The meeting the section's picker starts at. */
  meetingId?: string;
  /** Open the delivery page instead. */
  delivery?: true;
  /** Bring the section's heading into view and focus it (a link asked for this place, not just a section's #). */
  focus: boolean;
}

/** The target a link gave this page: Teams' sub-entity id first, else the address's #…. */
export function linkTargetOf(subPageId: string | undefined, hash: string): { target?: LinkTarget; fromTeams: boolean } {
  const fromTeams = parseLinkTarget(subPageId);
  if (fromTeams) return { target: fromTeams, fromTeams: true };
  return { target: parseLinkTarget(hash), fromTeams: false };
}

/**
 * Where the plan opens for a target, for this user: the ideas are shown with the analysis; a section only the leaders
 * see opens, for anyone else, the meeting's summary (what was shared from the reflections) or the plan's top.
 */
export function openingOf(target: LinkTarget | undefined, canEdit: boolean, fromTeams = false): Opening {
  if (!target) return { focus: false };
  if (target.section === 'delivery') return { delivery: true, focus: false };
  // A plain "#agenda" is the page's own way of keeping the section; a meeting, an idea or Teams is a link's.
  const focus = fromTeams || !!target.meetingId || target.section === 'ideas';
  if (target.section === 'ideas') return { section: 'analysis', focus };
  if (!canEdit && LEADERS_ONLY.includes(target.section)) {
    return target.section === 'reflections' && target.meetingId ? { section: 'summary', meetingId: target.meetingId, focus } : { focus: false };
  }
  return { section: target.section, meetingId: target.meetingId, focus };
}
