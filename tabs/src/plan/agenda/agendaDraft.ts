import { timeToMinutes } from '@domain/dates';
import { DEFAULT_DAYS_BEFORE_AGENDA } from '@domain/series';
import type { Agenda, AgendaItem, Meeting } from '@domain/model';
import { parseTimeText } from '../../shared/dateText';

// The agenda as the leader edits it: rows with a client key (new rows have no id yet), the
// days before the meeting as typed, and the meeting's preparation text.

export interface DraftItem extends Omit<AgendaItem, 'id'> {
  key: string;
  id?: string;
}

export interface AgendaDraft {
  items: DraftItem[];
  days: string;
  preparation: string;
}

let counter = 0;
const newKey = () => `new${++counter}`;

export function draftOf(agenda: Agenda | undefined, meeting: Meeting): AgendaDraft {
  return {
    items: (agenda?.items ?? []).map((item) => ({ ...item, key: item.id })),
    days: String(agenda?.daysBeforeToPost ?? DEFAULT_DAYS_BEFORE_AGENDA),
    preparation: meeting.preparation,
  };
}

/** A new row: at the meeting's start, or half an hour after the last row. */
export function newItem(items: DraftItem[], meeting: Meeting): DraftItem {
  const last = parseTimeText(items.at(-1)?.time ?? '');
  const minutes = last ? Math.min(timeToMinutes(last) + 30, 23 * 60 + 59) : timeToMinutes(meeting.start);
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { key: newKey(), time, content: '', process: '', purpose: '' };
}

/** Moves an item to its neighbour's place; the times stay where they are, as in a programme. */
export function moveItem(items: DraftItem[], index: number, by: -1 | 1): DraftItem[] {
  const other = index + by;
  const a = items[index];
  const b = items[other];
  if (!a || !b) return items;
  const next = [...items];
  next[other] = { ...a, time: b.time };
  next[index] = { ...b, time: a.time };
  return next;
}

export const parseDays = (text: string): number | undefined => {
  const value = text.trim();
  return /^\d{1,2}$/.test(value) && Number(value) <= 60 ? Number(value) : undefined;
};

export type ItemErrors = Record<string, { time?: string; content?: string }>;

/** Rows the server would refuse, by row key; messages come from the caller's catalogue. */
export function itemErrors(items: DraftItem[], messages: { time: string; content: string }): ItemErrors {
  const errors: ItemErrors = {};
  for (const item of items) {
    const time = parseTimeText(item.time) ? undefined : messages.time;
    const content = item.content.trim() ? undefined : messages.content;
    if (time || content) errors[item.key] = { time, content };
  }
  return errors;
}

/** The body of PUT …/agenda and of the preview: complete rows in programme order (the card lists them by time). */
export function agendaBody(draft: AgendaDraft) {
  const items = draft.items
    .map((item) => ({ id: item.id, time: parseTimeText(item.time) ?? '', content: item.content.trim(), process: item.process.trim(), purpose: item.purpose.trim() }))
    .filter((item) => item.time && item.content)
    .sort((a, b) => a.time.localeCompare(b.time));
  return { items, daysBeforeToPost: parseDays(draft.days) ?? DEFAULT_DAYS_BEFORE_AGENDA };
}

export const sameDraft = (a: AgendaDraft, b: AgendaDraft) => JSON.stringify(strip(a)) === JSON.stringify(strip(b));
const strip = (draft: AgendaDraft) => ({ ...draft, items: draft.items.map(({ key: _key, ...item }) => item) });
