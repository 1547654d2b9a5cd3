import { guarded, inNetwork } from '../api/context';
import { operationHandlers } from '../api/perform';
import { changeIdea, deleteIdea, raiseIdea } from './operations';

// The idea parking lot in the tab: POST …/ideas, PATCH and DELETE …/ideas/:ideaId (If-Match).
export const ideas = operationHandlers('ideaId', { create: raiseIdea, change: changeIdea, remove: deleteIdea });

/** POST …/ideas/post — puts the idea parking lot in the channel (again: the newest one is kept up to date). */
export const postIdeaLotNow = inNetwork('edit', async (ctx) => {
  const now = ctx.services.now();
  await guarded(() => ctx.services.jobs.reschedule(ctx.aggregate.network.id, { kind: 'ideas.post', dueAt: now }, now));
  ctx.services.networkChanged(ctx.aggregate.network.id);
  return { status: 202, body: { scheduled: 'ideas.post' } };
});
