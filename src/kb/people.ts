import type { Kb } from './model.js';
import type { Person } from './schema.js';
import type { Fate } from './vocab.js';
import { compareDates, endDay, startDay } from './dates.js';
import { normalize } from './normalize.js';
import { byText } from './compare.js';

/** Sort keys of `purges people`. */
export const PEOPLE_SORTS = ['name', 'born', 'died'] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];

/** What `purges people` asks for. */
export interface PeopleQuery {
  fate?: Fate;
  role?: string;
  sort?: PeopleSort;
}

/** The surname a list sorts by: the last word of the English name. */
export function surname(p: Person): string {
  return p.name.slice(p.name.lastIndexOf(' ') + 1);
}

/**
 * A name as an alphabetical list orders it: lowercase, without diacritics ("Béla" with
 * "Bela"). Compared by code unit, not localeCompare, whose collator costs ~3 MB and a few
 * ms of every `purges people`.
 */
function sortKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** People filtered by fate and by a word in a role title, sorted. Unknown death dates sort last. */
export function selectPeople(kb: Kb, q: PeopleQuery): Person[] {
  const role = q.role ? normalize(q.role) : undefined;
  const out = kb.people.filter((p) => (!q.fate || p.fate === q.fate) && (!role || p.roles.some((r) => normalize(r.title).includes(role))));
  const sort = q.sort ?? 'name';
  if (sort === 'name') {
    const keys = new Map(out.map((p) => [p, `${sortKey(surname(p))}\u0000${sortKey(p.name)}`]));
    return out.sort((a, b) => byText(keys.get(a)!, keys.get(b)!));
  }
  return out.sort((a, b) => {
    const x = a[sort];
    const y = b[sort];
    if (x === undefined || y === undefined) return (x === undefined ? 1 : 0) - (y === undefined ? 1 : 0);
    return compareDates(x, y) || byText(sortKey(a.name), sortKey(b.name));
  });
}

/** The first role whose title contains the text (as `--role` matches it). */
export function matchingRole(p: Person, text: string): Person['roles'][number] | undefined {
  const q = normalize(text);
  return p.roles.find((r) => normalize(r.title).includes(q));
}

/**
 * The role a list shows for a person: the one marked primary in the data, else the one
 * held longest (when its dates are known), else the first.
 */
export function mainRole(p: Person): Person['roles'][number] | undefined {
  const primary = p.roles.find((r) => r.primary);
  if (primary) return primary;
  let best = p.roles[0];
  let bestDays = -1;
  for (const r of p.roles) {
    if (!r.from || !r.to) continue;
    const days = endDay(r.to) - startDay(r.from);
    if (days > bestDays) [best, bestDays] = [r, days];
  }
  return best;
}
