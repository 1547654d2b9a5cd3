import { useState } from 'react';
import type { PhaseStep } from '@domain/model';
import { useApp } from '../../shell/AppContext';
import type { PlanView } from '../../shell/usePlan';
import { useSaver } from '../../shared/formKit';
import { networkApi } from '../../shell/networkApi';

export type StepsChange = (steps: PhaseStep[]) => PhaseStep[];

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
 * Saves the process plan as "this change applied to the plan I see", with the plan's ETag, through the shared
 * saver. After a 409 the change is kept (the dialog stays open): load the latest plan and the same change applies
 * to it on the next save.
 */
export function usePhaseSaver(plan: PlanView, reload: () => Promise<void>) {
  const { api, t } = useApp();
  const saver = useSaver([]);
  /** The latest plan was loaded after a conflict; what the user typed is still there. */
  const [reloaded, setReloaded] = useState(false);

  async function save(change: StepsChange): Promise<boolean> {
    setReloaded(false);
    return saver.run(async () => {
      const steps = change(plan.phasePlan?.steps ?? []).map(forSave);
      await networkApi(api, plan.network.id).phases.save({ steps }, plan.phasePlan?.etag);
      await reload();
    });
  }

  async function loadLatest() {
    await reload();
    saver.clear();
    setReloaded(true);
  }

  const reset = () => (saver.clear(), setReloaded(false));
  /** What SaveFailureBar and ConfirmDialog show: the failure, or the note that the change is kept. */
  const bar = { failure: saver.failure, onReload: loadLatest, kept: reloaded ? t('tab.timeline.keptChange') : undefined };
  return { save, reset, busy: saver.saving, bar };
}
