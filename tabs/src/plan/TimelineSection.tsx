import type { SectionProps } from './PlanPage';

// Placeholder — being written.
export function TimelineSection(_props: SectionProps) {
  return null;
}
