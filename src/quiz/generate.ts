/**
 * Question generation: pure functions of the knowledge base and a random source. Each
 * kind knows how to pick a subject at random and how to make the question for a subject,
 * so a saved card id (`fate:yezhov`) rebuilds the same question for review.
 */
import type { Kb } from '../kb/model.js';
import type { Event, Person, Statistic } from '../kb/schema.js';
import { endDay, formatDate, overlaps, startDay, yearOf } from '../kb/dates.js';
import { normalize } from '../kb/normalize.js';
import { formatFigure, formatNumber, formatPeriod } from '../render/figures.js';
import { nearbyDates, nearbyFigures, nearbyRanges } from './distractors.js';
import { pick, sample, shuffle, type Random } from './random.js';
import { LETTERS, QUESTION_KINDS, type Question, type QuestionKind, type Topic } from './question.js';

/** Which part of the knowledge base a quiz draws on. */
export interface QuizScope {
  topic: Topic;
  from?: string;
  to?: string;
}

const FATE_LABEL: Record<string, string> = {
  executed: 'Executed',
  'died-in-custody': 'Died in custody',
  suicide: 'Took their own life',
  assassinated: 'Assassinated',
  killed: 'Killed (not by a court sentence)',
  survived: 'Survived repression or the era',
  'natural-death': 'Died a natural death, never repressed',
};

/** The first sentence; a full stop after an initial ("V. P. Popov") does not end one. */
export function firstSentence(text: string): string {
  return (/^.*?[a-z0-9)'"\]][.!?](?=\s+["'(A-Z0-9]|\s*$)/s.exec(text)?.[0] ?? text).trim();
}

function inScopeEvent(e: Event, s: QuizScope): boolean {
  return overlaps(e.date, e.endDate, s.from, s.to);
}

function inScopePerson(p: Person, s: QuizScope): boolean {
  return overlaps(p.born, p.died, s.from, s.to);
}

function inScopeStat(st: Statistic, s: QuizScope): boolean {
  return overlaps(st.period.from, st.period.to, s.from, s.to);
}

/** A question maker for one kind. */
interface Kind {
  topic: Question['topic'];
  /** Subject keys this kind can ask about within the scope (undefined: drawn at random). */
  subjects(kb: Kb, scope: QuizScope, random: Random): string[];
  make(kb: Kb, key: string, random: Random): Question | undefined;
}

function choiceQuestion(q: Omit<Question, 'choices' | 'answerMode'>, wrong: string[], random: Random): Question | undefined {
  const distinct = [...new Set(wrong.filter((w) => w !== q.answer))];
  if (distinct.length < 1) return undefined;
  return { ...q, answerMode: 'choice', choices: shuffle(random, [q.answer, ...distinct.slice(0, 3)]) };
}

const eventDate: Kind = {
  topic: 'events',
  subjects: (kb, scope) => kb.events.filter((e) => inScopeEvent(e, scope) && e.date.length >= 7).map((e) => e.id),
  make(kb, key, random) {
    const e = kb.event(key);
    if (!e) return undefined;
    const answer = formatDate(e.date);
    return choiceQuestion(
      {
        id: `event-date:${e.id}`,
        kind: 'event-date',
        topic: 'events',
        prompt: `When did this happen? ${e.title}`,
        answer,
        explanation: `${answer}: ${firstSentence(e.summary)}`,
        sources: e.sources,
      },
      nearbyDates(e.date, random).map((d) => formatDate(d)),
      random,
    );
  },
};

function roleWhen(from?: string, to?: string): string {
  if (from && to) return ` (${yearOf(from)}-${yearOf(to)})`;
  if (from) return ` (from ${yearOf(from)})`;
  return '';
}

