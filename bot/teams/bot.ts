import { TeamsInfo, type Activity, type ChannelAccount, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { Logger } from '../config/logger';
import type { Locale } from '../i18n';
import type { ConversationStore } from '../storage/conversationStore';
import type { TurnHandler } from './adapter';
import {
  conversationEntryOf, isBotInstalled, isMessage, isPersonJoiningTeam, isReachableMoment, localeOf, peopleAdded, teamOf, tenantOf,
} from './activity';
import { matchCommand, type Command } from './commands';
import { comingSoonText, helpText, unknownText, welcomeText } from './replies';

export interface BotDependencies {
  conversations: ConversationStore;
  logger: Logger;
}

type Handler = (context: TurnContext, deps: BotDependencies) => Promise<void>;

// Every way into the bot, in the order they run for one activity.
const EVENTS: { when: (activity: Activity) => boolean; then: Handler }[] = [
  { when: isReachableMoment, then: rememberConversation },
  { when: isBotInstalled, then: welcome },
  { when: isPersonJoiningTeam, then: rememberNewMembers },
  { when: isMessage, then: answerMessage },
];

const COMMANDS: Record<Command, (locale: Locale) => string> = {
  help: helpText,
  nextMeeting: comingSoonText,
  ideas: comingSoonText,
  myReflections: comingSoonText,
};

export function createBot(deps: BotDependencies): TurnHandler {
  return {
    async run(context) {
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

// membersAdded carries only ids; name and e-mail (to match the plan's participants) need one lookup.
async function memberDetails(context: TurnContext, member: ChannelAccount, logger: Logger): Promise<Partial<TeamsChannelAccount>> {
  try {
    return await TeamsInfo.getMember(context, member.id);
  } catch (error) {
    logger.warn({ err: error, userId: member.id }, 'Could not look up the new team member');
    return {};
  }
}

async function answerMessage(context: TurnContext) {
  const locale = localeOf(context.activity);
  const command = matchCommand(context.activity.text ?? '');
  await context.sendActivity(command ? COMMANDS[command](locale) : unknownText(locale));
}
