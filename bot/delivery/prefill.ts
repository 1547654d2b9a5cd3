import type { AnalysisNote, Delivery, Idea, NetworkAggregate, Recommendation } from '../domain/model';
import { orderMeetings } from '../domain/labels';
import { MAX } from '../domain/limits';
import { patternKey } from '../domain/material';
import { t, type Locale } from '../i18n';

// "Leverance til Chefforum" starts from what the network already wrote and chose, never from private reflections.
// The handbook's template (fase 4) asks for a knowledge summary, the changed practice, prioritised recommendations and
// "Andet" (ideas the network gave rise to, to be lifted in the organisation):
// - knowledge summary and practice changes: the meetings' joint summaries, in the order of the series;
// - recommendations: what the group prioritised in the analysis (trin 4: "her snævrer I ind og prioriterer") — a
//   pattern with prioritised notes is one recommendation, a prioritised note without a pattern is one — in the order
//   of the categories; then the ideas someone owns that were taken on or tested, with their tovholder. Left-out and
//   open notes, dropped ideas and ideas nobody owns are not recommendations;
// - other: the ideas still on the parking lot (or taken on without a tovholder), so none is forgotten.
// Written in the network's language. Pure.

export type DeliveryDraft = Omit<Delivery, 'etag' | 'updatedAt' | 'updatedBy'>;

const paragraphs = (texts: readonly string[]) => texts.map((text) => text.trim()).filter(Boolean).join('\n\n');

/** Within the schema's limit for a recommendation: a long pattern is cut at a word, with an ellipsis. */
function fit(text: string, max: number = MAX.medium): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}


/** The prioritised notes as recommendations: one per pattern (at its first note's place), one per note without. */
export function analysisRecommendations(aggregate: Pick<NetworkAggregate, 'analysisCategories' | 'analysisNotes'>, locale: Locale): Recommendation[] {
  const categories = [...aggregate.analysisCategories].sort((a, b) => a.order - b.order || a.title.localeCompare(b.title, locale));
  const rank = new Map(categories.map((category, index) => [category.id, index]));
  const rankOf = (note: AnalysisNote) => rank.get(note.categoryId) ?? categories.length;
  const prioritised = aggregate.analysisNotes
    .map((note, index) => ({ note, index }))
    .filter(({ note }) => note.priority === 'prioritised' && note.text.trim())
    .sort((a, b) => rankOf(a.note) - rankOf(b.note) || a.index - b.index)
    .map(({ note }) => note);

  // A pattern is named as first written, as the analysis tab shows it.
  const patternName = new Map<string, string>();
  for (const note of aggregate.analysisNotes) {
    const pattern = note.pattern?.trim();
    if (pattern && !patternName.has(patternKey(pattern))) patternName.set(patternKey(pattern), pattern);
  }

  const entries: { id: string; pattern?: string; texts: string[] }[] = [];
  const byPattern = new Map<string, (typeof entries)[number]>();
  for (const note of prioritised) {
    const text = note.text.trim();
    const pattern = note.pattern?.trim();
    if (!pattern) {
      entries.push({ id: note.id, texts: [text] });
      continue;
    }
    const existing = byPattern.get(patternKey(pattern));
    if (existing) {
      if (!existing.texts.includes(text)) existing.texts.push(text);
      continue;
    }
    const entry = { id: note.id, pattern: patternName.get(patternKey(pattern)) ?? pattern, texts: [text] };
    byPattern.set(patternKey(pattern), entry);
    entries.push(entry);
  }
  return entries.map(({ id, pattern, texts }) => ({
    id,
    text: fit(pattern ? t(locale, 'delivery.draft.pattern', { pattern, notes: texts.join('; ') }) : texts[0]!),
  }));
}

const owned = (idea: Idea) => !!idea.owner?.name.trim() && (idea.status === 'takenOn' || idea.status === 'tested');

/** Ideas taken on or tested, with a tovholder: "… (tovholder: Mette Hansen)"; in the order they were parked. */
export function ideaRecommendations(ideas: readonly Idea[], locale: Locale): Recommendation[] {
  return byCreation(ideas)
    .filter((idea) => owned(idea) && idea.text.trim())
    .map((idea) => {
      const key = idea.status === 'tested' ? 'delivery.draft.ideaTested' : 'delivery.draft.ideaTakenOn';
      // The text is cut, never the tovholder.
      const suffix = ` ${t(locale, key, { owner: idea.owner!.name.trim() })}`;
      return { id: idea.id, text: `${fit(idea.text.trim(), MAX.medium - suffix.length)}${suffix}` };
    });
}

/** "Andet": the ideas still to be lifted — parked, or taken on without a tovholder yet; not the dropped ones. */
export function otherFromIdeas(ideas: readonly Idea[], locale: Locale): string {
  const open = byCreation(ideas).filter((idea) => idea.status !== 'dropped' && !owned(idea) && idea.text.trim());
  if (!open.length) return '';
  const line = (idea: Idea) =>
    idea.owner?.name.trim()
      ? t(locale, 'delivery.draft.openIdeaOwned', { text: idea.text.trim(), owner: idea.owner.name.trim() })
      : t(locale, 'delivery.draft.openIdea', { text: idea.text.trim() });
  return fit([t(locale, 'delivery.draft.openIdeas'), ...open.map(line)].join('\n'), MAX.long);
}

const byCreation = (ideas: readonly Idea[]) => [...ideas].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

export function prefillDelivery(aggregate: NetworkAggregate, locale: Locale = aggregate.network.locale ?? 'da'): DeliveryDraft {
  const summaries = orderMeetings(aggregate.meetings)
    .map((meeting) => aggregate.summaries.find((s) => s.meetingId === meeting.id))
    .filter((s): s is NonNullable<typeof s> => !!s);
  return {
    theme: aggregate.network.theme,
    knowledgeSummary: paragraphs(summaries.map((s) => s.keyLearningPoints || s.statementsAndKnowledge)),
    practiceChanges: paragraphs(summaries.map((s) => s.waysToUseLearning)),
    recommendations: [...analysisRecommendations(aggregate, locale), ...ideaRecommendations(aggregate.ideas, locale)],
    other: otherFromIdeas(aggregate.ideas, locale),
    dissemination: [],
    status: 'draft',
  };
}
