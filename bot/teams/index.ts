// The bot's public surface: the server mounts `adapter.handle(req, res, bot)` on POST /api/messages;
// the proactive sender uses `adapter.continueConversation`. Nothing outside bot/teams imports botbuilder.
export { createBotAdapter, type BotAdapter, type BotAdapterOptions, type ConversationRef, type TurnContext, type TurnHandler } from './adapter';
export { createBot, type BotDependencies } from './bot';
