import type { Kb } from '../../kb/model.js';
import type { Question, QuestionKind } from '../question.js';
import type { Random } from '../random.js';
import { shuffle } from '../random.js';
import type { QuizScope } from '../scope.js';

/**
 * A question maker for one kind. Each kind picks subjects in a scope, makes the question for
 * a subject (so a saved card id such as `fate:yezhov` rebuilds it for review), and states how
 * an answer is judged against the knowledge base: the generator rejects any question with a
 * distractor that this judgement also accepts.
 */
export interface Kind {
  topic: Question['topic'];
  /** Subject keys this kind can ask about within the scope. */
  subjects(kb: Kb, scope: QuizScope, random: Random): string[];
  /** Whether the subject of a key falls within the scope (for cards brought back for review). */
  inScope(kb: Kb, key: string, scope: QuizScope): boolean;
  /** The question about a subject, or undefined when no fair one can be made. */
  make(kb: Kb, key: string, random: Random): Question | undefined;
  /** Whether a choice is a right answer to the question about `key`, by the knowledge base. */
  isRight?(kb: Kb, key: string, choice: string): boolean;
}

/** Builds a four-choice question, or undefined when three distractors are not to be had. */
export function fourChoices(
  q: Omit<Question, 'choices' | 'answerMode'>,
  distractors: readonly string[],
  random: Random,
  isRight: (choice: string) => boolean,
): Question | undefined {
  const wrong = [...new Set(distractors)].filter((d) => d !== q.answer && !isRight(d)).slice(0, 3);
  if (wrong.length < 3 || !isRight(q.answer)) return undefined;
  return { ...q, answerMode: 'choice', choices: shuffle(random, [q.answer, ...wrong]) };
}

/** Card id of a question: `kind:key`. */
export const cardId = (kind: QuestionKind, key: string) => `${kind}:${key}`;
