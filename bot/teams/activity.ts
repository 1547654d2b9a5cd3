import { TurnContext, type Activity, type ChannelAccount } from 'botbuilder';
import { z } from 'zod';
import type { ConversationEntry } from '../storage/conversationStore';
import { pickLocale, type Locale } from '../i18n';

// Reading Teams-shaped activities: where Teams puts the tenant, the team and who joined.

const account = z.looseObject({ id: z.string(), name: z.string().optional(), aadObjectId: z.string().optional() });
const idOnly = z.looseObject({ id: z.string().optional() });

/** Without these there is nobody to answer. */
const REQUIRED_FIELDS = {
  type: z.string(),
  serviceUrl: z.string(),
  conversation: z.looseObject({ id: z.string().min(1), conversationType: z.string().optional(), tenantId: z.string().optional() }),
};

/** The other fields the bot and botbuilder read, typed as Bot Framework documents them. */
const OPTIONAL_FIELDS = {
  id: z.string(),
  channelId: z.string(),
  name: z.string(),
  action: z.string(),
  text: z.string(),
  locale: z.string(),
  replyToId: z.string(),
  from: account,
  recipient: account,
  membersAdded: z.array(account),
  channelData: z.looseObject({ tenant: idOnly.optional(), team: idOnly.optional() }),
};

export type ActivityCheck = { activity: Activity; ignored: string[] } | { invalid: string[] };

/**
 * The request body as an activity everything downstream can trust: an optional field of the wrong
 * type is dropped (as if absent) and named in `ignored`; a body without the required ones is `invalid`.
 */
export function checkActivity(body: unknown): ActivityCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { invalid: ['body'] };
  const fields: Record<string, unknown> = { ...body };
  const misfits = (schemas: Record<string, z.ZodType>, skip: (value: unknown) => boolean) =>
    Object.entries(schemas).filter(([name, schema]) => !skip(fields[name]) && !schema.safeParse(fields[name]).success).map(([name]) => name);
  const invalid = misfits(REQUIRED_FIELDS, () => false);
  if (invalid.length) return { invalid };
  const ignored = misfits(OPTIONAL_FIELDS, (value) => value == null);
  // null is how some senders write "absent": dropped too, without a word.
  for (const name of Object.keys(OPTIONAL_FIELDS)) if (fields[name] === null || ignored.includes(name)) delete fields[name];
  return { activity: fields as unknown as Activity, ignored };
}

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

/** The bot added to a team (conversationUpdate; its installationUpdate twin carries no roster change). */
export const isBotAddedToTeam = (activity: Activity) =>
  activity.type === 'conversationUpdate' && teamOf(activity) !== undefined && (activity.membersAdded ?? []).some((member) => isBot(activity, member));

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
