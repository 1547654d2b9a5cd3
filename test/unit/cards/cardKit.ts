import type { AdaptiveCard } from '../../../bot/cards/shared';
import type { Idea, IdeaStatus, PersonRef } from '../../../bot/domain/model';

// What the card tests share: the Adaptive Cards SDK as a parser, and walks over a card's JSON.

interface ParseEvent {
  phase: number;
  event: number;
  message: string;
}

interface Sdk {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    toJSON(): unknown;
    validateProperties(): { validationEvents: ParseEvent[] };
  };
  SerializationContext: new () => { eventCount: number; getEventAt(index: number): ParseEvent };
}

// The package's ES module main does not load in Node; its UMD bundle does.
const AC = require('adaptivecards/dist/adaptivecards.js') as Sdk;

/**
 * Parses `card` with the SDK: the events it logged while parsing (warnings and errors), what its
 * own validation finds (inputs without or with duplicate ids, …) and its own serialisation.
 */
export function parseWithSdk(card: unknown): { events: ParseEvent[]; validation: ParseEvent[]; json: unknown } {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(JSON.parse(JSON.stringify(card)), context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i));
  return { events, validation: parsed.validateProperties().validationEvents, json: parsed.toJSON() };
}

/** SDK events in words, for a failure message. */
export const describeEvents = (events: ParseEvent[]) => events.map((e) => `phase ${e.phase}, event ${e.event}: ${e.message}`).join('\n');

export type Json = Record<string, unknown>;

export interface Visit {
  node: Json;
  /** Keys and indexes from the card's root. */
  path: (string | number)[];
}

/** Every object in `value`, depth first, with its path. */
export function objects(value: unknown, path: (string | number)[] = []): Visit[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => objects(item, [...path, i]));
  if (!value || typeof value !== 'object') return [];
  const node = value as Json;
  return [{ node, path }, ...Object.entries(node).flatMap(([key, item]) => objects(item, [...path, key]))];
}

/** Every string in `value` with the object holding it and its key. */
export function strings(value: unknown): { value: string; holder: Json; key: string; path: (string | number)[] }[] {
  return objects(value).flatMap(({ node, path }) =>
    Object.entries(node)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([key, text]) => ({ value: text, holder: node, key, path: [...path, key] })),
  );
}

export const ofType = (value: unknown, type: string) => objects(value).filter(({ node }) => node.type === type).map(({ node }) => node);

/** All visible card text, TextRuns joined by newlines, in document order. */
export const runTexts = (card: unknown): string[] => ofType(card, 'TextRun').map((run) => run.text as string);

/** Actions of a card except its refresh action (which has no fallback by design). */
export const actionsOf = (card: AdaptiveCard) => objects({ body: card.body, actions: card.actions ?? [] }).map(({ node }) => node).filter((n) => typeof n.type === 'string' && (n.type as string).startsWith('Action.'));

/** Action.Execute verbs anywhere in a JSON tree (refresh included). */
export const executeVerbs = (json: unknown) => ofType(json, 'Action.Execute').map((a) => a.verb as string);

/** Text a hostile or careless user could type: markdown links, mentions, emphasis, control and bidi characters. */
export const HOSTILE_MARKERS = ['[klik](https://evil.example)', '<at>Mette</at>', '**fed**'] as const;
export const hostile = (label: string) =>
  `${label} ${HOSTILE_MARKERS.join(' ')} \u202Espoof\u202C \u2066iso\u2069 bell\u0007 esc\u001b c1\u0085 nul\u0000 del\u007f`;
/** Control characters (except tab and newline) and bidi overrides/isolates. */
export const CONTROL_OR_BIDI = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A paragraph of ordinary Danish, repeated to `length` characters. */
export const danishText = (length: number, seed = '') =>
  `${seed}Ældre borgere på plejehjem får øget livskvalitet, når frivillige og fagfolk samarbejder. `
    .repeat(Math.ceil((length + 1) / 80))
    .slice(0, length);

export function idea(id: string, overrides: Partial<Idea> = {}): Idea {
  return {
    id,
    text: `Idé ${id}`,
    raisedBy: { name: 'Helle Hansen', userId: 'u-helle' },
    status: 'parked',
    createdAt: '2026-03-16T12:00:00.000Z',
    ...overrides,
  };
}

/** Ideas in every status, with and without an owner, raised at different times. */
export function mixedIdeas(): Idea[] {
  const owner = (name: string, userId: string): PersonRef => ({ name, userId });
  const at = (minute: number) => `2026-03-16T12:${String(minute).padStart(2, '0')}:00.000Z`;
  const rows: [string, IdeaStatus, PersonRef | undefined, number][] = [
    ['dropped-old', 'dropped', undefined, 1],
    ['tested-owned', 'tested', owner('Ali Khan', 'u-ali'), 2],
    ['parked-owned-by-viewer', 'parked', owner('Jens Jensen', 'u-viewer'), 3],
    ['parked-free-old', 'parked', undefined, 4],
    ['takenOn-owned', 'takenOn', owner('Sara Nielsen', 'u-sara'), 5],
    ['parked-free-new', 'parked', undefined, 6],
    ['dropped-new', 'dropped', owner('Mette Berg', 'u-mette'), 7],
  ];
  return rows.map(([id, status, ideaOwner, minute]) => idea(id, { text: `Idé ${id}`, status, owner: ideaOwner, createdAt: at(minute) }));
}
