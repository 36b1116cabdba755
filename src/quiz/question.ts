/** The kinds of question the quiz asks, all generated from the knowledge base. */
export const QUESTION_KINDS = ['event-date', 'who', 'fate', 'figure', 'claim', 'order', 'year'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Topics a quiz can be limited to. */
export const TOPICS = ['people', 'events', 'stats', 'claims', 'all'] as const;
export type Topic = (typeof TOPICS)[number];

/** A question ready to ask: multiple choice, a typed year, or an order of four items. */
export interface Question {
  /** Stable card id: the same fact always makes the same card, so progress carries over. */
  id: string;
  kind: QuestionKind;
  topic: Exclude<Topic, 'all'>;
  prompt: string;
  /** Choices for `choice` and `order` questions (for `order`, the items to arrange). */
  choices: string[];
  /** How the answer is given. */
  answerMode: 'choice' | 'year' | 'order';
  /** The right choice; for `year` the date; for `order` the choices in the right order. */
  answer: string;
  /** For `order`: the correct order as letters, e.g. "CADB". */
  order?: string;
  /** One line on why, shown after the answer. */
  explanation: string;
  sources: string[];
}

/** Labels of choices and of the items of an order question. */
export const LETTERS = 'ABCD';

/** The answer as a person reads it: a year question's year, else the answer text. */
export function shownAnswer(q: Question): string {
  return q.answerMode === 'year' ? q.answer.slice(0, 4) : q.answer;
}
