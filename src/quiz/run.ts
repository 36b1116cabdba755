/** `purges quiz`: choose the mode, then generate, ask, save or print. */
import type { Ctx } from '../cli/context.js';
import type { QuizOptions } from '../commands/quiz.js';
import { emit, emitJson } from '../cli/emit.js';
import { emitRows } from '../cli/format.js';
import { InterruptError, UsageError, ExitCode } from '../errors.js';
import { compareDates } from '../kb/dates.js';
import type { Kb } from '../kb/model.js';
import { shortCite } from '../render/cite.js';
import { renderWorksheet, worksheetJson } from '../render/worksheet.js';
import { generateQuestions, questionFromId, type QuizScope } from './generate.js';
import type { Question } from './question.js';
import { seededRandom, type Random } from './random.js';
import { renderSummary, runSession, type SessionResult } from './session.js';
import { loadProgress, progressPath, resetProgress } from './storage.js';
import { dueCards, progressByTopic } from './summary.js';

function checkModes(opts: QuizOptions): void {
  const modes = (['worksheet', 'progress', 'reset', 'review'] as const).filter((m) => opts[m]);
  if (modes.length > 1) throw new UsageError(`--${modes[0]} and --${modes[1]} cannot be used together`, 'Choose one.');
  if (opts.from && opts.to && compareDates(opts.to, opts.from) < 0)
    throw new UsageError(`--from ${opts.from} is after --to ${opts.to}`, 'Swap them.');
  if (opts.format && !opts.worksheet)
    throw new UsageError('--format goes with --worksheet', "E.g. 'purges quiz --worksheet --format json'.");
}

/** A seed a teacher can write down: six letters and digits from the random source. */
function freshSeed(random: Random): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: 6 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
}

const citeWith = (kb: Kb) => (ids: readonly string[]) => ids.map((id) => shortCite(kb.source(id))).join('; ');

/** Runs the quiz in the mode the options ask for. */
export async function runQuiz(opts: QuizOptions, ctx: Ctx): Promise<void> {
  checkModes(opts);
  const scope: QuizScope = { topic: opts.topic, from: opts.from, to: opts.to };
  if (opts.worksheet) return worksheet(opts, scope, ctx);
  const path = await progressPath(ctx.env);
  if (opts.progress) return showProgress(opts, path, ctx);
  if (opts.reset) return reset(opts, path, ctx);
  return interactive(opts, scope, path, ctx);
}

async function worksheet(opts: QuizOptions, scope: QuizScope, ctx: Ctx): Promise<void> {
  const kb = await ctx.kb();
  const seed = opts.seed ?? freshSeed(ctx.random);
  const questions = generateQuestions(kb, scope, opts.count, seededRandom(seed));
  if (questions.length === 0)
    throw new UsageError('no questions can be made for this topic and period', 'Widen --from/--to or choose another --topic.');
  const meta = { seed, topic: opts.topic, cite: citeWith(kb) };
  if (opts.format === 'json') return emitJson(ctx, worksheetJson(questions, meta));
  await emit(ctx, renderWorksheet(questions, meta));
}

async function showProgress(opts: QuizOptions, path: string, ctx: Ctx): Promise<void> {
  const { progress, notice } = loadProgress(path, ctx.now());
  if (notice) ctx.err.write(`${notice}\n`);
  const rows = progressByTopic(progress, ctx.now());
  if (rows.at(-1)!.cards === 0 && !opts.json) {
    ctx.err.write("purges: no quiz progress yet. Start with 'purges quiz'.\n");
    return;
  }
  await emitRows(
    ctx,
    { json: opts.json },
    rows,
    [{ header: 'topic' }, { header: 'cards seen' }, { header: 'due now' }, { header: 'answers' }, { header: 'accuracy' }],
    () =>
      rows.map((r) => [
        r.topic,
        String(r.cards),
        String(r.due),
        String(r.answered),
        r.accuracy === undefined ? '-' : `${Math.round(r.accuracy * 100)}%`,
      ]),
  );
}

