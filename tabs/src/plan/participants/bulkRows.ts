import type { Participant, ParticipantKind, ParticipantRole } from '@domain/model';
import { sameParticipant, type MatchedBy } from '@domain/participantMatch';
import type { Member, PastedPerson } from './pasteList';

// "Tilføj flere": the one list the leader checks before anything is stored — the team members she ticked and the
// people she pasted — each row with what is wrong with it in words (an e-mail that is not valid, someone already a
// participant, the same person twice), her choices per row (kind, role, left out), and what is sent. Pure.

export type RowProblem =
  | { kind: 'invalidEmail'; email: string }
  | { kind: 'nameTooLong' }
  | { kind: 'unitTooLong' }
  /** Already on the participant list: who, and how we know. */
  | { kind: 'already'; name: string; by: MatchedBy }
  /** The same person as a row above. */
  | { kind: 'twice'; name: string };

export interface BulkRow {
  /** Stable while the text is edited around it, so the row's choices stay with it. */
  key: string;
  source: 'team' | 'paste';
  name: string;
  email?: string;
  unit: string;
  /** The Teams user (Entra id) it is linked to. */
  userId?: string;
  problems: RowProblem[];
}

/** The leader's choices for one row; what is not chosen follows "Sæt for alle" (kind) and 'employee' (role). */
export interface RowChoice {
  kind?: ParticipantKind;
  role?: ParticipantRole;
  /** Left out by the leader (unticked). */
  skip?: boolean;
}

/** The rows to check: ticked team members first (in the team's order), then the pasted people (in the text's). */
export function bulkRows(picked: readonly Member[], pasted: readonly PastedPerson[], participants: readonly Pick<Participant, 'name' | 'email' | 'userId'>[]): BulkRow[] {
  const rows: BulkRow[] = [];
  const keys = new Set<string>();
  const keyOf = (base: string) => {
    let key = base;
    for (let n = 2; keys.has(key); n++) key = `${base}#${n}`;
    keys.add(key);
    return key;
  };
  const add = (row: Omit<BulkRow, 'problems' | 'key'> & { problems: RowProblem[]; base: string }) => {
    const { base, ...rest } = row;
    const problems = [...rest.problems];
    const already = sameParticipant(participants, rest);
    if (already) problems.push({ kind: 'already', name: already.participant.name, by: already.by });
    else {
      const twice = sameParticipant(rows, rest);
      if (twice) problems.push({ kind: 'twice', name: twice.participant.name });
    }
    rows.push({ ...rest, key: keyOf(base), problems });
  };
  for (const member of picked) {
    add({ base: `team:${member.userId}`, source: 'team', name: member.name, ...(member.email ? { email: member.email.toLowerCase() } : {}), unit: '', userId: member.userId, problems: [] });
  }
  for (const person of pasted) {
    const problems: RowProblem[] = person.problems.map((problem): RowProblem => (problem === 'invalidEmail' ? { kind: 'invalidEmail', email: person.typedEmail ?? '' } : { kind: problem }));
    add({
      base: `paste:${person.email ?? person.typedEmail ?? person.name.toLowerCase()}`,
      source: 'paste',
      name: person.name,
      ...(person.email ? { email: person.email } : {}),
      unit: person.unit,
      ...(person.userId ? { userId: person.userId } : {}),
      problems,
    });
  }
  return rows;
}

/** Whether the row is added: nothing wrong with it, and not left out. */
export const isIncluded = (row: BulkRow, choice?: RowChoice): boolean => row.problems.length === 0 && !choice?.skip;

/** What POST …/participants/batch gets for the included rows, in order. */
export function batchBody(rows: readonly BulkRow[], choices: Readonly<Record<string, RowChoice>>, defaultKind: ParticipantKind) {
  return rows
    .filter((row) => isIncluded(row, choices[row.key]))
    .map((row) => ({
      key: row.key,
      body: {
        name: row.name,
        kind: choices[row.key]?.kind ?? defaultKind,
        role: choices[row.key]?.role ?? ('employee' as ParticipantRole),
        unit: row.unit,
        ...(row.email ? { email: row.email } : {}),
        ...(row.userId ? { userId: row.userId } : {}),
      },
    }));
}
