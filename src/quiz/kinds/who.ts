/**
 * "Who held this post?" Only roles of kind `post` (one holder at a time) are asked, and no
 * distractor held the same post, or one much like it, in any year the question shows.
 */
import { formatDate, yearOf } from '../../kb/dates.js';
import type { Kb } from '../../kb/model.js';
import type { Person } from '../../kb/schema.js';
import { sample } from '../random.js';
import { hasPeriod, inPeriod, type QuizScope } from '../scope.js';
import { normalized } from '../text.js';
import { cardId, fourChoices, type Kind } from './kind.js';

type Role = Person['roles'][number];

/** A title without its parenthetical asides, normalised: the judge's notion of "the same title". */
export function postTitle(title: string): string {
  return normalized(title.replace(/\([^)]*\)/g, ' '));
}

const STOP = new Set(['of', 'the', 'and', 'for', 'a', 'an', 'in', 'to', 'from', 'then', 'later', 's', 'ussr', 'soviet']);
const words = (title: string) =>
  new Set(
    normalized(title)
      .split(' ')
      .filter((w) => !STOP.has(w) && !/^\d+$/.test(w)),
  );

/**
 * True when two titles may name the same post: equal once normalised, or the words of the
 * shorter mostly found in the longer ("Head of the Political Directorate of the Red Army" and
 * "Head of the Political Administration of the Red Army and Deputy People's Commissar").
 */
export function samePost(a: string, b: string): boolean {
  if (postTitle(a) === postTitle(b)) return true;
  const [x, y] = [words(a), words(b)];
  const [small, big] = x.size <= y.size ? [x, y] : [y, x];
  if (small.size === 0) return false;
  let shared = 0;
  for (const w of small) if (big.has(w)) shared++;
  return shared / small.size >= 0.6;
}

/** A role's years, whole years as the question shows them; a missing end is unbounded. */
function years(r: Role): [number, number] {
  return [r.from ? yearOf(r.from) : Number.NEGATIVE_INFINITY, r.to ? yearOf(r.to) : Number.POSITIVE_INFINITY];
}

/** True when `other` held a post like `role` in a year that `role` covers. */
function heldLike(other: Person, role: Role): boolean {
  const [a, b] = years(role);
  return other.roles.some((r) => {
    const [c, d] = years(r);
    return c <= b && a <= d && samePost(r.title, role.title);
  });
}

function roleAt(kb: Kb, key: string): [Person, Role] | undefined {
  const [id, index] = key.split('/');
  const p = kb.person(id!);
  const role = p?.roles[Number(index)];
  return p && role ? [p, role] : undefined;
}

function when(r: Role): string {
  if (r.from && r.to) return yearOf(r.from) === yearOf(r.to) ? ` (${yearOf(r.from)})` : ` (${yearOf(r.from)}-${yearOf(r.to)})`;
  if (r.from) return ` (from ${yearOf(r.from)})`;
  if (r.to) return ` (until ${yearOf(r.to)})`;
  return '';
}

function fullWhen(r: Role): string {
  if (r.from && r.to) return `, ${formatDate(r.from)} - ${formatDate(r.to)}`;
  if (r.from) return `, from ${formatDate(r.from)}`;
  if (r.to) return `, until ${formatDate(r.to)}`;
  return '';
}

/** The title does not give the holder away (a post named after its holder). */
function namesHolder(p: Person, r: Role): boolean {
  const title = normalized(r.title).split(' ');
  return [p.name, ...p.aliases].some((n) => {
    const surname = normalized(n).split(' ').at(-1)!;
    return surname.length > 2 && title.includes(surname);
  });
}

/**
 * When a role falls for --from/--to: a missing start is the person's birth, a missing end their
 * death (or the start, for someone alive); a role with no dates at all is in no period.
 */
function roleInScope(p: Person, r: Role, scope: QuizScope): boolean {
  if (!hasPeriod(scope)) return true;
  if (!r.from && !r.to) return false;
  return inPeriod(scope, r.from ?? p.born, r.to ?? p.died ?? r.from);
}

export const who: Kind = {
  topic: 'people',
  subjects: (kb, scope) =>
    kb.people.flatMap((p) =>
      p.roles.flatMap((r, i) => (r.kind === 'post' && !namesHolder(p, r) && roleInScope(p, r, scope) ? [`${p.id}/${i}`] : [])),
    ),
  inScope(kb, key, scope) {
    const found = roleAt(kb, key);
    return !!found && roleInScope(found[0], found[1], scope);
  },
  isRight(kb, key, choice) {
    const found = roleAt(kb, key);
    if (!found) return false;
    return kb.people.some((o) => o.name === choice && (o.id === found[0].id || heldLike(o, found[1])));
  },
  make(kb, key, random) {
    const found = roleAt(kb, key);
    if (!found) return undefined;
    const [p, role] = found;
    if (role.kind !== 'post' || namesHolder(p, role)) return undefined;
    // Plausible distractors: people of the same generation who held some post of their own.
    const others = kb.people.filter((o) => o.id !== p.id && o.name !== p.name && !heldLike(o, role));
    const near = others.filter((o) => Math.abs(yearOf(o.born) - yearOf(p.born)) <= 15 && o.roles.some((r) => r.kind === 'post'));
    const pool = near.length >= 3 ? near : others;
    return fourChoices(
      {
        id: cardId('who', key),
        kind: 'who',
        topic: 'people',
        subjects: [`person:${p.id}`],
        prompt: `Who held this post? ${role.title}${when(role)}`,
        answer: p.name,
        explanation: `${p.name}: ${role.title}${fullWhen(role)}.`,
        sources: p.sources,
      },
      sample(random, pool, 6).map((o) => o.name),
      random,
      (choice) => who.isRight!(kb, key, choice),
    );
  },
};
