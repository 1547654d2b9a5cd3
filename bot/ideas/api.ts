import { operationHandlers } from '../api/perform';
import { changeIdea, deleteIdea, raiseIdea } from './operations';

// The idea parking lot in the tab: POST …/ideas, PATCH and DELETE …/ideas/:ideaId (If-Match).
export const ideas = operationHandlers('ideaId', { create: raiseIdea, change: changeIdea, remove: deleteIdea });
