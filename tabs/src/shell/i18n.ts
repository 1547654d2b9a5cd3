import type { MessageKey } from '../../../bot/i18n/da';
import { formatMessage, pickLocale, type Locale, type MessageParams } from '../../../bot/i18n/format';

// The tab pages' stand-in for bot/i18n/index.ts (vite.config.mjs resolves every import of that module,
// `@i18n` or `../i18n` from the domain code, to this file): the same `t` and `pickLocale`, but the
// catalogue is loaded on demand — one language per page load (each is ~30 KB gzipped) — before the page
// renders a word (mount.tsx and AppShell.tsx wait for it).

export { pickLocale, type Locale, type MessageKey, type MessageParams };

const loaded: Partial<Record<Locale, Readonly<Record<MessageKey, string>>>> = {};
const loading = new Map<Locale, Promise<void>>();

/** Loads the locale's catalogue once; resolves when `t(locale, …)` can answer. */
export function loadCatalogue(locale: Locale): Promise<void> {
  let promise = loading.get(locale);
  if (!promise) {
    promise = (locale === 'en' ? import('../../../bot/i18n/en').then((m) => m.en) : import('../../../bot/i18n/da').then((m) => m.da)).then((catalogue) => {
      loaded[locale] = catalogue;
    });
    // A failed download may be retried (the page shows the failure; see mount.tsx).
    promise.catch(() => loading.delete(locale));
    loading.set(locale, promise);
  }
  return promise;
}

/** The page's language as far as it can be known before Teams answers: what a standalone page will use. */
export function guessLocale(): Locale {
  return pickLocale(new URLSearchParams(window.location.search).get('locale') ?? navigator.language);
}

// Started when this module is evaluated (mount.tsx imports it second), not when the page mounts.
loadCatalogue(guessLocale()).catch(() => undefined);

export const catalogueLoaded = (locale: Locale) => locale in loaded;

/** As on the server; a key reads as itself until its catalogue is loaded (the pages wait, so they never show one). */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return formatMessage(loaded, locale, key, params);
}
