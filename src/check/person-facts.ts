/**
 * Statements about what happened to a person, read from one sentence: who (the subject of
 * a passive or intransitive verb, the object of an active one, the owner of a noun), what
 * (arrest, sentence, execution, death...) and when (the date the verb governs).
 *
 *   Bukharin was shot on 15 March 1938.          the NKVD arrested Yagoda in 1937
 *   Zinoviev and Kamenev were executed in 1936.  Kirov's murder on 1 December 1934
 *   Bukharin, arrested in 1937, was shot.        Nikolai Bukharin (1888-1938)
 *
 * A statement is only read when its grammar is plain: a negation or hedge between subject
 * and verb, a question, or a sentence that reports a belief ("the myth that...") is skipped.
 */
import type { Person } from '../kb/schema.js';
import { ADVERBS, AUX, DATE_BLOCKERS, type Happening, isHedge, phraseAt, REPORTING, TITLES, words } from './lexicon.js';
import type { Mention } from './names.js';
import type { Token } from './tokens.js';
import type { DateMention } from './when.js';

/** One statement about a person. */
export interface PersonFact {
  person: Person;
  what: Happening;
  /** Token span of the statement (subject to verb or date). */
  at: number;
  end: number;
  date?: DateMention;
  /** Sentenced: "to death", or a term of years. */
  toDeath?: boolean;
  years?: number;
  /** Read from a life span in brackets: "(1888-1938)". */
  lifeSpan?: boolean;
  /** Who else the name could mean ("Mandelstam" after "Nadezhda Mandelstam" may still be Osip). */
  others?: Person[];
}

const PREPOSITIONS = words(`
  of by with for against to from after before under than like about on at in into over toward towards among
  between without as including except besides alongside unlike despite whom whose
`);
const TAIL_WORDS = words(`
  other others several many some the his her their a an few more fellow dozen
`);
const NOUN_ADJECTIVES = words(`
  brutal sudden mysterious violent untimely public secret final eventual later own second
`);
const NOT_A_DEATH = words(`
  sentence sentences penalty toll camp camps squad squads march list lists warrant cell row
`);
const CUSTODY_PLACES = words(`
  camp camps gulag prison prisons custody detention jail gaol lefortovo butyrka lubyanka interrogation torture
  beatings kolyma cell
`);
const NATURAL_CAUSES = new Set(['natural', 'stroke', 'heart', 'cancer', 'old', 'illness', 'pneumonia', 'haemorrhage', 'hemorrhage']);
const SURVIVED_WHAT = words(`
  purge purges terror gulag camps camp repression repressions arrest yezhovshchina
`);

const low = (tokens: readonly Token[], i: number) => tokens[i]?.low ?? '';
const isDash = (t: Token | undefined) => t?.kind === 'mark' && '-–—'.includes(t.low);

