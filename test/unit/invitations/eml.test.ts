import { encodedWords, rfc5322Date, toEml } from '../../../bot/invitations/eml';

// The invitation as an e-mail file: parsed back the way a mail program reads it (RFC 5322 header folding, RFC 2047
// encoded-words, MIME base64), the Danish letters, line breaks and an emoji come back exactly.

interface Parsed {
  headers: Record<string, string>;
  raw: string;
  body: string;
}

/** RFC 2047 decoding: encoded-words in UTF-8 "B" or "Q"; whitespace between two adjacent encoded-words is dropped. */
function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_all, charset: string, encoding: string, text: string) => {
      expect(charset.toUpperCase()).toBe('UTF-8');
      const bytes = encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
      return bytes.toString('utf8');
    });
}

function parse(eml: string): Parsed {
  const split = eml.indexOf('\r\n\r\n');
  expect(split).toBeGreaterThan(0);
  const head = eml.slice(0, split);
  // Unfolding (RFC 5322 2.2.3): CRLF followed by whitespace is removed.
  const unfolded = head.replace(/\r\n(?=[ \t])/g, '');
  const headers: Record<string, string> = {};
  for (const line of unfolded.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  expect(headers['content-transfer-encoding']).toBe('base64');
  const raw = eml.slice(split + 4);
  const body = Buffer.from(raw.replace(/\r\n/g, ''), 'base64').toString('utf8');
  return { headers, raw, body };
}

const LETTER = 'Kære Søren Ærø\n\nVil du være med i „Ældre i eget hjem“? 🌱\nMøderne: tirsdag 03.03.2026 kl. 09:00–12:00.\n\nMed venlig hilsen\nLene Holm';

describe('an invitation as an .eml file', () => {
  const eml = toEml({
    from: { name: 'Lene Holm', email: 'lene.holm@kommune.example' },
    to: { name: 'Søren Ærø-Østergård', email: 'soeren@kommune.example' },
    subject: 'Vil du være med i netværket „Ældre i eget hjem“? Et langt emne, der skal foldes over flere linjer i filen',
    text: LETTER,
    date: new Date('2026-03-03T09:15:00Z'),
  });

  test('reads back: from, to, subject and text exactly, the text with CRLF line breaks', () => {
    const { headers, body } = parse(eml);
    expect(headers.from).toBe('"Lene Holm" <lene.holm@kommune.example>');
    expect(decodeWords(headers.to!)).toBe('Søren Ærø-Østergård <soeren@kommune.example>');
    expect(decodeWords(headers.subject!)).toBe('Vil du være med i netværket „Ældre i eget hjem“? Et langt emne, der skal foldes over flere linjer i filen');
    expect(body).toBe(LETTER.replace(/\n/g, '\r\n'));
    expect(headers['content-type']).toBe('text/plain; charset=UTF-8');
    expect(headers['mime-version']).toBe('1.0');
    // Outlook opens it as a draft to send.
    expect(headers['x-unsent']).toBe('1');
  });

  test('the date is RFC 5322, in Copenhagen time', () => {
    expect(parse(eml).headers.date).toBe('Tue, 03 Mar 2026 10:15:00 +0100');
    expect(rfc5322Date(new Date('2026-07-01T08:00:00Z'))).toBe('Wed, 01 Jul 2026 10:00:00 +0200');
  });

  test('is plain ASCII with CRLF line ends, no line over 78 characters', () => {
    expect(/^[\x00-\x7f]*$/.test(eml)).toBe(true);
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = eml.split('\r\n');
    expect(lines.filter((line) => line.length > 78)).toEqual([]);
    expect(eml.endsWith('\r\n')).toBe(true);
  });

  test('encoded-words never split a letter or an emoji, and each is at most 75 characters', () => {
    const words = encodedWords('æ'.repeat(40) + '🌱'.repeat(10));
    expect(words.every((word) => word.length <= 75)).toBe(true);
    const decoded = words.map((word) => Buffer.from(word.slice(10, -2), 'base64').toString('utf8'));
    expect(decoded.join('')).toBe('æ'.repeat(40) + '🌱'.repeat(10));
    expect(decoded.every((part) => !part.includes('\uFFFD'))).toBe(true);
  });

  test('a name or subject cannot add a header: line breaks in them stay inside the encoded value', () => {
    const sneaky = toEml({ to: { name: 'Eva\r\nBcc: alle@kommune.example', email: 'eva@kommune.example' }, subject: 'Hej\r\nBcc: x@y', text: 'x', date: new Date() });
    const { headers } = parse(sneaky);
    expect(headers.bcc).toBeUndefined();
    expect(Object.keys(headers).sort()).toEqual(['content-transfer-encoding', 'content-type', 'date', 'mime-version', 'subject', 'to', 'x-unsent']);
  });

  test('without an address there is no To (the common invitation goes to a group the leader picks)', () => {
    const { headers } = parse(toEml({ subject: 'Fælles invitation', text: 'Kære kollega', date: new Date() }));
    expect(headers.to).toBeUndefined();
    expect(headers.from).toBeUndefined();
  });
});
