/**
 * Text from data packs is untrusted: an escape sequence in a name could clear the screen,
 * move the cursor or set the window title, and a bidi override could make "Kirov" read as
 * another name. Every string is cleaned before it is shown.
 */

// CSI (ESC [ or the one-byte C1 CSI); the string sequences OSC, DCS, SOS, PM and APC, in their
// ESC and one-byte C1 forms, with their bodies up to BEL or ST (a title or clipboard payload is
// dropped, not shown); and other two-character ESC sequences.
const ESCAPES =
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|[\]PX^_][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|[@-Z\\-_])|\u009b[0-?]*[ -/]*[@-~]|[\u0090\u0098\u009d\u009e\u009f][^\u0007\u001b\u009c]*(?:\u0007|\u009c|\u001b\\)?/g;
// C0 controls other than tab and newline, DEL, and C1 controls (0x9b is a one-byte CSI).
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// The Unicode line and paragraph separators: line breaks to a reader, but not to a terminal
// or a table's width count, so they become plain newlines.
const SEPARATORS = /[\u2028\u2029]/g;
// Bidi embeddings, overrides and isolates reorder the text around them: shown, escaped.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
// Invisible characters with no place in names and titles: zero-width space, word joiner and
// invisible operators, byte-order mark, soft hyphen, Mongolian vowel separator, bidi marks,
// interlinear annotation marks.
const INVISIBLE = /[\u00ad\u061c\u180e\u200b\u200e\u200f\u2060-\u2064\ufeff\ufff9-\ufffb]/g;
// Joiners are kept where they join (emoji sequences, scripts that need them) and dropped
// where they could only hide something, e.g. "Ki\u200drov".
const JOINER = /[\u200c\u200d]/g;
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the last code point before a joiner is meant, modifier or not.
const PICTO_BEFORE = /[\p{Extended_Pictographic}\u{1f3fb}-\u{1f3ff}\ufe0f]$/u;
const PICTO_AFTER = /^\p{Extended_Pictographic}/u;
const JOINING_LETTER = /[^\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Common}\p{Script=Inherited}]/u;
// Tag characters belong only to flag sequences (after U+1F3F4).
const TAGS = /(?<!\u{1f3f4}[\u{e0020}-\u{e007e}]*)[\u{e0000}-\u{e007f}]/gu;
const SUSPICIOUS = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]/u;

function dropStrayJoiners(text: string): string {
  return text.replace(JOINER, (j, offset: number, whole: string) => {
    const before = whole.slice(Math.max(0, offset - 2), offset);
    const after = whole.slice(offset + 1, offset + 3);
    if (j === '\u200d' && PICTO_BEFORE.test(before) && PICTO_AFTER.test(after)) return j;
    const b = Array.from(before).at(-1);
    const a = Array.from(after)[0];
    if (b && a && JOINING_LETTER.test(b) && JOINING_LETTER.test(a)) return j;
    return '';
  });
}

/** Removes escape sequences and control characters, escapes bidi controls, drops invisible ones; keeps newlines and tabs (U+2028 and U+2029 become newlines). */
export function sanitizeText(text: string): string {
  let s = text.replace(ESCAPES, '').replace(CONTROLS, '').replace(SEPARATORS, '\n');
  if (!SUSPICIOUS.test(s)) return s;
  s = s.replace(BIDI, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase()}>`).replace(INVISIBLE, '');
  return dropStrayJoiners(s).replace(TAGS, '');
}

/** Like sanitizeText, and folds newlines and tabs into spaces: for one-line fields. */
export function sanitizeLine(text: string): string {
  return sanitizeText(text).replace(/[\t\n]+/g, ' ');
}

/** A spreadsheet reads a cell starting with = + - @ (or a tab or CR before them) as a formula. */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * A CSV cell that a spreadsheet will not run: a leading formula character gets a quote
 * mark before it (OWASP's advice). Plain numbers ("-5", "+3") are left as they are.
 */
export function csvSafe(cell: string): string {
  return FORMULA.test(cell) && !/^[+-]?(\d[\d,.]*)?$/.test(cell) ? `'${cell}` : cell;
}
