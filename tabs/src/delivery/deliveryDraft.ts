import type { Delivery, DeliveryStatus } from '@domain/model';
import { MAX, MAX_ITEMS } from '@domain/limits';
import type { Suggestion } from '../shell/networkApi';

// "Leverance til Chefforum" as the leader edits it: rows with a client key (new rows have no id yet), moving a
// recommendation, filling empty fields from the server's draft (GET …/delivery/draft) without overwriting typed
// text, and the body of PUT …/delivery. Pure.

export const TEXT_FIELDS = ['theme', 'knowledgeSummary', 'practiceChanges', 'other'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** As the server's delivery schema allows. */
export const LIMITS = { theme: MAX.short, long: MAX.long, recommendation: MAX.medium, cell: MAX.short, ...MAX_ITEMS } as const;

export interface DraftRecommendation {
  key: string;
  id?: string;
  text: string;
}

export interface DraftDisseminator {
  key: string;
  who: string;
  channel: string;
  when: string;
}

export interface DeliveryDraft {
  theme: string;
  knowledgeSummary: string;
  practiceChanges: string;
  recommendations: DraftRecommendation[];
  other: string;
  dissemination: DraftDisseminator[];
}

/** What GET …/delivery/draft answers (bot/delivery/prefill.ts). */
/** The server's suggestion (GET …/delivery/draft): its type is the API client's. */
export type { Suggestion };

let counter = 0;
export const newKey = (prefix: string) => `${prefix}${++counter}`;

export function draftOf(delivery: Omit<Delivery, 'status'> | undefined): DeliveryDraft {
  return {
    theme: delivery?.theme ?? '',
    knowledgeSummary: delivery?.knowledgeSummary ?? '',
    practiceChanges: delivery?.practiceChanges ?? '',
    recommendations: (delivery?.recommendations ?? []).map((r) => ({ key: r.id, id: r.id, text: r.text })),
    other: delivery?.other ?? '',
    dissemination: (delivery?.dissemination ?? []).map((d) => ({ key: newKey('row'), ...d })),
  };
}

const strip = (draft: DeliveryDraft) => ({
  ...draft,
  recommendations: draft.recommendations.map(({ id, text }) => ({ id, text })),
  dissemination: draft.dissemination.map(({ who, channel, when }) => ({ who, channel, when })),
});

export const sameDraft = (a: DeliveryDraft, b: DeliveryDraft) => JSON.stringify(strip(a)) === JSON.stringify(strip(b));

/**
 * The draft after the saved version moved from `base` to `latest` (a conflict's "load the latest version"): what the
 * leader changed since `base` stays hers, everything she left alone takes the latest version. The recommendations and
 * the dissemination rows each count as one field (their order is the content).
 */
export function mergeDrafts(base: DeliveryDraft, mine: DeliveryDraft, latest: DeliveryDraft): DeliveryDraft {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const a = strip(base);
  const m = strip(mine);
  const merged = { ...mine };
  for (const field of TEXT_FIELDS) if (mine[field] === base[field]) merged[field] = latest[field];
  if (same(m.recommendations, a.recommendations)) merged.recommendations = latest.recommendations;
  if (same(m.dissemination, a.dissemination)) merged.dissemination = latest.dissemination;
  return merged;
}

/** The list with the item at `from` put at `to` (both indexes of the list as it is). */
export function moveTo<T>(items: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

/**
 * Where a dragged item lands when dropped on the item at `over`, in its upper (`before`) or lower half: the
 * index it gets in the list without it.
 */
export function dropIndex(from: number, over: number, before: boolean): number {
  const slot = before ? over : over + 1;
  return slot > from ? slot - 1 : slot;
}

export type Errors = { recommendations: Record<string, string>; who: Record<string, string> };

const isBlankRow = (row: DraftDisseminator) => !row.who.trim() && !row.channel.trim() && !row.when.trim();

/** What the server would refuse, by row key: a blank recommendation, a dissemination row without "who". */
export function draftErrors(draft: DeliveryDraft, messages: { recommendation: string; who: string }): Errors {
  const errors: Errors = { recommendations: {}, who: {} };
  for (const r of draft.recommendations) if (!r.text.trim()) errors.recommendations[r.key] = messages.recommendation;
  for (const row of draft.dissemination) if (!isBlankRow(row) && !row.who.trim()) errors.who[row.key] = messages.who;
  return errors;
}

export const hasErrors = (errors: Errors) => Object.keys(errors.recommendations).length + Object.keys(errors.who).length > 0;

/** The body of PUT …/delivery: trimmed text, recommendations in priority order, blank dissemination rows left out. */
export function deliveryBody(draft: DeliveryDraft, status: DeliveryStatus) {
  return {
    theme: draft.theme.trim(),
    knowledgeSummary: draft.knowledgeSummary.trim(),
    practiceChanges: draft.practiceChanges.trim(),
    recommendations: draft.recommendations.map((r) => ({ ...(r.id ? { id: r.id } : {}), text: r.text.trim() })),
    other: draft.other.trim(),
    dissemination: draft.dissemination.filter((row) => !isBlankRow(row)).map((row) => ({ who: row.who.trim(), channel: row.channel.trim(), when: row.when.trim() })),
    status,
  };
}

/** A field the leader already wrote in, whose suggestion says something else: only replaced if the leader says so. */
export interface FillQuestion {
  field: TextField;
  suggestion: string;
}

export interface FillResult {
  /** The draft with every empty field filled. */
  draft: DeliveryDraft;
  /** The fields that were empty and are now filled. */
  filled: (TextField | 'recommendations')[];
  /** Fields with the leader's own text that the suggestion would change. */
  questions: FillQuestion[];
  /** Suggested recommendations not on the leader's list (asked about when the list was not empty). */
  missingRecommendations: DraftRecommendation[];
}

/** Fills what is empty from the suggestion; collects, without applying, what would overwrite the leader's text. */
export function fillEmpty(draft: DeliveryDraft, suggestion: Suggestion): FillResult {
  const next = { ...draft };
  const filled: FillResult['filled'] = [];
  const questions: FillQuestion[] = [];
  for (const field of TEXT_FIELDS) {
    const proposed = (suggestion[field] ?? '').trim();
    if (!proposed) continue;
    if (!draft[field].trim()) {
      next[field] = proposed;
      filled.push(field);
    } else if (draft[field].trim() !== proposed) {
      questions.push({ field, suggestion: proposed });
    }
  }
  const present = new Set(draft.recommendations.flatMap((r) => [r.id ?? '', normalise(r.text)]));
  const missing = (suggestion.recommendations ?? [])
    .filter((r) => r.text.trim() && !present.has(r.id) && !present.has(normalise(r.text)))
    .map((r) => ({ key: newKey('new'), id: r.id, text: r.text.trim() }));
  let missingRecommendations: DraftRecommendation[] = [];
  if (draft.recommendations.length === 0 && missing.length) {
    next.recommendations = missing.slice(0, LIMITS.recommendations);
    filled.push('recommendations');
  } else {
    missingRecommendations = missing;
  }
  // Named in the order the form shows them.
  filled.sort((a, b) => FORM_ORDER.indexOf(a) - FORM_ORDER.indexOf(b));
  return { draft: next, filled, questions, missingRecommendations };
}

/** The handbook's template, top to bottom. */
const FORM_ORDER: readonly FillResult['filled'][number][] = ['theme', 'knowledgeSummary', 'practiceChanges', 'recommendations', 'other'];

/** The leader's answer to the questions: replace the chosen fields, append the missing recommendations if asked. */
export function applyAnswers(draft: DeliveryDraft, chosen: readonly FillQuestion[], addRecommendations: readonly DraftRecommendation[]): DeliveryDraft {
  const next = { ...draft };
  for (const question of chosen) next[question.field] = question.suggestion;
  if (addRecommendations.length) {
    next.recommendations = [...draft.recommendations, ...addRecommendations].slice(0, LIMITS.recommendations);
  }
  return next;
}

const normalise = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
