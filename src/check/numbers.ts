/**
 * Numbers as texts write them: "681,692", "1.5 million", "one and a half million",
 * "ninety-three", "half a million", "70 per cent". Each becomes one `num` token.
 */
import type { Token } from './tokens.js';

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  millions: 1e6,
  mln: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
};
const FRACTIONS: Record<string, number> = { half: 0.5, quarter: 0.25, quarters: 0.25, third: 1 / 3, thirds: 1 / 3 };

const isWord = (t: Token | undefined, ...words: string[]) => t?.kind === 'word' && words.includes(t.low);
const isHyphen = (t: Token | undefined) => t?.kind === 'mark' && (t.low === '-' || t.low === '‐');
const isCount = (t: Token | undefined) => t?.kind === 'num' && !t.year && !t.ordinal;
// Abbreviated scales only count right after digits: "20m", "1.5 mln".
const ABBREVIATED = new Set(['m', 'mn', 'mln', 'bn']);

/** "half a", "a quarter of a", "three quarters of a": a fraction that a scale word must follow. */
function leadingFraction(tokens: readonly Token[], i: number): { value: number; length: number } | undefined {
  let j = i;
  let count = 1;
  if (isWord(tokens[j], 'a')) j++;
  else if (tokens[j]?.kind === 'word' && UNITS[tokens[j]!.low] !== undefined && FRACTIONS[tokens[j + 1]?.low ?? ''] !== undefined) {
    count = UNITS[tokens[j]!.low]!;
    j++;
  }
  const f = tokens[j]?.kind === 'word' ? FRACTIONS[tokens[j]!.low] : undefined;
  if (f === undefined) return undefined;
  j++;
  if (isWord(tokens[j], 'of')) j++;
  if (!isWord(tokens[j], 'a')) return undefined;
  return { value: count * f, length: j + 1 - i };
}

/** One number read from tokens[i..]: its value and how many tokens it took; undefined when none starts there. */
function readNumber(tokens: readonly Token[], i: number): { value: number; length: number; vague?: boolean } | undefined {
  const first = tokens[i]!;
  // "hundreds of thousands", "tens of millions", "millions of": a magnitude, not a figure.
  if (isWord(first, 'hundreds', 'tens', 'thousands', 'millions', 'dozens')) {
    let j = i + 1;
    while (isWord(tokens[j], 'of') && isWord(tokens[j + 1], 'thousands', 'millions')) j += 2;
    return { value: 0, length: j - i, vague: true };
  }
  let total = 0;
  let current = 0;
  let lastScale = 0;
  let needScale = false;
  let j = i;
  const fraction = leadingFraction(tokens, i);
  if (fraction) {
    current = fraction.value;
    j += fraction.length;
    needScale = true;
  } else if (isCount(first)) {
    current = first.value!;
    j++;
    needScale = true;
  } else if (isWord(first, 'a') && SCALES[tokens[i + 1]?.low ?? ''] !== undefined && !ABBREVIATED.has(tokens[i + 1]!.low)) {
    current = 1;
    j++;
    needScale = true;
  }
  for (;;) {
    const t = tokens[j];
    if (!t) break;
    const w = t.kind === 'word' ? t.low : '';
    const scale = SCALES[w];
    if (scale !== undefined && (j > i || fraction) && (!ABBREVIATED.has(w) || tokens[j - 1]?.kind === 'num')) {
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
        lastScale = scale;
      }
      needScale = false;
    } else if (UNITS[w] !== undefined && !(isCount(tokens[j - 1]) && j - 1 >= i)) {
      if (needScale) break;
      current += UNITS[w]!;
    } else if (isHyphen(t) && j > i && UNITS[tokens[j + 1]?.low ?? ''] !== undefined) {
      // ninety-three
    } else if (w === 'and' && j > i && isWord(tokens[j + 1], 'a') && FRACTIONS[tokens[j + 2]?.low ?? ''] !== undefined) {
      const f = FRACTIONS[tokens[j + 2]!.low]!;
      if (current > 0)
        current += f; // one and a half (million)
      else if (total > 0)
        total += f * lastScale; // a million and a half
      else break;
      j += 2;
    } else if (w === 'and' && j > i && !needScale && UNITS[tokens[j + 1]?.low ?? ''] !== undefined && (current >= 100 || total > 0)) {
      // one hundred and thirty-nine
    } else break;
    j++;
  }
  if (needScale || j === i || (j === i + 1 && isCount(first))) return undefined;
  return { value: total + current, length: j - i };
}

// Words a written-out number can start with; other words are passed over at once.
const STARTS_NUMBER = new Set([...Object.keys(UNITS), 'a', 'half', 'quarter', 'hundreds', 'tens', 'thousands', 'millions', 'dozens']);

/** Merges the tokens of written-out numbers into single `num` tokens; marks percentages. */
export function mergeNumbers(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const n = t.kind === 'num' || (t.kind === 'word' && STARTS_NUMBER.has(t.low)) ? readNumber(tokens, i) : undefined;
    // A lone "one" is usually not a figure ("one of the").
    if (n && !(n.length === 1 && t.low === 'one')) {
      const last = tokens[i + n.length - 1]!;
      out.push({ kind: 'num', start: t.start, end: last.end, low: t.low, key: t.key, cap: t.cap, value: n.value, vague: n.vague });
      i += n.length - 1;
    } else out.push(t);
    const made = out.at(-1)!;
    if (made.kind === 'num') {
      const next = tokens[i + 1];
      if (next?.low === '%' || (isWord(next, 'per') && isWord(tokens[i + 2], 'cent')) || isWord(next, 'percent')) made.percent = true;
    }
  }
  return out;
}
