import { t } from '../i18n';
import { IDEA_STATUSES, type Idea, type IdeaStatus, type NetworkAggregate } from '../domain/model';
import { canContribute, canEditPlan, recordedPerson } from '../domain/access';
import { openForReflection } from '../domain/series';
import { IDEA_TEXT_INPUT_ID, ideaLotCardFor, statusInputId } from '../cards';
import { refuse, stringField } from './load';
import type { ActionServices, CardActionHandler, CardActionInput, Loaded } from './types';

// The idea parking lot card: add an idea, take ownership, set the status (leaders). The answer is
// the presser's own view; the shared card in the channel follows through the scheduler.

const MAX_IDEA = 1000;

function lotFor(input: CardActionInput, loaded: Loaded, aggregate: NetworkAggregate, notice?: string) {
  return {
    card: ideaLotCardFor(aggregate, {
      locale: input.locale,
      isLeader: canEditPlan(loaded.role),
      userId: input.actor.aadObjectId,
      refreshUserIds: canEditPlan(loaded.role) && input.actor.teamsUserId ? [input.actor.teamsUserId] : [],
      notice,
    }),
  };
}

function member(input: CardActionInput, loaded: Loaded) {
  if (!canContribute(loaded.role)) throw refuse(t(input.locale, 'action.notParticipant'));
}

function ideaOf(input: CardActionInput, aggregate: NetworkAggregate): Idea {
  const idea = aggregate.ideas.find((i) => i.id === stringField(input.data, 'ideaId'));
  if (!idea) throw refuse(t(input.locale, 'action.ideas.gone'));
  return idea;
}

async function saveIdea(services: ActionServices, aggregate: NetworkAggregate, idea: Idea, existing?: Idea) {
  await services.store.commit(aggregate.network.id, [
    existing ? { op: 'update', kind: 'idea', ids: [idea.id], value: idea, etag: existing.etag } : { op: 'create', kind: 'idea', ids: [idea.id], value: idea },
  ]);
  services.networkChanged(aggregate.network.id);
  return { ...aggregate, ideas: [...aggregate.ideas.filter((i) => i.id !== idea.id), idea] };
}

export const showIdeas: CardActionHandler = async (input, loaded) => lotFor(input, loaded, loaded.aggregate);

export const addIdea: CardActionHandler = async (input, loaded, services) => {
  member(input, loaded);
  const text = stringField(input.data, IDEA_TEXT_INPUT_ID).trim();
  if (!text) return lotFor(input, loaded, loaded.aggregate, t(input.locale, 'action.ideas.empty'));
  if (text.length > MAX_IDEA) return lotFor(input, loaded, loaded.aggregate, t(input.locale, 'action.ideas.tooLong'));
  const now = services.now();
  const lastMeeting = openForReflection(loaded.aggregate.meetings, now).at(-1);
  const idea: Idea = {
    id: services.newId(),
    text,
    meetingId: lastMeeting?.id,
    raisedBy: recordedPerson(loaded.aggregate, { userId: input.actor.aadObjectId!, name: input.actor.name }),
    status: 'parked',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    updatedBy: input.actor.name,
  };
  const after = await saveIdea(services, loaded.aggregate, idea);
  return lotFor(input, loaded, after, t(input.locale, 'action.ideas.added'));
};

export const ownIdea: CardActionHandler = async (input, loaded, services) => {
  member(input, loaded);
  const existing = ideaOf(input, loaded.aggregate);
  const now = services.now().toISOString();
  const idea: Idea = { ...existing, owner: recordedPerson(loaded.aggregate, { userId: input.actor.aadObjectId!, name: input.actor.name }), updatedAt: now, updatedBy: input.actor.name };
  const after = await saveIdea(services, loaded.aggregate, idea, existing);
  return lotFor(input, loaded, after, t(input.locale, 'action.ideas.owned'));
};

export const setIdeaStatus: CardActionHandler = async (input, loaded, services) => {
  if (!canEditPlan(loaded.role)) throw refuse(t(input.locale, 'action.onlyLeaders'));
  const existing = ideaOf(input, loaded.aggregate);
  const status = stringField(input.data, statusInputId(existing.id)) as IdeaStatus;
  if (!IDEA_STATUSES.includes(status)) return lotFor(input, loaded, loaded.aggregate);
  const now = services.now().toISOString();
  const after = await saveIdea(services, loaded.aggregate, { ...existing, status, updatedAt: now, updatedBy: input.actor.name }, existing);
  return lotFor(input, loaded, after, t(input.locale, 'action.ideas.statusSet'));
};
