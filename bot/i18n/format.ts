import { IntlMessageFormat } from 'intl-messageformat';

// Formatting a message from a catalogue, without the catalogues themselves: the server (bot/i18n/index.ts)
// holds both languages; the tab pages (tabs/src/shell/i18n.ts) load only the page's language.

export type Locale = 'da' | 'en';
export type MessageParams = Record<string, string | number>;

/** Danish unless the caller clearly asks for English (Teams locale 'en-us', Accept-Language 'en-GB,en;q=0.9'). */
export function pickLocale(hint?: string | null): Locale {
  if (!hint) return 'da';
  const first = hint.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'da';
}

// Messages are ICU MessageFormat: `{name}` is a value as given, `{count, plural, one {# deltager} other {# deltagere}}`
// picks the language's plural form. Tags are plain text (ignoreTag); an apostrophe is literal unless it quotes a brace.
interface Compiled {
  format: IntlMessageFormat;
  /** Every argument the message names, so a missing one reads `{name}` instead of throwing. */
  names: string[];
}

const compiled = new Map<string, Compiled>();

type Element = ReturnType<IntlMessageFormat['getAst']>[number];

function argumentNames(elements: Element[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if ('value' in element && typeof element.value === 'string' && element.type !== 0 /* literal */) into.add(element.value);
    if ('options' in element) for (const option of Object.values(element.options)) argumentNames(option.value, into);
    if ('children' in element) argumentNames(element.children, into);
  }
  return into;
}

/** The message compiled once per locale and key (throws on a message that is not valid ICU: the catalogue test compiles all). */
function compiledMessage(locale: Locale, key: string, template: string): Compiled {
  const id = `${locale}\u0000${key}`;
  let entry = compiled.get(id);
  if (!entry) {
    const format = new IntlMessageFormat(template, locale, undefined, { ignoreTag: true });
    entry = { format, names: [...argumentNames(format.getAst())] };
    compiled.set(id, entry);
  }
  return entry;
}

/** Plural, select or formatted arguments, or an apostrophe that quotes: what a plain `{name}` fill cannot do. */
const needsIcu = (template: string) => /\{[^{}]*,|'[{}']/.test(template);

/** The message `key` from the locale's catalogue (Danish if the locale lacks it; the key itself if neither has it). */
export function formatMessage(
  catalogues: Partial<Record<Locale, Readonly<Record<string, string>>>>,
  locale: Locale,
  key: string,
  params: MessageParams = {},
): string {
  const template = catalogues[locale]?.[key] ?? catalogues.da?.[key];
  if (template === undefined) return key;
  // Most messages only fill in names: compiling every one of them cost the plan page a third of its start.
  if (!needsIcu(template)) return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  const { format, names } = compiledMessage(locale, key, template);
  const values: MessageParams = {};
  for (const name of names) values[name] = name in params ? params[name]! : `{${name}}`;
  try {
    return String(format.format(values));
  } catch {
    // A plural without a number: the words as written rather than a broken page.
    return template;
  }
}
