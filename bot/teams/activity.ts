import { TurnContext, type Activity, type ChannelAccount } from 'botbuilder';
import { z } from 'zod';
import type { ConversationEntry } from '../storage/conversationStore';
import type { TeamsMeetingEnd } from '../meetings/teamsMeeting';
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

// Teams' meeting end event (resource-specific consent OnlineMeeting.ReadBasic.Chat / ChannelMeeting.ReadBasic.Group).

export const MEETING_END_EVENT = 'application/vnd.microsoft.meetingEnd';

export const isMeetingEnd = (activity: Activity) => activity.type === 'event' && activity.name === MEETING_END_EVENT;

const text = z.string().trim().min(1).max(2000).optional().catch(undefined);
const meetingEndValue = z.looseObject({ Id: text, JoinUrl: text, Title: text, EndTime: text }).catch({});
const meetingChannelData = z
  .looseObject({ meeting: z.looseObject({ id: text }).optional().catch(undefined), channel: idOnly.optional().catch(undefined) })
  .catch({});

const validDate = (value: unknown): Date | undefined => {
  const at = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at : undefined;
};

/** What Teams tells about the meeting that ended, as plain data; when it ended: its EndTime, else when the event was sent. */
export function meetingEndOf(activity: Activity, now: Date): TeamsMeetingEnd {
  const value = meetingEndValue.parse(activity.value ?? {});
  const channelData = meetingChannelData.parse(activity.channelData ?? {});
  return {
    meetingIds: [value.Id, channelData.meeting?.id].filter((id): id is string => !!id),
    joinUrl: value.JoinUrl,
    title: value.Title,
    endedAt: validDate(value.EndTime) ?? validDate(activity.timestamp) ?? now,
    tenantId: tenantOf(activity),
    conversationId: activity.conversation.id,
    channelId: channelData.channel?.id,
    teamId: teamOf(activity),
  };
}

// Message extension invokes: the "Parkér som idé" action command (its dialog and its submit) and link unfurling.

export const isActionFetchTask = (activity: Activity) => activity.type === 'invoke' && activity.name === 'composeExtension/fetchTask';
export const isActionSubmit = (activity: Activity) => activity.type === 'invoke' && activity.name === 'composeExtension/submitAction';
export const isLinkQuery = (activity: Activity) => activity.type === 'invoke' && activity.name === 'composeExtension/queryLink';

const optionalString = z.string().optional().catch(undefined);
const actionValue = z
  .looseObject({
    commandId: optionalString,
    data: z.record(z.string(), z.unknown()).optional().catch(undefined),
    messagePayload: z.looseObject({ body: z.looseObject({ contentType: optionalString, content: optionalString }).optional().catch(undefined) }).optional().catch(undefined),
  })
  .catch({});
const channelOnly = z.looseObject({ channel: idOnly.optional().catch(undefined) }).catch({});

export interface MessageAction {
  commandId?: string;
  /** The dialog's inputs and its button's data (submitAction). */
  data: Record<string, unknown>;
  /** The body of the message the action was started on; none from the compose box. */
  messageBody?: { contentType?: string; content?: string };
  /** The channel the conversation is in, when it is one. */
  channelId?: string;
}

/** The channel of a channel conversation (Teams names it in channelData; a reply thread's id carries it too). */
export function channelOf(activity: Activity): string | undefined {
  const named = channelOnly.parse(activity.channelData ?? {}).channel?.id;
  if (named) return named;
  return activity.conversation?.conversationType === 'channel' ? activity.conversation.id.split(';messageid=')[0] : undefined;
}

/** A message extension action invoke's value, as plain data; fields of the wrong shape read as absent. */
export function messageActionOf(activity: Activity): MessageAction {
  const value = actionValue.parse(activity.value ?? {});
  return { commandId: value.commandId, data: value.data ?? {}, messageBody: value.messagePayload?.body, channelId: channelOf(activity) };
}

/** The link a queryLink invoke asks about. */
export const linkOf = (activity: Activity): string | undefined => z.looseObject({ url: optionalString }).catch({}).parse(activity.value ?? {}).url;
