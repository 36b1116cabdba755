/** Option parsers shared by commands: each turns text into a typed value or a UsageError. */
import { UsageError } from '../errors.js';
import { parseDate } from '../kb/dates.js';
import { didYouMean, suggest } from '../kb/suggest.js';
import { sanitizeLine } from '../render/sanitize.js';

/** `--from 1937` or `--from 1937-07`: a year or a year and month between 1800 and 2100. */
export function parseYearOption(flag: string) {
  return (value: string): string => {
    const d = /^\d{4}(-\d{2})?$/.test(value) ? parseDate(value) : undefined;
    if (!d || d.year < 1800 || d.year > 2100)
      throw new UsageError(`${flag} expects a year like 1937 or a month like 1937-07, got "${value}"`);
    return value;
  };
}

/** A whole number within bounds, e.g. `--limit 20`. */
export function parseIntOption(flag: string, min: number, max: number) {
  return (value: string): number => {
    const n = /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max)
      throw new UsageError(`${flag} expects a whole number from ${min} to ${max}, got "${value}"`);
    return n;
  };
}

/** A parser that knows its values, so that shell completion can offer them. */
export type ChoiceParser<R> = ((value: string, previous?: R) => R) & { choices: readonly string[] };

/** The values a parser accepts, when it is a choice parser. */
export function choicesOf(parser: unknown): readonly string[] | undefined {
  return typeof parser === 'function' ? (parser as Partial<ChoiceParser<unknown>>).choices : undefined;
}

/** One value of a closed list, with "did you mean" for a typo. */
export function parseChoice<T extends string>(flag: string, choices: readonly T[]): ChoiceParser<T> {
  const parse = (value: string): T => {
    if ((choices as readonly string[]).includes(value)) return value as T;
    const hint = didYouMean(suggest(value, choices)) || `Choose one of: ${choices.join(', ')}.`;
    throw new UsageError(`${flag} does not accept "${sanitizeLine(value)}"`, hint);
  };
  return Object.assign(parse, { choices });
}

/** A repeatable choice option (`--category trial --category party`), also comma-separated. */
export function collectChoices<T extends string>(flag: string, choices: readonly T[]): ChoiceParser<T[]> {
  const one = parseChoice(flag, choices);
  const parse = (value: string, previous: T[] = []): T[] => [...previous, ...value.split(',').map((v) => one(v.trim()))];
  return Object.assign(parse, { choices });
}

/** Collects a repeatable string option. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A non-empty free-text query, e.g. a person's name. */
export function requireQuery(value: string, what: string): string {
  const q = value.trim();
  if (q === '') throw new UsageError(`the ${what} is empty`, `Give a name or a word, e.g. 'purges person kirov'.`);
  if (q.length > 200) throw new UsageError(`the ${what} is too long (${q.length} characters; at most 200)`);
  return q;
}
