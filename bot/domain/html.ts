import { cleanText } from './text';

// A Teams message's body as plain text, for a field a person then edits ("Parkér som idé" on a message): Teams
// sends a message's content as HTML. Tags go, line structure stays, entities are decoded once ("&amp;lt;" is the
// text "&lt;", never a tag), and the result is cleaned as typed text is and kept to the field's length.

/** Longer input is cut before any parsing: a message in Teams is at most ~28 KB, so this only stops abuse. */
const MAX_INPUT = 100_000;

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ',
  aelig: 'æ', oslash: 'ø', aring: 'å', AElig: 'Æ', Oslash: 'Ø', Aring: 'Å',
  eacute: 'é', Eacute: 'É', auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü',
  hellip: '…', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  bull: '•', middot: '·', euro: '€', copy: '©', reg: '®', deg: '°', shy: '',
};

/** A numeric reference's character; anything that is not a Unicode scalar value is dropped. */
function codePoint(value: number): string {
  if (!Number.isInteger(value) || value <= 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return '';
  return String.fromCodePoint(value);
}

/** Every entity decoded in one pass, so a decoded "&" never starts another entity. Unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/gi, (whole, name: string) => {
    if (name[0] === '#') return codePoint(name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return NAMED[name] ?? whole;
  });
}

/** The first `max` characters, never half of an emoji's surrogate pair, with an ellipsis when cut. */
function limited(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '').trimEnd()}…`;
}

/** Teams writes an emoji as an image with the emoji as its alt text: keep the emoji, drop any other image. */
function emojiOf(tag: string): string {
  if (!/schema\.skype\.com\/Emoji/i.test(tag)) return '';
  return /\balt="([^"]*)"/i.exec(tag)?.[1] ?? '';
}

/** HTML as a person reads it: paragraphs and line breaks as lines, list items as "- …", no markup. */
export function htmlToText(html: string, max: number): string {
  const text = html
    .slice(0, MAX_INPUT)
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<(script|style|template)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    .replace(/<img\b[^>]*>/gi, emojiOf)
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(p|div|ul|ol|h[1-6]|tr|blockquote|pre|table)\s*>/gi, '\n')
    .replace(/<\/?[a-z][^>]*>/gi, '');
  return plainText(decodeEntities(text), max);
}

/** Typed text cleaned as the app cleans any (no control or bidi characters), spaces tidied, within `max`. */
export function plainText(text: string, max: number): string {
  const lines = cleanText(text.replace(/\u00a0/g, ' '), { multiline: true })
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim());
  return limited(lines.join('\n').replace(/\n{3,}/g, '\n\n').trim(), max);
}

/** A Teams message body (`messagePayload.body`) as plain text: HTML converted, text as it is. */
export function messageBodyText(body: { contentType?: unknown; content?: unknown } | undefined, max: number): string {
  if (!body || typeof body.content !== 'string') return '';
  return body.contentType === 'text' ? plainText(body.content, max) : htmlToText(body.content, max);
}
