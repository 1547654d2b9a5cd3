import { useCallback, useEffect, useState } from 'react';
import { useApp } from './AppContext';
import { networkApi, type PlanView } from './networkApi';

export type { PlanView };

export function usePlan(networkId: string | undefined) {
  const { api, me } = useApp();
  const [plan, setPlan] = useState<PlanView>();
  const [error, setError] = useState<Error>();
  const reload = useCallback(async () => {
    if (!networkId) return;
    try {
      setPlan(await networkApi(api, networkId).get());
      setError(undefined);
    } catch (failure) {
      setError(failure as Error);
    }
  }, [api, networkId, me.identity.userId]);
  useEffect(() => void reload(), [reload]);
  const canEdit = plan?.role === 'leader' || plan?.role === 'coDriver';
  return { plan, error, reload, canEdit };
}
