import { lazyPart } from '../shell/lazyPart';
import type { SectionProps } from '../plan/SectionProps';
import { sidePanelCode } from '../plan/sectionCode';

// The plan page's way into the meeting side panel: which view it is (./view.ts), and the view itself as a chunk of
// its own, downloaded only when the side panel is shown, so the plan's first download does not grow.

export { isSidePanel, sidePanelAsked } from './view';

export const sidePanel = lazyPart<SectionProps>(sidePanelCode);