const who: Kind = {
  topic: 'people',
  subjects(kb, scope) {
    // Only specific posts that one person in the data held: "Secretary of the Central
    // Committee" had several holders, some perhaps not recorded, and would make two right answers.
    const holders = new Map<string, number>();
    for (const p of kb.people) for (const t of new Set(p.roles.map((r) => normalize(r.title)))) holders.set(t, (holders.get(t) ?? 0) + 1);
    return kb.people
      .filter((p) => inScopePerson(p, scope))
      .flatMap((p) => p.roles.map((r, i) => ({ r, key: `${p.id}/${i}` })))
      .filter(({ r }) => holders.get(normalize(r.title)) === 1 && r.title.split(' ').length >= 4 && r.from)
      .map(({ key }) => key);
  },
  make(kb, key, random) {
    const [id, index] = key.split('/');
    const p = kb.person(id!);
    const role = p?.roles[Number(index)];
    if (!p || !role) return undefined;
    const title = normalize(role.title);
    // Nobody who ever held a role of the same name may be a distractor: the question would have two answers.
    const others = kb.people.filter((o) => o.id !== p.id && !o.roles.some((r) => normalize(r.title) === title));
    const near = others.filter((o) => Math.abs(yearOf(o.born) - yearOf(p.born)) <= 15);
    const wrong = sample(random, near.length >= 3 ? near : others, 3).map((o) => o.name);
    return choiceQuestion(
      {
        id: `who:${key}`,
        kind: 'who',
        topic: 'people',
        prompt: `Who was this? ${role.title}${roleWhen(role.from, role.to)}`,
        answer: p.name,
        explanation: `${p.name}: ${firstSentence(p.summary)}`,
        sources: p.sources,
      },
      wrong,
      random,
    );
  },
};

const fate: Kind = {
  topic: 'people',
  subjects: (kb, scope) => kb.people.filter((p) => inScopePerson(p, scope)).map((p) => p.id),
  make(kb, key, random) {
    const p = kb.person(key);
    if (!p) return undefined;
    const answer = FATE_LABEL[p.fate]!;
    const died = p.died ? ` (died ${formatDate(p.died)})` : '';
    return choiceQuestion(
      {
        id: `fate:${p.id}`,
        kind: 'fate',
        topic: 'people',
        prompt: `What was the fate of ${p.name}?`,
        answer,
        explanation: `${p.name}${died}: ${firstSentence(p.summary)}`,
        sources: p.sources,
      },
      sample(
        random,
        Object.values(FATE_LABEL).filter((l) => l !== answer),
        3,
      ),
      random,
    );
  },
};

const figure: Kind = {
  topic: 'stats',
  subjects: (kb, scope) => kb.statistics.filter((s) => inScopeStat(s, scope) && (s.value ?? s.high!) > 0).map((s) => s.id),
  make(kb, key, random) {
    const s = kb.statistics.find((x) => x.id === key);
    if (!s) return undefined;
    const answer = formatFigure(s);
    const wrong =
      s.value !== undefined
        ? nearbyFigures(s.value, random).map(formatNumber)
        : nearbyRanges(s.low!, s.high!, random).map(([l, h]) => `${formatNumber(l)}-${formatNumber(h)}`);
    const basis = s.basis === 'archival' ? 'archival count' : "historians' estimate";
    return choiceQuestion(
      {
        id: `figure:${s.id}`,
        kind: 'figure',
        topic: 'stats',
        prompt: `Which figure is right? ${s.label} (${formatPeriod(s)}, ${s.unit})`,
        answer,
        explanation: `${answer} ${s.unit} (${basis})${s.note ? `: ${firstSentence(s.note)}` : ''}`,
        sources: s.sources,
      },
      wrong,
      random,
    );
  },
};

const claim: Kind = {
  topic: 'claims',
  // Only settled verdicts make a fair true-or-false question.
  subjects: (kb) => kb.claims.filter((c) => c.verdict === 'accurate' || c.verdict === 'inaccurate').map((c) => c.id),
  make(kb, key) {
    const c = kb.claims.find((x) => x.id === key);
    if (!c || (c.verdict !== 'accurate' && c.verdict !== 'inaccurate')) return undefined;
    const answer = c.verdict === 'accurate' ? 'True' : 'False';
    return {
      id: `claim:${c.id}`,
      kind: 'claim',
      topic: 'claims',
      prompt: `True or false? ${c.claim}`,
      answerMode: 'choice',
      choices: ['True', 'False'],
      answer,
      explanation: `${answer}. ${c.figure ? `${c.figure}. ` : ''}${firstSentence(c.explanation)}`,
      sources: c.sources,
    };
  },
};

