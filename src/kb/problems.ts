/** A problem found in a pack, and how it is shown (no zod here: the loader of checked packs uses it). */
import { DataError } from '../errors.js';

/** One problem, located by file (and line, for NDJSON) and by JSON path. */
export interface Problem {
  file: string;
  path: string;
  message: string;
}

/** `people.json: people[3].born: "1934-13-01" is not a valid date`; `people.ndjson:4: born: ...` */
export function formatProblem(p: Problem): string {
  return p.path ? `${p.file}: ${p.path}: ${p.message}` : `${p.file}: ${p.message}`;
}

/** How a duplicate id found in the data loaded before a pack is said (validate counts these). */
export const ALSO_LOADED = '(also in the data already loaded)';

/** How many problems a check collects before it stops: a 50 MB file of junk has millions. */
export const MAX_PROBLEMS = 1000;

/** The error that refuses a pack: the first problem, how many more, and how to see them all. */
export function refusal(problems: readonly string[], truncated: boolean, path = '<pack>'): DataError {
  const others = problems.length - 1;
  const more = others > 0 ? ` (and ${others}${truncated ? '+' : ''} more problem${others > 1 ? 's' : ''})` : '';
  return new DataError(`data pack refused: ${problems[0]}${more}`, problems, `Run 'purges validate ${path}' to list the problems.`);
}
