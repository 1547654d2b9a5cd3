// The building blocks every card is made of. User-typed text only ever goes into TextRuns, which
// Adaptive Cards render without markdown — a "[link](…)" or "<at>" typed by a user stays literal.

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  refresh?: CardElement;
  msteams: { width: 'Full' };
}

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Teams refuses messages near 100 KB; cards stay well below. */
export const MAX_CARD_BYTES = 80 * 1024;

export function adaptiveCard(body: CardElement[], actions: CardElement[] = [], refresh?: CardElement): AdaptiveCard {
  return fitted({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
    ...(refresh ? { refresh } : {}),
    msteams: { width: 'Full' },
  });
}

/** Longest texts a card keeps, step by step, until it fits: a long agenda keeps every row, with less of each. */
const FIT_STEPS = [1000, 500, 250, 120, 60];

function fitted(card: AdaptiveCard): AdaptiveCard {
  for (const max of FIT_STEPS) {
    if (cardBytes(card) <= MAX_CARD_BYTES) return card;
    card = { ...card, body: shortenRuns(card.body, max) as CardElement[] };
  }
  return card;
}

function shortenRuns(value: unknown, max: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shortenRuns(item, max));
  if (!value || typeof value !== 'object') return value;
  const copy: CardElement = {};
  for (const [key, item] of Object.entries(value)) copy[key] = shortenRuns(item, max);
  if (copy.type === 'TextRun' && typeof copy.text === 'string' && copy.text.length > max) {
    copy.text = shorten(copy.text, max);
  }
  return copy;
}

const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Removes control and bidi-override characters and keeps text to a length a card can carry. */
export function clean(value: string, max = 2000): string {
  const text = value.replace(CONTROL_CHARS, '').trim();
  return text.length > max ? shorten(text, max) : text;
}

/** The first `max - 1` characters and an ellipsis, never half of a surrogate pair (an emoji). */
const shorten = (value: string, max: number) => `${value.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '')}…`;

export interface RunStyle {
  weight?: 'bolder';
  size?: 'small' | 'medium' | 'large';
  isSubtle?: boolean;
  color?: 'good' | 'warning' | 'attention' | 'accent';
  italic?: boolean;
}

/** Text that is never parsed as markdown. */
export function text(value: string, style: RunStyle = {}, extra: CardElement = {}): CardElement {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: clean(value), ...style }], ...extra };
}

export const heading = (value: string, size: RunStyle['size'] = 'large') =>
  text(value, { weight: 'bolder', size }, { style: 'heading' });

/** A label and a value side by side (FactSet values may render markdown, so they are not used for user text). */
export function fact(label: string, value: string): CardElement {
  return {
    type: 'ColumnSet',
    spacing: 'none',
    columns: [
      { type: 'Column', width: 'auto', items: [text(`${label}:`, { weight: 'bolder' })] },
      { type: 'Column', width: 'stretch', items: [text(value)] },
    ],
  };
}

/** Input labels are shown as written by most hosts; strip what a host could read as markup. */
export const plainLabel = (value: string) => clean(value, 300).replace(/[[\]<>*_`~#|]/g, '');

export type CardData = Record<string, string | number | boolean | undefined>;

/**
 * Universal Action (Action.Execute) with an Action.Submit fallback for hosts without it;
 * the fallback carries the verb in its data, so both arrive at the same handler.
 */
export function execute(verb: string, title: string, data: CardData, extra: CardElement = {}): CardElement {
  const payload = { ...data, verb };
  return {
    type: 'Action.Execute',
    verb,
    title,
    data: payload,
    ...extra,
    fallback: { type: 'Action.Submit', title, data: payload, ...extra },
  };
}

/** Teams asks the bot for a fresh card when one of `userIds` (Teams user ids) opens it. */
export function refreshWith(verb: string, data: CardData, userIds: readonly string[] = []): CardElement {
  return {
    action: { type: 'Action.Execute', verb, data: { ...data, verb } },
    ...(userIds.length ? { userIds: [...new Set(userIds)].slice(0, 60) } : {}),
  };
}

export const cardBytes = (card: AdaptiveCard) => new TextEncoder().encode(JSON.stringify(card)).length;

/** A button that opens a link (a card's way back to its place in the plan); none without a link. */
export const openUrl = (title: string, url: string | undefined): CardElement[] => (url ? [{ type: 'Action.OpenUrl', title, url }] : []);
