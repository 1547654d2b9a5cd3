import { clean, plainLabel, type AdaptiveCard } from '../../../bot/cards/shared';
import type { Locale } from '../../../bot/i18n';
import { CONTROL_OR_BIDI, HOSTILE_MARKERS, hostile, objects, ofType, runTexts, strings } from './cardKit';
import { allVariants } from './variants';

// Text people type (idea texts, agenda items, subtheme titles, network names, reflection questions
// and answers) can never become a link, a mention or formatting in a card: it only ever goes into
// TextRuns, which no host reads as markdown, stripped of control and bidi-override characters.

const LOCALES: Locale[] = ['da', 'en'];
const cases = LOCALES.flatMap((locale) => allVariants(locale, hostile).map((v) => [`${v.name} (${locale})`, v.card] as const));

/** Where user text may appear: a TextRun's text, or the value an input shows for editing the user's own answer. */
const allowedHome = (holder: Record<string, unknown>, key: string) =>
  (holder.type === 'TextRun' && key === 'text') || (holder.type === 'Input.Text' && key === 'value');

describe.each(cases)('%s with hostile user text', (_name, card: AdaptiveCard) => {
  it('shows the hostile text at all (the test covers something)', () => {
    const shown = runTexts(card).join('\n');
    expect(shown).toContain(HOSTILE_MARKERS[0]);
  });

  it('puts user text only into TextRuns (or the input holding the user’s own answer)', () => {
    const misplaced = strings(card)
      .filter(({ value }) => HOSTILE_MARKERS.some((marker) => value.includes(marker)))
      .filter(({ holder, key }) => !allowedHome(holder, key))
      .map(({ path, value }) => `${path.join('.')}: ${JSON.stringify(value)}`);
    expect(misplaced).toEqual([]);
  });

  it('uses no element that renders markdown: no TextBlock, no FactSet', () => {
    expect(ofType(card, 'TextBlock')).toEqual([]);
    expect(ofType(card, 'FactSet')).toEqual([]);
  });

  it('keeps user text out of action titles', () => {
    const titles = objects(card)
      .map(({ node }) => node)
      .filter((node) => typeof node.type === 'string' && node.type.startsWith('Action.'))
      .map((action) => String(action.title ?? ''));
    for (const title of titles) for (const marker of HOSTILE_MARKERS) expect(title).not.toContain(marker);
  });

  it('strips control and bidi-override characters from every string', () => {
    const dirty = strings(card)
      .filter(({ value }) => CONTROL_OR_BIDI.test(value))
      .map(({ path, value }) => `${path.join('.')}: ${JSON.stringify(value)}`);
    expect(dirty).toEqual([]);
    // …and only those: the words around them stay.
    expect(runTexts(card).join('\n')).toMatch(/spoof iso bell esc c1 nul del/);
  });

  it('mentions the link target elsewhere only in a plain input label', () => {
    const elsewhere = strings(card)
      .filter(({ value }) => value.includes('evil.example'))
      .filter(({ holder, key }) => !allowedHome(holder, key) && !(String(holder.type).startsWith('Input.') && key === 'label'))
      .map(({ path }) => path.join('.'));
    expect(elsewhere).toEqual([]);
  });

  it('gives inputs plain labels without [ ] < >', () => {
    const labels = objects(card)
      .map(({ node }) => node)
      .filter((node) => typeof node.type === 'string' && node.type.startsWith('Input.') && 'label' in node)
      .map((input) => String(input.label));
    for (const label of labels) expect(label).not.toMatch(/[[\]<>]/);
  });
});

describe('hostile reflection questions', () => {
  it('become plain input labels in the form and TextRuns when read back', () => {
    const [form, , , answered] = allVariants('da', hostile).filter((v) => v.name.startsWith('reflection')).map((v) => v.card);
    const labels = ofType(form, 'Input.Text').map((input) => String(input.label));
    expect(labels).toHaveLength(2);
    expect(labels[0]).toMatch(/^Hvad tager du med\? klik\(https:\/\/evil\.example\) atMette\/at fed/);
    expect(runTexts(answered).some((run) => run.startsWith('Hvad tager du med? [klik](https://evil.example) <at>Mette</at> **fed**'))).toBe(true);
  });

  it('feed the previous answer back into the form without control characters', () => {
    const editing = allVariants('en', hostile).find((v) => v.name === 'reflection form, editing an answer')!.card;
    const values = ofType(editing, 'Input.Text').map((input) => String(input.value));
    expect(values[0]).toMatch(/^Svar 1 \[klik\]\(https:\/\/evil\.example\) <at>Mette<\/at> \*\*fed\*\* spoof iso/);
    for (const value of values) expect(value).not.toMatch(CONTROL_OR_BIDI);
  });
});

describe('clean and plainLabel', () => {
  it('remove control and bidi characters but keep tabs, newlines and the words', () => {
    expect(clean('a\u202Eb\u2066c\u2069\u0000d\u0007e\u007f\u0085f\tg\nh')).toBe('abcdef\tg\nh');
  });

  it('shorten text to the limit with an ellipsis', () => {
    expect(clean('x'.repeat(10), 5)).toBe('xxxx…');
    expect(clean(`  ${'x'.repeat(2500)}  `)).toHaveLength(2000);
  });

  it('never shorten in the middle of an emoji', () => {
    expect(clean('😀'.repeat(3), 4)).toBe('😀…');
  });

  it('leave a label without anything a host could read as markup', () => {
    expect(plainLabel('[klik](https://evil.example) <at>Mette</at> **fed** _x_ `y` ~z~ #h |t|')).toBe(
      'klik(https://evil.example) atMette/at fed x y z h t',
    );
    expect(plainLabel('q'.repeat(400))).toHaveLength(300);
  });
});
