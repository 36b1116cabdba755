import type { Kb } from './model.js';
import { normalize } from './normalize.js';
import { matchPeople } from './find-person.js';

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

interface Field {
  name: string;
  text: string | undefined;
  weight: number;
}

/** Scores a record's fields against the query words: all words must occur somewhere. */
function scoreFields(words: readonly string[], phrase: string, fields: readonly Field[]): { score: number; why: string } | undefined {
  const normalized = fields.filter((f) => f.text).map((f) => ({ ...f, norm: ` ${normalize(f.text!)} ` }));
  let score = 0;
  const matched = new Set<string>();
  for (const w of words) {
    let best = 0;
    for (const f of normalized) {
      const whole = f.norm.includes(` ${w} `);
      const part = !whole && f.norm.includes(` ${w}`);
      const s = whole ? f.weight : part ? f.weight / 2 : 0;
      if (s > 0) matched.add(f.name);
      best = Math.max(best, s);
    }
    if (best === 0) return undefined;
    score += best;
  }
  if (words.length > 1 && normalized.some((f) => f.norm.includes(` ${phrase} `))) score *= 1.5;
  return { score, why: `matched in ${[...matched].join(', ')}` };
}

/** One ranked list across people, events, statistics, claims and sources. */
export function search(kb: Kb, text: string, limit = 50): SearchHit[] {
  const phrase = normalize(text);
  if (phrase === '') return [];
  const words = [...new Set(phrase.split(' '))];
  const hits: SearchHit[] = [];
  const people = new Map(matchPeople(kb, text).map((m) => [m.person.id, m]));
  for (const p of kb.people) {
    const byName = people.get(p.id);
    const r = scoreFields(words, phrase, [
      { name: 'name', text: [p.name, p.nativeName, ...p.aliases].join(' '), weight: 10 },
      { name: 'roles', text: p.roles.map((x) => x.title).join(' '), weight: 3 },
      { name: 'summary', text: p.summary, weight: 2 },
    ]);
    if (byName) hits.push({ type: 'person', id: p.id, title: p.name, score: byName.score, why: `${byName.why} match` });
    else if (r) hits.push({ type: 'person', id: p.id, title: p.name, score: r.score, why: r.why });
  }
  for (const e of kb.events) {
    const r = scoreFields(words, phrase, [
      { name: 'title', text: e.title, weight: 8 },
      { name: 'id', text: e.id, weight: 6 },
      { name: 'place', text: e.place, weight: 3 },
      { name: 'summary', text: e.summary, weight: 2 },
    ]);
    if (r) hits.push({ type: 'event', id: e.id, title: e.title, ...r });
  }
  for (const s of kb.statistics) {
    const r = scoreFields(words, phrase, [
      { name: 'label', text: s.label, weight: 8 },
      { name: 'category', text: s.category, weight: 4 },
      { name: 'note', text: s.note, weight: 2 },
    ]);
    if (r) hits.push({ type: 'statistic', id: s.id, title: s.label, ...r });
  }
  for (const c of kb.claims) {
    const r = scoreFields(words, phrase, [
      { name: 'claim', text: c.claim, weight: 8 },
      { name: 'explanation', text: c.explanation, weight: 2 },
    ]);
    if (r) hits.push({ type: 'claim', id: c.id, title: c.claim, ...r });
  }
  for (const s of kb.sources) {
    const r = scoreFields(words, phrase, [
      { name: 'title', text: s.title, weight: 5 },
      { name: 'authors', text: s.authors.join(' '), weight: 5 },
    ]);
    if (r) hits.push({ type: 'source', id: s.id, title: s.title, ...r });
  }
  return hits.sort((a, b) => b.score - a.score || a.type.localeCompare(b.type) || a.title.localeCompare(b.title)).slice(0, limit);
}
