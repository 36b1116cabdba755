import { distance } from 'fastest-levenshtein';
import { byText } from './compare.js';

/** The candidates closest to a mistyped word, best first; none when nothing is close. */
export function suggest(input: string, candidates: readonly string[], max = 3): string[] {
  const needle = input.toLowerCase();
  const limit = Math.max(2, Math.floor(needle.length / 3));
  const close = candidates
    .map((c) => ({ c, d: distance(needle, c.toLowerCase()), prefix: needle.length >= 2 && c.toLowerCase().startsWith(needle) }))
    .filter((x) => x.d <= limit || x.prefix)
    .sort((a, b) => Number(b.prefix) - Number(a.prefix) || a.d - b.d || byText(a.c, b.c));
  // Only the closest: "kirv" suggests Kirov, not every name two letters away.
  const best = close[0];
  return close
    .filter((x) => x.prefix === best?.prefix && x.d <= best.d)
    .slice(0, max)
    .map((x) => x.c);
}

/** "Did you mean x or y?" or an empty string. */
export function didYouMean(options: readonly string[]): string {
  if (options.length === 0) return '';
  const list = options.length === 1 ? options[0]! : `${options.slice(0, -1).join(', ')} or ${options.at(-1)}`;
  return `Did you mean ${list}?`;
}
