import { TeamsInfo, type Activity, type ChannelAccount, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { Logger } from '../config/logger';
import type { Locale } from '../i18n';
import type { ConversationStore } from '../storage/conversationStore';
import type { TurnHandler } from './adapter';
import {
  conversationEntryOf, isBotAddedToTeam, isBotInstalled, isMessage, isPersonJoiningTeam, isReachableMoment, localeOf, peopleAdded, teamOf, tenantOf,
} from './activity';
import { parseCommand, type Command } from './commandMatching';
import { helpText, unknownText, welcomeText } from './replies';
import { runCardAction, type ActionServices, type CardActionInput, type CardActionResult } from '../actions';
import { analysisReplies, ideaLotReplies, myReflectionReplies, nextMeetingReplies, type ChatReply, type CommandInput } from '../actions/commands';
import { toActivity } from './proactive';
import { CARD_CONTENT_TYPE } from '../cards/shared';
import { isMeetingEnd, meetingEndOf } from './activity';
import type { TeamsMeetingEnd } from '../meetings/teamsMeeting';
import { isActionFetchTask, isActionSubmit, isLinkQuery, linkOf, messageActionOf } from './activity';
import { PARK_COMMAND_ID, parkTaskFetch, parkTaskSubmit, unknownCommand, type ParkTaskInput, type TaskAnswer } from '../ideas/parkTask';
import { NO_PREVIEW, unfurlLink } from '../networks/unfurl';
import { t } from '../i18n';

export interface BotDependencies {
  conversations: ConversationStore;
  logger: Logger;
  /** Storage and the scheduler, for card buttons and the commands that answer with cards. */
  actions: ActionServices;
  /** Teams says a meeting ended: its network meeting's reflection questions go out now (bot/reflections/meetingEnd.ts). */
  meetingEnded?: (meeting: TeamsMeetingEnd) => Promise<unknown>;
}

type Handler = (context: TurnContext, deps: BotDependencies) => Promise<void>;

// Every way into the bot, in the order they run for one activity.
const EVENTS: { when: (activity: Activity) => boolean; then: Handler }[] = [
  { when: isReachableMoment, then: rememberConversation },
  { when: isBotInstalled, then: welcome },
  { when: isPersonJoiningTeam, then: rememberNewMembers },
  { when: isBotAddedToTeam, then: rememberTeamRoster },
  { when: isCardAction, then: answerCardAction },
  { when: isCardSubmit, then: answerCardSubmit },
  { when: (activity) => isMessage(activity) && !isCardSubmit(activity), then: answerMessage },
  { when: isMeetingEnd, then: meetingEnded },
  { when: isActionFetchTask, then: (context, deps) => answerMessageAction(context, deps, parkTaskFetch) },
  { when: isActionSubmit, then: (context, deps) => answerMessageAction(context, deps, parkTaskSubmit) },
  { when: isLinkQuery, then: answerLinkQuery },
];

type CommandAnswer = (input: CommandInput, actions: ActionServices) => Promise<ChatReply[]>;

const COMMANDS: Record<Command, CommandAnswer> = {
  help: async ({ locale }) => [{ text: helpText(locale) }],
  nextMeeting: nextMeetingReplies,
  ideas: ideaLotReplies,
  myReflections: myReflectionReplies,
  analysis: analysisReplies,
};

export function createBot(deps: BotDependencies): TurnHandler {
  return {
    async run(context) {
      const { type, name, locale, conversation } = context.activity;
      deps.logger.debug({ type, name, locale, conversationType: conversation?.conversationType }, 'Activity');
      for (const event of EVENTS) {
        if (event.when(context.activity)) await event.then(context, deps);
      }
    },
  };
}

async function rememberConversation(context: TurnContext, { conversations, logger }: BotDependencies) {
  try {
    await conversations.remember(conversationEntryOf(context.activity));
  } catch (error) {
    // The user still gets an answer; only later proactive posts to this conversation are at risk.
    logger.error({ err: error, conversationId: context.activity.conversation.id }, 'Could not store the conversation reference');
  }
}

async function welcome(context: TurnContext, { conversations }: BotDependencies) {
  // One install arrives as installationUpdate and conversationUpdate, and whichever claims first decides
  // the welcome's language; a conversationUpdate without a locale (the Playground sends one) leaves it to its twin.
  if (context.activity.type === 'conversationUpdate' && !context.activity.locale) return;
  const { conversationId, tenantId } = conversationEntryOf(context.activity);
  if (await conversations.claimWelcome(conversationId, tenantId)) {
    await context.sendActivity(welcomeText(localeOf(context.activity)));
  }
}

async function rememberNewMembers(context: TurnContext, { conversations, logger }: BotDependencies) {
  const { activity } = context;
  const teamId = teamOf(activity);
  if (!teamId) return;
  await Promise.all(
    peopleAdded(activity).map(async (member) => {
      const details = await memberDetails(context, member, logger);
      await conversations.rememberMember({
        teamId,
        tenantId: tenantOf(activity),
        userId: member.id,
        aadObjectId: details.aadObjectId ?? member.aadObjectId,
        name: details.name ?? member.name,
        email: details.email,
        userPrincipalName: details.userPrincipalName,
        serviceUrl: activity.serviceUrl,
      });
    }),
  );
}

/** Pages of the roster Teams gives at a time (its maximum is 500). */
const ROSTER_PAGE = 500;

/**
 * Everyone already in the team when the bot is added: without them, only people who join later (or write
 * to the bot) could be sent reflection questions, and the leader's reach view would show the rest as outside.
 */
async function rememberTeamRoster(context: TurnContext, { conversations, logger }: BotDependencies) {
  const { activity } = context;
  const teamId = teamOf(activity)!;
  try {
    let continuationToken: string | undefined;
    do {
      const page = await TeamsInfo.getPagedTeamMembers(context, teamId, ROSTER_PAGE, continuationToken);
      for (const member of page.members) {
        await conversations.rememberMember({
          teamId,
          tenantId: tenantOf(activity),
          userId: member.id,
          aadObjectId: member.aadObjectId,
          name: member.name,
          email: member.email,
          userPrincipalName: member.userPrincipalName,
          serviceUrl: activity.serviceUrl,
        });
      }
      continuationToken = page.continuationToken || undefined;
    } while (continuationToken);
  } catch (error) {
    // The install still works; people are then learnt as they join or write to the bot.
    logger.warn({ err: error, teamId }, 'Could not read the team’s members');
  }
}

// membersAdded carries only ids; name and e-mail (to match the plan's participants) need one lookup.
async function memberDetails(context: TurnContext, member: ChannelAccount, logger: Logger): Promise<Partial<TeamsChannelAccount>> {
  try {
    return await TeamsInfo.getMember(context, member.id);
  } catch (error) {
    logger.warn({ err: error, userId: member.id }, 'Could not look up the new team member');
    return {};
  }
}

async function answerMessage(context: TurnContext, { actions }: BotDependencies) {
  const { activity } = context;
  const locale = localeOf(activity);
  const parsed = parseCommand(activity.text ?? '');
  if (!parsed) {
    await context.sendActivity(unknownText(locale));
    return;
  }
  const channelId = activity.conversation.conversationType === 'channel' ? conversationEntryOf(activity).conversationId : undefined;
  const { command, typed, argument } = parsed;
  const replies = await COMMANDS[command]({ actor: actorOf(activity), locale, channelId, typed, argument }, actions);
  for (const reply of replies) await context.sendActivity(toActivity(reply));
}

const actorOf = (activity: Activity) => ({
  aadObjectId: activity.from?.aadObjectId,
  teamsUserId: activity.from?.id,
  name: activity.from?.name ?? '',
});

/** Universal Actions (Action.Execute): the answer is the card that replaces the pressed one. */
function isCardAction(activity: Activity) {
  return activity.type === 'invoke' && activity.name === 'adaptiveCard/action';
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The Action.Submit fallback of older hosts: a message whose value names the verb. */
function isCardSubmit(activity: Activity) {
  const value: unknown = activity.value;
  return activity.type === 'message' && isRecord(value) && typeof value.verb === 'string';
}

function cardActionInput(activity: Activity, verb: string, data: Record<string, unknown>): CardActionInput {
  return { verb, data, actor: actorOf(activity), locale: localeOf(activity) };
}

async function answerCardAction(context: TurnContext, { actions }: BotDependencies) {
  const value: unknown = context.activity.value;
  const action = isRecord(value) && isRecord(value.action) ? value.action : {};
  const verb = typeof action.verb === 'string' ? action.verb : '';
  const result = await runCardAction(cardActionInput(context.activity, verb, isRecord(action.data) ? action.data : {}), actions);
  await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: invokeBody(result) } });
}

