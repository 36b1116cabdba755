/**
 * Finds people in a text by any of their names: full name, native (Cyrillic) name, alias,
 * any transliteration (the tokens carry normalize()d keys), or a surname alone when the
 * surname belongs to one person, or to one already named in full earlier in the text.
 */
import type { Kb } from '../kb/model.js';
import type { Person } from '../kb/schema.js';
import { personNames } from '../kb/find-person.js';
import { normalize } from '../kb/normalize.js';
import { tokenize, type Token } from './tokens.js';
import { words } from './lexicon.js';

/** A person named in a sentence: the tokens of the name and who it may be. */
export interface Mention {
  /** Token indexes: first and one past the last. */
  at: number;
  end: number;
  /** The people the name fits; one when the name is unambiguous or resolved by context. */
  people: Person[];
  /** Named by a full name (two or more words), not a surname alone. */
  full: boolean;
  /** Written with a possessive 's ("Kirov's"). */
  poss: boolean;
  /** The others the name could mean, when earlier mentions picked one of several. */
  others?: Person[];
}

interface NameIndex {
  /** Full names (two or more words) by their first word's key. */
  full: Map<string, Array<{ keys: string[]; person: Person }>>;
  /** One-word names (surnames, one-word aliases) by key. */
  single: Map<string, Person[]>;
  /** Keys of first names: those of the people's full names and common ones. */
  firstNames: Set<string>;
  /** Every name word of each person. */
  ownWords: Map<Person, Set<string>>;
}

// Common first names, so that "Nikolai Gumilev" is not taken for Lev Gumilev, nor
// "Nadezhda Mandelstam" for Osip: a surname after another first name is someone else.
const COMMON_FIRST_NAMES =
  'nikolai ivan alexander aleksandr sergei sergey mikhail vladimir nadezhda anna maria mariya lev yakov grigory grigori vasily vasili pavel andrei andrey boris dmitry dmitri fyodor fedor georgy georgi konstantin leonid nikita oleg pyotr petr semyon semen viktor victor yuri yury olga tatiana tatyana yelena elena natalia natalya yevgenia evgenia galina lidia vera alexei aleksei alexey anatoly arkady valentin valery vsevolod vyacheslav yevgeny evgeny zinaida ekaterina yekaterina irina ludmila lyudmila sofia sophia osip isaac isaak ilya roman stepan timofei matvei kirill gleb igor innokenty karl josef joseph leon lavrenty lavrentiy kliment genrikh martemyan avel filipp felix feliks nestor trofim ivar jan yan'.split(
    ' ',
  );

const cache = new WeakMap<Kb, NameIndex>();

// Lowercase particles a personal name may hold; any other lowercase word makes an alias a
// description ("architect of perestroika"), matched only whole.
const PARTICLES = new Set(['de', 'del', 'von', 'van', 'der', 'la', 'le', 'ibn', 'bin', 'da']);
// Words that are never a surname on their own, though an alias may end with them.
const NOT_SURNAMES = new Set(
  ['general', 'iron', 'comrade', 'marshal', 'the', 'red', 'old', 'great', 'little', 'father', 'uncle', 'brilliant'].map(normalize),
);

/** The written names of a person: name (and what its brackets hold), native name, aliases. */
function writtenNames(p: Person): string[] {
  const names = [p.name.replace(/\s*\([^)]*\)/g, ''), ...[...p.name.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]!)];
  if (p.nativeName) names.push(p.nativeName);
  names.push(...p.aliases);
  return names;
}

/** The words of a name, as the tokens of a text carry them; initials dropped. */
function nameWords(name: string): Token[] {
  return (tokenize(name)[0]?.tokens ?? []).filter((t) => t.kind === 'word' && t.low.length > 1);
}

function buildIndex(kb: Kb): NameIndex {
  const full = new Map<string, Array<{ keys: string[]; person: Person }>>();
  const single = new Map<string, Person[]>();
  const firstNames = new Set<string>();
  const surnames: Array<[string, Person]> = [];
  for (const p of kb.people) {
    for (const name of writtenNames(p)) {
      const words = nameWords(name);
      if (words.length === 0) continue;
      const keys = words.map((w) => w.key);
      if (words.length === 1) {
        if (words[0]!.cap) surnames.push([keys[0]!, p]);
        continue;
      }
      const list = full.get(keys[0]!) ?? [];
      list.push({ keys, person: p });
      full.set(keys[0]!, list);
      const personal = words.every((w) => w.cap || PARTICLES.has(w.low));
      if (personal) firstNames.add(keys[0]!);
      // Patronymics ("Lavrentii Pavlovich Beriia"): a middle name is no surname for anyone else.
      if (personal && words.length >= 3) for (const k of keys.slice(1, -1)) firstNames.add(k);
      if (personal && words.every((w) => w.cap)) surnames.push([keys.at(-1)!, p]);
    }
  }
  for (const [key, p] of surnames) {
    // A first name ("Lazar", "Bela") is not a surname, even when an alias ends with it.
    if (NOT_SURNAMES.has(key) || key.length < 3 || (firstNames.has(key) && !isMainSurname(p, key))) continue;
    const list = single.get(key) ?? [];
    if (!list.includes(p)) list.push(p);
    single.set(key, list);
  }
  // The names person search matches (kb/find-person.ts) are full names here too.
  for (const p of kb.people) {
    for (const n of personNames(p)) {
      const keys = n.split(' ');
      if (keys.length < 2) continue;
      const list = full.get(keys[0]!) ?? [];
      if (!list.some((e) => e.person === p && e.keys.join(' ') === n)) list.push({ keys, person: p });
      full.set(keys[0]!, list);
    }
  }
  for (const list of full.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  for (const n of COMMON_FIRST_NAMES) firstNames.add(nameWords(n)[0]!.key);
  const ownWords = new Map<Person, Set<string>>();
  for (const p of kb.people) ownWords.set(p, new Set(writtenNames(p).flatMap((n) => nameWords(n).map((w) => w.key))));
  return { full, single, firstNames, ownWords };
}

function isMainSurname(p: Person, key: string): boolean {
  return nameWords(p.name.replace(/\s*\([^)]*\)/g, '')).at(-1)?.key === key;
}

