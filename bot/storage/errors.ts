// Storage failures the API turns into HTTP answers. Nothing else leaks from the SDK.

export type StoreErrorKind = 'conflict' | 'exists' | 'notFound' | 'unavailable';

export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  details?: { odataError?: { code?: string } };
}

/** Maps an @azure/data-tables error: 412 stale ETag, 409 exists, 404 missing, no answer (in time) or 5xx unavailable. */
export function toStoreError(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  // The request's deadline passed (bot/storage/tables.ts): storage hangs.
  if ((error as Error)?.name === 'AbortError') return new StoreError('unavailable', 'Storage did not answer in time', error);
  const rest = error as RestErrorLike;
  const odataCode = rest?.details?.odataError?.code;
  switch (rest?.statusCode) {
    case 412:
      return new StoreError('conflict', `Stale ETag (${odataCode ?? 'precondition failed'})`, error);
    case 409:
      return new StoreError('exists', `Already exists (${odataCode ?? 'conflict'})`, error);
    case 404:
      return new StoreError('notFound', `Not found (${odataCode ?? 'missing'})`, error);
    case undefined:
    case 408:
    case 429:
    case 500:
    case 502:
    case 503:
    case 504:
      if (rest?.statusCode !== undefined || rest?.code !== undefined) {
        return new StoreError('unavailable', `Storage unavailable (${rest?.statusCode ?? rest?.code})`, error);
      }
      return error;
    default:
      return error;
  }
}
