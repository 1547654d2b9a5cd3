import type { Locale } from '../../../bot/i18n';

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

export function createApi({ locale, getToken }: ApiOptions) {
  async function call<T>(method: string, path: string, body?: unknown, etag?: string): Promise<T> {
    const headers: Record<string, string> = { 'Accept-Language': locale };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (etag) headers['If-Match'] = etag;
    if (getToken) headers.Authorization = `Bearer ${await getToken()}`;
    else {
      const devUser = localStorage.getItem(DEV_USER_KEY);
      if (devUser) headers['X-Dev-User'] = devUser;
    }
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      const error = parsed?.error ?? {};
      throw new ApiError(response.status, error.code ?? 'unknown', error.message ?? response.statusText, error.details);
    }
    return parsed as T;
  }
  return {
    get: <T>(path: string) => call<T>('GET', path),
    /** An ETag only where the server asks for one (closing a meeting). */
    post: <T>(path: string, body: unknown, etag?: string) => call<T>('POST', path, body, etag),
    put: <T>(path: string, body: unknown, etag?: string) => call<T>('PUT', path, body, etag),
    patch: <T>(path: string, body: unknown, etag: string) => call<T>('PATCH', path, body, etag),
    del: (path: string, etag: string) => call<void>('DELETE', path, undefined, etag),
  };
}
