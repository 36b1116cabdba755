/**
 * Fitting a table to the terminal: which columns to show, in which form, and how wide.
 * Pure arithmetic over cell widths, so that it can be tested without drawing anything.
 */
import { displayWidth, rangeParts } from './width.js';

/**
 * What a column holds, which decides how it may give way on a narrow terminal:
 * - `id`: never broken (ids are what users copy);
 * - `date`, `number`: a date or a figure is never broken (they misread when split), but a
 *   range of them may break between its ends ("1 Aug 1937 -" over "15 Nov 1938");
 * - `word`: a word or two (a fate, a verdict), broken only between words;
 * - `text`: free text, which wraps; the widest text column gives way first.
 */
export type ColumnKind = 'id' | 'date' | 'number' | 'word' | 'text';

/** A column: its header and how it fits. */
export interface Column {
  header: string;
  /** Default `text`. */
  kind?: ColumnKind;
  /** The most columns a `text` column takes, however long its cells. */
  max?: number;
  /** The fewest columns a `text` column is given before lower-value columns are left out (default 16). */
  min?: number;
  /** Left out on a narrow terminal, lowest first; undefined: always shown. */
  drop?: number;
  /** A shorter form of a cell, used on a narrow terminal before any column is left out. */
  short?: (cell: string) => string;
  /** In the card layout, part of each card's heading (default: the first column alone). */
  heading?: boolean;
}

/** The shape a table takes at a width. */
export type Fitted =
  | {
      layout: 'table';
      /** Indexes of the columns shown, in order. */
      shown: number[];
      /** Content width of each shown column (borders and padding excluded). */
      widths: number[];
      /** Whether cells are in their short form. */
      short: boolean;
    }
  | { layout: 'cards' };

/** Below this width a table is shown as cards: one block per row. */
export const CARDS_BELOW = 50;

// Text columns never go narrower than this, even when their words are shorter.
const MIN_TEXT = 8;
// Text keeps this much room before a range is broken over two lines.
const ROOMY_TEXT = 30;
// Before short forms and left-out columns are tried, text keeps at least this much room.
const COMFORTABLE_TEXT = 16;

/** The widest space-separated word, without splitting the cell into an array (cells may be megabytes). */
function longestWord(cell: string): number {
  const ascii = /^[\u0020-\u007e]*$/.test(cell);
  let best = 0;
  for (let start = 0; start <= cell.length; ) {
    let end = cell.indexOf(' ', start);
    if (end < 0) end = cell.length;
    const length = end - start;
    // A word's width is at most twice its length in UTF-16 units.
    if (ascii ? length > best : length * 2 > best) best = Math.max(best, ascii ? length : displayWidth(cell.slice(start, end)));
    start = end + 1;
  }
  return best;
}

/**
 * Widths per column: what the cells want, the narrowest each may go at each stage, and the
 * widest each is made at a stage before spare room is handed out (a broken range is made
 * no wider than its widest end, so that the room goes to text).
 */
type Measured = { natural: number; floors: number[]; caps: number[] };

/**
 * Measures every column once in each form (full and short): fitting tries several layouts,
 * and a 5 MB cell must not be measured for each of them.
 */
function measurer(columns: readonly Column[], rows: readonly (readonly string[])[]) {
  const cache = new Map<string, Measured>();
  const one = (i: number, short: boolean): Measured => {
    const key = `${i}:${short && columns[i]!.short ? 1 : 0}`;
    let m = cache.get(key);
    if (m) return m;
    const col = columns[i]!;
    const kind = col.kind ?? 'text';
    let natural = displayWidth(col.header);
    let word = longestWord(col.header);
    const ranged = kind === 'date' || kind === 'number';
    // The widest end of a range: what a date or figure column needs once ranges may break.
    let part = natural;
    for (const r of rows) {
      const raw = r[i] ?? '';
      const cell = short && col.short ? col.short(raw) : raw;
      const width = displayWidth(cell);
      natural = Math.max(natural, width);
      if (kind === 'text' || kind === 'word') word = Math.max(word, longestWord(cell));
      if (ranged && width > part) for (const p of rangeParts(cell)) part = Math.max(part, displayWidth(p.trimEnd()));
    }
    if (kind === 'text' && col.max !== undefined) natural = Math.min(natural, Math.max(col.max, longestWord(col.header)));
    const text = kind === 'text';
    // Stage 0: text roomy, ranges whole; 1: ranges broken between their ends before text is
    // cramped; 2: text no narrower than its longest word, ranges whole again (a short range
    // is not broken to save a column or two); 3: and ranges broken; 4: words of `word`
    // columns go on lines of their own; 5: long words in text are broken (before cards).
    const roomy = Math.min(natural, Math.max(ROOMY_TEXT, word, col.min ?? 0));
    const comfortable = Math.min(natural, Math.max(COMFORTABLE_TEXT, word, col.min ?? 0));
    const words = kind === 'word' ? Math.min(natural, word) : ranged ? part : natural;
    const broken = ranged ? part : natural;
    const floors = [
      text ? roomy : natural,
      text ? roomy : broken,
      text ? comfortable : natural,
      text ? comfortable : broken,
      text ? comfortable : words,
      text ? Math.min(natural, MIN_TEXT) : words,
    ];
    // A broken range is made no wider than its widest end at first, so that the room goes to text.
    const caps = floors.map((f, s) => (ranged && s !== 0 && s !== 2 ? f : natural));
    m = { natural, floors, caps };
    cache.set(key, m);
    return m;
  };
  return (shown: readonly number[], short: boolean) => shown.map((i) => one(i, short));
}

