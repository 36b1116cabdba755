/**
 * Terminal display width, measured the way terminals draw text: by grapheme cluster (an
 * emoji ZWJ sequence or a Hangul syllable of jamo is one cell pair), with East Asian width.
 * The rules follow string-width 8 (tests compare the two). Every function here is linear in
 * its input: a 1 MB summary or a 5 MB name must not stall a card or a table.
 */
import { eastAsianWidth } from 'get-east-asian-width';

const ANSI = /\u001b\[[0-9;]*m/g;
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;
// Code points that can join a neighbour into one grapheme cluster, or that need the cluster
// rules below (emoji, Hangul jamo). Text without any of them is one cluster per code point,
// so it is measured without Intl.Segmenter, whose first use costs ~10 ms of start-up.
const CLUSTERING =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: single code points are meant, each of which can join a cluster.
  /[\p{M}\p{Extended_Pictographic}\u200c\u200d\u20e3\ufe00-\ufe0f\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\u{e0000}-\u{e0fff}]/u;
// Zero width: default-ignorable code points, controls, format characters, non-spacing and
// enclosing marks, lone surrogates.
const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Mn}\p{Me}\p{Cs}]$/u;
const VISIBLE = /[^\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Mn}\p{Me}\p{Cs}]/u;
const SPACING_MARK = /\p{Mc}/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/gu;
const KEYCAP = /^[\d#*]\ufe0f?\u20e3$/;
let rgiEmoji: RegExp | undefined;
let segmenter: Intl.Segmenter | undefined;

/** Removes colour codes (the only escapes our own renderers emit). */
export function stripAnsi(text: string): string {
  return text.includes('\u001b') ? text.replace(ANSI, '') : text;
}

/** Columns one code point takes on its own. */
function codePointWidth(cp: number, ch: string): number {
  if (cp < 0x300) return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0xad ? 0 : 1;
  if (INVISIBLE.test(ch)) return 0;
  return eastAsianWidth(cp, { ambiguousAsWide: false });
}

const isLeadingJamo = (cp: number) => (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0xa960 && cp <= 0xa97c);
const isVowelJamo = (cp: number) => (cp >= 0x1160 && cp <= 0x11a7) || (cp >= 0xd7b0 && cp <= 0xd7c6);
const isTrailingJamo = (cp: number) => (cp >= 0x11a8 && cp <= 0x11ff) || (cp >= 0xd7cb && cp <= 0xd7fb);
const isJamo = (cp: number) => isLeadingJamo(cp) || isVowelJamo(cp) || isTrailingJamo(cp);

/** Columns one grapheme cluster takes. */
export function clusterWidth(cluster: string): number {
  const first = cluster.codePointAt(0)!;
  if (cluster.length === 1 || (cluster.length === 2 && first > 0xffff)) return codePointWidth(first, cluster);
  const start = cluster.search(VISIBLE);
  if (start < 0) return 0;
  const visible = start === 0 ? cluster : cluster.slice(start);
  // A regular expression with the v flag: built on first need, so plain text never pays for it.
  // biome-ignore lint/complexity/useRegexLiterals: a /v literal needs TypeScript's ES2024 target; Node 20 runs it.
  rgiEmoji ??= new RegExp('^\\p{RGI_Emoji}$', 'v');
  if (rgiEmoji.test(cluster) || KEYCAP.test(cluster)) return 2;
  if (cluster.length <= 50 && cluster.includes('\u200d') && (cluster.match(PICTOGRAPHIC)?.length ?? 0) >= 2) return 2;
  const cps = Array.from(visible, (c) => c.codePointAt(0)!);
  if (isJamo(cps[0]!)) {
    let width = 0;
    for (let i = 0; i < cps.length; i++) {
      const cp = cps[i]!;
      if (!isJamo(cp)) {
        for (let j = i; j < cps.length; j++) width += codePointWidth(cps[j]!, String.fromCodePoint(cps[j]!));
        return width;
      }
      if (isLeadingJamo(cp) && cps[i + 1] !== undefined && isVowelJamo(cps[i + 1]!)) {
        width += 2;
        i += cps[i + 2] !== undefined && isTrailingJamo(cps[i + 2]!) ? 2 : 1;
        continue;
      }
      width += eastAsianWidth(cp, { ambiguousAsWide: false });
    }
    return width;
  }
  let width = eastAsianWidth(cps[0]!, { ambiguousAsWide: false });
  // Spacing marks and halfwidth/fullwidth forms inside a cluster take columns of their own.
  for (let i = 1; i < cps.length; i++) {
    const ch = String.fromCodePoint(cps[i]!);
    if (SPACING_MARK.test(ch) || (cps[i]! >= 0xff00 && cps[i]! <= 0xffef)) width += eastAsianWidth(cps[i]!, { ambiguousAsWide: false });
  }
  return width;
}

// ICU's segmenter slows down more than linearly on long runs of emoji (40,000 in a row took
// seconds), so long text is handed to it in pieces, cut where a cluster must start: before
// printable ASCII or a pictograph, never right after a joiner.
const PIECE = 256;
const PICTO_AT = /^\p{Extended_Pictographic}/u;

function clusterMayStartAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  const prev = text.charCodeAt(i - 1);
  if (prev === 0x200d || (code >= 0xdc00 && code <= 0xdfff)) return false;
  if (code >= 0x20 && code <= 0x7e) return true;
  return PICTO_AT.test(text.slice(i, i + 2));
}

