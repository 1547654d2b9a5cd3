import { analysisPresetLabel } from '@domain/labels';
import type { AnalysisCategory, AnalysisNote } from '@domain/model';
import type { Locale, MessageKey } from '@i18n';
// Patterns compare without case and surrounding spaces: "Tillid" and "tillid " are one pattern (the delivery's draft too).
import { patternKey } from '@domain/material';

// Pure helpers of the analysis: categories in order, priorities, notes grouped by pattern across categories.

export type Priority = AnalysisNote['priority'];
export const PRIORITIES: readonly Priority[] = ['prioritised', 'leftOut', 'open'];
export const priorityKey = (priority: Priority) => `tab.analysis.priority.${priority}` as MessageKey;

/** The handbook advises 2-4 categories. */
export const CATEGORY_RANGE = { min: 2, max: 4 } as const;

export const orderCategories = (categories: readonly AnalysisCategory[]) =>
  [...categories].sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));

/** A preset's title follows the reader's language; one's own category keeps its title. */
export const categoryTitle = (category: AnalysisCategory, locale: Locale) =>
  category.preset ? analysisPresetLabel(category.preset, locale) : category.title;


export interface PatternGroup {
  /** The pattern as first written. */
  pattern: string;
  notes: AnalysisNote[];
  categoryIds: string[];
  prioritised: number;
}

/** Notes with a pattern, grouped across categories, by pattern name; prioritised notes first in each group. */
export function groupByPattern(notes: readonly AnalysisNote[], locale: Locale): { groups: PatternGroup[]; without: AnalysisNote[] } {
  const groups = new Map<string, PatternGroup>();
  const without: AnalysisNote[] = [];
  for (const note of notes) {
    const pattern = note.pattern?.trim();
    if (!pattern) {
      without.push(note);
      continue;
    }
    const key = patternKey(pattern);
    const group = groups.get(key) ?? { pattern, notes: [], categoryIds: [], prioritised: 0 };
    group.notes.push(note);
    if (!group.categoryIds.includes(note.categoryId)) group.categoryIds.push(note.categoryId);
    if (note.priority === 'prioritised') group.prioritised += 1;
    groups.set(key, group);
  }
  const rank = (p: Priority) => PRIORITIES.indexOf(p);
  return {
    groups: [...groups.values()]
      .map((g) => ({ ...g, notes: [...g.notes].sort((a, b) => rank(a.priority) - rank(b.priority)) }))
      .sort((a, b) => a.pattern.localeCompare(b.pattern, locale)),
    without,
  };
}

/** The patterns in use, for suggestions while typing. */
export const patternsInUse = (notes: readonly AnalysisNote[], locale: Locale) => groupByPattern(notes, locale).groups.map((g) => g.pattern);
