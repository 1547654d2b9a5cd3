import type { SectionProps } from './PlanPage';

// Placeholder — being written.
export function ParticipantsSection(_props: SectionProps) {
  return null;
}
