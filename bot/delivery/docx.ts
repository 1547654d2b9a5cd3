import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { t, type Locale } from '../i18n';
import type { Delivery, Network } from '../domain/model';
import { formatDate, todayInCopenhagen } from '../domain/dates';

// The delivery to Chefforum as a Word document, in Danish or English: the handbook's headings in
// order, recommendations numbered in their priority order.

const NUMBERED = 'recommendations';

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1) =>
  new Paragraph({ text, heading: level, spacing: { before: 240, after: 120 } });

/** Line breaks in a field become paragraphs; an empty field says so instead of leaving a gap. */
function body(text: string, locale: Locale): Paragraph[] {
  const parts = text.split(/\n{2,}|\r?\n/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return [new Paragraph({ children: [new TextRun({ text: t(locale, 'delivery.empty'), italics: true })] })];
  return parts.map((p) => new Paragraph({ text: p, spacing: { after: 120 } }));
}

function disseminationTable(delivery: Delivery, locale: Locale): (Table | Paragraph)[] {
  if (delivery.dissemination.length === 0) return body('', locale);
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  const header = new TableRow({
    tableHeader: true,
    children: [t(locale, 'delivery.who'), t(locale, 'delivery.channel'), t(locale, 'delivery.when')].map((h) => cell(h, true)),
  });
  const rows = delivery.dissemination.map((d) => new TableRow({ children: [cell(d.who), cell(d.channel), cell(d.when)] }));
  return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] })];
}

export async function deliveryDocx(network: Pick<Network, 'name'>, delivery: Delivery, locale: Locale, now: Date): Promise<Buffer> {
  const recommendations = delivery.recommendations.length
    ? delivery.recommendations.map((r) => new Paragraph({ text: r.text, numbering: { reference: NUMBERED, level: 0 } }))
    : body('', locale);
  const doc = new Document({
    creator: 'Netværk',
    title: `${t(locale, 'delivery.title')}: ${network.name}`,
    // The document's language, so screen readers and spelling use Danish or English (WCAG 3.1.1).
    styles: { default: { document: { run: { language: { value: locale === 'da' ? 'da-DK' : 'en-GB' } } } } },
    numbering: {
      config: [{ reference: NUMBERED, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: t(locale, 'delivery.title'), heading: HeadingLevel.TITLE }),
          // A subtitle, not a heading: the headings below are the document's outline, starting at level 1.
          new Paragraph({ children: [new TextRun({ text: network.name, bold: true, size: 28 })] }),
          new Paragraph({ children: [new TextRun({ text: `${t(locale, `delivery.status.${delivery.status}`)} · ${formatDate(todayInCopenhagen(now))}`, italics: true })] }),
          heading(t(locale, 'delivery.theme')),
          ...body(delivery.theme, locale),
          heading(t(locale, 'delivery.knowledgeSummary')),
          ...body(delivery.knowledgeSummary, locale),
          heading(t(locale, 'delivery.practiceChanges')),
          ...body(delivery.practiceChanges, locale),
          heading(t(locale, 'delivery.recommendations')),
          ...recommendations,
          heading(t(locale, 'delivery.other')),
          ...body(delivery.other, locale),
          heading(t(locale, 'delivery.dissemination')),
          ...disseminationTable(delivery, locale),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
