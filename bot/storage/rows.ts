import type { TableEntity, TableEntityResult } from '@azure/data-tables';
import type { NetworkAggregate } from '../domain/model';

// How domain objects become Table rows. RowKeys start with a section so the plan (what a tab
// shows) is one contiguous range: `plan|…` loads alone, the whole partition loads everything.

export const ROW_SECTIONS = {
  network: 'plan',
  theme: 'plan',
  phases: 'plan',
  subtheme: 'plan',
  participant: 'plan',
  meeting: 'plan',
  assignment: 'plan',
  agenda: 'plan',
  /** Index row: who takes part, so "my networks" is one query across partitions. */
  member: 'plan',
  summary: 'work',
  reflection: 'work',
  idea: 'work',
  analysisCategory: 'work',
  analysisNote: 'work',
  delivery: 'work',
  booking: 'work',
  /** The common invitation (one per network) and the personal ones (one per participant). */
  invitation: 'work',
  personalInvitation: 'work',
  themeRevision: 'hist',
} as const;

export type RowKind = keyof typeof ROW_SECTIONS;
export type Section = (typeof ROW_SECTIONS)[RowKind];

/** The plan's own rows (without the member index): what the planning sections of the tab show. */
export const PLAN_KINDS: readonly RowKind[] = (Object.keys(ROW_SECTIONS) as RowKind[]).filter((kind) => ROW_SECTIONS[kind] === 'plan' && kind !== 'member');

const FORBIDDEN_KEY_CHARS = /[\\/#?|\u0000-\u001f\u007f-\u009f]/;

export function rowKeyOf(kind: RowKind, ids: readonly string[] = []): string {
  for (const id of ids) {
    if (!id || FORBIDDEN_KEY_CHARS.test(id)) throw new Error(`Invalid id for a row key: ${JSON.stringify(id)}`);
  }
  return [ROW_SECTIONS[kind], kind, ...ids].join('|');
}

export function sectionRange(section: Section): { from: string; to: string } {
  return { from: `${section}|`, to: `${section}}` };
}

const SYSTEM_PROPERTIES = new Set(['partitionKey', 'rowKey', 'timestamp', 'etag', 'rowKind', 'odata.etag', 'odata.metadata']);
const JSON_SUFFIX = 'Json';

/** Scalars stay columns (readable in Storage Explorer); objects and arrays become `<name>Json` strings. */
export function toEntity(partitionKey: string, kind: RowKind, ids: readonly string[], value: object): TableEntity {
  const entity: TableEntity<Record<string, unknown>> = { partitionKey, rowKey: rowKeyOf(kind, ids), rowKind: kind };
  for (const [name, field] of Object.entries(value)) {
    if (name === 'etag' || field === undefined || field === null) continue;
    if (typeof field === 'object') entity[`${name}${JSON_SUFFIX}`] = JSON.stringify(field);
    else entity[name] = field;
  }
  return entity;
}

export function fromEntity<T>(entity: TableEntityResult<Record<string, unknown>>): T {
  const value: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(entity)) {
    if (SYSTEM_PROPERTIES.has(name)) continue;
    if (name.endsWith(JSON_SUFFIX) && typeof field === 'string') value[name.slice(0, -JSON_SUFFIX.length)] = JSON.parse(field);
    else value[name] = field;
  }
  if (entity.etag) value.etag = entity.etag;
  return value as T;
}

export function kindOf(entity: { rowKind?: unknown; rowKey?: string }): RowKind | undefined {
  const kind = typeof entity.rowKind === 'string' ? entity.rowKind : entity.rowKey?.split('|')[1];
  return kind && kind in ROW_SECTIONS ? (kind as RowKind) : undefined;
}

