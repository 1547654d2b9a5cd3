import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { t, type Locale, type MessageKey } from '../../bot/i18n';
import { da } from '../../bot/i18n/da';
import { en } from '../../bot/i18n/en';
import { countedLabel } from '../../bot/domain/labels';
import { reasonKey } from '../../tabs/src/plan/reflections/reasons';

// The message catalogues are ICU MessageFormat (intl-messageformat behind t()): every message compiles,
// counts take the language's plural form, and the Danish catalogue is Danish.

const catalogues: Record<Locale, Record<string, string>> = { da, en };
const keys = Object.keys(da) as MessageKey[];

type Element = ReturnType<IntlMessageFormat['getAst']>[number];
const ast = (locale: Locale, text: string) => new IntlMessageFormat(text, locale, undefined, { ignoreTag: true }).getAst();

/** Each argument a message names, with whether it picks a plural form. */
function argumentsOf(elements: Element[], into = new Map<string, 'plural' | 'text'>()) {
  for (const element of elements) {
    if ('options' in element) {
      if ('pluralType' in element) into.set(element.value, 'plural');
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    } else if (element.type !== 0 && 'value' in element && typeof element.value === 'string' && !into.has(element.value)) {
      into.set(element.value, 'text');
    }
  }
  return into;
}

/** The words a reader sees in every branch of a message, without its argument names. */
const wordsOf = (elements: Element[]): string =>
  elements
    .map((element) => (element.type === 0 ? element.value : 'options' in element ? Object.values(element.options).map((o) => wordsOf(o.value)).join(' ') : ' '))
    .join('');

const pluralKeys = keys.filter((key) => [...argumentsOf(ast('da', da[key])).values(), ...argumentsOf(ast('en', en[key])).values()].includes('plural'));

