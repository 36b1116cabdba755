/**
 * A quiz question as renderers show it. It lives here, below both the quiz and the worksheet
 * renderer, so that neither imports the other: quiz/question.ts extends it.
 */

/** What a renderer needs of a question. */
export interface QuestionView {
  prompt: string;
  /** Choices for `choice` and `order` questions (for `order`, the items to arrange). */
  choices: string[];
  /** How the answer is given. */
  answerMode: 'choice' | 'year' | 'order';
  /** The right choice; for `year` the first date of the span; for `order` the items in order, joined by arrows. */
  answer: string;
  /** For `year`: the last date of the span, when the event lasted beyond its first year. */
  answerEnd?: string;
  /** For `order`: the correct order as letters, e.g. "CADB". */
  order?: string;
  /** The fact that decides the answer, shown after it. */
  explanation: string;
  sources: string[];
}

/** Labels of choices and of the items of an order question. */
export const LETTERS = 'ABCD';

/** The answer as a person reads it: a year question's year (or years), else the answer text. */
export function shownAnswer(q: QuestionView): string {
  if (q.answerMode !== 'year') return q.answer;
  const first = q.answer.slice(0, 4);
  const last = q.answerEnd?.slice(0, 4);
  return last && last !== first ? `${first}-${last} (any year of it)` : first;
}
