import type { TeamMember } from '../storage/conversationStore';
import { toStoreError } from '../storage/errors';
import { guarded, inNetwork } from '../api/context';

// The people in the network's team, as the bot saw them join: what the tab's member picker offers when
// the leader links a participant to a Teams user (Participant.userId is the Entra object id).

export interface TeamMemberChoice {
  userId: string;
  name: string;
  email?: string;
}

const byName = new Intl.Collator('da', { sensitivity: 'base' });

/** Members without an Entra object id cannot be linked and are left out; each person appears once. */
export function memberChoices(members: readonly TeamMember[]): TeamMemberChoice[] {
  const choices = new Map<string, TeamMemberChoice>();
  for (const member of members) {
    if (!member.aadObjectId || choices.has(member.aadObjectId)) continue;
    choices.set(member.aadObjectId, {
      userId: member.aadObjectId,
      name: member.name ?? member.email ?? member.userPrincipalName ?? member.aadObjectId,
      ...(member.email ? { email: member.email } : {}),
    });
  }
  return [...choices.values()].sort((a, b) => byName.compare(a.name, b.name) || a.userId.localeCompare(b.userId));
}

/** GET /api/networks/:networkId/team-members — leaders only; an empty list while the network has no team. */
export const listTeamMembers = inNetwork('edit', async (ctx) => {
  const { teamId } = ctx.aggregate.network;
  if (!teamId) return { body: [] };
  const members = await guarded(() => ctx.services.conversations.listTeamMembers(teamId).catch((error: unknown) => Promise.reject(toStoreError(error))));
  return { body: memberChoices(members) };
});
