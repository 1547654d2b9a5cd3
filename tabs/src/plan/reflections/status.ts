import { useCallback, useEffect, useState } from 'react';
import { formatDate, todayInCopenhagen } from '@domain/dates';
import { useApp } from '../../shell/AppContext';

// How a send's outcome reads; what GET …/meetings/:meetingId/reflection-status answers is typed in the API client.

export type { DeliveryOutcome, ParticipantStatus, ReflectionStatus, SendState as Delivery } from '../../shell/networkApi';
import type { ReflectionStatus } from '../../shell/networkApi';

export { deliveryKey } from './promptCell';

/** An ISO date-time as dd.mm.yyyy, the day it was in Copenhagen. */
export const dayOf = (isoDateTime: string) => formatDate(todayInCopenhagen(new Date(isoDateTime)));

export function useReflectionStatus(path: string) {
  const { api } = useApp();
  const [status, setStatus] = useState<ReflectionStatus>();
  const [error, setError] = useState<string>();
  const refresh = useCallback(async () => {
    try {
      setStatus(await api.get<ReflectionStatus>(path));
      setError(undefined);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }, [api, path]);
  useEffect(() => void refresh(), [refresh]);
  return { status, error, refresh };
}
