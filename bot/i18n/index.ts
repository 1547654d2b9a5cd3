import { da, type MessageKey } from './da';
import { en } from './en';
import { formatMessage, type Locale, type MessageParams } from './format';

export { pickLocale, type Locale, type MessageParams } from './format';
export type { MessageKey };

// The server speaks both languages. The tab pages do not import this module: their build puts
// tabs/src/shell/i18n.ts in its place (vite.config.mjs), which loads only the page's language.
const catalogues: Record<Locale, Record<MessageKey, string>> = { da, en };

export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return formatMessage(catalogues, locale, key, params);
}
