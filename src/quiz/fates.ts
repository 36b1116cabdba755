/**
 * Fates as the quiz asks them: one set of groups that exclude each other. The knowledge base's
 * fates overlap as categories (an assassination is a killing; a man beaten to death in prison
 * was killed and died in custody), so those three share a group.
 */
import { endDay, startDay } from '../kb/dates.js';
import type { Person } from '../kb/schema.js';
import type { Fate } from '../kb/vocab.js';
import { sentences } from './text.js';

/** The quiz's fate groups, each with the label a student sees. */
export const FATE_GROUPS = {
  executed: 'Executed (shot after a death sentence)',
  'custody-or-murdered': 'Died in custody or was murdered (not executed)',
  suicide: 'Took their own life',
  survived: 'Survived repression',
  natural: 'Died a natural death, never repressed',
} as const;
export type FateGroup = keyof typeof FATE_GROUPS;

const GROUP_OF: Record<Fate, FateGroup> = {
  executed: 'executed',
  'died-in-custody': 'custody-or-murdered',
  killed: 'custody-or-murdered',
  assassinated: 'custody-or-murdered',
  suicide: 'suicide',
  survived: 'survived',
  'natural-death': 'natural',
};

/** The group of a recorded fate. */
export const fateGroup = (p: Person): FateGroup => GROUP_OF[p.fate];

/**
 * Other groups that could also be said of a person, by their repression record: someone who
 * survived without ever being arrested may be called "never repressed"; a suicide after arrest
 * died in custody.
 */
export function alsoTrueGroups(p: Person): FateGroup[] {
  const arrested = p.repression?.arrested;
  const out: FateGroup[] = [];
  if (p.fate === 'survived' && !arrested) out.push('natural');
  if (p.fate === 'suicide' && arrested && p.died && startDay(arrested) <= endDay(p.died)) out.push('custody-or-murdered');
  return out;
}

const DEATH_WORDS = /\b(died|dies|death|killed|killing|murder\w*|shot|poison\w*|suicide|executed|execution|assassinat\w*|fate)\b/i;
const DOUBT_WORDS =
  /\b(suspect\w*|suspicion\w*|believed?|allegedly|disputed?|uncertain\w*|unclear|never proven|not proven|unproven|possibly|perhaps|may have|might have|rumou?r\w*|contested|unknown)\b/i;

/** The sentence of the summary that tells how the person died or came through, if one does. */
export function fateSentence(p: Person): string | undefined {
  const all = sentences(p.summary);
  return all.find((s) => DEATH_WORDS.test(s)) ?? all.find((s) => /\b(arrest\w*|released|survived|rehabilitat\w*)\b/i.test(s));
}

/**
 * True when the record itself doubts the fate: a sentence about the death that voices
 * suspicion or uncertainty (Sedov: "believed he was murdered"). Such a person is never asked.
 */
export function fateInDoubt(p: Person): boolean {
  if (p.fate === 'natural-death' && p.repression) return true; // the record contradicts itself
  return sentences(p.summary).some((s) => DEATH_WORDS.test(s) && DOUBT_WORDS.test(s));
}

/**
 * The span a fate question belongs to, for --from/--to: from the arrest (or the death) to the
 * death; a life for a natural death; a survivor still alive is bounded by the arrest.
 */
export function fatePeriod(p: Person): [string, string] {
  if (p.fate === 'natural-death') return [p.born, p.died ?? p.born];
  const start = p.repression?.arrested ?? p.died ?? p.born;
  return [start, p.died ?? start];
}
