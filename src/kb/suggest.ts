import { distance } from 'fastest-levenshtein';
import { NotFoundError } from '../errors.js';
import { byText } from './compare.js';

/** One swap of neighbouring letters ("kriov" for "kirov") counts as one edit, not two. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** Edit distance with adjacent swaps counted once (optimal string alignment for the common case). */
function editDistance(a: string, b: string): number {
  const d = distance(a, b);
  return d === 2 && swapped(a, b) ? 1 : d;
}

/** The candidates closest to a mistyped word, best first; none when nothing is close. */
export function suggest(input: string, candidates: readonly string[], max = 3): string[] {
  const needle = input.toLowerCase();
  // Edits allowed grow with the word: none for two letters ("qq" is like nothing), one up to
  // four ("kirv"), two up to eight ("kriov", "bukarin"), three beyond. And never more than a
  // third of the candidate itself, so short words do not look like everything.
  const limit = needle.length <= 2 ? 0 : needle.length <= 4 ? 1 : needle.length <= 8 ? 2 : 3;
  const close = candidates
    .map((c) => ({ c, d: editDistance(needle, c.toLowerCase()), prefix: needle.length >= 3 && c.toLowerCase().startsWith(needle) }))
    .filter((x) => x.prefix || (x.d <= limit && x.d * 3 <= Math.max(needle.length, x.c.length) + 1))
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

/**
 * The record with this id (trimmed, any case), or a NotFoundError that names the closest ids
 * ("Did you mean lenoe-2010?") and otherwise `hint`: the one lookup by id that claims, stats
 * and sources share.
 */
export function byIdOrSuggest<T extends { id: string }>(records: readonly T[], id: string, noun: string, hint: string): T {
  const key = id.trim().toLowerCase();
  const found = records.find((r) => r.id === key);
  if (found) return found;
  throw new NotFoundError(
    `no ${noun} with id "${id}"`,
    didYouMean(
      suggest(
        key,
        records.map((r) => r.id),
      ),
    ) || hint,
  );
}
