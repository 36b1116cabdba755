import type { Kb } from './model.js';
import type { Person } from './schema.js';
import { NotFoundError } from '../errors.js';
import { normalize } from './normalize.js';
import { byText } from './compare.js';
import { didYouMean, suggest } from './suggest.js';
import { rankEvents } from './find-event.js';

/** Normalised search keys of a person: whole names and single words. */
interface PersonKeys {
  person: Person;
  names: Set<string>;
  words: Set<string>;
}

const keyCache = new WeakMap<Kb, PersonKeys[]>();

/** A person's normalised names: id, name, native name and aliases. */
export function personNames(person: Person): string[] {
  const names = new Set<string>([person.id.replace(/-/g, ' ')]);
  for (const n of [person.name, person.nativeName, ...person.aliases]) if (n) names.add(normalize(n));
  return [...names];
}

function keysFor(person: Person, names: readonly string[] = personNames(person)): PersonKeys {
  const words = new Set<string>();
  for (const n of names) for (const w of n.split(' ')) if (w.length > 1) words.add(w);
  return { person, names: new Set(names), words };
}

function keysOf(kb: Kb): PersonKeys[] {
  let keys = keyCache.get(kb);
  if (!keys) {
    // The build stores the bundled people's normalised names in the search index.
    const stored = new Map(kb.precomputedSearchIndex()?.flatMap((e) => (e.names ? [[e.id, e.names] as const] : [])));
    keys = kb.people.map((person) => keysFor(person, stored.get(person.id)));
    keyCache.set(kb, keys);
  }
  return keys;
}

/**
 * People of the indexed packs (NDJSON lists) that may match a query: those with, for every
 * word of the query, a word starting with it. At most a few thousand per pack (see reader.ts).
 */
function indexedCandidates(kb: Kb, q: string): Person[] {
  const words = q.split(' ').filter((w) => w !== '');
  return kb.indexed.flatMap((pack) => pack.byWords('people', words).records);
}

/** A person matched by a query, with how well (higher is better) and why. */
export interface PersonMatch {
  person: Person;
  score: number;
  why: string;
}

/**
 * Ranks people against a query: exact id, then a whole name or alias, then every word
 * of the query as a word of the name, then as the start of one. Case, diacritics and
 * transliteration do not matter (see normalize).
 */
export function matchPeople(kb: Kb, query: string): PersonMatch[] {
  const q = normalize(query);
  if (q === '') return [];
  const qWords = q.split(' ');
  const id = query.trim().toLowerCase();
  const matches: PersonMatch[] = [];
  const score = (k: PersonKeys) => {
    let score = 0;
    let why = '';
    if (k.person.id === id) [score, why] = [100, 'id'];
    else if (k.names.has(q)) [score, why] = [90, 'name'];
    else if (qWords.every((w) => k.words.has(w))) [score, why] = [80, 'surname or name'];
    else if (q.length >= 3 && qWords.every((w) => [...k.words].some((kw) => kw.startsWith(w)))) [score, why] = [60, 'start of a name'];
    if (score > 0) matches.push({ person: k.person, score, why });
  };
  for (const k of keysOf(kb)) score(k);
  for (const person of indexedCandidates(kb, q)) score(keysFor(person));
  return matches.sort((a, b) => b.score - a.score || byText(a.person.name, b.person.name));
}

/** Typo-tolerant suggestions for a query that matched nobody: "kirv" -> Sergei Kirov (kirov). */
export function suggestPeople(kb: Kb, query: string, max = 3): Person[] {
  const q = normalize(query);
  const byWord = new Map<string, Person>();
  for (const k of keysOf(kb)) for (const w of [...k.words, ...k.names]) if (!byWord.has(w)) byWord.set(w, k.person);
  const seen = new Set<Person>();
  for (const w of suggest(q, [...byWord.keys()], max * 3)) seen.add(byWord.get(w)!);
  return [...seen].slice(0, max);
}

/** Thrown when several people match a query equally well; carries them for listing. */
export class AmbiguousPersonError extends NotFoundError {
  constructor(
    query: string,
    readonly candidates: readonly Person[],
  ) {
    const listed = candidates.slice(0, 10).map((p) => `${p.name} (${p.id})`);
    const more = candidates.length > 10 ? `, and ${candidates.length - 10} more` : '';
    super(`"${query}" matches ${candidates.length} people: ${listed.join(', ')}${more}`, 'Use the id in parentheses to pick one.');
  }
}

/**
 * The person whose id, or exact name or alias (ignoring case), is the query, if exactly
 * one is: found without normalising every name, which matters for packs of 100,000 people.
 */
function literalMatch(kb: Kb, query: string): Person | undefined {
  const q = query.trim().toLowerCase();
  let found: Person | undefined;
  const literal = (p: Person) =>
    p.name.toLowerCase() === q || p.nativeName?.toLowerCase() === q || p.aliases.some((a) => a.toLowerCase() === q);
  // One pass, no index: building a map of 100,000 people costs more than the scan.
  for (const p of kb.people) {
    if (p.id === q) return p;
    if (literal(p)) {
      if (found) return undefined;
      found = p;
    }
  }
  if (kb.indexed.length === 0) return found;
  for (const pack of kb.indexed) {
    const p = pack.person(q);
    if (p) return p;
  }
  for (const p of indexedCandidates(kb, normalize(query)))
    if (literal(p)) {
      if (found) return undefined;
      found = p;
    }
  return found;
}

/** The one person a query means; NotFoundError with suggestions, or AmbiguousPersonError. */
export function findPerson(kb: Kb, query: string): Person {
  const literal = literalMatch(kb, query);
  if (literal) return literal;
  const matches = matchPeople(kb, query);
  const best = matches[0];
  if (!best) {
    // A famous name without a profile (Lenin) still appears in events: say where to look.
    const mentions = rankEvents(kb, query, { wholeWords: true }).length;
    if (mentions > 0) {
      const q = query.trim().toLowerCase();
      const search = /\s/.test(q) ? `"${q}"` : q;
      throw new NotFoundError(
        `"${query}" is not profiled; appears in ${mentions} event${mentions === 1 ? '' : 's'}: purges search ${search}`,
      );
    }
    const hint = didYouMean(suggestPeople(kb, query).map((p) => `${p.name} (${p.id})`));
    throw new NotFoundError(`no person matches "${query}"`, hint || "Try 'purges people' to list everyone, or 'purges search <text>'.");
  }
  const tied = matches.filter((m) => m.score === best.score);
  if (tied.length > 1)
    throw new AmbiguousPersonError(
      query,
      tied.map((m) => m.person),
    );
  return best.person;
}
