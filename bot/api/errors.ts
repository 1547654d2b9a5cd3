import type { MessageKey } from '../i18n/da';
import { t, type Locale, type MessageParams } from '../i18n';
import { localizeIssues, type ValidationIssue } from '../domain/validate';

/** The one error body every API answer uses: { error: { status, code, message, details? } }. */
export interface ErrorBody {
  error: { status: number; code: string; message: string; details?: { path: string; message: string }[] };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly issues: ValidationIssue[] = [],
    readonly params: MessageParams = {},
  ) {
    super(code);
    this.name = 'ApiError';
  }

  body(locale: Locale): ErrorBody {
    const details = this.issues.length ? localizeIssues(this.issues, locale) : undefined;
    return { error: { status: this.status, code: this.code, message: t(locale, this.messageKey, this.params), details } };
  }
}

export const badRequest = (issues: ValidationIssue[]) => new ApiError(400, 'invalidInput', 'api.invalidInput', issues);
export const unprocessable = (issues: ValidationIssue[]) => new ApiError(422, 'ruleViolation', 'api.invalidInput', issues);
export const forbidden = (key: MessageKey = 'api.forbidden') => new ApiError(403, 'forbidden', key);
export const notFound = (key: MessageKey = 'api.notFound') => new ApiError(404, 'notFound', key);
export const conflict = () => new ApiError(409, 'conflict', 'api.conflict');
export const alreadyExists = () => new ApiError(409, 'alreadyExists', 'api.alreadyExists');
export const preconditionRequired = () => new ApiError(428, 'ifMatchRequired', 'api.ifMatchRequired');
/** Deleting what others' work still refers to, refused in words (participants/api.ts, meetings/api.ts). */
export const inUse = (key: MessageKey, params: MessageParams) => new ApiError(422, 'inUse', key, [], params);
export const unavailable = () => new ApiError(503, 'storageUnavailable', 'api.storageUnavailable');
