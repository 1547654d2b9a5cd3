import { t } from '../i18n';
import type { AnalysisNote } from '../domain/model';
import { canContribute, recordedPerson } from '../domain/access';
import { ANALYSIS_CATEGORY_INPUT_ID, ANALYSIS_TEXT_INPUT_ID, analysisCardFor } from '../cards';
import { refuse, stringField } from './load';
import type { CardActionHandler, CardActionInput } from './types';

// The analysis card at the closing meeting: a note in a category, from anyone in the network.

const MAX_NOTE = 1000;
const viewFor = (input: CardActionInput, notice?: string) => ({
  locale: input.locale,
  notice,
  refreshUserIds: input.actor.teamsUserId ? [input.actor.teamsUserId] : [],
});

export const showAnalysis: CardActionHandler = async (input, { aggregate }) => ({ card: analysisCardFor(aggregate, viewFor(input)) });

export const addAnalysisNote: CardActionHandler = async (input, { aggregate, role }, services) => {
  if (!canContribute(role)) throw refuse(t(input.locale, 'action.notParticipant'));
  const category = aggregate.analysisCategories.find((c) => c.id === stringField(input.data, ANALYSIS_CATEGORY_INPUT_ID));
  const text = stringField(input.data, ANALYSIS_TEXT_INPUT_ID).trim();
  const problem = !category ? 'action.analysis.noCategory' : !text ? 'action.analysis.empty' : text.length > MAX_NOTE ? 'action.ideas.tooLong' : undefined;
  if (problem) return { card: analysisCardFor(aggregate, viewFor(input, t(input.locale, problem))) };
  const now = services.now().toISOString();
  const note: AnalysisNote = {
    id: services.newId(),
    categoryId: category!.id,
    text,
    author: recordedPerson(aggregate, { userId: input.actor.aadObjectId!, name: input.actor.name }),
    priority: 'open',
    meetingId: aggregate.meetings.find((m) => m.closing)?.id,
    updatedAt: now,
    updatedBy: input.actor.name,
  };
  await services.store.commit(aggregate.network.id, [{ op: 'create', kind: 'analysisNote', ids: [note.id], value: note }]);
  services.networkChanged(aggregate.network.id);
  const after = { ...aggregate, analysisNotes: [...aggregate.analysisNotes, note] };
  return { card: analysisCardFor(after, viewFor(input, t(input.locale, 'action.analysis.added'))) };
};
