import { pickLocale, type Locale } from '../i18n';
import type { Network, Participant } from '../domain/model';
import type { ConversationStore, StoredConversation, TeamMember } from '../storage/conversationStore';
import type { ConversationRef } from '../teams/adapter';
import { SendError, type Messenger } from '../teams/proactive';

// Where a network's messages go: its channel, and each participant's 1:1 chat with the bot (opened
// proactively for team members the bot has seen join but who never wrote to it). A 1:1 chat is opened
// once per person: whoever holds the person's claim opens and stores it, everyone else (a reminder,
// another network's prompt, another instance) waits for the stored one.

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

export interface ReachOptions {
  now?: () => Date;
  /** How long a claim to open a chat holds before another sender may take it over (its holder died). */
  openLeaseMs?: number;
  /** How often, and how many times, a sender that does not hold the claim looks for the stored chat. */
  waitMs?: number;
  waitRounds?: number;
}

export function createReach(conversations: ConversationStore, messenger: Messenger, options: ReachOptions = {}): Reach {
  const now = options.now ?? (() => new Date());
  const openLeaseMs = options.openLeaseMs ?? 60_000;
  const waitMs = options.waitMs ?? 250;
  const waitRounds = options.waitRounds ?? 20;
  /** Chats being opened by this instance, by person: a second caller shares the first one's answer. */
  const opening = new Map<string, Promise<PersonalReach>>();

  async function teamReference(network: Network): Promise<ConversationRef | undefined> {
    if (!network.teamId) return undefined;
    const [any] = await conversations.listForTeam(network.teamId);
    return any?.reference;
  }

  const stored = (known: StoredConversation, network: Network): PersonalReach => ({
    reference: known.reference,
    locale: pickLocale(known.locale ?? network.locale),
    teamsUserId: known.reference.user?.id,
  });

  async function open(network: Network, participant: Participant & { userId: string }, member: TeamMember): Promise<PersonalReach> {
    const team = await teamReference(network);
    const reference = await messenger.openPersonalChat({ serviceUrl: member.serviceUrl, tenantId: member.tenantId, userId: member.userId, botId: team?.bot?.id });
    const withUser = { ...reference, user: { id: member.userId, name: member.name ?? participant.name, aadObjectId: participant.userId } };
    await conversations.remember({
      conversationId: reference.conversation!.id,
      conversationType: 'personal',
      tenantId: member.tenantId,
      userAadObjectId: participant.userId,
      locale: network.locale,
      reference: withUser,
    }, now());
    return { reference: withUser, locale: pickLocale(network.locale), teamsUserId: member.userId };
  }

  /** Opens the chat under the person's claim, or waits for whoever holds it to store theirs. */
  async function openOnce(network: Network, participant: Participant & { userId: string }, member: TeamMember): Promise<PersonalReach> {
    for (let round = 0; round <= waitRounds; round++) {
      if (await conversations.claimPersonalChat(participant.userId, member.tenantId, now(), openLeaseMs)) {
        try {
          // The claim's previous holder may have stored the chat just before letting go.
          const known = await conversations.findPersonal(participant.userId);
          return known ? stored(known, network) : await open(network, participant, member);
        } finally {
          await conversations.releasePersonalChat(participant.userId, member.tenantId).catch(() => undefined);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      const known = await conversations.findPersonal(participant.userId);
      if (known) return stored(known, network);
    }
    // Transient: the job is retried, and by then the chat is stored (or the claim has lapsed).
    throw new SendError('Another sender is opening this person’s 1:1 chat', undefined, undefined);
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
      const { userId } = participant;
      if (!userId) return undefined;
      const known = await conversations.findPersonal(userId);
      if (known) return stored(known, network);
      if (!network.teamId) return undefined;
      const member = (await conversations.listTeamMembers(network.teamId)).find((m) => m.aadObjectId === userId);
      if (!member) return undefined;
      const key = `${member.tenantId ?? ''}|${userId}`;
      let pending = opening.get(key);
      if (!pending) {
        pending = openOnce(network, { ...participant, userId }, member).finally(() => opening.delete(key));
        opening.set(key, pending);
      }
      return pending;
    },

    async teamsUserIds(network, aadObjectIds) {
      if (!network.teamId || aadObjectIds.length === 0) return [];
      const members = await conversations.listTeamMembers(network.teamId);
      return members.filter((m) => m.aadObjectId && aadObjectIds.includes(m.aadObjectId)).map((m) => m.userId);
    },
  };
}