/**
 * Shrinks the widest columns first (a water level over their widths, no column below its
 * floor at the stage) until the total fits the budget; undefined when the floors do not fit.
 */
function shrink(cols: readonly Measured[], budget: number, stages: readonly number[]): number[] | undefined {
  const total = (ws: readonly number[]) => ws.reduce((a, b) => a + b, 0);
  const naturals = cols.map((c) => c.natural);
  if (total(naturals) <= budget) return naturals;
  for (const s of stages) {
    const floors = cols.map((c) => c.floors[s]!);
    const caps = cols.map((c) => c.caps[s]!);
    if (total(floors) > budget) continue;
    // The highest level L such that sum(max(floor, min(cap, L))) <= budget.
    const at = (level: number) => cols.map((_, i) => Math.max(floors[i]!, Math.min(caps[i]!, level)));
    let lo = 0;
    let hi = Math.max(...caps);
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (total(at(mid)) <= budget) lo = mid;
      else hi = mid - 1;
    }
    const result = at(lo);
    // Spare columns go to those cut at the level, left to right; what is left over then
    // makes broken ranges whole again, the nearest first (a part of what one needs is wasted).
    let spare = budget - total(result);
    for (let i = 0; i < result.length && spare > 0; i++) {
      if (result[i]! < caps[i]!) {
        result[i]! += 1;
        spare -= 1;
      }
    }
    const short = result.map((w, i) => ({ i, need: cols[i]!.natural - w })).filter((c) => c.need > 0);
    for (const { i, need } of short.sort((a, b) => a.need - b.need)) {
      if (need > spare) break;
      result[i]! += need;
      spare -= need;
    }
    return result;
  }
  return undefined;
}

/**
 * The layout for a width: every column if they fit (the widest text column giving way
 * first), else short forms, else without the lowest-value columns; cards when the width is
 * below CARDS_BELOW or nothing else fits.
 */
export function fitTable(columns: readonly Column[], rows: readonly (readonly string[])[], width: number): Fitted {
  if (width < CARDS_BELOW) return { layout: 'cards' };
  const measure = measurer(columns, rows);
  const droppable = columns
    .map((c, i) => ({ i, drop: c.drop }))
    .filter((c): c is { i: number; drop: number } => c.drop !== undefined)
    .sort((a, b) => a.drop - b.drop);
  const hasShort = columns.some((c) => c.short);
  let shown = columns.map((_, i) => i);
  const attempts: Array<{ shown: number[]; short: boolean }> = [{ shown, short: false }];
  if (hasShort) attempts.push({ shown, short: true });
  for (const d of droppable) {
    shown = shown.filter((i) => i !== d.i);
    attempts.push({ shown, short: hasShort });
  }
  // Breaking a range and narrowing text come before short forms and leaving columns out;
  // those come before breaking a fate or a basis over lines, and that before breaking long words.
  for (const stages of [[0, 1, 2, 3], [4], [5]]) {
    for (const a of attempts) {
      // Each column has a border on its left and one space of padding on each side; one more border closes the row.
      const budget = width - 1 - a.shown.length * 3;
      const widths = shrink(measure(a.shown, a.short), budget, stages);
      if (widths) return { layout: 'table', shown: a.shown, widths, short: a.short };
    }
  }
  return { layout: 'cards' };
}
