import { buildAnalysisCard } from '../../../bot/analysis/card';
import { cardBytes, MAX_CARD_BYTES } from '../../../bot/cards/shared';
import type { AnalysisCategory, AnalysisNote } from '../../../bot/domain/model';
import { describeEvents, executeVerbs, ofType, parseWithSdk, runTexts } from './cardKit';

const network = { id: 'n1', name: 'Ældre i eget hjem' };
const categories: AnalysisCategory[] = [
  { id: 'c2', title: '', preset: 'paradoxes', order: 1 },
  { id: 'c1', title: 'Skjulte skatte', preset: 'hiddenTreasures', order: 0 },
];
const note = (i: number, categoryId: string, text = `Note ${i}`): AnalysisNote => ({ id: `a${i}`, categoryId, text, author: { name: 'Jens' }, priority: 'open' });

describe('analysis card', () => {
  it.each(['da', 'en'] as const)('parses without warnings in %s and offers the categories in their order', (locale) => {
    const card = buildAnalysisCard({ network, categories, notes: [note(1, 'c1'), note(2, 'c2')], locale });
    const { events } = parseWithSdk(card);
    expect(describeEvents(events)).toBe('');
    const [choices] = ofType(card, 'Input.ChoiceSet');
    expect((choices!.choices as { value: string }[]).map((c) => c.value)).toEqual(['c1', 'c2']);
    expect(runTexts(card)).toContain(locale === 'da' ? 'Paradokser (1)' : 'Paradoxes (1)');
    expect(executeVerbs(card)).toContain('analysis.note');
  });

  it('without categories it says so and has nothing to press', () => {
    const card = buildAnalysisCard({ network, categories: [], notes: [], locale: 'da' });
    expect(card.actions).toBeUndefined();
    expect(runTexts(card).join(' ')).toContain('ikke valgt kategorier');
  });

  it('stays under 80 KB with hundreds of long notes, showing the latest per category', () => {
    const notes = Array.from({ length: 400 }, (_, i) => note(i, i % 2 ? 'c1' : 'c2', 'ø'.repeat(1000)));
    const card = buildAnalysisCard({ network, categories, notes, locale: 'da' });
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    expect(runTexts(card).join(' ')).toContain('… og 192 flere i fanen.');
  });

  it('keeps a typed link literal', () => {
    const card = buildAnalysisCard({ network, categories, notes: [note(1, 'c1', '[klik](https://evil.example)')], locale: 'da' });
    expect(ofType(card, 'TextBlock')).toEqual([]);
    expect(runTexts(card).some((text) => text.includes('[klik](https://evil.example)'))).toBe(true);
  });
});
