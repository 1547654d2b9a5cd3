// Free text as people type it, made safe to store, show and put in calendar files: one Unicode form,
// no control characters (RFC 5545 forbids them; a NUL ends strings elsewhere) and no bidi overrides,
// which can turn a sentence around on screen (U+202E). Line breaks stay where text may have lines.

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
// C0 except tab and line feed, DEL, C1, zero-width no-break space (a stray byte-order mark).
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFEFF]/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;

export function cleanText(text: string, { multiline }: { multiline: boolean }): string {
  const lines = text.normalize('NFC').replace(LINE_BREAKS, '\n').replace(BIDI_CONTROLS, '').replace(CONTROLS, '');
  return multiline ? lines : lines.replace(/[\t\n]+/g, ' ');
}
