import { pickLocale, type Locale } from '../i18n';
import type { Network, Participant } from '../domain/model';
import type { ConversationStore } from '../storage/conversationStore';
import type { ConversationRef } from '../teams/adapter';
import type { Messenger } from '../teams/proactive';
import { networkLocale } from '../domain/network';

// Where a network's messages go: its channel, and each participant's 1:1 chat with the bot (opened
// proactively for team members the bot has seen join but who never wrote to it).

export interface PersonalReach {
  reference: ConversationRef;
  locale: Locale;
  /** The participant's Teams user id (29:…), for card refresh. */
  teamsUserId?: string;
}

export interface Reach {
  channelOf(network: Network): Promise<ConversationRef | undefined>;
  personalOf(network: Network, participant: Participant): Promise<PersonalReach | undefined>;
  /** Teams user ids (29:…) of people by Entra object id, where the bot knows them. */
  teamsUserIds(network: Network, aadObjectIds: readonly string[]): Promise<string[]>;
}

export function createReach(conversations: ConversationStore, messenger: Messenger): Reach {
  async function teamReference(network: Network): Promise<ConversationRef | undefined> {
    if (!network.teamId) return undefined;
    const [any] = await conversations.listForTeam(network.teamId);
    return any?.reference;
  }

  return {
    async channelOf(network) {
      if (!network.channelId) return undefined;
      const known = await conversations.get(network.channelId);
      if (known) return known.reference;
      // Any conversation of the team carries the service URL and the bot; only the channel id differs.
      const team = await teamReference(network);
      return team && { ...team, conversation: { ...team.conversation!, id: network.channelId, conversationType: 'channel', isGroup: true } };
    },

    async personalOf(network, participant) {
      if (!participant.userId) return undefined;
      const known = await conversations.findPersonal(participant.userId);
      if (known) {
        return { reference: known.reference, locale: pickLocale(known.locale ?? network.locale), teamsUserId: known.reference.user?.id };
      }
      if (!network.teamId) return undefined;
      const member = (await conversations.listTeamMembers(network.teamId)).find((m) => m.aadObjectId === participant.userId);
      if (!member) return undefined;
      const team = await teamReference(network);
      const reference = await messenger.openPersonalChat({
        serviceUrl: member.serviceUrl,
        tenantId: member.tenantId,
        userId: member.userId,
        botId: team?.bot?.id,
      });
      const withUser = { ...reference, user: { id: member.userId, name: member.name ?? participant.name, aadObjectId: participant.userId } };
      await conversations.remember({
        conversationId: reference.conversation!.id,
        conversationType: 'personal',
        tenantId: member.tenantId,
        userAadObjectId: participant.userId,
        locale: network.locale,
        reference: withUser,
      });
      return { reference: withUser, locale: networkLocale(network), teamsUserId: member.userId };
    },

    async teamsUserIds(network, aadObjectIds) {
      if (!network.teamId || aadObjectIds.length === 0) return [];
      const members = await conversations.listTeamMembers(network.teamId);
      return members.filter((m) => m.aadObjectId && aadObjectIds.includes(m.aadObjectId)).map((m) => m.userId);
    },
  };
}
