import type { Summary } from '@domain/model';
import type { MessageKey } from '@i18n';

// The joint summary's six fields (the handbook, "Fælles opsamling i plenum pr. møde"), in the template's order.

export const SUMMARY_FIELDS = [
  'themeAndPotentials',
  'statementsAndKnowledge',
  'contactsForKnowledge',
  'potentials',
  'keyLearningPoints',
  'waysToUseLearning',
] as const satisfies readonly (keyof Summary)[];

export type SummaryField = (typeof SUMMARY_FIELDS)[number];
export type SummaryDraft = Record<SummaryField, string>;

export const fieldLabel = (field: SummaryField) => `tab.summary.field.${field}` as MessageKey;
export const fieldHint = (field: SummaryField) => `tab.summary.field.${field}.hint` as MessageKey;

export function draftOf(summary?: Summary): SummaryDraft {
  return Object.fromEntries(SUMMARY_FIELDS.map((field) => [field, summary?.[field] ?? ''])) as SummaryDraft;
}

/** What PUT …/summary gets: every field, trimmed. */
export function summaryBody(draft: SummaryDraft): SummaryDraft {
  return Object.fromEntries(SUMMARY_FIELDS.map((field) => [field, draft[field].trim()])) as SummaryDraft;
}

export const sameDraft = (a: SummaryDraft, b: SummaryDraft) => SUMMARY_FIELDS.every((field) => a[field].trim() === b[field].trim());

export const isEmpty = (summary?: Pick<Summary, SummaryField>) => !summary || SUMMARY_FIELDS.every((field) => !summary[field]?.trim());
