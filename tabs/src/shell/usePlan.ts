import { useCallback, useEffect, useState } from 'react';
import type { NetworkAggregate } from '@domain/model';
import type { NetworkRole } from '@domain/access';
import { useApp } from './AppContext';

/** What GET /api/networks/:id answers: the network as this user may see it, with the planning advice. */
export interface PlanView extends NetworkAggregate {
  role: NetworkRole;
  myParticipantId?: string;
  advice: { message: string; refs: string[] }[];
  /** When the network's data is deleted: `months` after the delivery (or the end date, if never delivered). */
  retention: { months: number; ownMonths: boolean; from: 'delivery' | 'endDate'; deleteAfter: string };
}

export function usePlan(networkId: string | undefined) {
  const { api, me } = useApp();
  const [plan, setPlan] = useState<PlanView>();
  const [error, setError] = useState<Error>();
  const reload = useCallback(async () => {
    if (!networkId) return;
    try {
      setPlan(await api.get<PlanView>(`/api/networks/${encodeURIComponent(networkId)}`));
      setError(undefined);
    } catch (failure) {
      setError(failure as Error);
    }
  }, [api, networkId, me.identity.userId]);
  useEffect(() => void reload(), [reload]);
  const canEdit = plan?.role === 'leader' || plan?.role === 'coDriver';
  return { plan, error, reload, canEdit };
}
