import { cardBytes, MAX_CARD_BYTES } from '../../../bot/cards/shared';
import type { Locale } from '../../../bot/i18n';
import { actionsOf, describeEvents, executeVerbs, parseWithSdk } from './cardKit';
import { allVariants, largestCards, type Variant } from './variants';

// Every card the app sends, in both languages, is one the Adaptive Cards SDK reads without a
// warning, keeps its verbs when it is serialised again, and stays below the size Teams accepts.

const LOCALES: Locale[] = ['da', 'en'];
const cases = (make: (locale: Locale) => Variant[]) =>
  LOCALES.flatMap((locale) => make(locale).map((v) => [`${v.name} (${locale})`, v] as const));

const everyCard = cases((locale) => allVariants(locale));
const largest = cases(largestCards);

describe.each(everyCard)('%s', (_name, { card }) => {
  it('parses with the Adaptive Cards SDK without warnings or errors', () => {
    const { events } = parseWithSdk(card);
    if (events.length) throw new Error(`SDK parse events:\n${describeEvents(events)}`);
    expect(events).toHaveLength(0);
  });

  it('passes the SDK’s own validation (input ids present and unique, …)', () => {
    const { validation } = parseWithSdk(card);
    if (validation.length) throw new Error(`SDK validation events:\n${describeEvents(validation)}`);
    expect(validation).toHaveLength(0);
  });

  it('keeps every Action.Execute verb when the SDK serialises it again', () => {
    const { json } = parseWithSdk(card);
    expect(executeVerbs(json).sort()).toEqual(executeVerbs(card).sort());
  });

  it('gives every Action.Execute an Action.Submit fallback with the same verb in its data', () => {
    const executes = actionsOf(card).filter((a) => a.type === 'Action.Execute');
    for (const action of executes) {
      const data = action.data as Record<string, unknown>;
      const fallback = action.fallback as Record<string, unknown>;
      expect(data.verb).toBe(action.verb);
      expect(fallback).toMatchObject({ type: 'Action.Submit', title: action.title, data: { verb: action.verb } });
      expect(fallback.data).toEqual(data);
    }
  });

  it('is an Adaptive Card 1.5 for the full width of Teams', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', msteams: { width: 'Full' } });
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });
});

describe.each(largest)('the largest card the data allows: %s', (_name, { card }) => {
  it(`stays under ${MAX_CARD_BYTES / 1024} KB`, () => {
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
  });

  it('still parses without warnings and keeps its verbs', () => {
    const { events, validation, json } = parseWithSdk(card);
    if (events.length + validation.length) throw new Error(`SDK events:\n${describeEvents([...events, ...validation])}`);
    expect(executeVerbs(json).sort()).toEqual(executeVerbs(card).sort());
  });
});

describe('the SDK check itself', () => {
  it('does report a broken card, so a clean result means something', () => {
    const broken = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlok', text: 'typo in the type' },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'x', color: 'purple' }] },
        { type: 'Input.Text', id: 'same' },
        { type: 'Input.Text', id: 'same' },
      ],
    };
    const { events, validation } = parseWithSdk(broken);
    expect(describeEvents(events)).toMatch(/Unknown element type "TextBlok"/);
    expect(describeEvents(events)).toMatch(/Invalid value "purple"/);
    expect(describeEvents(validation)).toMatch(/Duplicate Id "same"/);
  });
});
