import type { SectionProps } from './PlanPage';

// Placeholder — being written.
export function PlannerSection(_props: SectionProps) {
  return null;
}
