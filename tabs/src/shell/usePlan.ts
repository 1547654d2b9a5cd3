import { useCallback, useEffect, useRef, useState } from 'react';
import { useApp } from './AppContext';
import { networkApi, type PlanParts, type PlanView } from './networkApi';
import { takePlanEarly } from './early';

export type { PlanParts, PlanView };

/** Whether a plan holds what a view needs: everything does; the plan's rows alone do for the planning sections. */
export const planCovers = (plan: PlanView | undefined, needs: PlanParts): plan is PlanView => !!plan && (plan.parts === 'all' || needs === 'plan');

/**
 * The network's plan as this user may see it, with as much as the view `needs` (the planning sections only the
 * plan's rows; the rest everything). Loaded again when the needs change and on `reload` (after a save).
 */
export function usePlan(networkId: string | undefined, needs: PlanParts = 'all') {
  const { api, me } = useApp();
  const [plan, setPlan] = useState<PlanView>();
  const [error, setError] = useState<Error>();
  // Loads may overlap (a save's reload, a switch of section): the last one asked is the one shown.
  const latest = useRef(0);
  const reload = useCallback(async () => {
    if (!networkId) return;
    const asked = ++latest.current;
    try {
      const prefetched = takePlanEarly(networkId, needs); // only the first load: a reload asks again
      const fresh = () => networkApi(api, networkId).get(needs);
      const answer = await (prefetched ? prefetched.catch(fresh) : fresh());
      if (asked !== latest.current) return;
      setPlan(answer);
      setError(undefined);
    } catch (failure) {
      if (asked === latest.current) setError(failure as Error);
    }
  }, [api, networkId, me.identity.userId, needs]);
  useEffect(() => void reload(), [reload]);
  const canEdit = plan?.role === 'leader' || plan?.role === 'coDriver';
  return { plan, error, reload, canEdit };
}
