// The chat commands, in both languages. Matching forgives case, Teams' <at>mention</at>, punctuation,
// missing Danish letters (æ ø å é typed as ae oe aa e) and a typo or two in longer words.

export type Command = 'help' | 'nextMeeting' | 'ideas' | 'myReflections' | 'analysis';

const ALIASES: Record<Command, readonly string[]> = {
  help: ['hjælp', 'help', 'hej', 'hi', 'hello'],
  nextMeeting: ['næste møde', 'next meeting', 'dagsorden', 'agenda'],
  ideas: ['idéer', 'ideer', 'ideas', 'idé', 'idea'],
  myReflections: ['mine refleksioner', 'my reflections', 'refleksioner', 'reflections'],
  analysis: ['analyse', 'analysis', 'kategorier', 'categories'],
};

/** A command and a mention fit well within this; the rest of a long message is never read. */
export const COMMAND_CHARS = 500;

export function matchCommand(text: string): Command | undefined {
  return parseCommand(text)?.command;
}

export interface ParsedCommand {
  command: Command;
  /** The command's words as typed (lower case, without punctuation): "idéer", "next meeting". */
  typed: string;
  /** What followed them, the same way: a network's name ("idéer ældre i eget hjem"), else ''. */
  argument: string;
}

export function parseCommand(text: string): ParsedCommand | undefined {
  const typed = commandText(text);
  if (/^\?+$/.test(typed)) return { command: 'help', typed, argument: '' };
  const words = normalize(typed).split(' ').filter(Boolean);
  if (words.length === 0) return undefined;
  // The whole message first, then its first words ("help me", "idéer Ældre i eget hjem").
  const whole = findCommand((alias) => isClose(words.join(' '), alias.join(' ')));
  if (whole) return { command: whole.command, typed: words.join(' '), argument: '' };
  const start = findCommand((alias) => words.length > alias.length && isClose(words.slice(0, alias.length).join(' '), alias.join(' ')));
  if (!start) return undefined;
  return { command: start.command, typed: words.slice(0, start.length).join(' '), argument: words.slice(start.length).join(' ') };
}

/** The start of a message without mentions and markup: all that matching ever reads. */
export function commandText(text: string): string {
  return text
    .slice(0, COMMAND_CHARS)
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .trim();
}

function findCommand(matches: (aliasWords: string[]) => boolean): { command: Command; length: number } | undefined {
  for (const command of Object.keys(ALIASES) as Command[]) {
    for (const alias of ALIASES[command]) {
      const words = alias.split(' ');
      if (matches(words)) return { command, length: words.length };
    }
  }
  return undefined;
}

function normalize(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const ASCII_FOLDS: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', é: 'e' };
const fold = (text: string) => text.replace(/[æøåé]/g, (letter) => ASCII_FOLDS[letter] ?? letter);

function isClose(typed: string, alias: string): boolean {
  const allowed = alias.length <= 3 ? 0 : alias.length <= 8 ? 1 : 2;
  return within(typed, alias, allowed) || within(fold(typed), fold(alias), allowed);
}

// Strings further apart in length than allowed cannot be close: no need to align them.
const within = (a: string, b: string, allowed: number) => Math.abs(a.length - b.length) <= allowed && editDistance(a, b) <= allowed;

/** Optimal string alignment distance: insertions, deletions, substitutions and swapped neighbours. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}
