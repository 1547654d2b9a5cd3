import { MAX } from '@domain/limits';

// "Indsæt liste": names and e-mails pasted from Word, Excel or Outlook, read into people — pure, no IO. One person a
// line (`Lis Hansen <lis@x.dk>`, `Lis Hansen; lis@x.dk`, Excel's `Lis Hansen<TAB>lis@x.dk<TAB>BUF`, `lis@x.dk`
// alone), or an Outlook list of recipients on one line (`"Hansen, Lis" <lis@x.dk>; Ole <ole@x.dk>`). Each e-mail is
// matched against the team's members, so the Teams user is linked at once (else a name only one member has).

/** One of the team's members, as GET …/team-members lists them. */
export interface Member {
  userId: string;
  name: string;
  email?: string;
}

export type PasteProblem = 'invalidEmail' | 'nameTooLong' | 'unitTooLong';

export interface PastedPerson {
  /** The line of the pasted text (1-based) the person was read from. */
  line: number;
  name: string;
  /** Lower case, valid as the server checks it; absent when none was given or it is not valid. */
  email?: string;
  /** What was typed where an e-mail should be, when it is not a valid address. */
  typedEmail?: string;
  unit: string;
  /** The team member found by e-mail (or by a name only one member has). */
  userId?: string;
  linkedBy?: 'email' | 'name';
  problems: PasteProblem[];
}

// The server's e-mail check (zod's `z.regexes.email` in bot/domain/schemas.ts), without zod in the tab's bundle;
// test/unit/pasteList.test.ts holds the two to the same answers.
const EMAIL = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
export const isValidEmail = (text: string): boolean => text.length <= MAX.email && EMAIL.test(text.trim());