/** Reads the statements about people in one sentence. */
export function personFacts(tokens: readonly Token[], mentions: readonly Mention[], dates: readonly DateMention[]): PersonFact[] {
  if (tokens.some((t) => t.low === '?')) return [];
  const endingAt = new Map<number, Mention>();
  const startingAt = new Map<number, Mention>();
  for (const m of mentions) {
    if (m.people.length !== 1) continue;
    endingAt.set(m.end - 1, m);
    startingAt.set(m.at, m);
  }
  const anyMentionAt = new Set<number>();
  for (const m of mentions) for (let i = m.at; i < m.end; i++) anyMentionAt.add(i);

  /** Index of the first token left of i that is not a title word or a possessive. */
  const skipTitlesLeft = (i: number) => {
    let j = i;
    for (let n = 0; n < 5 && j >= 0; n++) {
      const t = tokens[j]!;
      // Titles, names of bodies and participles: "the purged Comintern leader Heinz Neumann".
      if (t.kind === 'word' && !anyMentionAt.has(j) && (TITLES.has(t.low) || (t.cap && j > 0) || /[a-z]ed$/.test(t.low))) j--;
      else if (t.kind === 'word' && t.poss) j--;
      else break;
    }
    return j;
  };
  const skipTitlesRight = (i: number) => {
    let j = i;
    for (let n = 0; n < 4 && j < tokens.length && !startingAt.has(j); n++) {
      const t = tokens[j]!;
      if (t.kind === 'word' && (TITLES.has(t.low) || t.cap) && !anyMentionAt.has(j)) j++;
      else break;
    }
    return j;
  };
  /** The coordinated people ending at token j: "Zinoviev, Kamenev and Smirnov". */
  const listEndingAt = (j: number): Mention[] => {
    const first = endingAt.get(j);
    if (!first || first.poss) return [];
    const list = [first];
    for (let s = first.at - 1; ; ) {
      const q = skipTitlesLeft(s);
      if (low(tokens, q) === 'and' || low(tokens, q) === ',' || low(tokens, q) === '&') {
        const m = endingAt.get(skipTitlesLeft(q - 1));
        if (m && !m.poss) {
          list.unshift(m);
          s = m.at - 1;
          continue;
        }
      }
      break;
    }
    const before = skipTitlesLeft(list[0]!.at - 1);
    if (before >= 0 && PREPOSITIONS.has(low(tokens, before))) return [];
    return list;
  };
  const listStartingAt = (j: number): Mention[] => {
    const list: Mention[] = [];
    let k = skipTitlesRight(j);
    for (;;) {
      const m = startingAt.get(k);
      if (!m || m.poss) break;
      list.push(m);
      const sep = low(tokens, m.end);
      if (sep === 'and' || sep === ',') k = skipTitlesRight(m.end + 1);
      else break;
    }
    return list;
  };
  /** Subjects left of token k (the start of the verb group), passing adverbs, a relative "who" and asides. */
  const subjectsBefore = (k: number): Mention[] => {
    let j = k - 1;
    while (j >= 0 && ADVERBS.has(low(tokens, j))) j--;
    if (low(tokens, j) === 'who') {
      j--;
      if (low(tokens, j) === ',') j--;
    } else {
      for (let guard = 0; guard < 3 && j >= 0 && (low(tokens, j) === ',' || low(tokens, j) === ')' || isDash(tokens[j])); guard++) {
        const close = low(tokens, j);
        let open = j - 1;
        const opener = close === ')' ? '(' : close;
        while (open >= 0 && low(tokens, open) !== opener && !(close === ',' && low(tokens, open) === '(')) open--;
        if (open < 0) return [];
        j = open - 1;
      }
    }
    const direct = listEndingAt(j);
    if (direct.length > 0) return direct;
    // "Tukhachevsky and seven other commanders were shot": pass the tail after "and".
    for (let q = j, n = 0; q >= 0 && n < 6; q--, n++) {
      const t = tokens[q]!;
      if (t.low === 'and' || t.low === ',') return q < j ? listEndingAt(q - 1) : [];
      if (anyMentionAt.has(q)) return [];
      if (!(t.kind === 'num' || TAIL_WORDS.has(t.low) || (t.kind === 'word' && !t.cap && /s$/.test(t.low)))) return [];
    }
    return [];
  };

  const facts: PersonFact[] = [];
  const reportedBefore = (k: number) => {
    for (let i = 0; i < k; i++) if (tokens[i]!.kind === 'word' && REPORTING.has(tokens[i]!.low)) return true;
    return false;
  };
  // The last statement's grammatical subject, for "was arrested in 1937 and shot in 1938".
  let previous: { subjects: Mention[]; end: number } | undefined;
  const dateAt = new Set<number>();
  for (const d of dates) for (let i = d.at; i < d.end; i++) dateAt.add(i);
  const chained = (at: number) => {
    if (!previous || !['and', ',', 'but'].includes(low(tokens, at - 1))) return [];
    // Only places and dates between the two verbs: "arrested in Moscow in 1937 and shot in 1938".
    return placesOnly(tokens, previous.end, at - 1, anyMentionAt, dateAt) ? previous.subjects : [];
  };

  for (let k = 0; k < tokens.length; k++) {
    const found = phraseAt(tokens, k);
    if (!found) continue;
    const { phrase } = found;
    k = found.end - 1;
    if (phrase.what === 'survived' && !isSurvival(tokens, found.at)) continue;
    // The verb group: auxiliaries, adverbs and any hedge before the verb ("was not later shot").
    let g = found.at - 1;
    let passive = false;
    let hedged = false;
    while (g >= 0 && (ADVERBS.has(low(tokens, g)) || AUX.has(low(tokens, g)) || isHedge(tokens[g]))) {
      if (AUX.has(low(tokens, g))) passive = true;
      if (isHedge(tokens[g])) hedged = true;
      g--;
    }
    const groupStart = g + 1;
    let subjects: Mention[] = [];
    let isSubject = false;
    if (phrase.noun) {
      if (phrase.what === 'died' && NOT_A_DEATH.has(low(tokens, found.end))) continue;
      if (low(tokens, found.end) === 'of') subjects = listStartingAt(found.end + 1);
      if (subjects.length === 0) {
        let j = found.at - 1;
        if (NOUN_ADJECTIVES.has(low(tokens, j))) j--;
        const m = endingAt.get(j);
        if (m && (m.poss || low(tokens, m.at - 1) === 'the')) subjects = [m];
      }
    } else {
      const object = phrase.transitive && !passive ? listStartingAt(found.end) : [];
      if (object.length > 0)
        subjects = object; // active voice: the object is who it happened to
      else if (passive || phrase.intransitive) {
        subjects = subjectsBefore(groupStart);
        if (subjects.length === 0) subjects = chained(groupStart);
        isSubject = true;
      } else if (low(tokens, found.at - 1) === ',') {
        // A reduced clause: "Bukharin, arrested in 1937, was shot".
        subjects = listEndingAt(skipTitlesLeft(found.at - 2));
        if (subjects.length === 0) subjects = chained(found.at);
        isSubject = true;
      } else if (low(tokens, found.at - 1) === 'and') {
        subjects = chained(found.at);
        isSubject = true;
      } else {
        // A causative: "Stalin had Bukharin shot".
        const m = endingAt.get(found.at - 1);
        const before = m ? skipTitlesLeft(m.at - 1) : -1;
        if (m && !m.poss && (low(tokens, before) === 'had' || low(tokens, before) === 'got')) subjects = [m];
      }
    }
    previous = isSubject && subjects.length > 0 ? { subjects, end: found.end } : undefined;
    if (subjects.length === 0 || hedged || reportedBefore(found.at)) continue;
    const start = Math.min(found.at, ...subjects.filter((m) => m.at > found.at - 12).map((m) => m.at));

    let what = phrase.what;
    let end = found.end;
    if (what === 'survived') end = SURVIVED_WHAT.has(low(tokens, end)) ? end + 1 : end + 2;
    // "died in a camp", "perished in the Gulag", "died under interrogation", "died of a stroke"
    if (what === 'died' || what === 'perished') {
      for (let j = found.end; j < Math.min(tokens.length, found.end + 5); j++) {
        const w = low(tokens, j);
        if (phraseAt(tokens, j) || w === ',' || w === ';') break;
        if (CUSTODY_PLACES.has(w) && tokens.slice(found.end, j).some((t) => ['in', 'at', 'under', 'from'].includes(t.low))) {
          what = 'custody';
          end = j + 1;
          // "in Lefortovo prison", "in a transit camp near Vladivostok": the place's other words.
          while (tokens[end]?.kind === 'word' && (CUSTODY_PLACES.has(tokens[end]!.low) || tokens[end]!.cap)) end++;
          break;
        }
        if (what === 'died' && NATURAL_CAUSES.has(w) && low(tokens, found.end) === 'of') {
          what = 'natural';
          end = j + 1;
          break;
        }
      }
    }
    // Active voice: the date comes after the object ("shot Kirov on 1 December 1934").
    if (subjects[0]!.at > found.at) end = Math.max(end, subjects.at(-1)!.end);
    const fact: Omit<PersonFact, 'person'> = { what, at: start, end };
    if (what === 'sentenced') {
      if (low(tokens, found.end) === 'to' && low(tokens, found.end + 1) === 'death') {
        fact.toDeath = true;
        fact.end = found.end + 2;
      } else if (low(tokens, found.end) === 'to' && tokens[found.end + 1]?.kind === 'num' && /^years?$/.test(low(tokens, found.end + 2))) {
        fact.years = tokens[found.end + 1]!.value;
        fact.end = found.end + 3;
      }
    }
    const date =
      dateAfter(tokens, fact.end, anyMentionAt, dates, phrase.noun === true) ??
      (phrase.noun ? undefined : leadingDate(tokens, dates, subjects[0]!, facts.length === 0));
    if (date) {
      fact.date = date;
      fact.end = Math.max(fact.end, date.end);
      fact.at = Math.min(fact.at, date.at);
    }
    for (const m of subjects) facts.push({ person: m.people[0]!, others: m.others, ...fact });
  }
  facts.push(...lifeSpans(tokens, endingAt, dates));
  return facts;
}

