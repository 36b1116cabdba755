/** `purges quiz --progress` and `--reset`: what has been learned, and deleting it. */
import type { Ctx } from '../cli/context.js';
import { emitRows } from '../cli/format.js';
import { PurgesError, UsageError } from '../errors.js';
import { recallChance } from '../quiz/schedule.js';
import { loadProgress, resetProgress } from '../quiz/storage.js';
import { formatWhen, progressByTopic } from '../quiz/summary.js';
import type { QuizOptions } from './quiz.js';

const percent = (x: number | undefined) => (x === undefined ? '-' : `${Math.round(x * 100)}%`);

export async function showProgress(opts: QuizOptions, path: string, ctx: Ctx): Promise<void> {
  const now = ctx.now();
  const { progress, notices, readOnly, newer } = await loadProgress(path, now);
  // Progress from a newer purges cannot be read here: say so, and fail.
  if (newer)
    throw new PurgesError(`cannot show quiz progress: it was saved by a newer version of purges (format ${newer}).`, 1, 'Update purges.');
  for (const n of [...notices, ...(readOnly ? [`purges: ${readOnly}`] : [])]) ctx.err.write(`${n}\n`);
  const rows = progressByTopic(progress, now, (c) => recallChance(c, now));
  if (rows.at(-1)!.cards === 0 && !opts.json) {
    if (readOnly) return;
    ctx.err.write("purges: no quiz progress yet. Start with 'purges quiz'.\n");
    return;
  }
  await emitRows(
    ctx,
    { json: opts.json },
    rows,
    [{ header: 'topic' }, { header: 'cards seen' }, { header: 'due now' }, { header: 'next due' }, { header: 'retention' }],
    (human) =>
      rows.map((r) => [
        r.topic,
        String(r.cards),
        String(r.due),
        r.nextDue ? (human ? formatWhen(r.nextDue) : r.nextDue) : '-',
        percent(r.retention),
      ]),
  );
  const due = rows.at(-1)!.due;
  if (due > 0 && !opts.json) ctx.err.write(`${due} card${due === 1 ? ' is' : 's are'} due: 'purges quiz --review' asks them first.\n`);
}

export async function reset(opts: QuizOptions, path: string, ctx: Ctx): Promise<void> {
  if (!opts.yes) {
    if (!ctx.stdinIsTTY)
      throw new UsageError('--reset needs confirmation, and there is no terminal to ask in', "Add --yes: 'purges quiz --reset --yes'.");
    const prompter = await ctx.prompter();
    const sure = await prompter.confirm('Delete all saved quiz progress?').finally(() => prompter.close());
    if (!sure) {
      ctx.err.write('Nothing deleted.\n');
      return;
    }
  }
  const cards = await resetProgress(path);
  ctx.err.write(`Quiz progress deleted (${cards} card${cards === 1 ? '' : 's'}).\n`);
}
