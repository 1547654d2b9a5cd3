import type { Host } from '../shell/host';

// Which view the plan page is: the meeting side panel in Teams' side panel (its frame context), or in a browser
// with ?view=sidepanel (to try it, and for the tests). Pure: no React here.

export const SIDE_PANEL_VIEW = 'sidepanel';

export const sidePanelAsked = (search: string): boolean => new URLSearchParams(search).get('view') === SIDE_PANEL_VIEW;

/** Teams shows the configurable tab in a meeting's side panel with the frame context 'sidePanel'. */
export const isSidePanel = (host: Pick<Host, 'context'>, search: string): boolean =>
  host.context?.page?.frameContext === 'sidePanel' || sidePanelAsked(search);