/** Survival statements: "Rokossovsky survived the purge". */
function isSurvival(tokens: readonly Token[], i: number): boolean {
  return tokens[i]?.low === 'survived' && (SURVIVED_WHAT.has(low(tokens, i + 1)) || SURVIVED_WHAT.has(low(tokens, i + 2)));
}

const PLACE_WORDS = new Set([
  'in',
  'on',
  'at',
  'near',
  'of',
  'the',
  'a',
  'an',
  'by',
  'to',
  'for',
  'outside',
  'inside',
  'into',
  'with',
  'along',
  'together',
]);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'her', 'them', 'his', 'their', 'its']);

/**
 * True when tokens [from, to) hold only places, agents and companions ("in the cellars of the
 * Lubyanka", "by Nikolaev", "with 13 others"): nothing that could start another statement.
 */
function placesOnly(
  tokens: readonly Token[],
  from: number,
  to: number,
  mentionAt: ReadonlySet<number>,
  dateAt: ReadonlySet<number>,
): boolean {
  let inPhrase = false;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (dateAt.has(i)) continue;
    if (t.kind === 'mark') {
      if (t.low !== ',' && t.low !== '-') return false;
      inPhrase = false;
      continue;
    }
    if (mentionAt.has(i)) {
      // The agent or a companion: "shot by Nikolaev", "shot with Beria".
      if (tokens[i - 1]?.low === 'by' || tokens[i - 1]?.low === 'with' || mentionAt.has(i - 1)) continue;
      return false;
    }
    if (t.kind === 'word' && (DATE_BLOCKERS.has(t.low) || AUX.has(t.low) || PRONOUNS.has(t.low) || phraseAt(tokens, i))) return false;
    if (PLACE_WORDS.has(t.low)) inPhrase = true;
    else if (!inPhrase && !ADVERBS.has(t.low)) return false;
  }
  return true;
}

