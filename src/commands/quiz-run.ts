/** `purges quiz`: checks the options, then runs the mode they ask for. */
import type { Ctx } from '../cli/context.js';
import { UsageError } from '../errors.js';
import { compareDates } from '../kb/dates.js';
import type { Kb } from '../kb/model.js';
import type { QuizScope } from '../quiz/scope.js';
import { progressPath } from '../quiz/progress-path.js';
import { shortCite } from '../render/cite.js';
import type { QuizOptions } from './quiz.js';

function checkModes(opts: QuizOptions): void {
  const modes = (['worksheet', 'progress', 'reset', 'review'] as const).filter((m) => opts[m]);
  if (modes.length > 1) throw new UsageError(`--${modes[0]} and --${modes[1]} cannot be used together`, 'Choose one.');
  if (opts.from && opts.to && compareDates(opts.to, opts.from) < 0)
    throw new UsageError(`--from ${opts.from} is after --to ${opts.to}`, 'Swap them.');
  if (opts.format && !opts.worksheet)
    throw new UsageError('--format goes with --worksheet', "E.g. 'purges quiz --worksheet --format json'.");
  if (opts.key && !opts.worksheet)
    throw new UsageError('--key goes with --worksheet', "E.g. 'purges quiz --worksheet --key key.md > sheet.md'.");
  if (opts.key && opts.format === 'json')
    throw new UsageError('--key goes with the Markdown worksheet', 'The JSON worksheet holds its answers already.');
}

/** Short citations of source ids: "Lenoe 2010; Conquest 1990". */
export const citeWith = (kb: Kb) => (ids: readonly string[]) => ids.map((id) => shortCite(kb.source(id))).join('; ');

/** The error for a topic and period that give no question, the same for every topic. */
export function noQuestions(scope: QuizScope): UsageError {
  const period =
    scope.from || scope.to
      ? ` ${scope.from ? `from ${scope.from}` : ''}${scope.from && scope.to ? ' ' : ''}${scope.to ? `to ${scope.to}` : ''}`
      : '';
  return new UsageError(`no questions can be made for topic "${scope.topic}"${period}`, 'Widen --from/--to or choose another --topic.');
}

/** Runs the quiz in the mode the options ask for. */
export async function runQuiz(opts: QuizOptions, ctx: Ctx): Promise<void> {
  checkModes(opts);
  const scope: QuizScope = { topic: opts.topic, from: opts.from, to: opts.to };
  if (opts.worksheet) return (await import('./quiz-worksheet.js')).worksheet(opts, scope, ctx);
  const path = await progressPath(ctx.env);
  if (opts.progress) return (await import('./quiz-progress.js')).showProgress(opts, path, ctx);
  if (opts.reset) return (await import('./quiz-progress.js')).reset(opts, path, ctx);
  return (await import('./quiz-interactive.js')).interactive(opts, scope, path, ctx);
}