function* pieces(text: string): Generator<string> {
  let start = 0;
  while (text.length - start > PIECE) {
    let cut = start + PIECE;
    while (cut < text.length && !clusterMayStartAt(text, cut)) cut++;
    yield text.slice(start, cut);
    start = cut;
  }
  if (start < text.length) yield text.slice(start);
}

/**
 * The grapheme clusters of a string. Text that cannot cluster (most text: Latin, Cyrillic,
 * CJK ideographs) is split by code point, which is the same split without the segmenter.
 */
export function clusters(text: string): Iterable<string> {
  if (!CLUSTERING.test(text)) return text;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const s = segmenter;
  return {
    *[Symbol.iterator]() {
      for (const piece of pieces(text)) for (const seg of s.segment(piece)) yield seg.segment;
    },
  };
}

/** Columns a string takes on a terminal, ignoring colour codes. */
export function displayWidth(text: string): number {
  const plain = stripAnsi(text);
  if (PRINTABLE_ASCII.test(plain)) return plain.length;
  let width = 0;
  if (!CLUSTERING.test(plain)) {
    for (const ch of plain) width += codePointWidth(ch.codePointAt(0)!, ch);
    return width;
  }
  for (const c of clusters(plain)) width += clusterWidth(c);
  return width;
}

/** The longest start of `text` (whole clusters) that fits in `width` columns; at least one cluster. */
export function takeWidth(text: string, width: number): string {
  if (PRINTABLE_ASCII.test(text)) return text.slice(0, Math.max(1, width));
  let end = 0;
  let used = 0;
  for (const c of clusters(text)) {
    const w = clusterWidth(c);
    if (used + w > width && end > 0) break;
    end += c.length;
    used += w;
  }
  return text.slice(0, end);
}

/** The mark that shows text was cut. */
export const CUT = '…';

/** Cuts plain text to at most `width` columns, ending with an ellipsis when cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  // Measuring a 5 MB string whole is wasted work when only its start can show.
  const head = text.length > width * 8 + 64 ? text.slice(0, width * 8 + 64) : text;
  if (head === text && displayWidth(text) <= width) return text;
  if (width === 1) return CUT;
  const kept = takeWidth(head, width - 1);
  return `${displayWidth(kept) > width - 1 ? '' : kept}${CUT}`;
}

/** Pads plain text with spaces to `width` columns. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Pads plain text with spaces on the left to `width` columns. */
export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/**
 * Where a range may break: after a spaced dash ("1 Aug 1937 - 15 Nov 1938") or after a dash
 * between two figures or years ("1937-1938", "950,000-1,200,000"), never inside a date or a
 * figure, and never in an ISO date ("1937-08-05": the part after the dash is too short).
 */
const RANGE_BREAK = /(?<= [-\u2013\u2014] )|(?<=\d{3}[-\u2013\u2014])(?=\d{3}|\d{1,3},\d{3})/;

/** A date or figure cell cut where a range may break, each separator kept with the part before it. */
export function rangeParts(text: string): string[] {
  return text.split(RANGE_BREAK);
}

