import { strFromU8, unzipSync } from 'fflate';
import { deliveryDocx } from '../../bot/delivery/docx';
import type { Delivery } from '../../bot/domain/model';

// The Word file's own structure, as assistive technology reads it (LibreOffice reads it back in the integration test).

const delivery: Delivery = {
  theme: 'Socialøkonomi',
  knowledgeSummary: 'Vi har lært meget.',
  practiceChanges: '',
  recommendations: [{ id: 'r1', text: 'Brug sociale klausuler' }],
  other: '',
  dissemination: [{ who: 'Jobcentret', channel: 'Intranet', when: 'Maj' }],
  status: 'draft',
};

async function partsOf(locale: 'da' | 'en') {
  const files = unzipSync(await deliveryDocx({ name: 'Netværk om socialøkonomi' }, delivery, locale, new Date('2027-05-01T10:00:00Z')));
  return { styles: strFromU8(files['word/styles.xml']!), document: strFromU8(files['word/document.xml']!) };
}

test.each([
  ['da', 'da-DK'],
  ['en', 'en-GB'],
] as const)('the %s document declares its language (%s) for screen readers and spelling', async (locale, tag) => {
  const { styles } = await partsOf(locale);
  expect(styles).toMatch(new RegExp(`<w:docDefaults>.*<w:lang w:val="${tag}"/>.*</w:docDefaults>`, 's'));
});

test('the outline starts with the title and goes by Heading 1, never skipping a level', async () => {
  const { document } = await partsOf('da');
  const levels = [...document.matchAll(/<w:pStyle w:val="(Title|Heading\d)"\/>/g)].map((match) => match[1]);
  expect(levels[0]).toBe('Title');
  expect(levels.slice(1).every((level) => level === 'Heading1')).toBe(true);
  expect(levels.length).toBe(7);
});