/** Folds one partition's rows into the aggregate; undefined when the network row is missing. */
export function assemble(rows: TableEntityResult<Record<string, unknown>>[]): NetworkAggregate | undefined {
  const parts: Partial<NetworkAggregate> = {};
  const lists = {
    subtheme: [] as NetworkAggregate['subthemes'],
    participant: [] as NetworkAggregate['participants'],
    meeting: [] as NetworkAggregate['meetings'],
    assignment: [] as NetworkAggregate['assignments'],
    agenda: [] as NetworkAggregate['agendas'],
    summary: [] as NetworkAggregate['summaries'],
    reflection: [] as NetworkAggregate['reflections'],
    idea: [] as NetworkAggregate['ideas'],
    analysisCategory: [] as NetworkAggregate['analysisCategories'],
    analysisNote: [] as NetworkAggregate['analysisNotes'],
    themeRevision: [] as NetworkAggregate['themeRevisions'],
    booking: [] as NetworkAggregate['bookings'],
    personalInvitation: [] as NonNullable<NetworkAggregate['invitations']>,
  };
  for (const row of rows) {
    const kind = kindOf(row);
    if (!kind || kind === 'member') continue;
    if (kind === 'network') parts.network = fromEntity(row);
    else if (kind === 'theme') parts.theme = fromEntity(row);
    else if (kind === 'phases') parts.phasePlan = fromEntity(row);
    else if (kind === 'delivery') parts.delivery = fromEntity(row);
    else if (kind === 'invitation') parts.invitation = fromEntity(row);
    else (lists[kind] as unknown[]).push(fromEntity(row));
  }
  if (!parts.network) return undefined;
  return {
    network: parts.network,
    theme: parts.theme,
    phasePlan: parts.phasePlan,
    delivery: parts.delivery,
    subthemes: lists.subtheme.sort((a, b) => a.order - b.order),
    participants: lists.participant,
    meetings: lists.meeting.sort((a, b) => `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`)),
    assignments: lists.assignment,
    agendas: lists.agenda,
    summaries: lists.summary,
    reflections: lists.reflection,
    ideas: lists.idea,
    analysisCategories: lists.analysisCategory.sort((a, b) => a.order - b.order),
    analysisNotes: lists.analysisNote,
    themeRevisions: lists.themeRevision.sort((a, b) => a.revision - b.revision),
    bookings: lists.booking,
    invitation: parts.invitation,
    invitations: lists.personalInvitation,
  };
}

/** A theme revision's id in its RowKey: zero-padded so revisions sort in order. */
export const revisionId = (revision: number): string => String(revision).padStart(6, '0');

export interface AggregateRow {
  kind: RowKind;
  ids: string[];
  value: { etag?: string; updatedBy?: string; updatedAt?: string } & Record<string, unknown>;
}

/** Every row an aggregate was assembled from (the member index aside): the inverse of `assemble`. */
export function rowsOfAggregate(aggregate: NetworkAggregate): AggregateRow[] {
  const rows: AggregateRow[] = [];
  const add = (kind: RowKind, ids: string[], value: object | undefined) => {
    if (value) rows.push({ kind, ids, value: value as AggregateRow['value'] });
  };
  add('network', [], aggregate.network);
  add('theme', [], aggregate.theme);
  add('phases', [], aggregate.phasePlan);
  add('delivery', [], aggregate.delivery);
  add('invitation', [], aggregate.invitation);
  for (const s of aggregate.subthemes) add('subtheme', [s.id], s);
  for (const p of aggregate.participants) add('participant', [p.id], p);
  for (const m of aggregate.meetings) add('meeting', [m.id], m);
  for (const a of aggregate.assignments) add('assignment', [a.meetingId, a.participantId], a);
  for (const a of aggregate.agendas) add('agenda', [a.meetingId], a);
  for (const s of aggregate.summaries) add('summary', [s.meetingId], s);
  for (const r of aggregate.reflections) add('reflection', [r.meetingId, r.participantId], r);
  for (const i of aggregate.ideas) add('idea', [i.id], i);
  for (const c of aggregate.analysisCategories) add('analysisCategory', [c.id], c);
  for (const n of aggregate.analysisNotes) add('analysisNote', [n.id], n);
  for (const b of aggregate.bookings) add('booking', [b.meetingId], b);
  for (const i of aggregate.invitations ?? []) add('personalInvitation', [i.participantId], i);
  for (const r of aggregate.themeRevisions) add('themeRevision', [revisionId(r.revision)], r);
  return rows;
}

/** One row a change writes: what the network store commits (in one transaction) and the person index follows. */
export interface RowChange {
  op: 'create' | 'update' | 'upsert' | 'delete';
  kind: RowKind;
  ids?: string[];
  value?: object;
  etag?: string;
}
