import {
  agendaBody,
  draftOf,
  dropIndex,
  itemErrors,
  moveTo,
  newItem,
  outOfTimeOrder,
  sameDraft,
  serverItemErrors,
  suggestTime,
  type DraftItem,
} from '../../tabs/src/plan/agenda/agendaDraft';
import { applyPaste, cellsFromText, isHeadingRow, parseTabular, pastedTable, timeFromCell } from '../../tabs/src/plan/agenda/pasteTable';
import type { Meeting } from '../../bot/domain/model';

// The agenda table's rules (tabs/src/plan/agenda/agendaDraft.ts, pasteTable.ts): the time a new row is offered,
// moving rows while the times stay in place, what is checked before saving, and a table pasted from Word or Excel.

const meeting = { start: '09:00', preparation: '' } as Meeting;
const row = (time: string, content = '', process = '', purpose = '', key = `k-${time}-${content}`): DraftItem => ({ key, time, content, process, purpose });
const messages = { time: 'bad time', content: 'required', tooLong: (max: number) => `max ${max}` };

describe('the time offered for a new row', () => {
  test('the first row starts with the meeting', () => {
    expect(newItem([], meeting).time).toBe('09:00');
  });

  test('after one row: 15 minutes later', () => {
    expect(suggestTime([row('09:00')], 0, '09:00')).toBe('09:15');
  });

  test('after two rows: the gap between them again (the programme’s rhythm)', () => {
    expect(suggestTime([row('09:00'), row('09:30')], 1, '09:00')).toBe('10:00');
    expect(suggestTime([row('8.30'), row('9')], 1, '09:00')).toBe('09:30');
  });

  test('a row put between two others lands before the next one, on a 5-minute mark', () => {
    expect(suggestTime([row('09:00'), row('09:30'), row('09:50')], 1, '09:00')).toBe('09:40');
    expect(suggestTime([row('09:00'), row('09:02')], 0, '09:00')).toBe('09:00');
  });

  test('never past midnight; nothing offered after a time that cannot be read', () => {
    expect(suggestTime([row('23:50')], 0, '09:00')).toBe('23:59');
    expect(suggestTime([row('efter frokost')], 0, '09:00')).toBe('');
  });
});

describe('moving rows', () => {
  const items = [row('09:00', 'A'), row('09:30', 'B'), row('10:00', 'C')];

  test('the times stay where they are: the moved row takes the time of its new place', () => {
    expect(moveTo(items, 0, 1).map((i) => `${i.time} ${i.content}`)).toEqual(['09:00 B', '09:30 A', '10:00 C']);
    expect(moveTo(items, 2, 0).map((i) => `${i.time} ${i.content}`)).toEqual(['09:00 C', '09:30 A', '10:00 B']);
  });

  test('a move out of the table changes nothing', () => {
    expect(moveTo(items, 0, -1).map((i) => i.content)).toEqual(['A', 'B', 'C']);
    expect(moveTo(items, 2, 3).map((i) => i.content)).toEqual(['A', 'B', 'C']);
  });

  test('dropping a dragged row on the upper or lower half of another', () => {
    expect(dropIndex(0, 2, false)).toBe(2);
    expect(dropIndex(0, 2, true)).toBe(1);
    expect(dropIndex(2, 0, true)).toBe(0);
    expect(dropIndex(2, 0, false)).toBe(1);
  });

  test('the table says when the rows are not in time order (they are saved in time order)', () => {
    expect(outOfTimeOrder(items)).toBe(false);
    expect(outOfTimeOrder([row('10:00', 'A'), row('09:00', 'B')])).toBe(true);
    expect(outOfTimeOrder([row('10:00', 'A'), row('09:00')])).toBe(false);
  });
});