function invokeBody(result: CardActionResult) {
  return 'card' in result
    ? { statusCode: 200, type: CARD_CONTENT_TYPE, value: result.card }
    : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result.text };
}

async function answerCardSubmit(context: TurnContext, { actions }: BotDependencies) {
  const { activity } = context;
  const data = activity.value as Record<string, unknown>;
  const result = await runCardAction(cardActionInput(activity, String(data.verb), data), actions);
  if ('card' in result && activity.replyToId) {
    await context.updateActivity({ ...toActivity(result), id: activity.replyToId });
  } else {
    await context.sendActivity(toActivity(result));
  }
}

/** A meeting ended in Teams. A failure is logged, not answered in the meeting's chat: the planned end stays the fallback. */
async function meetingEnded(context: TurnContext, { meetingEnded, actions, logger }: BotDependencies) {
  if (!meetingEnded) return;
  const meeting = meetingEndOf(context.activity, actions.now());
  try {
    await meetingEnded(meeting);
  } catch (error) {
    logger.error({ err: error, conversationId: meeting.conversationId }, 'Could not handle the end of a Teams meeting; its questions go at the planned end');
  }
}

const answerInvoke = (context: TurnContext, body: unknown) => context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });

/**
 * "Parkér som idé" (a message extension action): its dialog and its submit. Never an invoke left unanswered:
 * a failure is logged and answered in words, as the dialog closes.
 */
