import type { QuestionView } from '../render/question-view.js';

/** The kinds of question the quiz asks, all generated from the knowledge base. */
export const QUESTION_KINDS = ['event-date', 'who', 'fate', 'figure', 'claim', 'order', 'year'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Topics a quiz can be limited to. */
export const TOPICS = ['people', 'events', 'stats', 'claims', 'all'] as const;
export type Topic = (typeof TOPICS)[number];

/** A question ready to ask: multiple choice, a typed year, or an order of four items. */
export interface Question extends QuestionView {
  /** Stable card id: the same fact always makes the same card, so progress carries over. */
  id: string;
  kind: QuestionKind;
  topic: Exclude<Topic, 'all'>;
  /** The people and events it is about (`person:yezhov`, `event:kirov-murder`): two in a row never share one. */
  subjects: string[];
}