describe('what is checked before saving', () => {
  test('a new row nobody wrote in is neither checked, saved nor a change', () => {
    const saved = draftOf(undefined, meeting);
    expect(saved.items).toEqual([expect.objectContaining({ time: '09:00', content: '' })]);
    const withRow = { ...saved, items: [...saved.items, row('09:15')] };
    expect(itemErrors(withRow.items, messages)).toEqual({});
    expect(sameDraft(withRow, saved)).toBe(true);
    expect(agendaBody(withRow).items).toEqual([]);
  });

  test('a row with text needs a time and content; texts as long as the server allows', () => {
    const errors = itemErrors([row('9', '', 'Runde', '', 'a'), row('kl. ni', 'Velkomst', '', '', 'b'), row('10', 'x'.repeat(1001), 'y'.repeat(4001), 'z'.repeat(1000), 'c')], messages);
    expect(errors).toEqual({ a: { content: 'required' }, b: { time: 'bad time' }, c: { content: 'max 1000', process: 'max 4000' } });
  });

  test('a saved row that was emptied is refused, not silently dropped', () => {
    expect(itemErrors([{ ...row('09:00', '', '', '', 'saved'), id: 'item-1' }], messages)).toEqual({ saved: { content: 'required' } });
  });

  test('the body is in time order, with times written the Danish way read', () => {
    const body = agendaBody({ items: [row('10', 'B'), row('8.30', 'A', ' Runde ')], days: '7', preparation: '' });
    expect(body.items).toEqual([
      { id: undefined, time: '08:30', content: 'A', process: 'Runde', purpose: '' },
      { id: undefined, time: '10:00', content: 'B', process: '', purpose: '' },
    ]);
  });
});

describe('the server’s refusals on the cells they are about', () => {
  test('"items.1.purpose" is the second row sent — in time order, without the unwritten rows', () => {
    const draft = { items: [row('10:00', 'B', '', '', 'b'), row('09:30', '', '', '', 'blank'), row('09:00', 'A', '', '', 'a')], days: '7', preparation: '' };
    const errors = serverItemErrors(draft, [
      { path: 'items.1.purpose', message: 'Må højst være 1000 tegn.' },
      { path: 'items.0.time', message: 'Skriv tidspunktet som TT:MM.' },
      { path: 'items.7.content', message: 'no such row' },
      { path: 'daysBeforeToPost', message: 'not a row' },
    ]);
    expect(errors).toEqual({ b: { purpose: 'Må højst være 1000 tegn.' }, a: { time: 'Skriv tidspunktet som TT:MM.' } });
  });
});

describe('tab-separated text as Excel and Word put it on the clipboard', () => {
  test('rows by line break, cells by tab; Excel’s last line break makes no row', () => {
    expect(parseTabular('09:00\tVelkomst\tRunde\r\n09:30\tOplæg\t\r\n')).toEqual([
      ['09:00', 'Velkomst', 'Runde'],
      ['09:30', 'Oplæg', ''],
    ]);
  });

  test('Excel quotes a cell with a line break; "" is a quote inside it', () => {
    expect(parseTabular('9\t"Velkomst\nog check-in"\t"Han sagde ""hej"""\n10\tOplæg')).toEqual([
      ['9', 'Velkomst\nog check-in', 'Han sagde "hej"'],
      ['10', 'Oplæg'],
    ]);
  });

  test('a quote that does not close a cell is just a character', () => {
    expect(parseTabular('"Ja" sagde hun\tb\n"åben')).toEqual([['"Ja" sagde hun', 'b'], ['"åben']]);
  });

  test('a table has a tab; lines without one stay one text — except in the time cell, where they are a column', () => {
    expect(cellsFromText('Første linje\nAnden linje', false)).toBeUndefined();
    expect(cellsFromText('Bare tekst\r\n', false)).toBeUndefined();
    expect(cellsFromText('9\n10\n', true)).toEqual([['9'], ['10']]);
    expect(cellsFromText('9\tVelkomst', false)).toEqual([['9', 'Velkomst']]);
  });
});