async function answerMessageAction(
  context: TurnContext,
  { actions, logger }: BotDependencies,
  run: (input: ParkTaskInput, services: ActionServices) => Promise<TaskAnswer>,
) {
  const { activity } = context;
  const locale = localeOf(activity);
  const action = messageActionOf(activity);
  let answer: TaskAnswer;
  try {
    answer =
      action.commandId === PARK_COMMAND_ID
        ? await run({ actor: actorOf(activity), locale, channelId: action.channelId, messageBody: action.messageBody, data: action.data }, actions)
        : unknownCommand(locale);
  } catch (error) {
    logger.error({ err: error, invoke: activity.name }, 'Message action failed');
    answer = { task: { type: 'message', value: t(locale, 'bot.error') } };
  }
  await answerInvoke(context, answer);
}

/** A link pasted in a chat or channel: the network's card for someone in it, no preview for anyone else. */
async function answerLinkQuery(context: TurnContext, { actions, logger }: BotDependencies) {
  const { activity } = context;
  const url = linkOf(activity);
  let answer = NO_PREVIEW;
  try {
    if (url) answer = await unfurlLink({ url, actor: actorOf(activity), locale: localeOf(activity) }, actions);
  } catch (error) {
    // No preview: the link itself is still in the message.
    logger.warn({ err: error }, 'Could not unfurl a link');
  }
  await answerInvoke(context, answer);
}
