import { TurnContext, type Activity, type ChannelAccount } from 'botbuilder';
import type { ConversationEntry } from '../storage/conversationStore';
import { pickLocale, type Locale } from '../i18n';

// Reading Teams-shaped activities: where Teams puts the tenant, the team and who joined.

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string };
}

const channelDataOf = (activity: Activity): TeamsChannelData => (activity.channelData ?? {}) as TeamsChannelData;

export const localeOf = (activity: Activity): Locale => pickLocale(activity.locale);
export const tenantOf = (activity: Activity): string | undefined =>
  channelDataOf(activity).tenant?.id ?? activity.conversation?.tenantId;
export const teamOf = (activity: Activity): string | undefined => channelDataOf(activity).team?.id;

const isBot = (activity: Activity, member: ChannelAccount) => member.id === activity.recipient?.id;

export const isMessage = (activity: Activity) => activity.type === 'message';

export const isBotInstalled = (activity: Activity) =>
  (activity.type === 'conversationUpdate' && (activity.membersAdded ?? []).some((member) => isBot(activity, member))) ||
  (activity.type === 'installationUpdate' && activity.action === 'add');

export const peopleAdded = (activity: Activity): ChannelAccount[] =>
  activity.type === 'conversationUpdate' ? (activity.membersAdded ?? []).filter((member) => !isBot(activity, member)) : [];

export const isPersonJoiningTeam = (activity: Activity) => teamOf(activity) !== undefined && peopleAdded(activity).length > 0;

/** Install, someone joining, or a message: a moment to (re)store how to reach this conversation. */
export const isReachableMoment = (activity: Activity) =>
  isMessage(activity) || isBotInstalled(activity) || peopleAdded(activity).length > 0;

export function conversationEntryOf(activity: Activity): ConversationEntry {
  // A channel reply thread is "<channel id>;messageid=<root>": later posts belong in the channel itself.
  const conversationId = activity.conversation.id.split(';messageid=')[0];
  const reference = { ...TurnContext.getConversationReference(activity), conversation: { ...activity.conversation, id: conversationId } };
  delete reference.activityId; // later posts start new messages rather than reply to this one
  const conversationType = activity.conversation.conversationType ?? 'personal';
  return {
    conversationId,
    conversationType,
    tenantId: tenantOf(activity),
    teamId: teamOf(activity),
    userAadObjectId: conversationType === 'personal' ? activity.from?.aadObjectId : undefined,
    locale: activity.locale,
    reference,
  };
}
