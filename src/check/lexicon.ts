/**
 * The words `purges check` reads statements by: what happened to a person (arrest, sentence,
 * execution, death...), the words around a verb that do not change its meaning, and the
 * words that make a statement something other than a plain assertion (negation, hedging).
 */
import type { Token } from './tokens.js';

/** A set of words written as one string. */
export const words = (text: string): Set<string> => new Set(text.split(/\s+/).filter((w) => w !== ''));

/**
 * What a statement says happened to a person. `executed`: a judicial killing; `shot`: shot,
 * by anyone; `killed`: killed, murdered, liquidated; `perished`: died a violent or custodial
 * death; `custody`: died in a camp, prison or under interrogation; `suicide`; `died`: death
 * with no manner given.
 */
export type Happening =
  | 'born'
  | 'arrested'
  | 'sentenced'
  | 'executed'
  | 'shot'
  | 'killed'
  | 'perished'
  | 'custody'
  | 'suicide'
  | 'died'
  | 'natural'
  | 'survived'
  | 'rehabilitated';

/** A phrase that says what happened, as words (lowercase, as written); `*` ends a prefix. */
interface Phrase {
  words: string[];
  what: Happening;
  /** A noun ("execution"), read with a possessive or "of": "Kirov's murder", "the arrest of Yagoda". */
  noun?: boolean;
  /** Needs "was"/"were" before it ("was born"), or a comma (", born in 1888"). */
  passiveOnly?: boolean;
  /** Takes an object in the active voice: "Nikolaev shot Kirov". */
  transitive?: boolean;
  /** Needs nothing before it: "Kirov died", "Gamarnik committed suicide". */
  intransitive?: boolean;
}

const P = (words: string, what: Happening, more: Partial<Phrase> = {}): Phrase => ({ words: words.split(' '), what, ...more });

/** Longest phrases first: "shot himself" before "shot". */
const PHRASES: readonly Phrase[] = [
  P('committed suicide', 'suicide', { intransitive: true }),
  P('took his own life', 'suicide', { intransitive: true }),
  P('took her own life', 'suicide', { intransitive: true }),
  P('killed himself', 'suicide', { intransitive: true }),
  P('killed herself', 'suicide', { intransitive: true }),
  P('shot himself', 'suicide', { intransitive: true }),
  P('shot herself', 'suicide', { intransitive: true }),
  P('hanged himself', 'suicide', { intransitive: true }),
  P('hanged herself', 'suicide', { intransitive: true }),
  P('hung himself', 'suicide', { intransitive: true }),
  P('hung herself', 'suicide', { intransitive: true }),
  P('poisoned himself', 'suicide', { intransitive: true }),
  P('threw himself', 'suicide', { intransitive: true }),
  P('suicide', 'suicide', { noun: true }),
  P('shot by firing squad', 'executed', { passiveOnly: true }),
  P('executed by firing squad', 'executed', { passiveOnly: true }),
  P('shot dead', 'shot', { passiveOnly: true }),
  P('put to death', 'executed', { passiveOnly: true }),
  P('beaten to death', 'killed', { passiveOnly: true }),
  P('executed', 'executed', { transitive: true }),
  P('execution', 'executed', { noun: true }),
  P('shot', 'shot', { transitive: true }),
  P('liquidated', 'killed', { transitive: true }),
  P('killed', 'killed', { transitive: true }),
  P('murdered', 'killed', { transitive: true }),
  P('assassinated', 'killed', { transitive: true }),
  P('slain', 'killed', { passiveOnly: true }),
  P('murder', 'killed', { noun: true }),
  P('assassination', 'killed', { noun: true }),
  P('killing', 'killed', { noun: true }),
  P('perished', 'perished', { intransitive: true }),
  P('died', 'died', { intransitive: true }),
  P('passed away', 'died', { intransitive: true }),
  P('death', 'died', { noun: true }),
  P('born', 'born', { passiveOnly: true }),
  P('birth', 'born', { noun: true }),
  P('arrested', 'arrested', { transitive: true }),
  P('detained', 'arrested', { passiveOnly: true }),
  P('arrest', 'arrested', { noun: true }),
  P('sentenced', 'sentenced', { transitive: true }),
  P('condemned', 'sentenced', { passiveOnly: true }),
  P('survived', 'survived', { intransitive: true }),
  P('rehabilitated', 'rehabilitated', { transitive: true }),
  P('rehabilitation', 'rehabilitated', { noun: true }),
];

