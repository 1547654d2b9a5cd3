import type { SectionProps } from './PlanPage';

// Placeholder — being written.
export function ThemeSection(_props: SectionProps) {
  return null;
}
