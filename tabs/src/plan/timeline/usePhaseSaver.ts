import { useState } from 'react';
import type { PhaseStep } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import { ApiError } from '../../shell/api';
import type { PlanView } from '../../shell/usePlan';

export type StepsChange = (steps: PhaseStep[]) => PhaseStep[];
export interface SaveProblem {
  conflict: boolean;
  message: string;
}

/** Only what PUT /phases accepts; a new step has no id yet (the server gives it one). */
const forSave = ({ id, kind, title, description, startWeek, endWeek, date }: PhaseStep) => ({
  ...(id ? { id } : {}),
  kind,
  title,
  description,
  startWeek,
  endWeek,
  ...(date ? { date } : {}),
});

/**
 * Saves the process plan as "this change applied to the plan I see", with the plan's ETag. After a
 * 409 the change is kept (the dialog stays open): load the latest plan and the same change applies
 * to it on the next save.
 */
export function usePhaseSaver(plan: PlanView, reload: () => Promise<void>) {
  const { api } = useApp();
  const [problem, setProblem] = useState<SaveProblem>();
  const [busy, setBusy] = useState(false);
  /** The latest plan was loaded after a conflict; what the user typed is still there. */
  const [reloaded, setReloaded] = useState(false);

  async function save(change: StepsChange): Promise<boolean> {
    setBusy(true);
    setProblem(undefined);
    setReloaded(false);
    try {
      const steps = change(plan.phasePlan?.steps ?? []).map(forSave);
      await api.put(`/api/networks/${encodeURIComponent(plan.network.id)}/phases`, { steps }, plan.phasePlan?.etag);
      await reload();
      return true;
    } catch (error) {
      setProblem({ conflict: error instanceof ApiError && error.isConflict, message: (error as Error).message });
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function loadLatest() {
    await reload();
    setProblem(undefined);
    setReloaded(true);
  }

  const reset = () => (setProblem(undefined), setReloaded(false));
  return { save, loadLatest, problem, reloaded, reset, busy };
}
