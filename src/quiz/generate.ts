/**
 * Question generation: pure functions of the knowledge base and a random source. The kinds
 * (kinds/*.ts) each judge their own answers; this file mixes them into a quiz.
 */
import type { Kb } from '../kb/model.js';
import { claim } from './kinds/claim.js';
import { eventDate, year } from './kinds/event-date.js';
import { fate } from './kinds/fate.js';
import { figure } from './kinds/figure.js';
import type { Kind } from './kinds/kind.js';
import { order } from './kinds/order.js';
import { who } from './kinds/who.js';
import { QUESTION_KINDS, type Question, type QuestionKind, type Topic } from './question.js';
import { pick, type Random, shuffle } from './random.js';
import type { QuizScope } from './scope.js';

export type { QuizScope } from './scope.js';

const KINDS: Record<QuestionKind, Kind> = { 'event-date': eventDate, who, fate, figure, claim, order, year };

/** Kinds that belong to a topic. */
export function kindsFor(topic: Topic): QuestionKind[] {
  return QUESTION_KINDS.filter((k) => topic === 'all' || KINDS[k].topic === topic);
}

function split(id: string): [Kind | undefined, string] {
  const colon = id.indexOf(':');
  return [KINDS[id.slice(0, colon) as QuestionKind], id.slice(colon + 1)];
}

/** Rebuilds the question of a saved card id, or undefined if its subject is gone or no fair question remains. */
export function questionFromId(kb: Kb, id: string, random: Random): Question | undefined {
  const [kind, key] = split(id);
  return kind?.make(kb, key, random);
}

/** Whether a saved card belongs to a quiz's topic and period. */
export function cardInScope(kb: Kb, id: string, scope: QuizScope): boolean {
  const [kind, key] = split(id);
  return !!kind && (scope.topic === 'all' || kind.topic === scope.topic) && kind.inScope(kb, key, scope);
}

const shareSubject = (a: Question, b: Question) => a.subjects.some((s) => b.subjects.includes(s));

/**
 * Reorders questions so that no two in a row are about the same person or event (the first
 * one's feedback would give the next away). Order is kept where it can be; questions that
 * cannot be placed apart are dropped, never asked back to back. `before`: the question asked
 * just before the first of these.
 */
export function spreadSubjects(questions: readonly Question[], before?: Question): Question[] {
  const rest = [...questions];
  const out: Question[] = [];
  let last = before;
  while (rest.length > 0) {
    const i = rest.findIndex((q) => !last || !shareSubject(q, last));
    if (i < 0) break;
    last = rest.splice(i, 1)[0]!;
    out.push(last);
  }
  return out;
}

/**
 * Up to `count` questions with distinct ids, kinds taking turns so a quiz mixes them;
 * `exclude` ids (cards already asked, or not new) are skipped.
 */
export function generateQuestions(
  kb: Kb,
  scope: QuizScope,
  count: number,
  random: Random,
  exclude: ReadonlySet<string> = new Set(),
  before?: Question,
): Question[] {
  const kinds = shuffle(random, kindsFor(scope.topic));
  const pools = new Map(kinds.map((k) => [k, shuffle(random, KINDS[k].subjects(kb, scope, random))]));
  const out: Question[] = [];
  const used = new Set(exclude);
  let turn = 0;
  // A few spare questions, so that spreading subjects apart never leaves the quiz short.
  while (out.length < count + 3 && kinds.some((k) => pools.get(k)!.length > 0)) {
    const kind = kinds[turn++ % kinds.length]!;
    const pool = pools.get(kind)!;
    while (pool.length > 0) {
      const key = pool.splice(pick(random, pool.length), 1)[0]!;
      const q = KINDS[kind].make(kb, key, random);
      if (q && !used.has(q.id)) {
        used.add(q.id);
        out.push(q);
        break;
      }
    }
  }
  return spreadSubjects(out, before).slice(0, count);
}
