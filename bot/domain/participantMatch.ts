import type { Participant } from './model';

// Whether a person someone is about to add is already on the participant list: the same Teams user (Entra id) or
// the same e-mail (case aside). One notion for the server's batch (bot/participants/batch.ts), which refuses such a
// row, and the tab's preview (tabs/src/plan/participants/bulkRows.ts), which says so before anything is sent.

export type MatchedBy = 'userId' | 'email';

export interface Candidate {
  email?: string;
  userId?: string;
}

const emailKey = (email?: string) => email?.trim().toLowerCase() || undefined;

/** The participant who is already this person, and what gave it away (the Teams user first). */
export function sameParticipant<P extends Pick<Participant, 'email' | 'userId'>>(
  participants: readonly P[],
  candidate: Candidate,
): { participant: P; by: MatchedBy } | undefined {
  const userId = candidate.userId?.trim();
  if (userId) {
    const participant = participants.find((p) => p.userId === userId);
    if (participant) return { participant, by: 'userId' };
  }
  const email = emailKey(candidate.email);
  if (email) {
    const participant = participants.find((p) => emailKey(p.email) === email);
    if (participant) return { participant, by: 'email' };
  }
  return undefined;
}
