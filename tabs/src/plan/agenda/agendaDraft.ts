import { timeToMinutes } from '@domain/dates';
import { MAX, MAX_ITEMS } from '@domain/limits';
import { DEFAULT_DAYS_BEFORE_AGENDA } from '@domain/series';
import type { Agenda, AgendaItem, ClockTime, Meeting } from '@domain/model';
import { parseTimeText } from '../../shared/dateText';

// The agenda as the leader edits it: the handbook's table (Tid · Indhold · Proces · Formål/udbytte) as rows with a
// client key (new rows have no id yet), the days before the meeting as typed, and the meeting's preparation text.
// Everything here is pure: suggesting a new row's time, moving rows, what the server would refuse, the PUT body.

export interface DraftItem extends Omit<AgendaItem, 'id'> {
  key: string;
  id?: string;
}

export interface AgendaDraft {
  items: DraftItem[];
  days: string;
  preparation: string;
}

/** The table's columns, in the handbook's order. */
export const COLUMNS = ['time', 'content', 'process', 'purpose'] as const;
export type Column = (typeof COLUMNS)[number];
export type TextColumn = Exclude<Column, 'time'>;

/** What the server takes (bot/domain/schemas.ts agendaItemSchema; agendaSaveSchema allows 40 rows). */
export const LIMITS = { items: MAX_ITEMS.agendaItems, time: 16, content: MAX.medium, process: MAX.long, purpose: MAX.medium } as const;

/** A new row's time when the two rows before it say nothing about the rhythm. */
export const DEFAULT_STEP_MINUTES = 15;
const LAST_MINUTE = 23 * 60 + 59;

let counter = 0;
export const newKey = () => `new${++counter}`;

const clock = (minutes: number): ClockTime => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const minutesOf = (text: string | undefined): number | undefined => {
  const time = parseTimeText(text ?? '');
  return time ? timeToMinutes(time) : undefined;
};

/** A row with nothing written in it (a suggested time alone is not a point on the programme). */
export const isBlank = (item: Pick<DraftItem, TextColumn>) => !item.content.trim() && !item.process.trim() && !item.purpose.trim();

/**
 * A new row nothing was written in: not saved, not checked, not a change. A saved row that was emptied is none of
 * these: it is refused ("must be filled in") until the leader writes in it again or removes it.
 */
export const isUnwritten = (item: DraftItem) => !item.id && isBlank(item);

const blankItem = (time: string): DraftItem => ({ key: newKey(), time, content: '', process: '', purpose: '' });

/** The saved agenda as rows; an empty programme starts with one empty row at the meeting's start, ready to type in. */
export function draftOf(agenda: Agenda | undefined, meeting: Meeting): AgendaDraft {
  const items = (agenda?.items ?? []).map((item) => ({ ...item, key: item.id }));
  return {
    items: items.length ? items : [blankItem(meeting.start)],
    days: String(agenda?.daysBeforeToPost ?? DEFAULT_DAYS_BEFORE_AGENDA),
    preparation: meeting.preparation,
  };
}

/**
 * The time suggested for a row placed after `items[after]` (after = -1: the first row, at the meeting's start): the
 * previous row's time plus the gap between the two rows before (the programme's rhythm), or plus 15 minutes; never
 * at or past the next row's time (then halfway, on a 5-minute mark). '' when the previous time cannot be read.
 */
export function suggestTime(items: readonly Pick<DraftItem, 'time'>[], after: number, meetingStart: ClockTime): string {
  if (after < 0) return meetingStart;
  const previous = minutesOf(items[after]?.time);
  if (previous === undefined) return '';
  const before = minutesOf(items[after - 1]?.time);
  const step = before !== undefined && previous > before ? previous - before : DEFAULT_STEP_MINUTES;
  let minutes = Math.min(previous + step, LAST_MINUTE);
  const next = minutesOf(items[after + 1]?.time);
  if (next !== undefined && next > previous && minutes >= next) {
    const half = previous + Math.floor((next - previous) / 2 / 5) * 5;
    minutes = half > previous ? half : previous;
  }
  return clock(minutes);
}

/** An empty row to place after `items[after]` (default: at the end), with its suggested time. */
export function newItem(items: readonly DraftItem[], meeting: Pick<Meeting, 'start'>, after = items.length - 1): DraftItem {
  return blankItem(suggestTime(items, after, meeting.start));
}

/** `item` placed right after `items[after]`. */
export function insertAfter(items: readonly DraftItem[], after: number, item: DraftItem): DraftItem[] {
  return [...items.slice(0, after + 1), item, ...items.slice(after + 1)];
}

