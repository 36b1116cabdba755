/** "What was the fate of X?" The choices are the quiz's fate groups, which exclude each other. */
import { formatDate } from '../../kb/dates.js';
import type { Person } from '../../kb/schema.js';
import { alsoTrueGroups, FATE_GROUPS, type FateGroup, fateGroup, fateInDoubt, fatePeriod, fateSentence } from '../fates.js';
import { shuffle } from '../random.js';
import { inPeriod } from '../scope.js';
import { cardId, fourChoices, type Kind } from './kind.js';

const GROUPS = Object.keys(FATE_GROUPS) as FateGroup[];

function groupsTrueOf(p: Person): FateGroup[] {
  return [fateGroup(p), ...alsoTrueGroups(p)];
}

function askable(p: Person | undefined): p is Person {
  return !!p && !fateInDoubt(p);
}

export const fate: Kind = {
  topic: 'people',
  subjects: (kb, scope) => kb.people.filter((p) => askable(p) && inPeriod(scope, ...fatePeriod(p))).map((p) => p.id),
  inScope(kb, key, scope) {
    const p = kb.person(key);
    return !!p && inPeriod(scope, ...fatePeriod(p));
  },
  isRight(kb, key, choice) {
    const p = kb.person(key);
    return !!p && groupsTrueOf(p).some((g) => FATE_GROUPS[g] === choice);
  },
  make(kb, key, random) {
    const p = kb.person(key);
    if (!askable(p)) return undefined;
    const answer = FATE_GROUPS[fateGroup(p)];
    const died = p.died ? ` (died ${formatDate(p.died)})` : '';
    const note = fateSentence(p);
    return fourChoices(
      {
        id: cardId('fate', p.id),
        kind: 'fate',
        topic: 'people',
        subjects: [`person:${p.id}`],
        prompt: `What was the fate of ${p.name}?`,
        answer,
        explanation: `${p.name}${died}.${note ? ` ${note}` : ''}`,
        sources: p.sources,
      },
      shuffle(
        random,
        GROUPS.map((g) => FATE_GROUPS[g]),
      ),
      random,
      (choice) => fate.isRight!(kb, key, choice),
    );
  },
};