async function reset(opts: QuizOptions, path: string, ctx: Ctx): Promise<void> {
  if (!opts.yes) {
    if (!ctx.stdinIsTTY)
      throw new UsageError('--reset needs confirmation, and there is no terminal to ask in', "Add --yes: 'purges quiz --reset --yes'.");
    const prompter = await ctx.prompter();
    if (!(await prompter.confirm('Delete all saved quiz progress?'))) {
      ctx.err.write('Nothing deleted.\n');
      return;
    }
  }
  const cards = resetProgress(path, ctx.now());
  ctx.err.write(`Quiz progress deleted (${cards} card${cards === 1 ? '' : 's'}).\n`);
}

/** Due cards first (for --review), then new questions to make up the count. */
function chooseQuestions(kb: Kb, opts: QuizOptions, scope: QuizScope, random: Random, due: readonly string[]): Question[] {
  const review: Question[] = [];
  if (opts.review) {
    for (const id of due) {
      if (review.length >= opts.count) break;
      const q = questionFromId(kb, id, random);
      if (q && (opts.topic === 'all' || q.topic === opts.topic)) review.push(q);
    }
  }
  const fresh = generateQuestions(kb, scope, opts.count - review.length, random, new Set(review.map((q) => q.id)));
  return [...review, ...fresh];
}

async function interactive(opts: QuizOptions, scope: QuizScope, path: string, ctx: Ctx): Promise<void> {
  if (!ctx.stdinIsTTY || !ctx.out.isTTY) {
    throw new UsageError(
      'purges quiz asks its questions in a terminal, and this is not one',
      "For a printable quiz use 'purges quiz --worksheet'.",
    );
  }
  const kb = await ctx.kb();
  const startedAt = ctx.now();
  const { progress, notice } = loadProgress(path, startedAt);
  if (notice) ctx.err.write(`${notice}\n`);
  const random = opts.seed ? seededRandom(opts.seed) : ctx.random;
  const due = dueCards(progress, startedAt).map((c) => c.id);
  const questions = chooseQuestions(kb, opts, scope, random, due);
  if (questions.length === 0)
    throw new UsageError('no questions can be made for this topic and period', 'Widen --from/--to or choose another --topic.');
  if (opts.review)
    ctx.out.write(
      ctx.style.dim(
        `${Math.min(due.length, questions.length)} card(s) due for review, ${Math.max(0, questions.length - due.length)} new.\n\n`,
      ),
    );

  const result: SessionResult = { asked: 0, correct: 0, missed: [], startedAt };
  // The scheduler (ts-fsrs) and the atomic writer load while the first question waits for
  // its answer, not before it is shown.
  const recording = Promise.all([import('./schedule.js'), import('./save.js')]);
  const prompter = await ctx.prompter();
  const summary = () => renderSummary(result, ctx.now(), ctx.style);
  // Saves are synchronous, so a signal never lands in the middle of one.
  const onTerm = () => {
    ctx.out.write(`\n${summary()}`);
    process.exit(ExitCode.terminated);
  };
  process.once('SIGTERM', onTerm);
  try {
    await runSession(
      questions,
      {
        prompter,
        write: (s) => ctx.out.write(s),
        style: ctx.style,
        now: ctx.now,
        cite: citeWith(kb),
        width: ctx.out.columns,
        onAnswer: async (q, correct) => {
          const [{ recordAnswer }, { saveProgress }] = await recording;
          progress.cards[q.id] = recordAnswer(progress.cards[q.id], q, correct, ctx.now());
          saveProgress(path, progress);
        },
      },
      result,
    );
  } catch (e) {
    if (e instanceof InterruptError) ctx.out.write(`\n${summary()}`);
    throw e;
  } finally {
    process.removeListener('SIGTERM', onTerm);
  }
  ctx.out.write(summary());
}
