import { inNetwork } from '../api/context';
import { sendToChannelNow } from '../sending/sendNow';
import { operationHandlers } from '../api/perform';
import { changeIdea, deleteIdea, raiseIdea } from './operations';

// The idea parking lot in the tab: POST …/ideas, PATCH and DELETE …/ideas/:ideaId (If-Match).
export const ideas = operationHandlers('ideaId', { create: raiseIdea, change: changeIdea, remove: deleteIdea });

/**
 * POST …/ideas/post — puts the idea parking lot in the channel (again: the newest one is kept up to date), and
 * answers how it went (sending/sendNow.ts): sent, not sent with the reason, or 202 while Teams makes it wait.
 */
export const postIdeaLotNow = inNetwork('edit', (ctx) => sendToChannelNow(ctx, { kind: 'ideas.post' }));
