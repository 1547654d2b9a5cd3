import type { PlanView } from '../shell/usePlan';

/** What every section of the plan gets: the plan as this user may see it, and how to refresh it. */
export interface SectionProps {
  plan: PlanView;
  canEdit: boolean;
  reload: () => Promise<void>;
}
