import { dateKey, type Kb } from './model.js';
import type { Event } from './schema.js';
import { NotFoundError } from '../errors.js';
import { normalize } from './normalize.js';
import { didYouMean, suggest } from './suggest.js';
import { formatDate } from './dates.js';

/** An event matched by a query, with how well (higher is better) and where. */
export interface EventMatch {
  event: Event;
  score: number;
  why: string;
}

// "trials" finds "trial": plurals fold onto the singular for matching words.
const stem = (w: string) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
const words = (text: string) => normalize(text).split(' ').filter(Boolean).map(stem);

interface EventKeys {
  event: Event;
  /** Title and each alias, as stemmed words joined by spaces. */
  names: string[];
  summary: string;
}

const keyCache = new WeakMap<Kb, EventKeys[]>();

const keysFor = (event: Event): EventKeys => ({
  event,
  names: [event.title, event.id.replace(/-/g, ' '), ...(event.aliases ?? [])].map((n) => words(n).join(' ')),
  summary: words(event.summary).join(' '),
});

function keysOf(kb: Kb): EventKeys[] {
  let keys = keyCache.get(kb);
  if (!keys) {
    keys = kb.events.map(keysFor);
    keyCache.set(kb, keys);
  }
  return keys;
}

/**
 * Events of indexed packs (NDJSON lists) that may match: those with a word starting with each
 * query word (a stemmed word is the start of the word it came from), in title, id, aliases,
 * place or summary. Ranked below like the others.
 */
const indexedKeys = (kb: Kb, qs: readonly string[]): EventKeys[] =>
  kb.indexed.flatMap((pack) => pack.byWords('events', qs).records.map(keysFor));

const hasPhrase = (text: string, phrase: string) => ` ${text} `.includes(` ${phrase} `);
const hasAll = (text: string, ws: readonly string[]) => {
  const set = new Set(text.split(' '));
  return ws.every((w) => set.has(w));
};
const hasAllPrefixes = (text: string, ws: readonly string[]) => {
  const list = text.split(' ');
  return ws.every((w) => list.some((t) => t.startsWith(w)));
};

/**
 * Ranks events against a query. A title or alias beats the summary, and within each, the
 * query as a phrase beats its words scattered: an exact title or alias (95), the phrase in
 * a title or alias (90), every word in one (80), the phrase in the summary (50), every word
 * as the start of a title word (45, "lenin" in "Leningrad"; not with `wholeWords`), every
 * word in title and summary together (40).
 */
export function rankEvents(kb: Kb, query: string, { wholeWords = false } = {}): EventMatch[] {
  const qs = words(query);
  if (qs.length === 0) return [];
  const phrase = qs.join(' ');
  const out: EventMatch[] = [];
  for (const k of kb.indexed.length > 0 ? [...keysOf(kb), ...indexedKeys(kb, qs)] : keysOf(kb)) {
    let score = 0;
    let why = '';
    if (k.names.includes(phrase)) [score, why] = [95, 'title or alias'];
    else if (k.names.some((n) => hasPhrase(n, phrase))) [score, why] = [90, 'phrase in title or alias'];
    else if (k.names.some((n) => hasAll(n, qs))) [score, why] = [80, 'words of title or alias'];
    else if (hasPhrase(k.summary, phrase)) [score, why] = [50, 'phrase in summary'];
    else if (!wholeWords && phrase.length >= 3 && k.names.some((n) => hasAllPrefixes(n, qs))) [score, why] = [45, 'starts of title words'];
    else if (hasAll(`${k.names[0]} ${k.summary}`, qs)) [score, why] = [40, 'words of title and summary'];
    if (score > 0) out.push({ event: k.event, score, why });
  }
  // Equal scores keep date order (kb.events is sorted by date; indexed events merge into it).
  if (kb.indexed.length > 0) return out.sort((a, b) => b.score - a.score || dateKey(a.event.date) - dateKey(b.event.date));
  return out.sort((a, b) => b.score - a.score);
}

/** Thrown when no event stands out for a query; carries the candidates for listing. */
export class AmbiguousEventError extends NotFoundError {
  constructor(
    query: string,
    readonly candidates: readonly Event[],
  ) {
    const MAX = 8;
    const list = candidates.slice(0, MAX).map((e) => `${e.title} (${e.id}, ${formatDate(e.date)})`);
    const more = candidates.length > MAX ? `, and ${candidates.length - MAX} more` : '';
    super(`"${query}" matches ${candidates.length} events: ${list.join('; ')}${more}`, 'Use the id in parentheses to pick one.');
  }
}

/**
 * The one event a query means: an exact id, else the best match when it clearly stands
 * out (alone in the best rank). Otherwise AmbiguousEventError lists the candidates, and
 * NotFoundError suggests ids close to the query.
 */
export function findEvent(kb: Kb, query: string): Event {
  // "order 00447" names the id order-00447 as surely as the id itself.
  const id = query.trim().toLowerCase().replace(/\s+/g, '-');
  const exact = kb.event(id);
  if (exact) return exact;
  const matches = rankEvents(kb, query);
  const best = matches[0];
  if (!best) {
    const hint = didYouMean(
      suggest(
        id,
        kb.events.map((e) => e.id),
      ),
    );
    throw new NotFoundError(`no event matches "${query}"`, hint || "Try 'purges search <text>' or 'purges timeline'.");
  }
  const tied = matches.filter((m) => m.score === best.score);
  if (tied.length > 1)
    throw new AmbiguousEventError(
      query,
      tied.map((m) => m.event),
    );
  return best.event;
}
