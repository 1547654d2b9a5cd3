import type { SectionProps } from './PlanPage';

// Placeholder — being written.
export function MeetingsSection(_props: SectionProps) {
  return null;
}
