/**
 * "How does the record judge this claim?" The four verdicts are the choices: the knowledge
 * base gives each claim exactly one. A claim's period is the years it names; a claim that
 * names none is asked only when the quiz is not limited to a period.
 */
import type { Claim } from '../../kb/schema.js';
import type { Verdict } from '../../kb/vocab.js';
import { hasPeriod, inPeriod, type QuizScope } from '../scope.js';
import { firstSentence, yearsIn } from '../text.js';
import { cardId, type Kind } from './kind.js';

/** The verdicts as choices, in a fixed order a student learns. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  accurate: 'Accurate: the record supports it',
  inaccurate: 'Inaccurate: the record contradicts it',
  disputed: 'Disputed: historians or sources disagree',
  unsupported: 'Unsupported: no evidence for it in the record',
};

function claimInScope(c: Claim, scope: QuizScope): boolean {
  if (!hasPeriod(scope)) return true;
  const years = yearsIn(`${c.claim} ${c.figure ?? ''}`);
  return years.length > 0 && inPeriod(scope, String(Math.min(...years)), String(Math.max(...years)));
}

export const claim: Kind = {
  topic: 'claims',
  subjects: (kb, scope) => kb.claims.filter((c) => claimInScope(c, scope)).map((c) => c.id),
  inScope(kb, key, scope) {
    const c = kb.claims.find((x) => x.id === key);
    return !!c && claimInScope(c, scope);
  },
  isRight(kb, key, choice) {
    const c = kb.claims.find((x) => x.id === key);
    return !!c && VERDICT_LABELS[c.verdict] === choice;
  },
  make(kb, key) {
    const c = kb.claims.find((x) => x.id === key);
    if (!c) return undefined;
    const answer = VERDICT_LABELS[c.verdict];
    return {
      id: cardId('claim', c.id),
      kind: 'claim',
      topic: 'claims',
      subjects: [],
      prompt: `How does the record judge this claim? "${c.claim}"`,
      answerMode: 'choice',
      choices: Object.values(VERDICT_LABELS),
      answer,
      explanation: `${answer.split(':')[0]}. ${c.figure ? `${c.figure}. ` : ''}${firstSentence(c.explanation)}`,
      sources: c.sources,
    };
  },
};
