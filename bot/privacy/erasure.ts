import { memberKeys } from '../domain/access';
import type { NetworkAggregate, PersonRef } from '../domain/model';
import type { RowChange } from '../storage/networkStore';
import { rowsOfAggregate, type AggregateRow } from '../storage/rows';
import { isSubject, namesOf, participantsOf, rolesOf, type DataSubject } from './person';
import { networkLocale } from '../domain/network';

// Erasure (GDPR art. 17) inside one network: the person's name, e-mail and Entra id leave every row,
// the network's history stays. Private reflections go; shared ones stay without a name.

export const ERASED_NAME = { da: 'Slettet person', en: 'Deleted person' } as const;

export interface NetworkErasure {
  changes: RowChange[];
  /** Why this network cannot be erased yet: the person still leads it. */
  blocked?: 'leadsActiveNetwork';
  privateReflectionsDeleted: number;
}

/** A network counts as finished once its delivery was handed over or it was closed. */
export const isFinished = (aggregate: NetworkAggregate): boolean =>
  !!aggregate.network.deliveredAt || aggregate.network.status === 'delivered' || aggregate.network.status === 'closed';

export function eraseFromNetwork(aggregate: NetworkAggregate, subject: DataSubject): NetworkErasure {
  if (rolesOf(aggregate, subject).includes('leader') && !isFinished(aggregate)) {
    return { changes: [], blocked: 'leadsActiveNetwork', privateReflectionsDeleted: 0 };
  }
  const label = ERASED_NAME[networkLocale(aggregate.network)];
  const names = namesOf(aggregate, subject);
  const erased = new Set(participantsOf(aggregate, subject).map((p) => p.id));
  const anonymous: PersonRef = { name: label };
  const ref = (person: unknown) => (isSubject(subject, person as PersonRef | undefined) ? anonymous : person);

  /** The row without the person: their own fields first, then whoever is named as its last editor. */
  const without = ({ kind, value }: AggregateRow): AggregateRow['value'] => {
    const row = { ...value };
    if (kind === 'network') Object.assign(row, { leader: ref(row.leader), coDriver: ref(row.coDriver), referenceLeader: ref(row.referenceLeader) });
    if (kind === 'participant' && erased.has(row.id as string)) Object.assign(row, { name: label, email: undefined, userId: undefined });
    if (kind === 'idea') Object.assign(row, { raisedBy: ref(row.raisedBy), owner: isSubject(subject, row.owner as PersonRef) ? undefined : row.owner });
    if (kind === 'analysisNote') row.author = ref(row.author);
    if (kind === 'booking' && subject.userId && row.organizerId === subject.userId) row.organizerId = undefined;
    if (kind === 'themeRevision' && names.has(row.savedBy as string)) row.savedBy = label;
    if (row.updatedBy && names.has(row.updatedBy)) row.updatedBy = label;
    return row;
  };

  const changes: RowChange[] = [];
  let privateReflectionsDeleted = 0;
  for (const row of rowsOfAggregate(aggregate)) {
    const { kind, ids, value } = row;
    // Their personal invitation is a letter to them by name: it goes with them.
    if (kind === 'personalInvitation' && erased.has(value.participantId as string)) {
      changes.push({ op: 'delete', kind, ids });
      continue;
    }
    if (kind === 'reflection' && erased.has(value.participantId as string) && !value.shared) {
      changes.push({ op: 'delete', kind, ids });
      privateReflectionsDeleted++;
      continue;
    }
    if (kind === 'participant' && erased.has(value.id as string)) {
      for (const key of memberKeys(value as { userId?: string; email?: string })) changes.push({ op: 'delete', kind: 'member', ids: [key] });
    }
    const after = without(row);
    if (JSON.stringify(after) === JSON.stringify(value)) continue;
    const { etag, ...changed } = after;
    // A row read without an ETag (a test's fixture) can only be replaced as a whole.
    changes.push(etag ? { op: 'update', kind, ids, value: changed, etag } : { op: 'upsert', kind, ids, value: changed });
  }
  return { changes, privateReflectionsDeleted };
}
