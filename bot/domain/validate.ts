import type { z } from 'zod';
import { da, type MessageKey } from '../i18n/da';
import { t, type Locale } from '../i18n';

export type IssueParams = Record<string, string | number>;

/** A problem with one field; `path` is dot-separated ('items.0.time'), '' for the whole input. */
export interface ValidationIssue {
  path: string;
  key: MessageKey;
  params?: IssueParams;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

type ZodIssue = z.core.$ZodIssue;

export function parseInput<S extends z.ZodType>(schema: S, data: unknown): ParseResult<z.output<S>> {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: result.error.issues.flatMap((issue) => toValidationIssues(issue, data)) };
}

export function localizeIssues(issues: ValidationIssue[], locale: Locale): { path: string; message: string }[] {
  return issues.map((issue) => ({ path: issue.path, message: t(locale, issue.key, issue.params) }));
}

export function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function isMessageKey(text: string): text is MessageKey {
  return Object.prototype.hasOwnProperty.call(da, text);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function toValidationIssues(issue: ZodIssue, data: unknown): ValidationIssue[] {
  const path = joinPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((field) => ({
      path: joinPath([...issue.path, field]),
      key: 'validation.unknownField',
      params: { field },
    }));
  }
  // Schemas name their own message key for checks zod cannot describe well (times, ids, cross-field refinements).
  if (isMessageKey(issue.message)) {
    const params = issue.code === 'custom' ? (issue.params as IssueParams | undefined) : undefined;
    return [{ path, key: issue.message, ...(params ? { params } : {}) }];
  }
  const mapped = mapByCode(issue, valueAt(data, issue.path));
  return [{ path, ...mapped }];
}

function mapByCode(issue: ZodIssue, input: unknown): Omit<ValidationIssue, 'path'> {
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return { key: 'validation.required' };
      if (issue.expected === 'int' && typeof input === 'number') return { key: 'validation.notWholeNumber' };
      return { key: 'validation.invalidType' };
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { key: 'validation.tooLong', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'validation.tooMany', params: { max } };
      return { key: 'validation.tooLarge', params: { max } };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        return min <= 1 ? { key: 'validation.required' } : { key: 'validation.tooShort', params: { min } };
      }
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'validation.tooFew', params: { min } };
      return { key: 'validation.tooSmall', params: { min } };
    }
    case 'invalid_format':
      if (issue.format === 'email') return { key: 'validation.invalidEmail' };
      if (issue.format === 'date') return { key: 'validation.invalidDate' };
      if (issue.format === 'time') return { key: 'validation.invalidTime' };
      return { key: 'validation.invalid' };
    case 'invalid_value':
      return { key: 'validation.invalidChoice', params: { allowed: issue.values.map(String).join(', ') } };
    case 'not_multiple_of':
      return { key: 'validation.notWholeNumber' };
    default:
      return { key: 'validation.invalid' };
  }
}
