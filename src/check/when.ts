/**
 * Dates as texts write them, at the precision written: "on 15 March 1938", "March 15, 1938",
 * "in March 1938", "in 1938", "spring 1940", "1937-38", "between 1937 and 1938", "the 1930s".
 * Each becomes a span of partial ISO dates (see kb/dates.ts), so "in 1938" stays a year.
 */
import { daysInMonth } from '../kb/dates.js';
import type { Token } from './tokens.js';

/** A date found in a sentence: the partial dates it spans and the tokens it covers. */
export interface DateMention {
  /** Partial ISO dates; equal for a single date. */
  from: string;
  to: string;
  /** Token indexes: first (the date itself, not its preposition) and one past the last. */
  at: number;
  end: number;
  /** The word just before the date ("in", "on", "after", "by"...), lowercased. */
  prep?: string;
  /** The date is approximate ("early 1938", "about 1938", "the late 1930s"). */
  vague?: boolean;
}

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const SEASONS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11] };
const VAGUE = new Set([
  'early',
  'late',
  'mid',
  'about',
  'around',
  'circa',
  'c',
  'ca',
  'approximately',
  'roughly',
  'end',
  'beginning',
  'middle',
]);

/** A number token (its value is set). */
type NumberToken = Token & { kind: 'num'; value: number };

const pad = (n: number) => String(n).padStart(2, '0');
const isYear = (t: Token | undefined): t is NumberToken => t?.kind === 'num' && t.year === true && t.value! >= 1800 && t.value! <= 2100;
const isDay = (t: Token | undefined): t is NumberToken =>
  t?.kind === 'num' && !t.year && Number.isInteger(t.value) && t.value! >= 1 && t.value! <= 31 && /^\d{1,2}(?:st|nd|rd|th)?$/.test(t.low);
const isDash = (t: Token | undefined) => t?.kind === 'mark' && '-–—‐'.includes(t.low);

/** The month a token names; "May" and "March" only when capitalised (else they are a verb). */
function monthOf(t: Token | undefined): number | undefined {
  if (t?.kind !== 'word') return undefined;
  const m = MONTHS[t.low];
  if (m === undefined) return undefined;
  if ((t.low === 'may' || t.low === 'march' || t.low.length <= 4) && !t.cap) return undefined;
  return m;
}

/** A month name, allowing an abbreviation's full stop ("Dec. 1934"). */
function monthAt(tokens: readonly Token[], i: number): { month: number; next: number } | undefined {
  const month = monthOf(tokens[i]);
  if (month === undefined) return undefined;
  return { month, next: tokens[i + 1]?.low === '.' ? i + 2 : i + 1 };
}