describe('every message', () => {
  test.each(['da', 'en'] as const)('compiles in %s and formats with plausible values', (locale) => {
    for (const key of keys) {
      const text = catalogues[locale][key]!;
      const args = argumentsOf(ast(locale, text));
      const params = Object.fromEntries([...args].map(([name, kind]) => [name, kind === 'plural' ? 2 : `«${name}»`]));
      const out = t(locale, key, params);
      expect({ key, out: typeof out }).toEqual({ key, out: 'string' });
      // Every value shows up, and no ICU syntax is left over.
      for (const [name, kind] of args) if (kind === 'text') expect({ key, shows: out.includes(`«${name}»`) }).toEqual({ key, shows: true });
      expect({ key, leftover: /\{\s*\w+\s*,\s*plural/.test(out) }).toEqual({ key, leftover: false });
    }
  });

  test.each(['da', 'en'] as const)('without plural or select reads in %s exactly as written, values in place (no apostrophe or brace eaten)', (locale) => {
    for (const key of keys) {
      const text = catalogues[locale][key]!;
      const args = argumentsOf(ast(locale, text));
      if ([...args.values()].includes('plural') || /\{\s*\w+\s*,/.test(text)) continue;
      const params = Object.fromEntries([...args.keys()].map((name) => [name, `«${name}»`]));
      expect({ key, out: t(locale, key, params) }).toEqual({ key, out: text.replace(/\{(\w+)\}/g, (_whole, name: string) => `«${name}»`) });
    }
  });

  test('a value left out reads as its placeholder instead of throwing; numbers are shown as given', () => {
    expect(t('da', 'tab.reflections.answeredOn')).toBe('Ja, {date}');
    expect(t('da', 'api.tooLarge', { limit: 1048576 })).toBe('Forespørgslen er for stor (højst 1048576 bytes).');
  });

  test('Danish and English name the same arguments', () => {
    for (const key of keys) {
      const danish = argumentsOf(ast('da', da[key]));
      const english = argumentsOf(ast('en', en[key]));
      // Danish "møde 1 og 2" has one form; English "meeting 1" / "meetings 1 and 2" needs the count.
      if (key === 'count.meetings') continue;
      expect({ key, args: [...danish.keys()].sort() }).toEqual({ key, args: [...english.keys()].sort() });
    }
  });
});

describe('plural forms', () => {
  test('there are plural messages, in both languages', () => {
    expect(pluralKeys.length).toBeGreaterThanOrEqual(10);
  });

  test.each(['da', 'en'] as const)('every plural message in %s has a one and an other form and formats 0, 1 and 2', (locale) => {
    for (const key of pluralKeys) {
      const elements = ast(locale, catalogues[locale][key]!);
      const walk = (els: Element[]): void =>
        els.forEach((element) => {
          if ('pluralType' in element) expect({ key, forms: Object.keys(element.options).sort() }).toEqual({ key, forms: ['one', 'other'] });
          if ('options' in element) Object.values(element.options).forEach((o) => walk(o.value));
        });
      walk(elements);
      const args = argumentsOf(elements);
      if (![...args.values()].includes('plural')) continue; // Danish "møde 1 og 2"
      // The words around the number: 1 reads differently from 2, and 0 reads like 2 (both "other" in da and en).
      const form = (n: number) =>
        t(locale, key, Object.fromEntries([...args].map(([name, kind]) => [name, kind === 'plural' ? n : `«${name}»`]))).replace(new RegExp(`\\b${n}\\b`, 'g'), 'N');
      expect({ key, one: form(1) === form(2), zero: form(0) === form(2) }).toEqual({ key, one: false, zero: true });
    }
  });

  test('Danish: 1 deltager, 0 and 2 deltagere', () => {
    const caption = (count: number, core: number) => t('da', 'tab.print.participantsCaption', { count, core });
    expect(caption(0, 0)).toBe('0 deltagere, heraf 0 kernedeltagere');
    expect(caption(1, 1)).toBe('1 deltager, heraf 1 kernedeltager');
    expect(caption(2, 1)).toBe('2 deltagere, heraf 1 kernedeltager');
    expect([0, 1, 2].map((n) => countedLabel('da', 'reflection', n))).toEqual(['0 refleksioner', '1 refleksion', '2 refleksioner']);
    expect([0, 1, 2].map((n) => countedLabel('da', 'idea', n))).toEqual(['0 idéer', '1 idé', '2 idéer']);
    expect([0, 1, 2].map((n) => t('da', 'tab.reflections.reminder.saved', { days: n }))).toEqual([
      'Påmindelsen sendes 0 dage efter hvert møde.',
      'Påmindelsen sendes 1 dag efter hvert møde.',
      'Påmindelsen sendes 2 dage efter hvert møde.',
    ]);
    expect([1, 2].map((n) => t('da', 'tab.retention.saved', { months: n }))).toEqual(['Gemt: data slettes 1 måned efter afleveringen.', 'Gemt: data slettes 2 måneder efter afleveringen.']);
    expect([1, 5].map((n) => t('da', 'card.moreInTab', { count: n }))).toEqual(['… og 1 mere i fanen.', '… og 5 flere i fanen.']);
    expect(t('da', 'tab.privacy.erased', { who: 'X', networks: 1, reflections: 1, messages: 0 })).toBe(
      'X er slettet: 1 netværk ændret, 1 privat refleksion og 0 planlagte beskeder slettet.',
    );
  });

  test('English: 1 participant, 0 and 2 participants; no "(s)"', () => {
    const caption = (count: number, core: number) => t('en', 'tab.print.participantsCaption', { count, core });
    expect(caption(0, 0)).toBe('0 participants, of whom 0 core participants');
    expect(caption(1, 1)).toBe('1 participant, of whom 1 core participant');
    expect(caption(2, 2)).toBe('2 participants, of whom 2 core participants');
    expect([0, 1, 2].map((n) => countedLabel('en', 'analysisNote', n))).toEqual(['0 analysis notes', '1 analysis note', '2 analysis notes']);
    expect([1, 2].map((n) => t('en', 'count.meetings', { count: n, numbers: n === 1 ? '1' : '1 and 2' }))).toEqual(['meeting 1', 'meetings 1 and 2']);
    expect(t('en', 'tab.privacy.erased', { who: 'X', networks: 2, reflections: 1, messages: 0 })).toBe(
      'X is erased: 2 networks changed, 1 private reflection and 0 scheduled messages deleted.',
    );
    expect(Object.entries(en).filter(([, text]) => text.includes('(s)'))).toEqual([]);
  });
});

describe('the Danish catalogue is Danish', () => {
  // English function words and the app's own English words that are no Danish word (so not "for", "at",
  // "send", "have", "note", "status", "to", "by", "be", "time", "sent", "agenda", which Danish has too).
  const ENGLISH = `the and of is are you your with not no yes this that it in on was has will can could should would please
    already answered answer meeting meetings network networks idea ideas participant participants summary reflection
    reflections analysis delivery save saved delete deleted error failed skipped pending open closed close edit new add remove
    back next done cancel name date week step chosen invited none all more less than which who what when where why how
    there their they them from`.split(/\s+/);
  // Names and loanwords the handbook and Microsoft use in Danish text.
  const ALLOWED = ['co-driver', 'Chefforum', 'Microsoft 365', 'Microsoft Graph', 'Microsoft', 'Teams', 'Outlook', 'Word', 'Entra ID', 'Entra', 'PrivacyOfficer', 'e-mail', 'OK', 'JSON', 'gzip', 'X-Dev-User'];

  const englishWordsIn = (text: string) => {
    let words = wordsOf(ast('da', text));
    for (const allowed of ALLOWED) words = words.split(allowed).join(' ');
    return ENGLISH.filter((word) => new RegExp(`(?<![\\p{L}\\p{N}-])${word}(?![\\p{L}\\p{N}-])`, 'iu').test(words));
  };

  test('the check catches English (and the reflections table’s old "already answered")', () => {
    expect(englishWordsIn('already answered')).toEqual(['already', 'answered']);
    const caught = Object.values(en).filter((text) => englishWordsIn(text).length > 0).length;
    expect(caught / Object.keys(en).length).toBeGreaterThan(0.6);
  });

  test('no Danish message has English words', () => {
    const english = keys.map((key) => ({ key, words: englishWordsIn(da[key]) })).filter(({ words }) => words.length);
    expect(english).toEqual([]);
  });

  test('every reason the scheduler records for a send has Danish words in the tab', () => {
    const sources = ['handlers.ts', 'scheduler.ts'].map((file) => readFileSync(join(__dirname, '../../bot/scheduler', file), 'utf8')).join('\n');
    const reasons = new Set([...sources.matchAll(/(?:skipped\(|detail: )'([^']+)'/g)].map((match) => match[1]!));
    expect(reasons).toContain('already answered');
    expect([...reasons].filter((reason) => !reasonKey(reason))).toEqual([]);
    expect(t('da', reasonKey('already answered')!)).toBe('Har allerede svaret.');
  });
});
