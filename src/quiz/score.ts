import { parseDate } from '../kb/dates.js';
import type { Question } from './question.js';

/** A typed year (or year-month, or full date) in the form the quiz accepts; an error message otherwise. */
export function validateYear(text: string): true | string {
  return /^\s*\d{4}(-\d{2}(-\d{2})?)?\s*$/.test(text) && parseDate(text.trim()) ? true : 'Type a year, e.g. 1937 (or 1937-07 for a month).';
}

/** Letters A-D, each once, e.g. "CADB" (spaces and commas allowed). */
export function validateOrder(text: string): true | string {
  const letters = text.toUpperCase().replace(/[\s,>-]/g, '');
  return /^[ABCD]{4}$/.test(letters) && new Set(letters).size === 4 ? true : 'Type the four letters A, B, C and D in order, e.g. CADB.';
}

/**
 * Whether a response is right. A typed date is judged at the precision both share: `1937`
 * is right for an event on 5 Aug 1937; `1937-08` must also match its month.
 */
export function isCorrect(q: Question, response: string): boolean {
  switch (q.answerMode) {
    case 'choice':
      return response === q.answer;
    case 'order':
      return response.toUpperCase().replace(/[\s,>-]/g, '') === q.order;
    case 'year': {
      const given = parseDate(response.trim());
      const truth = parseDate(q.answer)!;
      if (!given || given.year !== truth.year) return false;
      if (given.month !== undefined && truth.month !== undefined && given.month !== truth.month) return false;
      if (given.day !== undefined && truth.day !== undefined && given.day !== truth.day) return false;
      return true;
    }
  }
}
