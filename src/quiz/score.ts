import { endDay, parseDate, startDay } from '../kb/dates.js';
import type { QuestionView } from '../render/question-view.js';

/** A typed year (or year-month, or full date) in the form the quiz accepts; an error message otherwise. */
export function validateYear(text: string): true | string {
  return /^\s*\d{4}(-\d{2}(-\d{2})?)?\s*$/.test(text) && parseDate(text.trim()) ? true : 'Type a year, e.g. 1937 (or 1937-07 for a month).';
}

const orderLetters = (text: string) => text.toUpperCase().replace(/[\s,>-]/g, '');

/** Letters A-D, each once, e.g. "CADB" (spaces and commas allowed). */
export function validateOrder(text: string): true | string {
  const letters = orderLetters(text);
  return /^[ABCD]{4}$/.test(letters) && new Set(letters).size === 4 ? true : 'Type the four letters A, B, C and D in order, e.g. CADB.';
}

/** For an order answer: how many of the four items are in their right place. */
export function inPlace(q: QuestionView, response: string): number {
  const given = orderLetters(response);
  return [...(q.order ?? '')].filter((l, i) => given[i] === l).length;
}

/**
 * Whether a response is right. A typed date is right when it falls anywhere within the span
 * [answer, answerEnd], at its own precision: `1937` is right for an event on 5 Aug 1937 and
 * for one lasting from 1936 to 1938; `1937-07` is wrong for 5 Aug 1937.
 */
export function isCorrect(q: QuestionView, response: string): boolean {
  switch (q.answerMode) {
    case 'choice':
      return response === q.answer;
    case 'order':
      return orderLetters(response) === q.order;
    case 'year': {
      const given = response.trim();
      if (!parseDate(given)) return false;
      return startDay(given) <= endDay(q.answerEnd ?? q.answer) && startDay(q.answer) <= endDay(given);
    }
  }
}
