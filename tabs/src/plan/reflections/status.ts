import { useCallback, useEffect, useState } from 'react';
import { formatDate, todayInCopenhagen } from '@domain/dates';
import type { MessageKey } from '@i18n';
import { useApp } from '../../shell/AppContext';

// How a send's outcome reads; what GET …/meetings/:meetingId/reflection-status answers is typed in the API client.

export type { DeliveryOutcome, ParticipantStatus, ReflectionStatus, SendState as Delivery } from '../../shell/networkApi';
import type { DeliveryOutcome, ReflectionStatus, SendState as Delivery } from '../../shell/networkApi';

const OUTCOME_KEYS: Record<DeliveryOutcome, MessageKey> = {
  sent: 'tab.reflections.delivery.sent',
  updated: 'tab.reflections.delivery.sent',
  skipped: 'tab.reflections.delivery.skipped',
  blocked: 'tab.reflections.delivery.blocked',
  notFound: 'tab.reflections.delivery.notFound',
  unreachable: 'tab.reflections.delivery.unreachable',
  failed: 'tab.reflections.delivery.failed',
};

/** Not sent yet (or no job yet) reads "pending"; a finished send reads its outcome. */
export const deliveryKey = (delivery?: Delivery): MessageKey =>
  delivery?.state === 'done' && delivery.outcome ? OUTCOME_KEYS[delivery.outcome] : 'tab.reflections.delivery.pending';

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