function dayDate(year: number, month: number, day: number): string | undefined {
  return day <= daysInMonth(year, month) ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

/** Reads one date starting at token i. */
function readDate(tokens: readonly Token[], i: number): Omit<DateMention, 'prep' | 'vague'> | undefined {
  const t = tokens[i]!;
  if (t.kind === 'date' && t.iso) return { from: t.iso, to: t.iso, at: i, end: i + 1 };
  // 15 March 1938, 15th of March 1938, 19-24 August 1936
  if (isDay(t)) {
    let j = i + 1;
    let lastDay = t.value!;
    if (isDash(tokens[j]) && isDay(tokens[j + 1])) {
      lastDay = tokens[j + 1]!.value!;
      j += 2;
    }
    if (tokens[j]?.low === 'of') j++;
    const m = monthAt(tokens, j);
    if (m) {
      let k = m.next;
      if (tokens[k]?.low === ',') k++;
      const y = tokens[k];
      if (isYear(y)) {
        const from = dayDate(y.value!, m.month, t.value!);
        const to = dayDate(y.value!, m.month, lastDay);
        if (from && to && lastDay >= t.value!) return { from, to, at: i, end: k + 1 };
      }
    }
    return undefined;
  }
  const m = monthAt(tokens, i);
  if (m) {
    // March 15, 1938
    if (isDay(tokens[m.next])) {
      let k = m.next + 1;
      if (tokens[k]?.low === ',') k++;
      const y = tokens[k];
      if (isYear(y)) {
        const d = dayDate(y.value!, m.month, tokens[m.next]!.value!);
        return d ? { from: d, to: d, at: i, end: k + 1 } : undefined;
      }
      return undefined;
    }
    // March 1938, March of 1938, April-May 1940, April to May 1940
    let k = m.next;
    let lastMonth = m.month;
    if ((isDash(tokens[k]) || tokens[k]?.low === 'to' || tokens[k]?.low === 'and') && monthAt(tokens, k + 1)) {
      const m2 = monthAt(tokens, k + 1)!;
      lastMonth = m2.month;
      k = m2.next;
    }
    if (tokens[k]?.low === 'of') k++;
    const y = tokens[k];
    if (isYear(y) && lastMonth >= m.month)
      return { from: `${y.value}-${pad(m.month)}`, to: `${y.value}-${pad(lastMonth)}`, at: i, end: k + 1 };
    return undefined;
  }
  // spring 1940, the summer of 1937
  if (t.kind === 'word' && SEASONS[t.low]) {
    let k = i + 1;
    if (tokens[k]?.low === 'of') k++;
    const y = tokens[k];
    if (!isYear(y)) return undefined;
    const [a, b] = SEASONS[t.low]!;
    return { from: `${y.value}-${pad(a)}`, to: `${y.value}-${pad(b)}`, at: i, end: k + 1 };
  }
  // between 1937 and 1938, from 1937 to 1938
  if ((t.low === 'between' || t.low === 'from') && isYear(tokens[i + 1])) {
    const y1 = tokens[i + 1]!.value!;
    const sep = tokens[i + 2]?.low;
    const y2 = tokens[i + 3];
    if (
      ((t.low === 'between' && sep === 'and') || (t.low === 'from' && (sep === 'to' || sep === 'until'))) &&
      isYear(y2) &&
      y2.value! >= y1
    )
      return { from: String(y1), to: String(y2.value), at: i, end: i + 4 };
    return undefined;
  }
  if (isYear(t)) {
    const y = t.value!;
    const next = tokens[i + 1];
    // the 1930s
    if (next?.kind === 'word' && next.low === 's' && next.start === t.end && y % 10 === 0)
      return { from: String(y), to: String(y + 9), at: i, end: i + 2 };
    // 1937-1938, 1937-38, 1937 and 1938, 1937 to 1938
    if (isDash(next) || next?.low === 'to' || next?.low === 'and') {
      const n = tokens[i + 2];
      if (isYear(n) && n.value! > y && n.value! - y < 100) return { from: String(y), to: String(n.value), at: i, end: i + 3 };
      if (isDash(next) && n?.kind === 'num' && /^\d{2}$/.test(n.low)) {
        const y2 = Math.floor(y / 100) * 100 + n.value!;
        if (y2 > y) return { from: String(y), to: String(y2), at: i, end: i + 3 };
      }
    }
    return { from: String(y), to: String(y), at: i, end: i + 1 };
  }
  return undefined;
}

/** Every date in a sentence's tokens, in order; none overlaps another. */
export function findDates(tokens: readonly Token[]): DateMention[] {
  const out: DateMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const d = readDate(tokens, i);
    if (!d) continue;
    let p = d.at - 1;
    // "the end of 1938", "the spring of": skip "the", "of" to the word that says how vague.
    while (p >= 0 && (tokens[p]!.low === 'the' || tokens[p]!.low === 'of')) p--;
    const before = tokens[d.at - 1]?.kind === 'word' ? tokens[d.at - 1]!.low : undefined;
    const hint = p >= 0 && tokens[p]!.kind === 'word' ? tokens[p]!.low : undefined;
    out.push({ ...d, prep: before, vague: (hint !== undefined && VAGUE.has(hint)) || undefined });
    i = d.end - 1;
  }
  return out;
}
