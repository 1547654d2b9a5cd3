import { useCallback, useEffect, useState } from 'react';
import { useApp } from './AppContext';
import type { Api } from './api';
import { networkApi, type PlanView } from './networkApi';

export type { PlanView };

let early: { networkId: string; plan: Promise<PlanView>; used?: boolean } | undefined;

/**
 * Asks for the page's plan (?networkId=) as soon as the API can be asked — beside "who am I", not after
 * it (plan.tsx passes this to mount). usePlan's first load takes the answer; a failed one is asked again.
 */
export function prefetchPlan(api: Api): void {
  const networkId = new URLSearchParams(window.location.search).get('networkId');
  if (!networkId || early) return;
  const plan = networkApi(api, networkId).get();
  plan.catch(() => undefined);
  early = { networkId, plan };
}

export function usePlan(networkId: string | undefined) {
  const { api, me } = useApp();
  const [plan, setPlan] = useState<PlanView>();
  const [error, setError] = useState<Error>();
  const reload = useCallback(async () => {
    if (!networkId) return;
    try {
      const prefetched = early && !early.used && early.networkId === networkId ? early.plan : undefined;
      if (early) early.used = true; // only the first load: a reload asks again
      const fresh = () => networkApi(api, networkId).get();
      setPlan(await (prefetched ? prefetched.catch(fresh) : fresh()));
      setError(undefined);
    } catch (failure) {
      setError(failure as Error);
    }
  }, [api, networkId, me.identity.userId]);
  useEffect(() => void reload(), [reload]);
  const canEdit = plan?.role === 'leader' || plan?.role === 'coDriver';
  return { plan, error, reload, canEdit };
}
