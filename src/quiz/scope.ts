/** Which part of the knowledge base a quiz draws on, and whether a dated thing falls in it. */
import { endDay, startDay } from '../kb/dates.js';
import type { Topic } from './question.js';

/** A topic and an optional period (years or months, inclusive). */
export interface QuizScope {
  topic: Topic;
  from?: string;
  to?: string;
}

/** True when [start, end] meets the scope's period; an undefined end is open (still going, or unknown). */
export function inPeriod(scope: QuizScope, start: string | undefined, end: string | undefined): boolean {
  if (scope.from && end !== undefined && endDay(end) < startDay(scope.from)) return false;
  if (scope.to && start !== undefined && startDay(start) > endDay(scope.to)) return false;
  return true;
}

/** True when the scope limits the period at all. */
export const hasPeriod = (scope: QuizScope) => scope.from !== undefined || scope.to !== undefined;
