/**
 * One interactive quiz: ask, judge, explain, record. Each answer is recorded (by `onAnswer`)
 * before the next question, so an interruption loses at most the question on screen. Every
 * string from the knowledge base is cleaned of escape sequences before it is shown.
 */
import { LETTERS, shownAnswer } from '../render/question-view.js';
import { sanitizeLine } from '../render/sanitize.js';
import type { Style } from '../render/style.js';
import { wrap } from '../render/width.js';
import type { Prompter } from './prompter.js';
import type { Question } from './question.js';
import { inPlace, isCorrect, validateOrder, validateYear } from './score.js';

/** What a session needs from outside. */
export interface SessionIO {
  prompter: Prompter;
  write: (text: string) => void;
  style: Style;
  now: () => Date;
  /** Short citations for source ids ("Lenoe 2010"). */
  cite: (ids: readonly string[]) => string;
  /** Records an answer; the next question waits until it is saved (or the user chose to go on unsaved). */
  onAnswer: (q: Question, correct: boolean) => void | Promise<void>;
  /** Terminal width that feedback is wrapped to. */
  width: number;
}

/** How a session went, so far or in full. */
export interface SessionResult {
  asked: number;
  correct: number;
  missed: Question[];
  startedAt: Date;
  endedAt?: Date;
}

async function ask(q: Question, prompter: Prompter, number: number, total: number): Promise<string> {
  const head = `(${number}/${total}) ${sanitizeLine(q.prompt)}`;
  const judge = (response: string) => isCorrect(q, response);
  if (q.answerMode === 'choice') return prompter.select(head, q.choices, judge);
  if (q.answerMode === 'year') return prompter.input(`${head}\n  Year:`, validateYear, judge);
  const items = q.choices.map((c, i) => `\n  ${LETTERS[i]}. ${sanitizeLine(c)}`).join('');
  return prompter.input(`${head}${items}\n  Order (e.g. BDAC):`, validateOrder, judge);
}

/** The verdict line: right, or what the answer was (for an order, how many were in place). */
function verdict(q: Question, response: string, correct: boolean, style: Style): string {
  if (q.answerMode === 'order') {
    const n = inPlace(q, response);
    if (correct) return `${style.green('✔ Right:')} all four in place.`;
    return `${style.red(`✘ ${n} of 4 in place.`)} The answer: ${style.bold(`${q.order} (${sanitizeLine(q.answer)})`)}`;
  }
  if (correct) return style.green('✔ Right.');
  return `${style.red('✘ Not quite.')} The answer: ${style.bold(sanitizeLine(shownAnswer(q)))}`;
}

/** Asks the questions in turn; `result` is updated as it goes, so a caller can summarise after an interruption. */
export async function runSession(questions: readonly Question[], io: SessionIO, result: SessionResult): Promise<SessionResult> {
  const { style } = io;
  for (const [i, q] of questions.entries()) {
    const response = await ask(q, io.prompter, i + 1, questions.length);
    const correct = isCorrect(q, response);
    result.asked += 1;
    if (correct) result.correct += 1;
    else result.missed.push(q);
    io.write(`${verdict(q, response, correct, style)}\n`);
    const explanation = wrap(sanitizeLine(q.explanation), io.width, '  ').join('\n');
    const source = wrap(`Source: ${sanitizeLine(io.cite(q.sources))}`, io.width, '  ').join('\n');
    io.write(`${explanation}\n${style.dim(source)}\n\n`);
    await io.onAnswer(q, correct);
  }
  result.endedAt = io.now();
  return result;
}

/** "7/10 right (70%) in 2:05", then the missed questions to review, wrapped at word boundaries; then `notes`. */
export function renderSummary(r: SessionResult, now: Date, style: Style, width = 80, notes: readonly string[] = []): string {
  const seconds = Math.max(0, Math.round(((r.endedAt ?? now).getTime() - r.startedAt.getTime()) / 1000));
  const time = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  const percent = r.asked === 0 ? 0 : Math.round((100 * r.correct) / r.asked);
  const lines = [style.bold(`Score: ${r.correct}/${r.asked} right (${percent}%) in ${time}`)];
  if (r.missed.length > 0) {
    lines.push('To review:');
    for (const q of r.missed) {
      lines.push(...wrap(sanitizeLine(q.prompt), width, '    ', '  - '));
      lines.push(...wrap(sanitizeLine(q.order ? `${q.order} (${q.answer})` : shownAnswer(q)), width, '    '));
    }
  }
  for (const note of notes) lines.push(...wrap(sanitizeLine(note), width));
  return `${lines.join('\n')}\n`;
}
