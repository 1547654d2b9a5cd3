import { memberKeys } from '../domain/access';
import type { NetworkAggregate, PersonRef } from '../domain/model';
import type { RowChange } from '../storage/networkStore';
import type { RowKind } from '../storage/rows';
import { isSubject, namesOf, participantsOf, rolesOf, type DataSubject } from './person';

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
  const label = ERASED_NAME[aggregate.network.locale ?? 'da'];
  const names = namesOf(aggregate, subject);
  const anonymous: PersonRef = { name: label };
  const ref = (person: PersonRef | undefined) => (isSubject(subject, person) ? anonymous : person);
  const stampedBy = <T extends { updatedBy?: string }>(row: T): T => (row.updatedBy && names.has(row.updatedBy) ? { ...row, updatedBy: label } : row);

  const changes: RowChange[] = [];
  const update = (kind: RowKind, ids: string[], before: { etag?: string }, after: object) => {
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    const { etag, ...value } = after as { etag?: string };
    changes.push({ op: 'update', kind, ids, value, etag: etag ?? before.etag });
  };

  const { network } = aggregate;
  update('network', [], network, stampedBy({ ...network, leader: ref(network.leader)!, coDriver: ref(network.coDriver), referenceLeader: ref(network.referenceLeader) }));

  const erased = new Set(participantsOf(aggregate, subject).map((p) => p.id));
  for (const participant of aggregate.participants) {
    const after = erased.has(participant.id) ? { ...participant, name: label, email: undefined, userId: undefined } : participant;
    update('participant', [participant.id], participant, stampedBy(after));
    if (erased.has(participant.id)) for (const key of memberKeys(participant)) changes.push({ op: 'delete', kind: 'member', ids: [key] });
  }

  let privateReflectionsDeleted = 0;
  for (const reflection of aggregate.reflections) {
    const ids = [reflection.meetingId, reflection.participantId];
    if (erased.has(reflection.participantId) && !reflection.shared) {
      changes.push({ op: 'delete', kind: 'reflection', ids });
      privateReflectionsDeleted++;
    } else {
      update('reflection', ids, reflection, stampedBy(reflection));
    }
  }
  for (const idea of aggregate.ideas) {
    const owner = isSubject(subject, idea.owner) ? undefined : idea.owner;
    update('idea', [idea.id], idea, stampedBy({ ...idea, raisedBy: ref(idea.raisedBy)!, owner }));
  }
  for (const note of aggregate.analysisNotes) update('analysisNote', [note.id], note, stampedBy({ ...note, author: ref(note.author)! }));
  for (const revision of aggregate.themeRevisions) {
    if (names.has(revision.savedBy)) {
      changes.push({ op: 'upsert', kind: 'themeRevision', ids: [String(revision.revision).padStart(6, '0')], value: { ...revision, savedBy: label } });
    }
  }

  const singletons: [RowKind, { updatedBy?: string; etag?: string } | undefined][] = [
    ['theme', aggregate.theme],
    ['phases', aggregate.phasePlan],
    ['delivery', aggregate.delivery],
  ];
  for (const [kind, row] of singletons) if (row) update(kind, [], row, stampedBy(row));
  const lists: [RowKind, { updatedBy?: string; etag?: string }[], (row: never) => string[]][] = [
    ['subtheme', aggregate.subthemes, (s: { id: string }) => [s.id]],
    ['meeting', aggregate.meetings, (m: { id: string }) => [m.id]],
    ['assignment', aggregate.assignments, (a: { meetingId: string; participantId: string }) => [a.meetingId, a.participantId]],
    ['agenda', aggregate.agendas, (a: { meetingId: string }) => [a.meetingId]],
    ['summary', aggregate.summaries, (s: { meetingId: string }) => [s.meetingId]],
    ['analysisCategory', aggregate.analysisCategories, (c: { id: string }) => [c.id]],
  ];
  for (const [kind, rows, idsOf] of lists) for (const row of rows) update(kind, idsOf(row as never), row, stampedBy(row));
  for (const booking of aggregate.bookings) {
    const organizerId = subject.userId && booking.organizerId === subject.userId ? undefined : booking.organizerId;
    update('booking', [booking.meetingId], booking, stampedBy({ ...booking, organizerId }));
  }

  return { changes, privateReflectionsDeleted };
}
