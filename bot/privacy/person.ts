import type { NetworkAggregate, Participant, PersonRef } from '../domain/model';

// Who a data-protection request is about: an Entra object id, an e-mail, or both. A stored person
// matches when either is the same (e-mail without regard to case).

export interface DataSubject {
  userId?: string;
  email?: string;
}

const normal = (email?: string) => email?.trim().toLowerCase() || undefined;

export function isSubject(subject: DataSubject, person: { userId?: string; email?: string } | undefined): boolean {
  if (!person) return false;
  if (subject.userId && person.userId === subject.userId) return true;
  const email = normal(subject.email);
  return !!email && normal(person.email) === email;
}

/** The subject's participant rows in one network. */
export function participantsOf(aggregate: NetworkAggregate, subject: DataSubject): Participant[] {
  return aggregate.participants.filter((participant) => isSubject(subject, participant));
}

/** Everyone the network names: its roles, its participants, who raised and owns each idea, who wrote each note. */
function peopleIn(aggregate: NetworkAggregate): (PersonRef | Participant | undefined)[] {
  const { network } = aggregate;
  return [
    network.leader,
    network.coDriver,
    network.referenceLeader,
    ...aggregate.participants,
    ...aggregate.ideas.flatMap((idea) => [idea.raisedBy, idea.owner]),
    ...aggregate.analysisNotes.map((note) => note.author),
  ];
}

/** The names the subject is known by in this network: edits are stamped with a name only. */
export function namesOf(aggregate: NetworkAggregate, subject: DataSubject): Set<string> {
  const names = peopleIn(aggregate).filter((ref) => isSubject(subject, ref)).map((ref) => ref!.name.trim());
  return new Set(names.filter(Boolean));
}

export type SubjectRole = 'leader' | 'coDriver' | 'referenceLeader' | 'participant';

export function rolesOf(aggregate: NetworkAggregate, subject: DataSubject): SubjectRole[] {
  const { network } = aggregate;
  const roles: SubjectRole[] = [];
  if (isSubject(subject, network.leader)) roles.push('leader');
  if (isSubject(subject, network.coDriver)) roles.push('coDriver');
  if (isSubject(subject, network.referenceLeader)) roles.push('referenceLeader');
  if (participantsOf(aggregate, subject).length) roles.push('participant');
  return roles;
}