/**
 * Moves the row at `from` to `to`. The times stay where they are, as in a programme: the moved row takes the time of
 * the place it lands on and the rows in between shift by one time slot.
 */
export function moveTo(items: readonly DraftItem[], from: number, to: number): DraftItem[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return [...items];
  const times = items.map((item) => item.time);
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next.map((item, index) => (item.time === times[index] ? item : { ...item, time: times[index]! }));
}

/** Moves an item to its neighbour's place (Alt+↑/↓, the move buttons). */
export const moveItem = (items: readonly DraftItem[], index: number, by: -1 | 1) => moveTo(items, index, index + by);

/** Where a dragged row lands when dropped on the row at `over`, in its upper (`before`) or lower half. */
export function dropIndex(from: number, over: number, before: boolean): number {
  const slot = before ? over : over + 1;
  return slot > from ? slot - 1 : slot;
}

/** Whether the rows with readable times are out of time order (the agenda is saved, and posted, in time order). */
export function outOfTimeOrder(items: readonly DraftItem[]): boolean {
  const times = items.filter((item) => !isBlank(item)).map((item) => minutesOf(item.time));
  return times.some((time, index) => index > 0 && time !== undefined && times[index - 1] !== undefined && time < times[index - 1]!);
}

export const parseDays = (text: string): number | undefined => {
  const value = text.trim();
  return /^\d{1,2}$/.test(value) && Number(value) <= 60 ? Number(value) : undefined;
};

export type CellErrors = Partial<Record<Column, string>>;
export type ItemErrors = Record<string, CellErrors>;

export interface ErrorMessages {
  time: string;
  content: string;
  /** The server's "at most {max} characters". */
  tooLong: (max: number) => string;
}

/** Rows the server would refuse, by row key and column; new rows nothing was written in are left out (not saved). */
export function itemErrors(items: readonly DraftItem[], messages: ErrorMessages): ItemErrors {
  const errors: ItemErrors = {};
  for (const item of items) {
    if (isUnwritten(item)) continue;
    const cell: CellErrors = {};
    if (!parseTimeText(item.time)) cell.time = messages.time;
    if (!item.content.trim()) cell.content = messages.content;
    for (const column of ['content', 'process', 'purpose'] as const) {
      if (!cell[column] && item[column].trim().length > LIMITS[column]) cell[column] = messages.tooLong(LIMITS[column]);
    }
    if (Object.keys(cell).length) errors[item.key] = cell;
  }
  return errors;
}

/** The rows that are sent, in the order they are sent, each with its row key. */
function sentRows(draft: AgendaDraft) {
  return draft.items
    .map((item) => ({ key: item.key, id: item.id, time: parseTimeText(item.time) ?? '', content: item.content.trim(), process: item.process.trim(), purpose: item.purpose.trim() }))
    .filter((item) => item.time && item.content)
    .sort((a, b) => a.time.localeCompare(b.time));
}

/** The body of PUT …/agenda and of the preview: the written rows in programme order (the card lists them by time). */
export function agendaBody(draft: AgendaDraft) {
  const items = sentRows(draft).map(({ key: _key, ...item }) => item);
  return { items, daysBeforeToPost: parseDays(draft.days) ?? DEFAULT_DAYS_BEFORE_AGENDA };
}

/**
 * The server's refusals of single rows ("items.3.content": the fourth row sent, which is in time order) put on the
 * cells they are about, by row key; messages about anything else are left to the form.
 */
export function serverItemErrors(draft: AgendaDraft, details: readonly { path: string; message: string }[]): ItemErrors {
  const keys = sentRows(draft).map((row) => row.key);
  const errors: ItemErrors = {};
  for (const { path, message } of details) {
    const match = /^items\.(\d+)\.(time|content|process|purpose)$/.exec(path);
    const key = match && keys[Number(match[1])];
    if (!key) continue;
    const column = match[2] as Column;
    errors[key] = { ...errors[key], [column]: errors[key]?.[column] ?? message };
  }
  return errors;
}

/** Same agenda as far as saving goes: unwritten new rows do not count (they are not saved, so nothing is lost). */
export const sameDraft = (a: AgendaDraft, b: AgendaDraft) => JSON.stringify(strip(a)) === JSON.stringify(strip(b));
const strip = (draft: AgendaDraft) => ({ ...draft, items: draft.items.filter((item) => !isUnwritten(item)).map(({ key: _key, ...item }) => item) });
