import { adaptiveCard, cardBytes, execute, fact, heading, MAX_CARD_BYTES, refreshWith, text } from '../../../bot/cards/shared';
import { parseWithSdk, runTexts } from './cardKit';

// The building blocks every card is made of.

describe('card building blocks', () => {
  it('text is a RichTextBlock with one cleaned TextRun', () => {
    expect(text(' a\u202Eb ', { isSubtle: true }, { spacing: 'none' })).toEqual({
      type: 'RichTextBlock',
      inlines: [{ type: 'TextRun', text: 'ab', isSubtle: true }],
      spacing: 'none',
    });
  });

  it('heading is bold and large by default', () => {
    expect(heading('Titel')).toEqual({
      type: 'RichTextBlock',
      inlines: [{ type: 'TextRun', text: 'Titel', weight: 'bolder', size: 'large' }],
      style: 'heading',
    });
    expect(heading('Under', 'medium').inlines).toEqual([{ type: 'TextRun', text: 'Under', weight: 'bolder', size: 'medium' }]);
  });

  it('fact puts label and value in two columns of TextRuns, not a FactSet', () => {
    const element = fact('Hvor', '[her](https://evil.example)');
    expect(element.type).toBe('ColumnSet');
    expect(runTexts(element)).toEqual(['Hvor:', '[her](https://evil.example)']);
  });

  it('execute carries the verb in its data and in an Action.Submit fallback', () => {
    expect(execute('idea.own', 'Bliv tovholder', { networkId: 'n1', ideaId: 'i1' }, { style: 'positive' })).toEqual({
      type: 'Action.Execute',
      verb: 'idea.own',
      title: 'Bliv tovholder',
      data: { networkId: 'n1', ideaId: 'i1', verb: 'idea.own' },
      style: 'positive',
      fallback: { type: 'Action.Submit', title: 'Bliv tovholder', data: { networkId: 'n1', ideaId: 'i1', verb: 'idea.own' }, style: 'positive' },
    });
  });

  it('execute does not let data override the verb', () => {
    const action = execute('idea.add', 'Parkér', { verb: 'idea.status' });
    expect(action.data).toEqual({ verb: 'idea.add' });
    expect((action.fallback as { data: unknown }).data).toEqual({ verb: 'idea.add' });
  });

  it('refreshWith names each user once, at most 60 of them', () => {
    const ids = Array.from({ length: 70 }, (_, i) => `u${i % 65}`);
    const refresh = refreshWith('ideas.refresh', { networkId: 'n1' }, ids);
    expect(refresh.action).toEqual({ type: 'Action.Execute', verb: 'ideas.refresh', data: { networkId: 'n1', verb: 'ideas.refresh' } });
    expect(refresh.userIds).toHaveLength(60);
    expect(new Set(refresh.userIds as string[]).size).toBe(60);
    expect(refreshWith('ideas.refresh', {}, []).userIds).toBeUndefined();
  });

  it('adaptiveCard leaves out empty actions and a missing refresh', () => {
    const card = adaptiveCard([text('Hej')]);
    expect(Object.keys(card).sort()).toEqual(['$schema', 'body', 'msteams', 'type', 'version']);
    expect(parseWithSdk(card).events).toEqual([]);
  });

  it('cardBytes counts UTF-8 bytes of the JSON', () => {
    const card = adaptiveCard([text('ø')]);
    expect(cardBytes(card)).toBe(Buffer.byteLength(JSON.stringify(card), 'utf8'));
    expect(cardBytes(adaptiveCard([text('øøøø')])) - cardBytes(card)).toBe(6);
  });

  it('leaves a card that fits untouched', () => {
    const body = [text('x'.repeat(1500))];
    expect(adaptiveCard(body).body).toBe(body);
  });

  it('shortens the longest texts of a card that would not fit, keeping short ones and every element', () => {
    const long = 'Lang tekst om ældrepleje. '.repeat(80).trim();
    const body = Array.from({ length: 60 }, (_, i) => ({ type: 'Container', items: [text(`Kort ${i}`), text(long)] }));
    expect(new TextEncoder().encode(JSON.stringify(body)).length).toBeGreaterThan(MAX_CARD_BYTES);
    const card = adaptiveCard(body, [execute('x.y', 'Gem', {})]);
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    const texts = runTexts(card);
    expect(texts).toHaveLength(120);
    expect(texts.filter((t) => t.startsWith('Kort '))).toHaveLength(60);
    for (const shortened of texts.filter((t) => t.startsWith('Lang'))) {
      expect(shortened.endsWith('…')).toBe(true);
      expect(long.startsWith(shortened.slice(0, -1))).toBe(true);
    }
    expect(card.actions).toHaveLength(1);
    expect(parseWithSdk(card).events).toEqual([]);
  });

  it('never cuts a character in half when it shortens', () => {
    const body = Array.from({ length: 100 }, () => text('😀'.repeat(999)));
    const card = adaptiveCard(body);
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    for (const run of runTexts(card)) expect(run).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