function nameIndex(kb: Kb): NameIndex {
  let index = cache.get(kb);
  if (!index) cache.set(kb, (index = buildIndex(kb)));
  return index;
}

// A capitalised word after a name that makes it a place or a thing: "the Kirov Works".
const NAMED_AFTER = words(`
  works plant factory ballet theatre theater street square prospect avenue region oblast province district prize
  canal metro museum university institute academy park station stadium cocktail cocktails line pact constitution
  era years regime cult
`);
const PLACE_BEFORE = new Set(['city', 'town', 'order', 'named', 'port', 'village']);

/** Resolves who a surname means from earlier mentions (the first full name wins). */
export interface NameContext {
  named: Set<Person>;
}

/** A fresh context for one text. */
export function newContext(): NameContext {
  return { named: new Set() };
}

/**
 * The people named in a sentence's tokens, in order. A surname that fits several people
 * is kept only when exactly one of them was named before in the same text.
 */
export function findMentions(kb: Kb, tokens: readonly Token[], context: NameContext): Mention[] {
  const { full, single, firstNames, ownWords } = nameIndex(kb);
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || !t.cap) continue;
    let found: Mention | undefined;
    for (const entry of full.get(t.key) ?? []) {
      let j = i;
      let ok = true;
      for (const key of entry.keys) {
        // Skip an initial between names: "Nikolai I. Yezhov".
        while (j > i && tokens[j]?.kind === 'word' && tokens[j]!.low.length === 1 && tokens[j]!.cap)
          j += tokens[j + 1]?.low === '.' ? 2 : 1;
        if (tokens[j]?.kind !== 'word' || tokens[j]!.key !== key || (j > i && tokens[j - 1]!.poss)) {
          ok = false;
          break;
        }
        j++;
      }
      if (ok) {
        const people = (full.get(t.key) ?? []).filter(
          (e) => e.keys.length === entry.keys.length && e.keys.every((k, n) => k === entry.keys[n]),
        );
        found = { at: i, end: j, people: [...new Set(people.map((e) => e.person))], full: true, poss: tokens[j - 1]!.poss === true };
        break;
      }
    }
    if (!found) {
      let people = single.get(t.key);
      // Someone else of the same surname: "Nikolai Gumilev", "Nadezhda Mandelstam", "A. Smirnov".
      let b = i - 1;
      if (tokens[b]?.low === '.' && tokens[b - 1]?.low.length === 1) b--;
      const first = tokens[b];
      if (people && first?.kind === 'word' && first.cap) {
        if (first.low.length === 1) people = people.filter((p) => [...ownWords.get(p)!].some((w) => w.startsWith(first.low)));
        else if (firstNames.has(first.key)) people = people.filter((p) => ownWords.get(p)!.has(first.key));
      }
      if (people && people.length > 0) found = { at: i, end: i + 1, people, full: false, poss: t.poss === true };
    }
    if (!found) continue;
    const after = tokens[found.end];
    const before = tokens[found.at - 1];
    const beforeOf = tokens[found.at - 2];
    if (
      (after?.kind === 'word' && NAMED_AFTER.has(after.low) && !found.poss) ||
      (before?.low === 'of' && beforeOf && PLACE_BEFORE.has(beforeOf.low)) ||
      (before && (before.low === 'after' || before.low === 'for') && beforeOf?.low === 'named')
    ) {
      i = found.end - 1;
      continue;
    }
    if (found.people.length > 1) {
      const known = found.people.filter((p) => context.named.has(p));
      if (known.length === 1) {
        found.others = found.people.filter((p) => p !== known[0]);
        found.people = known;
      }
    }
    if (found.people.length === 1) context.named.add(found.people[0]!);
    out.push(found);
    i = found.end - 1;
  }
  return out;
}
