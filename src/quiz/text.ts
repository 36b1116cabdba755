/** Sentences of knowledge-base prose, for feedback that shows one deciding fact. */
import { normalize } from '../kb/normalize.js';

/** The sentences of a text; a full stop after an initial ("V. P. Popov") does not end one. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[a-z0-9)'"\]][.!?])\s+(?=["'(A-Z0-9])/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The first sentence. */
export function firstSentence(text: string): string {
  return sentences(text)[0] ?? text.trim();
}

/** Years (1800-2099) written in a text; "1932-33" gives both, "1937-1938" every year between. */
export function yearsIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\b(1[89]\d\d|20\d\d)(?:\s*[-–]\s*(\d{2,4}))?\b/g)) {
    const a = Number(m[1]);
    out.push(a);
    if (!m[2]) continue;
    const b = m[2].length === 2 ? Math.floor(a / 100) * 100 + Number(m[2]) : Number(m[2]);
    for (let y = a + 1; y <= b && y - a < 200; y++) out.push(y);
  }
  return out;
}

const normalizedCache = new Map<string, string>();

/**
 * normalize(), remembered: generation compares every role title and statistic label with
 * every other, and normalising the same few hundred strings again each time cost tens of ms.
 */
export function normalized(text: string): string {
  let n = normalizedCache.get(text);
  if (n === undefined) {
    n = normalize(text);
    normalizedCache.set(text, n);
  }
  return n;
}