describe('a pasted table becomes rows', () => {
  const handbook = 'Tid\tIndhold\tProces\tFormål/udbytte\n8.30\tForberedelse\tHente morgenmad\tJeg er klar\n9.00\tVelkommen\tPositiv og uformel tone\tAlle føler sig velkomne\n09.08\tDagens program\tGennemgås kort\tAlle ved hvad der skal ske\n';

  test('the handbook’s table: the heading row is skipped, times are read, columns in the table’s order', () => {
    const table = pastedTable(parseTabular(handbook), 'time')!;
    expect(table.skippedHeading).toBe(true);
    expect(table.extraColumns).toBe(0);
    expect(table.rows).toEqual([
      { time: '08:30', content: 'Forberedelse', process: 'Hente morgenmad', purpose: 'Jeg er klar' },
      { time: '09:00', content: 'Velkommen', process: 'Positiv og uformel tone', purpose: 'Alle føler sig velkomne' },
      { time: '09:08', content: 'Dagens program', process: 'Gennemgås kort', purpose: 'Alle ved hvad der skal ske' },
    ]);
  });

  test('headings in English or with other spellings are headings too; a programme row is not', () => {
    expect(isHeadingRow(['Time', 'Content', 'Process', 'Purpose / outcome'])).toBe(true);
    expect(isHeadingRow(['Tidspunkt:', 'Indhold', '', 'Formål og udbytte'])).toBe(true);
    expect(isHeadingRow(['09:00', 'Indhold'])).toBe(false);
    expect(isHeadingRow(['', ''])).toBe(false);
  });

  test('pasted into a later column, the cells fill from there; cells beyond the last column are counted, not pasted', () => {
    const table = pastedTable([['Oplæg', 'Plenum', 'Fælles sprog', 'Lene', 'Rum 2'], ['Pause', '', '']], 'content')!;
    expect(table.rows).toEqual([
      { content: 'Oplæg', process: 'Plenum', purpose: 'Fælles sprog' },
      { content: 'Pause', process: '', purpose: '' },
    ]);
    expect(table.extraColumns).toBe(2);
  });

  test('one cell is a normal paste; empty rows are left out', () => {
    expect(pastedTable([['Velkomst']], 'content')).toBeUndefined();
    expect(pastedTable([['9', 'Velkomst'], ['', ''], ['10', 'Oplæg']], 'time')!.rows).toHaveLength(2);
  });

  test('times as agendas write them', () => {
    expect(['9', '8.30', 'kl. 9.30', '9.00-9.30', '10.15 – 10.40', 'Efter frokost'].map(timeFromCell)).toEqual(['09:00', '08:30', '09:30', '09:00', '10:15', 'Efter frokost']);
  });

  test('the first pasted row goes into the row pasted into, the rest below it; rows below keep their place', () => {
    const items = [row('09:00', '', '', '', 'first'), row('11:00', 'Frokost', '', '', 'lunch')];
    const result = applyPaste(items, 0, pastedTable(parseTabular(handbook), 'time')!, meeting);
    expect(result.items.map((i) => `${i.time} ${i.content}`)).toEqual(['08:30 Forberedelse', '09:00 Velkommen', '09:08 Dagens program', '11:00 Frokost']);
    expect(result.items[0]!.key).toBe('first');
    expect(result).toMatchObject({ pasted: 3, first: 0, last: 2, leftOut: 0 });
  });

  test('rows pasted without times get the suggested ones; the row pasted into keeps its time', () => {
    const items = [row('13:00', '', '', '', 'r')];
    const result = applyPaste(items, 0, pastedTable([['Oplæg', 'Plenum'], ['Gruppearbejde', 'Grupper'], ['Opsamling', '']], 'content')!, meeting);
    expect(result.items.map((i) => `${i.time} ${i.content} ${i.process}`.trim())).toEqual(['13:00 Oplæg Plenum', '13:15 Gruppearbejde Grupper', '13:30 Opsamling']);
  });

  test('no more rows than the programme takes (40); how many were left out is told', () => {
    const items = Array.from({ length: 38 }, (_v, i) => row(`${String(8 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`, `P${i}`));
    const result = applyPaste(items, 37, pastedTable(parseTabular('a\tb\nc\td\ne\tf\ng\th'), 'content')!, meeting);
    expect(result.items).toHaveLength(40);
    expect(result).toMatchObject({ pasted: 3, leftOut: 1 });
  });
});