/** Four events in a strict order (each ends before the next begins) with distinct titles, so the answer is certain. */
function orderable(events: readonly Event[]): boolean {
  if (new Set(events.map((e) => e.title)).size !== events.length) return false;
  const sorted = [...events].sort((a, b) => startDay(a.date) - startDay(b.date));
  for (let i = 1; i < sorted.length; i++)
    if (endDay(sorted[i - 1]!.endDate ?? sorted[i - 1]!.date) >= startDay(sorted[i]!.date)) return false;
  return true;
}

const order: Kind = {
  topic: 'events',
  subjects(kb, scope, random) {
    const pool = kb.events.filter((e) => inScopeEvent(e, scope));
    const keys = new Set<string>();
    for (let tries = 0; tries < 200 && keys.size < 30 && pool.length >= 4; tries++) {
      const four = sample(random, pool, 4);
      if (orderable(four))
        keys.add(
          four
            .map((e) => e.id)
            .sort()
            .join('+'),
        );
    }
    return [...keys];
  },
  make(kb, key, random) {
    const events = key.split('+').map((id) => kb.event(id));
    if (events.length !== 4 || events.some((e) => !e) || !orderable(events as Event[])) return undefined;
    const shown = shuffle(random, events as Event[]);
    const sorted = [...shown].sort((a, b) => startDay(a.date) - startDay(b.date));
    const letters = sorted.map((e) => LETTERS[shown.indexOf(e)]).join('');
    return {
      id: `order:${key}`,
      kind: 'order',
      topic: 'events',
      prompt: 'Put these events in chronological order (earliest first):',
      answerMode: 'order',
      choices: shown.map((e) => e.title),
      answer: sorted.map((e) => e.title).join(' → '),
      order: letters,
      explanation: sorted.map((e) => `${formatDate(e.date)} ${e.title}`).join('; '),
      sources: [...new Set(sorted.flatMap((e) => e.sources))],
    };
  },
};

const year: Kind = {
  topic: 'events',
  subjects: (kb, scope) => kb.events.filter((e) => inScopeEvent(e, scope)).map((e) => e.id),
  make(kb, key) {
    const e = kb.event(key);
    if (!e) return undefined;
    return {
      id: `year:${e.id}`,
      kind: 'year',
      topic: 'events',
      prompt: `In what year? ${e.title}`,
      answerMode: 'year',
      choices: [],
      answer: e.date,
      explanation: `${formatDate(e.date)}: ${firstSentence(e.summary)}`,
      sources: e.sources,
    };
  },
};

const KINDS: Record<QuestionKind, Kind> = { 'event-date': eventDate, who, fate, figure, claim, order, year };

/** Kinds that belong to a topic. */
export function kindsFor(topic: Topic): QuestionKind[] {
  return QUESTION_KINDS.filter((k) => topic === 'all' || KINDS[k].topic === topic);
}

/** Rebuilds the question of a saved card id, or undefined if its subject is gone. */
export function questionFromId(kb: Kb, id: string, random: Random): Question | undefined {
  const colon = id.indexOf(':');
  const kind = KINDS[id.slice(0, colon) as QuestionKind];
  return kind?.make(kb, id.slice(colon + 1), random);
}

/**
 * Up to `count` questions with distinct ids, kinds taking turns so a quiz mixes them;
 * `exclude` ids (cards already asked for review) are skipped.
 */
export function generateQuestions(
  kb: Kb,
  scope: QuizScope,
  count: number,
  random: Random,
  exclude: ReadonlySet<string> = new Set(),
): Question[] {
  const kinds = shuffle(random, kindsFor(scope.topic));
  const pools = new Map(kinds.map((k) => [k, shuffle(random, KINDS[k].subjects(kb, scope, random))]));
  const out: Question[] = [];
  const used = new Set(exclude);
  let turn = 0;
  while (out.length < count && kinds.some((k) => pools.get(k)!.length > 0)) {
    const kind = kinds[turn++ % kinds.length]!;
    const pool = pools.get(kind)!;
    while (pool.length > 0) {
      const key = pool.splice(pick(random, pool.length), 1)[0]!;
      const q = KINDS[kind].make(kb, key, random);
      if (q && !used.has(q.id)) {
        used.add(q.id);
        out.push(q);
        break;
      }
    }
  }
  return out;
}