const FIRST_WORDS = new Set(PHRASES.map((p) => p.words[0]!));

/** A phrase found in a sentence. */
export interface PhraseAt {
  phrase: Phrase;
  at: number;
  end: number;
}

/** The phrase starting at token i, if any (the longest). */
export function phraseAt(tokens: readonly Token[], i: number): PhraseAt | undefined {
  const t = tokens[i];
  if (t?.kind !== 'word' || !FIRST_WORDS.has(t.low)) return undefined;
  for (const phrase of PHRASES) {
    if (phrase.words[0] !== t.low) continue;
    if (phrase.words.every((w, n) => tokens[i + n]?.kind === 'word' && tokens[i + n]!.low === w))
      return { phrase, at: i, end: i + phrase.words.length };
  }
  return undefined;
}

/** Forms of "to be" (and "get") that make a participle passive: "was shot". */
export const AUX = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being', 'got', 'gets', 'get']);

/** Words between a subject, its auxiliary and its verb that leave the statement as it is. */
export const ADVERBS = words(`
  later eventually finally subsequently soon then also too summarily secretly publicly immediately promptly
  quickly officially formally posthumously fully duly ultimately shortly afterwards thereafter himself herself
  themselves all both had has have reportedly brutally ultimately personally first once again swiftly quietly
`);

/** Words that stop a statement being a plain assertion when they sit between subject and verb. */
const HEDGES = words(`
  not never nearly almost would could might may should must allegedly supposedly rumoured rumored said claimed
  thought believed feared escaped avoided wrongly falsely mistakenly erroneously if unless whether planned
  ordered threatened expected due to nor neither no cannot wanted sought tried attempted hoped assumed say says
  claim claims legend myth perhaps possibly probably apparently seemingly either rather instead
`);

const NEGATED_CONTRACTION = /^(?:did|was|were|is|are|had|has|have|could|would|should|do|does|ca|wo)nt$/;

/** True when the token hedges or negates a statement. */
export function isHedge(t: Token | undefined): boolean {
  return t?.kind === 'word' && (HEDGES.has(t.low) || NEGATED_CONTRACTION.test(t.low));
}

/**
 * Sentence-level signs that the writer reports a belief rather than asserting it ("the myth
 * that", "some claim", "contrary to legend"): every statement in such a sentence is left alone.
 */
export const REPORTING = words(`
  myth myths legend legends rumour rumours rumor rumors falsely wrongly mistakenly erroneously misconception
  untrue allegedly supposedly contrary claimed claim claims alleged believed believe believes rumoured said say
  says saying assert asserted asserts insist insisted insists popular accused confessed confession charged
  pretext fabricated fabrication invented story stories version officially announced reported propaganda
  newspapers pravda if whether
`);

/** Title words that may stand before a name: "Marshal Tukhachevsky", "the poet Mandelstam". */
export const TITLES = words(`
  the a former marshal general commander army corps komkor komdiv komandarm comrade commissar chief head leader
  boss director poet writer journalist physicist scientist engineer bolshevik old defendant dictator premier
  secretary deputy prosecutor judge theatre theater novelist playwright geneticist botanist philosopher priest
  economist historian composer marshals rival ally nkvd ogpu politburo party member his her their
`);

/** Words on a date's way from its verb that tie the date to something else: "shot after the trial of 1938". */
export const DATE_BLOCKERS = words(`
  after before until till since following later earlier within ago aged age when while where which who whose
  that than years months weeks days year month week day between from anniversary trial trials plenum congress
  and but or prior during under against about around
`);
