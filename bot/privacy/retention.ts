import { DateTime } from 'luxon';
import { ZONE } from '../domain/dates';
import type { Network } from '../domain/model';

// How long a network is kept: `retentionMonths` (the network's own, else the deployment's default)
// after its delivery was handed over; a network never delivered counts from the end of its period.

export function deletionDueAt(network: Pick<Network, 'deliveredAt' | 'endDate' | 'retentionMonths'>, defaultMonths: number): Date {
  const months = network.retentionMonths ?? defaultMonths;
  const from = network.deliveredAt
    ? DateTime.fromISO(network.deliveredAt, { zone: ZONE })
    : DateTime.fromISO(network.endDate, { zone: ZONE }).endOf('day');
  return from.plus({ months }).toJSDate();
}

export function isDueForDeletion(network: Pick<Network, 'deliveredAt' | 'endDate' | 'retentionMonths'>, defaultMonths: number, now: Date): boolean {
  return deletionDueAt(network, defaultMonths).getTime() <= now.getTime();
}
