/**
 * One interactive quiz: ask, judge, explain, record. Progress is saved after every answer
 * (by `onAnswer`), so an interruption loses at most the question on screen.
 */
import type { ChalkInstance } from 'chalk';
import { isCorrect, validateOrder, validateYear } from './score.js';
import type { Prompter } from './prompter.js';
import { LETTERS, shownAnswer, type Question } from './question.js';
import { wrap } from '../render/width.js';
import { sanitizeLine } from '../render/sanitize.js';

/** What a session needs from outside. */
export interface SessionIO {
  prompter: Prompter;
  write: (text: string) => void;
  style: ChalkInstance;
  now: () => Date;
  /** Short citations for source ids ("Lenoe 2010"). */
  cite: (ids: readonly string[]) => string;
  /** Records an answer; the next question waits until it is saved. */
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
  const head = `(${number}/${total}) ${q.prompt}`;
  if (q.answerMode === 'choice') return prompter.select(head, q.choices);
  if (q.answerMode === 'year') return prompter.input(`${head}\n  Year:`, validateYear);
  const items = q.choices.map((c, i) => `\n  ${LETTERS[i]}. ${c}`).join('');
  return prompter.input(`${head}${items}\n  Order (e.g. BDAC):`, validateOrder);
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
    await io.onAnswer(q, correct);
    const expected = q.order ? `${q.order} (${q.answer})` : shownAnswer(q);
    io.write(correct ? `${style.green('✔ Right.')}\n` : `${style.red('✘ Not quite.')} The answer: ${style.bold(expected)}\n`);
    const explanation = wrap(sanitizeLine(q.explanation), io.width, '  ').join('\n');
    const source = wrap(`Source: ${io.cite(q.sources)}`, io.width, '  ').join('\n');
    io.write(`${explanation}\n${style.dim(source)}\n\n`);
  }
  result.endedAt = io.now();
  return result;
}

/** "7/10 right (70%) in 2:05", then the missed questions to review. */
export function renderSummary(r: SessionResult, now: Date, style: ChalkInstance): string {
  const seconds = Math.max(0, Math.round(((r.endedAt ?? now).getTime() - r.startedAt.getTime()) / 1000));
  const time = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  const percent = r.asked === 0 ? 0 : Math.round((100 * r.correct) / r.asked);
  const lines = [style.bold(`Score: ${r.correct}/${r.asked} right (${percent}%) in ${time}`)];
  if (r.missed.length > 0) {
    lines.push('To review:');
    for (const q of r.missed) lines.push(`  - ${sanitizeLine(q.prompt.replace(/\n.*/s, ''))}\n    ${sanitizeLine(shownAnswer(q))}`);
  }
  return `${lines.join('\n')}\n`;
}
