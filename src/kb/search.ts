import type { Kb } from './model.js';
import type { Event, Person } from './schema.js';
import { normalize } from './normalize.js';
import { matchPeople, personNames } from './find-person.js';
import { byText } from './compare.js';

/** Kinds of record that search returns. */
export type HitType = 'person' | 'event' | 'statistic' | 'claim' | 'source';

/** One search result: what it is, its id and title, and where the text matched. */
export interface SearchHit {
  type: HitType;
  id: string;
  title: string;
  score: number;
  why: string;
}

/** A searchable field, already normalised (see normalize), with its weight. */
export interface IndexedField {
  name: string;
  norm: string;
  weight: number;
}

/** One record as search sees it. */
export interface IndexEntry {
  type: HitType;
  id: string;
  title: string;
  fields: IndexedField[];
  /** For people: their normalised names, for matching a person by name. */
  names?: string[];
}

function fields(list: Array<[string, string | undefined, number]>): IndexedField[] {
  return list.filter(([, text]) => text).map(([name, text, weight]) => ({ name, norm: ` ${normalize(text!)} `, weight }));
}

/** How search sees a person. */
export function personEntry(p: Person): IndexEntry {
  return {
    type: 'person',
    id: p.id,
    title: p.name,
    names: personNames(p),
    fields: fields([
      ['name', [p.name, p.nativeName, ...p.aliases].join(' '), 10],
      ['roles', p.roles.map((x) => x.title).join(' '), 3],
      ['summary', p.summary, 2],
    ]),
  };
}

/** How search sees an event. */
export function eventEntry(e: Event): IndexEntry {
  return {
    type: 'event',
    id: e.id,
    title: e.title,
    fields: fields([
      ['title', e.title, 8],
      ['aliases', e.aliases?.join(' / '), 8],
      ['id', e.id, 6],
      ['place', e.place, 3],
      ['summary', e.summary, 2],
    ]),
  };
}

/**
 * The search index of a knowledge base: every searchable field normalised once. The
 * build writes it for the bundled data (dist/search-index.json); packs get it computed.
 */
export function buildSearchIndex(kb: Pick<Kb, 'people' | 'events' | 'statistics' | 'claims' | 'sources'>): IndexEntry[] {
  return [
    ...kb.people.map(personEntry),
    ...kb.events.map(eventEntry),
    ...kb.statistics.map((s) => ({
      type: 'statistic' as const,
      id: s.id,
      title: s.label,
      fields: fields([
        ['label', s.label, 8],
        ['category', s.category, 4],
        ['note', s.note, 2],
      ]),
    })),
    ...kb.claims.map((c) => ({
      type: 'claim' as const,
      id: c.id,
      title: c.claim,
      fields: fields([
        ['claim', c.claim, 8],
        ['explanation', c.explanation, 2],
      ]),
    })),
    ...kb.sources.map((s) => ({
      type: 'source' as const,
      id: s.id,
      title: s.title,
      fields: fields([
        ['title', s.title, 5],
        ['authors', s.authors.join(' '), 5],
      ]),
    })),
  ];
}

/** Scores a record's fields against the query words: all words must occur somewhere. */
function scoreFields(
  words: readonly string[],
  phrase: string,
  normalized: readonly IndexedField[],
): { score: number; why: string } | undefined {
  let score = 0;
  const matched = new Set<string>();
  for (const w of words) {
    let best = 0;
    let also = 0;
    for (const f of normalized) {
      const whole = f.norm.includes(` ${w} `);
      const part = !whole && f.norm.includes(` ${w}`);
      const s = whole ? f.weight : part ? f.weight / 2 : 0;
      if (s > 0) matched.add(f.name);
      also += s;
      best = Math.max(best, s);
    }
    if (best === 0) return undefined;
    // The best field counts; every other field that also matches adds a little.
    score += best + (also - best) / 10;
  }
  if (words.length > 1 && normalized.some((f) => f.norm.includes(` ${phrase} `))) score *= 1.5;
  return { score, why: `matched in ${[...matched].join(', ')}` };
}

/**
 * One ranked list across people, events, statistics, claims and sources. Records of indexed
 * packs (NDJSON lists) are found by the words of their names (people) or of their title, id,
 * place and summary (events), then ranked like the others.
 */
export function search(kb: Kb, text: string, limit = 50): SearchHit[] {
  const phrase = normalize(text);
  if (phrase === '') return [];
  const words = [...new Set(phrase.split(' '))];
  const people = new Map(matchPeople(kb, text).map((m) => [m.person.id, m]));
  const hits: SearchHit[] = [];
  const add = (entry: IndexEntry) => {
    const byName = entry.type === 'person' ? people.get(entry.id) : undefined;
    if (byName) {
      people.delete(entry.id);
      hits.push({ type: 'person', id: entry.id, title: entry.title, score: byName.score, why: `${byName.why} match` });
      return;
    }
    const r = scoreFields(words, phrase, entry.fields);
    if (r) hits.push({ type: entry.type, id: entry.id, title: entry.title, ...r });
  };
  for (const entry of kb.searchIndex()) add(entry);
  // Left in the map: people of indexed packs, matched by name.
  for (const m of people.values()) add(personEntry(m.person));
  for (const pack of kb.indexed) for (const e of pack.byWords('events', words).records) add(eventEntry(e));
  return hits.sort((a, b) => b.score - a.score || byText(a.type, b.type) || byText(a.title, b.title)).slice(0, limit);
}