/**
 * Wraps a date or figure cell to `width` columns, breaking only between the ends of a range;
 * a part wider than the width (never so in a fitted table) is wrapped as text.
 */
export function wrapRange(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const part of rangeParts(text)) {
    if (line !== '' && displayWidth(line + part.trimEnd()) > width) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += part;
  }
  if (line !== '') lines.push(line.trimEnd());
  return lines.flatMap((l) => (displayWidth(l) <= width ? [l] : wrap(l, width, '', '', { exact: true })));
}

/** How wrapping treats lines and words that do not fit. */
export interface WrapOptions {
  /** Use the width as given, however narrow (table cells); else keep 10 columns for text. */
  exact?: boolean;
  /** At most this many lines; the last one ends with the cut mark when text was left out. */
  maxLines?: number;
  /** A word longer than a line is broken over at most this many lines, then cut (default 4). */
  maxWordLines?: number;
}

/** Words kept together: wrapping never breaks at a no-break space (see keepTogether). */
const NBSP = '\u00a0';

/** Joins words with no-break spaces, so that wrap keeps them on one line ("(1934 - 1938)"). */
export function keepTogether(text: string): string {
  return text.replace(/ /g, NBSP);
}

/** The words of a line, one at a time: wrapping a megabyte to a few lines must not split all of it. */
function* spaceSeparated(line: string): Generator<string> {
  for (let start = 0; start < line.length; ) {
    let end = line.indexOf(' ', start);
    if (end < 0) end = line.length;
    if (end > start) yield line.slice(start, end);
    start = end + 1;
  }
}

/**
 * Wraps text to `width` columns at spaces, never inside a word or a colour code. Lines
 * start with `indent`; the first with `firstIndent` (a label, say) when given. A word
 * longer than a line is broken hard, and a very long one is cut with a visible mark.
 * Linear in the length of the text.
 */
export function wrap(text: string, width: number, indent = '', firstIndent = indent, exact: boolean | WrapOptions = false): string[] {
  const o: WrapOptions = typeof exact === 'boolean' ? { exact } : exact;
  const maxLines = o.maxLines ?? Number.POSITIVE_INFINITY;
  const maxWordLines = o.maxWordLines ?? 4;
  const lines: string[] = [];
  let prefix = firstIndent;
  const indentWidth = displayWidth(indent);
  const firstWidth = displayWidth(firstIndent);
  const roomFor = (first: boolean) => Math.max(o.exact ? 1 : 10, width - (first ? firstWidth : indentWidth));
  let line = '';
  let used = 0;
  let full = false;
  const flush = () => {
    if (lines.length >= maxLines) {
      full = true;
      return;
    }
    lines.push(prefix + line.replaceAll(NBSP, ' '));
    prefix = indent;
    line = '';
    used = 0;
  };
  const room = () => roomFor(lines.length === 0);
  /** Places one word; false once the lines are full. */
  const place = (word: string): boolean => {
    const w = displayWidth(word);
    if (used > 0 && used + 1 + w > room()) flush();
    if (full) return false;
    if (w <= room()) {
      line = used === 0 ? word : `${line} ${word}`;
      used += (used === 0 ? 0 : 1) + w;
      return true;
    }
    // Words kept together that cannot fit on any line are wrapped as words after all.
    if (word.includes(NBSP)) return word.split(NBSP).every((part) => part === '' || place(part));
    // A word wider than a line: break it over a few lines, then cut it with a mark.
    let rest = word;
    for (let n = 1; ; n++) {
      const r = room();
      if (n === maxWordLines) {
        line = truncate(rest, r);
        used = displayWidth(line);
        return true;
      }
      const head = takeWidth(rest, r);
      rest = rest.slice(head.length);
      if (rest === '') {
        line = head;
        used = displayWidth(head);
        return true;
      }
      line = head;
      flush();
      if (full) return false;
    }
  };
  outer: for (const paragraph of text.split('\n')) {
    for (const word of spaceSeparated(paragraph)) if (!place(word)) break outer;
    flush();
    if (full) break;
  }
  if (full && lines.length > 0) {
    const last = lines.length - 1;
    const room = roomFor(last === 0);
    const body = lines[last]!.slice((last === 0 ? firstIndent : indent).length);
    lines[last] = (last === 0 ? firstIndent : indent) + truncate(`${body} ${CUT}`, room);
  }
  return lines;
}
