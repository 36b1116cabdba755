/**
 * The interactive quiz: choose the questions (due cards first for --review), ask them, save
 * each answer under the lock, and end cleanly on Ctrl+C, SIGTERM or SIGHUP with the terminal
 * restored and a summary. When progress cannot be saved the user is told once and chooses
 * whether to go on unsaved; no answer is dropped without a word.
 */
import type { Ctx } from '../cli/context.js';
import { ExitCode, InterruptError, PurgesError, UsageError } from '../errors.js';
import type { Kb } from '../kb/model.js';
import { cardInScope, generateQuestions, questionFromId, spreadSubjects } from '../quiz/generate.js';
import { emptyProgress, type Progress } from '../quiz/progress.js';
import type { Prompter } from '../quiz/prompter.js';
import type { Question } from '../quiz/question.js';
import { type Random, seededRandom } from '../quiz/random.js';
import type { QuizScope } from '../quiz/scope.js';
import { renderSummary, runSession, type SessionResult } from '../quiz/session.js';
import { loadProgress, updateProgress, withLock } from '../quiz/storage.js';
import { oneLine, StorageError } from '../quiz/storage-errors.js';
import { dueCards, formatWhen } from '../quiz/summary.js';
import type { QuizOptions } from './quiz.js';
import { citeWith, noQuestions } from './quiz-run.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();

/** Due cards first (for --review), then new questions, never two in a row on one subject. */
export function chooseQuestions(
  kb: Kb,
  opts: Pick<QuizOptions, 'review' | 'count'>,
  scope: QuizScope,
  random: Random,
  progress: Progress,
  now: Date,
): { review: Question[]; fresh: Question[]; due: number } {
  const due = dueCards(progress, now).filter((c) => cardInScope(kb, c.id, scope));
  const review: Question[] = [];
  if (opts.review)
    for (const card of due) {
      if (review.length >= opts.count) break;
      const q = questionFromId(kb, card.id, random);
      if (q) review.push(q);
    }
  const spread = spreadSubjects(review);
  // A card already answered is not new: in a review, none is; otherwise, none answered today.
  const known = Object.values(progress.cards)
    .filter((c) => opts.review || sameDay(new Date(c.lastAnswered), now))
    .map((c) => c.id);
  const fresh = generateQuestions(
    kb,
    scope,
    opts.count - spread.length,
    random,
    new Set([...known, ...spread.map((q) => q.id)]),
    spread.at(-1),
  );
  return { review: spread, fresh, due: due.length };
}

/** Why progress cannot be saved here, found before the first question (undefined when it can). */
async function saveProblem(path: string, readOnly: string | undefined): Promise<string | undefined> {
  if (readOnly) return readOnly;
  try {
    await withLock(path, 'save quiz progress to', () => undefined);
    return undefined;
  } catch (e) {
    if (e instanceof StorageError) return oneLine(e);
    throw e;
  }
}

/** Thrown when the user chooses to stop rather than go on unsaved. */
class StopQuiz extends PurgesError {
  constructor() {
    super('Quiz stopped: your answers could not be saved.', 1, 'Fix the problem above, then run the quiz again.');
  }
}

async function goOnUnsaved(prompter: Prompter): Promise<boolean> {
  return prompter.confirm('Carry on without saving your answers?');
}

