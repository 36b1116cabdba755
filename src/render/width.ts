/** Terminal display width: Cyrillic is one column, CJK two, combining marks none. */
import { eastAsianWidth } from 'get-east-asian-width';

const ANSI = /\u001b\[[0-9;]*m/g;
const ZERO_WIDTH = /\p{M}|\u200b|\u200c|\u200d|\ufeff/u;

/** Removes colour codes (the only escapes our own renderers emit). */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x300) return cp < 0x20 ? 0 : 1;
  if (ZERO_WIDTH.test(ch)) return 0;
  return eastAsianWidth(cp, { ambiguousAsWide: false });
}

// Printable ASCII is one column a character: most text takes this path (measured: it halves
// the time to draw a table on a terminal).
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Columns a string takes on a terminal, ignoring colour codes. */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const ch of stripAnsi(text)) width += charWidth(ch);
  return width;
}

/** The longest start of `text` (whole characters) that fits in `width` columns; at least one character. */
export function takeWidth(text: string, width: number): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch);
    if (used + w > width && out !== '') break;
    out += ch;
    used += w;
  }
  return out;
}

/** Cuts plain text to at most `width` columns, ending with an ellipsis when cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  if (width === 1) return '…';
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/** Pads plain text with spaces to `width` columns. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Wraps text to `width` columns at spaces, never inside a word or a colour code. Lines
 * start with `indent`; the first with `firstIndent` (a label, say) when given. A word
 * longer than a line is cut hard, as nothing else fits.
 */
export function wrap(text: string, width: number, indent = '', firstIndent = indent, exact = false): string[] {
  const lines: string[] = [];
  let prefix = firstIndent;
  // `exact`: use the width as given, however narrow (table cells); else keep 10 columns for text.
  const roomFor = (p: string) => Math.max(exact ? 1 : 10, width - displayWidth(p));
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    const flush = () => {
      lines.push(prefix + line);
      prefix = indent;
      line = '';
      used = 0;
    };
    for (const word of paragraph.split(/ +/).filter((w) => w !== '')) {
      const w = displayWidth(word);
      if (used > 0 && used + 1 + w > roomFor(prefix)) flush();
      if (w > roomFor(prefix)) {
        let rest = word;
        while (displayWidth(rest) > roomFor(prefix)) {
          const head = takeWidth(rest, roomFor(prefix));
          line = head;
          flush();
          rest = rest.slice(head.length);
        }
        line = rest;
        used = displayWidth(rest);
        continue;
      }
      line = used === 0 ? word : `${line} ${word}`;
      used += (used === 0 ? 0 : 1) + w;
    }
    flush();
  }
  return lines;
}
