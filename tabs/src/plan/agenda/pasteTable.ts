import type { Meeting } from '@domain/model';
import { parseTimeText } from '../../shared/dateText';
import { COLUMNS, LIMITS, insertAfter, newKey, suggestTime, type Column, type DraftItem } from './agendaDraft';

// A table pasted from Word or Excel becomes agenda rows. Excel and Word put the table on the clipboard as text with a
// tab between cells and a line break between rows (Excel quotes a cell that holds a line break or a tab: "…", with
// "" for a quote inside); both also put it there as HTML (read in the page by cellsFromHtml). The pasted columns
// fill the table's columns in order from the one pasted into; a first row of headings (Tid/Indhold/Proces/Formål) is
// skipped. One cell is a normal paste.

export type Cells = string[][];

/** Tab-separated text → rows of cells. Quoted cells as Excel writes them; a stray quote is just a character. */
export function parseTabular(text: string): Cells {
  const source = text.replace(/\r\n?/g, '\n');
  const rows: Cells = [];
  let row: string[] = [];
  let index = 0;
  const endRow = () => {
    rows.push(row);
    row = [];
  };
  while (index <= source.length) {
    let cell = '';
    let quoted = false;
    if (source[index] === '"') {
      // A quoted cell ends at a quote followed by a tab, a line break or the end; "" is a quote inside it.
      let at = index + 1;
      let value = '';
      while (at < source.length) {
        if (source[at] === '"' && source[at + 1] === '"') {
          value += '"';
          at += 2;
        } else if (source[at] === '"') {
          break;
        } else {
          value += source[at];
          at += 1;
        }
      }
      const after = source[at + 1];
      if (at < source.length && (after === undefined || after === '\t' || after === '\n')) {
        cell = value;
        index = at + 1;
        quoted = true;
      }
    }
    if (!quoted) {
      let end = index;
      while (end < source.length && source[end] !== '\t' && source[end] !== '\n') end += 1;
      cell = source.slice(index, end);
      index = end;
    }
    row.push(cell);
    const separator = source[index];
    index += 1;
    if (separator === '\t') continue;
    endRow();
    if (separator === undefined) break;
  }
  // Excel ends the text with a line break: no empty last row from it.
  while (rows.length > 1 && rows.at(-1)!.every((cell) => cell === '')) rows.pop();
  return rows;
}

/** Column headings in the handbook's table and in ours, Danish and English: a first row of these is not a programme point. */
const HEADINGS = new Set([
  'tid', 'tidspunkt', 'kl', 'kl.', 'klokken', 'time', 'indhold', 'punkt', 'emne', 'content', 'item', 'proces', 'process',
  'formål', 'udbytte', 'formål/udbytte', 'formål og udbytte', 'purpose', 'outcome', 'purpose/outcome', 'purpose and outcome',
]);

const normalHeading = (cell: string) => cell.trim().toLowerCase().replace(/\s*\/\s*/g, '/').replace(/\s+/g, ' ').replace(/:$/, '');

export function isHeadingRow(cells: readonly string[]): boolean {
  const written = cells.map(normalHeading).filter(Boolean);
  return written.length > 0 && written.every((cell) => HEADINGS.has(cell));
}

/** A time as agendas write it — 9, 8.30, 09:00, kl. 9.30, 9.00-9.30 (the start) — as HH:MM; otherwise the text as written. */
export function timeFromCell(cell: string): string {
  const text = cell.trim();
  const bare = text.replace(/^kl\.?\s*/i, '').replace(/\s*[-–—].*$/, '');
  return parseTimeText(bare) ?? text;
}

export type PastedRow = Partial<Record<Column, string>>;

export interface PastedTable {
  rows: PastedRow[];
  /** A first row of headings was left out. */
  skippedHeading: boolean;
  /** The most cells a row had beyond the table's last column (they are not pasted). */
  extraColumns: number;
}