/** A token that is meant as an e-mail address: something@something. */
const ADDRESS_TOKEN = /[^\s<>"'(),;[\]]+@[^\s<>"'(),;[\]]*/;

/** Column titles a list copied with its header row starts with: the line is skipped. */
const HEADER_WORDS = new Set(
  ['navn', 'fulde navn', 'fornavn', 'efternavn', 'name', 'full name', 'e-mail', 'email', 'mail', 'e-mailadresse', 'e-mail-adresse', 'email address',
    'e-mail address', 'enhed', 'afdeling', 'organisation', 'forvaltning', 'arbejdssted', 'unit', 'department', 'organization', 'titel', 'title', 'rolle', 'role'],
);

/** Splits at any of `separators`, but not inside "quotes" or <angle brackets>. */
function splitOutside(text: string, separators: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angled = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (char === '<' && !quoted) angled = true;
    else if (char === '>' && !quoted) angled = false;
    if (!quoted && !angled && separators.includes(char)) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

const unquote = (text: string) => text.replace(/^["'\s]+|["'\s]+$/g, '').replace(/\s+/g, ' ').trim();

/** "Hansen, Lis" (as Outlook writes a name) → "Lis Hansen"; anything else as written. */
function naturalName(text: string): string {
  const name = unquote(text);
  const parts = name.split(',').map((part) => part.trim());
  if (parts.length === 2 && parts.every((part) => part && !/\d/.test(part) && part.split(' ').length <= 3)) return `${parts[1]} ${parts[0]}`;
  return name;
}

/** "lis.m.hansen@x.dk" → "Lis M Hansen": a name to start from when only the address is given. */
export function nameFromAddress(email: string): string {
  const local = email.split('@')[0] ?? email;
  const words = local.split(/[._\-+]+/).filter(Boolean);
  return words.map((word) => word.charAt(0).toLocaleUpperCase('da') + word.slice(1)).join(' ') || email;
}

interface Address {
  /** The name shown with the address ("Lis Hansen" in `Lis Hansen <lis@x.dk>`). */
  display: string;
  /** The address as typed. */
  email: string;
}

/** The e-mail in a cell and the text around it, or undefined when the cell has none. */
function addressIn(cell: string): Address | undefined {
  const text = cell.replace(/mailto:/gi, '');
  const angled = text.match(/<\s*([^<>]*?)\s*>/);
  if (angled && angled[1]!.includes('@')) {
    return { display: unquote(text.slice(0, angled.index)), email: angled[1]!.trim() };
  }
  const token = text.match(ADDRESS_TOKEN);
  if (!token) return undefined;
  const display = unquote(text.slice(0, token.index) + ' ' + text.slice(token.index! + token[0].length).replace(/^[\])>]+/, ''));
  return { display: display.replace(/^[([<]+|[)\]>]+$/g, '').trim(), email: token[0].replace(/[.:]+$/, '') };
}

/** "Lis Hansen (BUF)" → name and unit, as Outlook shows a person's department after the name. */
function nameAndBracketUnit(display: string): { name: string; unit?: string } {
  const match = display.match(/^(.*?)\s*\(([^()]+)\)\s*$/);
  return match && match[1]!.trim() ? { name: match[1]!.trim(), unit: match[2]!.trim() } : { name: display };
}

interface Entry {
  name: string;
  email?: string;
  unit: string;
}

/** One person from the cells of a row: the cell with the address, the name before or around it, the unit after. */
function personFromCells(cells: string[]): Entry | undefined {
  const at = cells.findIndex((cell) => addressIn(cell));
  if (at < 0) {
    const [name = '', unit = ''] = cells.map(unquote).filter(Boolean);
    return name ? { name: naturalName(name), unit } : undefined;
  }
  const address = addressIn(cells[at]!)!;
  const before = cells.slice(0, at).map(unquote).filter(Boolean);
  const after = cells.slice(at + 1).map(unquote).filter(Boolean);
  const shown = nameAndBracketUnit(address.display);
  const others = [...before, ...after];
  if (!shown.name) return { name: naturalName(others[0] ?? ''), email: address.email, unit: shown.unit ?? others[1] ?? '' };
  // `Hansen, Lis <lis@x.dk>` unquoted: the surname was cut off at the comma.
  const surname = before.length === 1 && !/\s/.test(before[0]!) && !/[\s,]/.test(shown.name);
  if (surname) return { name: `${shown.name} ${before[0]}`, email: address.email, unit: shown.unit ?? after[0] ?? '' };
  return { name: naturalName(shown.name), email: address.email, unit: shown.unit ?? others[0] ?? '' };
}

const isHeader = (cells: string[]) => cells.length > 0 && cells.every((cell) => HEADER_WORDS.has(unquote(cell).toLowerCase()));

/** The people on one line: Excel's columns, an Outlook list of recipients, or one person. */
function entriesOf(line: string): Entry[] {
  if (line.includes('\t')) {
    const cells = line.split('\t').map((cell) => cell.trim());
    if (isHeader(cells.filter(Boolean))) return [];
    const person = personFromCells(cells);
    return person ? [person] : [];
  }
  const addresses = line.match(new RegExp(ADDRESS_TOKEN.source, 'g'))?.length ?? 0;
  if (addresses === 0) {
    // A name alone ("Anna Borger", "Hansen, Lis"), or a name and a unit separated by a semicolon.
    const cells = splitOutside(line, ';');
    if (isHeader(cells)) return [];
    const person = personFromCells(cells);
    return person ? [person] : [];
  }
  if (addresses === 1) {
    const person = personFromCells(splitOutside(line, ';,'));
    return person ? [person] : [];
  }
  // Outlook's recipients: each part one person; a part without an address is the start of the next one's name.
  const entries: Entry[] = [];
  let pending: string[] = [];
  for (const part of splitOutside(line, ';,')) {
    if (!addressIn(part)) {
      pending.push(part);
      continue;
    }
    const person = personFromCells([...pending, part]);
    if (person) entries.push(person);
    pending = [];
  }
  for (const name of pending) entries.push({ name: naturalName(name), unit: '' });
  return entries;
}

const sameText = (a: string, b: string) => a.trim().toLocaleLowerCase('da') === b.trim().toLocaleLowerCase('da');

/**
 * The people in a pasted text, in order. An e-mail that is no valid address is kept as typed and said
 * (`invalidEmail`); a person whose e-mail belongs to a team member is linked to them (and named as the team has
 * them when the text gave only the address); without an e-mail, a name that exactly one member has links them too.
 */
export function parsePasteList(text: string, members: readonly Member[] = []): PastedPerson[] {
  const people: PastedPerson[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.replace(/\u00a0/g, ' ').trim();
    if (!line) return;
    for (const entry of entriesOf(line)) {
      const typed = entry.email?.trim();
      const valid = typed && isValidEmail(typed) ? typed.toLowerCase() : undefined;
      const byEmail = valid ? members.find((m) => m.email && sameText(m.email, valid)) : undefined;
      const byName = !typed ? members.filter((m) => sameText(m.name, entry.name)) : [];
      const member = byEmail ?? (byName.length === 1 ? byName[0] : undefined);
      const name = entry.name || (member?.name ?? (valid ? nameFromAddress(valid) : typed ? nameFromAddress(typed) : ''));
      if (!name) continue;
      const problems: PasteProblem[] = [];
      if (typed && !valid) problems.push('invalidEmail');
      if (name.length > MAX.name) problems.push('nameTooLong');
      if (entry.unit.length > MAX.short) problems.push('unitTooLong');
      const email = valid ?? (member && !typed ? member.email?.toLowerCase() : undefined);
      people.push({
        line: index + 1,
        name,
        ...(email ? { email } : {}),
        ...(typed && !valid ? { typedEmail: typed } : {}),
        unit: entry.unit,
        ...(member ? { userId: member.userId, linkedBy: byEmail ? ('email' as const) : ('name' as const) } : {}),
        problems,
      });
    }
  });
  return people;
}