export async function interactive(opts: QuizOptions, scope: QuizScope, path: string, ctx: Ctx): Promise<void> {
  if (!ctx.stdinIsTTY || !ctx.out.isTTY)
    throw new UsageError(
      'purges quiz asks its questions in a terminal, and this is not one',
      "For a printable quiz use 'purges quiz --worksheet'.",
    );
  const kb = await ctx.kb();
  const startedAt = ctx.now();
  let progress = emptyProgress();
  let problem: string | undefined;
  try {
    const loaded = await loadProgress(path, startedAt);
    for (const n of loaded.notices) ctx.err.write(`${n}\n`);
    progress = loaded.progress;
    problem = await saveProblem(path, loaded.readOnly);
  } catch (e) {
    if (!(e instanceof StorageError)) throw e;
    problem = oneLine(e);
  }

  const random = opts.seed ? seededRandom(opts.seed) : ctx.random;
  const { review, fresh, due } = chooseQuestions(kb, opts, scope, random, progress, startedAt);
  const questions = [...review, ...fresh];
  if (questions.length === 0) throw noQuestions(scope);
  if (opts.review) {
    const more = due > review.length ? ` (${due} are due; this quiz asks ${review.length} of them)` : '';
    ctx.out.write(
      ctx.style.dim(`${plural(review.length, 'card')} due for review${more}, then ${plural(fresh.length, 'new question')}.\n\n`),
    );
  }

  const prompter = await ctx.prompter();
  let saving = true;
  let unsaved = 0;
  if (problem) {
    ctx.err.write(`purges: ${problem}\n`);
    if (!(await goOnUnsaved(prompter))) {
      await prompter.close();
      throw new StopQuiz();
    }
    saving = false;
  }

  const result: SessionResult = { asked: 0, correct: 0, missed: [], startedAt };
  // What is on disk: the reviews announced at the end come from it, not from answers that were not saved.
  let saved = progress;
  const notes = () => {
    const out: string[] = [];
    if (unsaved > 0) out.push(`${plural(unsaved, 'answer')} of this quiz ${unsaved === 1 ? 'was' : 'were'} not saved.`);
    const now = ctx.now();
    const dueNow = dueCards(saved, now).length;
    if (dueNow > 0) out.push(`${plural(dueNow, 'card')} ${dueNow === 1 ? 'is' : 'are'} due for review now: run 'purges quiz --review'.`);
    else {
      const next = Object.values(saved.cards).reduce<string | undefined>(
        (m, c) => (!m || c.schedule.due < m ? c.schedule.due : m),
        undefined,
      );
      if (next) out.push(`Next review due ${formatWhen(next)}: 'purges quiz --review'.`);
    }
    return out;
  };
  const summary = () => renderSummary(result, ctx.now(), ctx.style, ctx.out.columns, notes());

  // A signal waits for the save in hand, closes the prompt (cursor back, raw mode off), then summarises.
  let pending: Promise<unknown> = Promise.resolve();
  let ending = false;
  const onSignal = (code: number) => () => {
    if (ending) return;
    ending = true;
    void pending
      .catch(() => undefined)
      .then(() => prompter.close())
      .finally(() => {
        ctx.out.write(`\n${summary()}`);
        process.exit(code);
      });
  };
  const onTerm = onSignal(ExitCode.terminated);
  const onHup = onSignal(ExitCode.hangup);
  process.on('SIGTERM', onTerm);
  process.on('SIGHUP', onHup);

  // The scheduler (ts-fsrs) loads while the first question waits for its answer.
  const scheduling = import('../quiz/schedule.js');
  const save = async (q: Question, correct: boolean) => {
    const now = ctx.now();
    const { recordAnswer } = await scheduling;
    // An answer kept only in memory goes into a copy, so that `saved` stays what is on disk.
    const keepUnsaved = () => {
      progress = { ...progress, cards: { ...progress.cards, [q.id]: recordAnswer(progress.cards[q.id], q, correct, now) } };
      unsaved++;
    };
    if (!saving) return keepUnsaved();
    try {
      progress = await updateProgress(path, (p) => {
        p.cards[q.id] = recordAnswer(p.cards[q.id], q, correct, now);
      });
      saved = progress;
    } catch (e) {
      if (!(e instanceof StorageError)) throw e;
      keepUnsaved();
      ctx.err.write(`purges: this answer was not saved: ${oneLine(e)}\n`);
      if (!(await goOnUnsaved(prompter))) throw new StopQuiz();
      saving = false;
    }
  };

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
        onAnswer: (q, correct) => {
          const p = save(q, correct);
          pending = p;
          return p;
        },
      },
      result,
    );
  } catch (e) {
    if (ending) await new Promise(() => undefined); // the signal handler ends the process
    await prompter.close();
    if (e instanceof InterruptError || e instanceof StopQuiz) ctx.out.write(`\n${summary()}`);
    throw e;
  } finally {
    process.removeListener('SIGTERM', onTerm);
    process.removeListener('SIGHUP', onHup);
  }
  await prompter.close();
  ctx.out.write(summary());
}
