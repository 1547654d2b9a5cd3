import type { ComponentType } from 'react';
import type { PlanSectionId } from '@domain/deepLink';
import type { SectionProps } from './SectionProps';
import type { OpeningView } from './opening';

// Where each part of the plan page is downloaded from (each is its own chunk): PlanPage draws them (through
// lazyPart), and ./early.ts starts the download of the one the page opens on before the page's script has run.
// No React or Fluent here, so that the early start stays early.

type Load = () => Promise<ComponentType<SectionProps>>;

export const SECTION_CODE = {
  theme: () => import('./theme/ThemeSection').then((m) => m.ThemeSection),
  participants: () => import('./participants/ParticipantsSection').then((m) => m.ParticipantsSection),
  invitations: () => import('./invitations/InvitationsSection').then((m) => m.InvitationsSection),
  meetings: () => import('./meetings/MeetingsSection').then((m) => m.MeetingsSection),
  planner: () => import('./planner/PlannerSection').then((m) => m.PlannerSection),
  agenda: () => import('./agenda/AgendaSection').then((m) => m.AgendaSection),
  reflections: () => import('./reflections/ReflectionsSection').then((m) => m.ReflectionsSection),
  summary: () => import('./summary/SummarySection').then((m) => m.SummarySection),
  analysis: () => import('./analysis/AnalysisSection').then((m) => m.AnalysisSection),
  calendar: () => import('./calendar/CalendarSection').then((m) => m.CalendarSection),
  timeline: () => import('./timeline/TimelineSection').then((m) => m.TimelineSection),
} as const satisfies Record<PlanSectionId, Load>;

export const printCode = () => import('./print/PrintView').then((m) => m.PrintView);
export const sidePanelCode = () => import('../meeting/SidePanel').then((m) => m.SidePanel);

/** The code of the view the page opens with (./opening.ts). */
export const codeOf = (view: OpeningView): Load => (view === 'print' ? printCode : view === 'sidePanel' ? sidePanelCode : SECTION_CODE[view]);
