import { DateTime } from 'luxon';
import { ZONE } from '../domain/dates';

// An invitation as an e-mail file (.eml) the leader opens in Outlook or another mail program and sends from there:
// RFC 5322 with MIME (RFC 2045) and UTF-8 — the subject and names as RFC 2047 encoded-words, the text as base64,
// every line ending in CRLF and at most 78 characters. `X-Unsent: 1` makes Outlook open it as a draft to send.
// No mail library is a dependency; this is the little of the format a draft needs.

export interface Mailbox {
  name: string;
  email?: string;
}

export interface EmlMessage {
  from?: Mailbox;
  to?: Mailbox;
  subject: string;
  text: string;
  date: Date;
}

const CRLF = '\r\n';
/** UTF-8 bytes per encoded-word: 40 base64 characters, so "Subject: " and one word stay within 78. */
const WORD_BYTES = 30;
const BODY_LINE = 76;

const utf8 = (value: string) => Buffer.from(value, 'utf8');

/** RFC 2047 "B" encoded-words, each a whole number of characters (never half a letter or emoji). */
export function encodedWords(value: string): string[] {
  const words: string[] = [];
  let chunk = '';
  for (const character of value) {
    if (chunk && utf8(chunk + character).length > WORD_BYTES) {
      words.push(chunk);
      chunk = '';
    }
    chunk += character;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${utf8(word).toString('base64')}?=`);
}

/** Header text on one line: line breaks and other control characters would end the header. */
const oneLine = (value: string) => value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

/** Printable ASCII that needs no encoding in a quoted display name. */
const PLAIN = /^[\x20-\x7e]*$/;

/** A display name: quoted when it is plain ASCII, else encoded-words. */
function displayName(name: string): string[] {
  const value = oneLine(name);
  if (PLAIN.test(value) && value.length <= 60) return [`"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`];
  return encodedWords(value);
}

/** "Name <address>", folded between its words; the address alone when there is no name. */
function mailbox({ name, email }: Mailbox): string[] {
  const address = `<${oneLine(email ?? '')}>`;
  return oneLine(name) ? [...displayName(name), address] : [address];
}

/** A header whose parts are folded onto continuation lines (CRLF + space) whenever a line would pass 78. */
function header(name: string, parts: string[]): string {
  const lines: string[] = [];
  let line = `${name}:`;
  for (const part of parts) {
    if (line.length + 1 + part.length > 78 && line !== `${name}:`) {
      lines.push(line);
      line = '';
    }
    line += ` ${part}`;
  }
  lines.push(line);
  return lines.join(CRLF);
}

/** The text as base64 lines of 76, its line breaks as CRLF (RFC 2045 canonical text). */
function body(text: string): string {
  const canonical = text.replace(/\r\n?|\n/g, CRLF);
  const encoded = utf8(canonical).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += BODY_LINE) lines.push(encoded.slice(i, i + BODY_LINE));
  return lines.join(CRLF);
}

/** The date as RFC 5322 writes it, in Copenhagen time: "Tue, 03 Mar 2026 10:00:00 +0100". */
export const rfc5322Date = (date: Date): string => DateTime.fromJSDate(date, { zone: ZONE }).setLocale('en-US').toRFC2822() ?? '';

export function toEml(message: EmlMessage): string {
  const headers = [
    ...(message.from?.email ? [header('From', mailbox(message.from))] : []),
    ...(message.to?.email ? [header('To', mailbox(message.to))] : []),
    header('Subject', encodedWords(oneLine(message.subject))),
    header('Date', [rfc5322Date(message.date)]),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    'X-Unsent: 1',
  ];
  return `${headers.join(CRLF)}${CRLF}${CRLF}${body(message.text)}${CRLF}`;
}