/** The date a verb governs: the first date after it in the same clause, reached through places only. */
function dateAfter(
  tokens: readonly Token[],
  from: number,
  mentionAt: ReadonlySet<number>,
  dates: readonly DateMention[],
  adjacent: boolean,
): DateMention | undefined {
  const date = dates.find((d) => d.at >= from && d.at - from <= 10);
  if (!date) return undefined;
  // The date's own preposition: "in 1938", "on 15 March 1938", or none.
  if (date.prep !== undefined && !['in', 'on', 'during', 'of'].includes(date.prep) && date.at - 1 >= from) return undefined;
  const pathEnd = date.prep !== undefined && date.at - 1 >= from ? date.at - 1 : date.at;
  if (date.prep === 'of' && !adjacent) return undefined;
  // A noun takes only the date next to it: "Kirov's murder in December 1934".
  if (adjacent) return pathEnd === from || (pathEnd === from + 1 && tokens[from]!.low === '(') ? date : undefined;
  return placesOnly(tokens, from, pathEnd, mentionAt, new Set()) ? date : undefined;
}

/** "In 1938, Bukharin was shot": a date opening the sentence, for its first statement only. */
function leadingDate(tokens: readonly Token[], dates: readonly DateMention[], subject: Mention, first: boolean): DateMention | undefined {
  if (!first) return undefined;
  const d = dates[0];
  if (!d || d.prep === undefined || !['in', 'on', 'during'].includes(d.prep) || d.at !== 1) return undefined;
  let next = d.end;
  if (low(tokens, next) === ',') next++;
  // The subject must follow at once (titles allowed): no other verb can claim the date.
  for (let i = next; i < subject.at; i++) if (!(tokens[i]!.kind === 'word' && TITLES.has(tokens[i]!.low))) return undefined;
  return { ...d, at: 0 };
}

/** "Nikolai Bukharin (1888-1938)", "Bukharin (born 1888)", "(b. 1888)", "(d. 1938)". */
function lifeSpans(tokens: readonly Token[], endingAt: ReadonlyMap<number, Mention>, dates: readonly DateMention[]): PersonFact[] {
  const out: PersonFact[] = [];
  for (const [end, m] of endingAt) {
    if (low(tokens, end + 1) !== '(') continue;
    let i = end + 2;
    let what: Happening | 'span' = 'span';
    const w = low(tokens, i);
    if (w === 'born' || w === 'b' || w === 'died' || w === 'd') {
      what = w === 'born' || w === 'b' ? 'born' : 'died';
      i++;
      if (low(tokens, i) === '.') i++;
      if (low(tokens, i) === 'in' || low(tokens, i) === 'on') i++;
    }
    const first = dates.find((d) => d.at === i);
    if (!first) continue;
    if (what !== 'span') {
      if (low(tokens, first.end) === ')' && first.from === first.to)
        out.push({ person: m.people[0]!, what, at: m.at, end: first.end + 1, date: first });
      continue;
    }
    // Two dates: "(9 October 1888 - 15 March 1938)"; or one span of years: "(1888-1938)".
    let born: DateMention | undefined;
    let died: DateMention | undefined;
    let close = first.end;
    if (first.from !== first.to && /^\d{4}$/.test(first.from) && /^\d{4}$/.test(first.to)) {
      born = { ...first, to: first.from };
      died = { ...first, from: first.to };
    } else if (isDash(tokens[first.end])) {
      const second = dates.find((d) => d.at === first.end + 1);
      if (!second) continue;
      born = first;
      died = second;
      close = second.end;
    }
    if (!born || !died || low(tokens, close) !== ')') continue;
    out.push({ person: m.people[0]!, others: m.others, what: 'born', at: m.at, end: close + 1, date: born, lifeSpan: true });
    out.push({ person: m.people[0]!, others: m.others, what: 'died', at: m.at, end: close + 1, date: died, lifeSpan: true });
  }
  return out;
}
