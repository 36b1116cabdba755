/** `purges quiz --worksheet`: a printable sheet (Markdown or JSON), its key on its own page or in a file. */
import type { Ctx } from '../cli/context.js';
import { emit, emitJson } from '../cli/emit.js';
import { isStandardOutput, writeUserFile } from '../cli/write-file.js';
import { UsageError } from '../errors.js';
import { generateQuestions } from '../quiz/generate.js';
import { seededRandom, type Random } from '../quiz/random.js';
import type { QuizScope } from '../quiz/scope.js';
import { storageError } from '../quiz/storage-errors.js';
import { renderAnswerKey, renderWorksheet, worksheetJson } from '../render/worksheet.js';
import type { QuizOptions } from './quiz.js';
import { citeWith, noQuestions } from './quiz-run.js';
import { shellWord } from '../render/shell-word.js';

/** A seed a teacher can write down: six letters and digits from the random source. */
function freshSeed(random: Random): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: 6 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
}

/** The command that prints the same sheet again: data packs, then every quiz option, the seed included. */
export function reprintCommand(opts: QuizOptions, seed: string, dataPaths: readonly string[]): string {
  const args = [...dataPaths.flatMap((p) => ['--data', p]), 'quiz', '--worksheet', '--count', String(opts.count), '--topic', opts.topic];
  if (opts.from) args.push('--from', opts.from);
  if (opts.to) args.push('--to', opts.to);
  args.push('--seed', seed);
  if (opts.format) args.push('--format', opts.format);
  if (opts.key) args.push('--key', opts.key);
  return ['purges', ...args.map(shellWord)].join(' ');
}

/** A --key that names no file, or the worksheet's own output, would lose the key or the sheet: refused. */
function checkKeyFile(key: string | undefined): void {
  if (key === undefined) return;
  const hint = "Name another file, or leave --key out to put the key on the sheet's last page.";
  if (key.trim() === '') throw new UsageError('--key needs a file name', hint);
  let stdout = key === '-';
  try {
    stdout ||= isStandardOutput(key);
  } catch {
    // A path that cannot be looked at fails when written, with the reason.
  }
  if (stdout) throw new UsageError('--key names standard output, where the worksheet goes', hint);
}

export async function worksheet(opts: QuizOptions, scope: QuizScope, ctx: Ctx): Promise<void> {
  checkKeyFile(opts.key);
  const kb = await ctx.kb();
  const seed = opts.seed ?? freshSeed(ctx.random);
  const questions = generateQuestions(kb, scope, opts.count, seededRandom(seed));
  if (questions.length === 0) throw noQuestions(scope);
  const meta = {
    seed,
    topic: opts.topic,
    from: opts.from,
    to: opts.to,
    command: reprintCommand(opts, seed, ctx.dataPaths),
    cite: citeWith(kb),
  };
  if (opts.format === 'json') return emitJson(ctx, worksheetJson(questions, meta));
  if (opts.key !== undefined) {
    try {
      writeUserFile(opts.key, renderAnswerKey(questions, meta));
    } catch (e) {
      throw storageError(e, 'write the answer key to', opts.key, 'choose another file for --key');
    }
  }
  await emit(ctx, renderWorksheet(questions, meta, !!opts.key));
}
