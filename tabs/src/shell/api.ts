import type { Locale } from '@i18n';

// The tab API client: identity on every call (SSO token in Teams, the chosen development identity
// standalone), ETags for every update, and one error type carrying the server's message.

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
  }

  get isConflict(): boolean {
    return this.status === 409;
  }
}

export const DEV_USER_KEY = 'netvaerk.devUser';

export interface ApiOptions {
  locale: Locale;
  getToken?: () => Promise<string>;
}

export type Api = ReturnType<typeof createApi>;

/** A file the API answered with (a calendar file): its bytes and the name the server gave it. */
export interface Download {
  blob: Blob;
  filename: string;
}

/** The file name in Content-Disposition: filename* (UTF-8, RFC 6266) when given, else filename. */
export function filenameOf(disposition: string | null, fallback: string): string {
  const extended = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // fall through to the plain name
    }
  }
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

export function createApi({ locale, getToken }: ApiOptions) {
  /**
   * The request's headers. Without a token to wait for (standalone) they are ready at once, so that fetch starts in
   * the same turn: a page's early requests (./early.ts) are asked while its script is still being evaluated.
   */
  function headersFor(json: boolean, etag?: string): Record<string, string> | Promise<Record<string, string>> {
    const headers: Record<string, string> = { 'Accept-Language': locale };
    if (json) headers['Content-Type'] = 'application/json';
    if (etag) headers['If-Match'] = etag;
    if (getToken) return getToken().then((token) => ({ ...headers, Authorization: `Bearer ${token}` }));
    const devUser = localStorage.getItem(DEV_USER_KEY);
    if (devUser) headers['X-Dev-User'] = devUser;
    return headers;
  }
  async function failure(response: Response, text: string): Promise<ApiError> {
    let error: { code?: string; message?: string; details?: FieldError[] } = {};
    try {
      error = (text ? JSON.parse(text) : undefined)?.error ?? {};
    } catch {
      // not the API's error body
    }
    return new ApiError(response.status, error.code ?? 'unknown', error.message ?? response.statusText, error.details);
  }
  async function call<T>(method: string, path: string, body?: unknown, etag?: string): Promise<T> {
    const pending = headersFor(body !== undefined, etag);
    const headers = pending instanceof Promise ? await pending : pending;
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw await failure(response, text);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  /** GET of a file: the body as a Blob, with its name; errors as from every other call. */
  async function download(path: string, fallbackName: string): Promise<Download> {
    const response = await fetch(path, { headers: await headersFor(false) });
    if (!response.ok) throw await failure(response, await response.text());
    return { blob: await response.blob(), filename: filenameOf(response.headers.get('content-disposition'), fallbackName) };
  }
  return {
    download,
    get: <T>(path: string) => call<T>('GET', path),
    /** An ETag only where the server asks for one (closing a meeting). */
    post: <T>(path: string, body: unknown, etag?: string) => call<T>('POST', path, body, etag),
    put: <T>(path: string, body: unknown, etag?: string) => call<T>('PUT', path, body, etag),
    patch: <T>(path: string, body: unknown, etag: string) => call<T>('PATCH', path, body, etag),
    del: (path: string, etag: string) => call<void>('DELETE', path, undefined, etag),
  };
}
