import type { Delivery, NetworkAggregate } from '../domain/model';
import { orderMeetings } from '../domain/labels';

// "Leverance til Chefforum" starts from what the network already wrote: the joint summaries and the
// analysis the group prioritised. Never from private reflections. Pure.

export type DeliveryDraft = Omit<Delivery, 'etag' | 'updatedAt' | 'updatedBy'>;

const paragraphs = (texts: readonly string[]) => texts.map((text) => text.trim()).filter(Boolean).join('\n\n');

export function prefillDelivery(aggregate: NetworkAggregate): DeliveryDraft {
  const summaries = orderMeetings(aggregate.meetings)
    .map((meeting) => aggregate.summaries.find((s) => s.meetingId === meeting.id))
    .filter((s): s is NonNullable<typeof s> => !!s);
  const categoryOrder = new Map(aggregate.analysisCategories.map((c) => [c.id, c.order]));
  const prioritised = aggregate.analysisNotes
    .filter((note) => note.priority === 'prioritised')
    .sort((a, b) => (categoryOrder.get(a.categoryId) ?? 0) - (categoryOrder.get(b.categoryId) ?? 0));
  return {
    theme: aggregate.network.theme,
    knowledgeSummary: paragraphs(summaries.map((s) => s.keyLearningPoints || s.statementsAndKnowledge)),
    practiceChanges: paragraphs(summaries.map((s) => s.waysToUseLearning)),
    recommendations: prioritised.map((note) => ({ id: note.id, text: note.text })),
    other: '',
    dissemination: [],
    status: 'draft',
  };
}
