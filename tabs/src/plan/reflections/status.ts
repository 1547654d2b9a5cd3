import { useCallback, useEffect, useState } from 'react';
import { formatDate, todayInCopenhagen } from '@domain/dates';
import type { ReflectionAnswer } from '@domain/model';
import type { MessageKey } from '@i18n';
import { useApp } from '../../shell/AppContext';

// What GET …/meetings/:meetingId/reflection-status answers, and how a send's outcome reads.

export type DeliveryOutcome = 'sent' | 'updated' | 'skipped' | 'blocked' | 'notFound' | 'unreachable' | 'failed';

export interface Delivery {
  state: 'pending' | 'running' | 'done';
  outcome?: DeliveryOutcome;
  detail?: string;
}

export interface ParticipantStatus {
  participantId: string;
  name: string;
  hasTeams: boolean;
  prompt?: Delivery;
  reminder?: Delivery;
  answered: boolean;
  submittedAt?: string;
  shared: boolean;
  answers?: ReflectionAnswer[];
}

export interface ReflectionStatus {
  meetingId: string;
  closedAt?: string;
  participants: ParticipantStatus[];
}

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
      setStatus(await api.get<ReflectionStatus>(`${path}/reflection-status`));
      setError(undefined);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }, [api, path]);
  useEffect(() => void refresh(), [refresh]);
  return { status, error, refresh };
}