/**
 * Cells pasted into `column` as table rows, or undefined for a normal paste (a single cell). Rows with nothing in
 * them are left out; cells are trimmed (line breaks inside a cell stay).
 */
export function pastedTable(cells: Cells, column: Column): PastedTable | undefined {
  const rows = cells.filter((row) => row.some((cell) => cell.trim()));
  if (rows.length === 0 || (rows.length === 1 && rows[0]!.length === 1)) return undefined;
  const skippedHeading = isHeadingRow(rows[0]!);
  const body = skippedHeading ? rows.slice(1) : rows;
  const start = COLUMNS.indexOf(column);
  const room = COLUMNS.length - start;
  let extraColumns = 0;
  const mapped = body.map((row) => {
    extraColumns = Math.max(extraColumns, row.length - room);
    const item: PastedRow = {};
    row.slice(0, room).forEach((cell, index) => {
      const target = COLUMNS[start + index]!;
      item[target] = target === 'time' ? timeFromCell(cell) : cell.trim();
    });
    return item;
  });
  return { rows: mapped, skippedHeading, extraColumns };
}

/** Text pasted into a cell: a table when it has a tab; a single-line cell (Tid) also takes a column of lines. */
export function cellsFromText(text: string, singleLine: boolean): Cells | undefined {
  const trimmed = text.replace(/(\r\n|\r|\n)+$/, '');
  if (trimmed.includes('\t')) return parseTabular(trimmed);
  if (singleLine && /\r|\n/.test(trimmed)) return parseTabular(trimmed);
  return undefined;
}

export interface PasteResult {
  items: DraftItem[];
  /** Rows written: the one pasted into and the new ones below it. */
  pasted: number;
  /** The first and last row written (indexes in `items`). */
  first: number;
  last: number;
  /** Rows left out because the programme is full. */
  leftOut: number;
}

/**
 * The pasted rows into the programme: the first into the row pasted into (from the column pasted into; the cells
 * before it keep their text), the rest as new rows right below it. A row without a time gets the suggested one.
 */
export function applyPaste(items: readonly DraftItem[], at: number, table: PastedTable, meeting: Pick<Meeting, 'start'>): PasteResult {
  const room = LIMITS.items - items.length + 1;
  const rows = table.rows.slice(0, Math.max(room, 0));
  let next = [...items];
  rows.forEach((row, offset) => {
    const index = at + offset;
    if (offset === 0) {
      const current = next[index]!;
      next[index] = { ...current, ...row, time: row.time || current.time };
      return;
    }
    const item: DraftItem = { key: newKey(), time: row.time || suggestTime(next, index - 1, meeting.start), content: row.content ?? '', process: row.process ?? '', purpose: row.purpose ?? '' };
    next = insertAfter(next, index - 1, item);
  });
  return { items: next, pasted: rows.length, first: at, last: at + Math.max(rows.length - 1, 0), leftOut: table.rows.length - rows.length };
}

/**
 * The first table in pasted HTML (Word, Excel, a web page) as rows of cells: a cell's paragraphs and line breaks
 * become line breaks, the markup's own white space does not count. Undefined when there is no table. Needs a DOM.
 */
export function cellsFromHtml(html: string): Cells | undefined {
  if (!/<table[\s>]/i.test(html)) return undefined;
  const table = new DOMParser().parseFromString(html, 'text/html').querySelector('table');
  if (!table) return undefined;
  return Array.from(table.rows).map((row) => Array.from(row.cells).map(cellText));
}

const BLOCKS = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TR']);

function cellText(cell: Element): string {
  const lines: string[] = [];
  let line = '';
  const endLine = () => {
    lines.push(line);
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as Element;
    if (element.tagName === 'STYLE' || element.tagName === 'SCRIPT') return;
    if (element.tagName === 'BR') return endLine();
    const block = BLOCKS.has(element.tagName);
    if (block && line.trim()) endLine();
    element.childNodes.forEach(walk);
    if (block) endLine();
  };
  cell.childNodes.forEach(walk);
  endLine();
  return lines
    .map((text) => text.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
