import { da, type MessageKey } from './da';
import { en } from './en';

export type Locale = 'da' | 'en';
export type { MessageKey };
export type MessageParams = Record<string, string | number>;

const catalogues: Record<Locale, Record<MessageKey, string>> = { da, en };

/** Danish unless the caller clearly asks for English (Teams locale 'en-us', Accept-Language 'en-GB,en;q=0.9'). */
export function pickLocale(hint?: string | null): Locale {
  if (!hint) return 'da';
  const first = hint.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'da';
}

export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogues[locale][key] ?? catalogues.da[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
