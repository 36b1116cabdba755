/**
 * An independent judge of quiz questions against the knowledge base. It reads a question
 * as a student sees it (stem, choices, answer) plus its card id, looks the subject up in
 * the knowledge base, and names every rule the question breaks. It shares no code with the
 * generator's choice of distractors, so a generator bug cannot hide behind its own logic.
 */
import { endDay, formatDate, formatSpan, parseDate, startDay, yearOf } from '../src/kb/dates.js';
import type { Kb } from '../src/kb/model.js';
import { normalize } from '../src/kb/normalize.js';
import type { Person, Statistic } from '../src/kb/schema.js';
import { formatPeriod } from '../src/render/figures.js';

/** The question as the judge needs it (the generator's Question satisfies this). */
export interface Judged {
  id: string;
  kind: string;
  prompt: string;
  choices: string[];
  answerMode: 'choice' | 'year' | 'order';
  answer: string;
  order?: string;
  explanation: string;
  sources: string[];
}

/** The period a quiz was limited to. */
export interface JudgeScope {
  from?: string;
  to?: string;
}

/** The rules, by name (a violation message starts with its rule's name). */
export const RULES = {
  fourChoices: 'four-choices: a choice question has exactly four distinct choices, the answer among them once',
  sources: 'sources: the question cites at least one source, and every id resolves',
  stemGivesAway: "stem-gives-away: the stem does not contain the answer (an event's year or date, a person's name, the figure)",
  period: 'period: the subject falls in the --from/--to period (role dates, fate, event span, statistic period, claim years)',
  whoPost: 'who-post: a "who" question asks about a role of kind "post"',
  whoDistractor: 'who-distractor: no distractor held a post of the same normalised title in overlapping years (missing ends unbounded)',
  whoAnswer: 'who-answer: the answer is the person who held the post',
  fateAnswer: "fate-answer: the answer is the quiz group of the person's recorded fate",
  fateDisjoint: 'fate-disjoint: the choices are distinct, mutually exclusive fate groups',
  fateAlsoRight: 'fate-also-right: no distractor fate group could also be true of the person (from their repression record)',
  fateUncertain: 'fate-uncertain: no question about a person whose recorded fate is in doubt',
  dateAnswer: "date-answer: the answer date falls within the event's span [date, endDate] at its precision",
  dateDistractor: "date-distractor: no distractor date falls within the event's span",
  yearAccepts: 'year-accepts: a typed year question accepts every year of the span and rejects the years around it',
  figureAnswer: "figure-answer: the answer is the statistic's figure",
  figureAttribution: 'figure-attribution: an estimate is asked as an attribution, naming whose estimate it is',
  figurePeriodOnce: "figure-period-once: the statistic's period is printed at most once in the stem",
  figureArithmetic: 'figure-arithmetic: no three of the four figures form an arithmetic sequence',
  figureAlsoRight: 'figure-also-right: no distractor is a recorded figure for the same quantity (same label, unit and period)',
  figureMagnitude: 'figure-magnitude: every distractor is within a factor of 5 of the answer and differs from it by at least 10%',
  claimAnswer: "claim-answer: the answer is the claim's recorded verdict and the choices are the four verdicts",
  orderStrict: 'order-strict: the four events are in a strict order (each ends before the next begins), the answer is that order',
  orderNoYears: 'order-no-years: no item of an order question contains a year',
  feedback: 'feedback: the explanation states the deciding fact (the post and its dates, the fate, the span, the figure)',
} as const;

type Rule = keyof typeof RULES;
const fail = (rule: Rule, detail: string) => `${rule}: ${detail}`;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "5 Aug 1937" / "Aug 1937" / "1937" back to ISO; undefined when it is not a date as shown. */
export function shownDateToIso(text: string): string | undefined {
  const m = /^(?:(\d{1,2}) )?(?:([A-Z][a-z]{2}) )?(\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const [, day, mon, year] = m;
  if (day && !mon) return undefined;
  if (!mon) return year;
  const month = MONTHS.indexOf(mon) + 1;
  if (month === 0) return undefined;
  const iso = `${year}-${String(month).padStart(2, '0')}${day ? `-${day.padStart(2, '0')}` : ''}`;
  return parseDate(iso) ? iso : undefined;
}

/** A role's years as a closed interval; a missing end is unbounded. */
function roleYears(r: { from?: string; to?: string }): [number, number] {
  return [r.from ? yearOf(r.from) : Number.NEGATIVE_INFINITY, r.to ? yearOf(r.to) : Number.POSITIVE_INFINITY];
}

const intersects = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1];

/** A title without parenthetical asides, normalised: "Head of the GUGB (NKVD)" and "head of the gugb" meet. */
export function judgeTitle(title: string): string {
  return normalize(title.replace(/\([^)]*\)/g, ' '));
}

// The judge's own fate groups: fates that name overlapping outcomes share a group.
const JUDGE_GROUPS: Record<string, string> = {
  executed: 'executed',
  'died-in-custody': 'custody-or-murdered',
  killed: 'custody-or-murdered',
  assassinated: 'custody-or-murdered',
  suicide: 'suicide',
  survived: 'survived',
  'natural-death': 'natural',
};

/** Which recorded fates a shown label claims, by its words (old and new labels alike). */
export function fatesOfLabel(label: string): string[] {
  const l = label.toLowerCase();
  const out: string[] = [];
  if (/executed|shot after|death sentence carried/.test(l) && !/not executed|without execution/.test(l)) out.push('executed');
  if (/custody|prison|camp/.test(l)) out.push('died-in-custody');
  if (/killed|murder/.test(l)) out.push('killed');
  if (/assassinat|murder/.test(l)) out.push('assassinated');
  if (/own life|suicide/.test(l)) out.push('suicide');
  if (/survived/.test(l)) out.push('survived');
  if (/natural death/.test(l)) out.push('natural-death');
  return out;
}

const DEATH_WORDS = /\b(died|dies|death|killed|killing|murder\w*|shot|poison\w*|suicide|executed|execution|assassinat\w*|fate)\b/i;
const DOUBT_WORDS =
  /\b(suspect\w*|suspicion\w*|believed?|allegedly|disputed?|uncertain\w*|unclear|never proven|not proven|unproven|possibly|perhaps|may have|might have|rumou?r\w*|contested|unknown)\b/i;

/** True when a sentence about the person's death voices doubt (Sedov: "believed he was murdered"). */
export function judgeFateInDoubt(p: Person): boolean {
  const sentences = p.summary.split(/(?<=[.!?])\s+(?=[A-Z"'(])/);
  return sentences.some((s) => DEATH_WORDS.test(s) && DOUBT_WORDS.test(s));
}

/** Groups that could also be true of a person, from the repression record, besides the recorded one. */
function alsoTrueGroups(p: Person): string[] {
  const out: string[] = [];
  const arrested = p.repression?.arrested;
  if (p.fate === 'survived' && !arrested) out.push('natural');
  if (p.fate === 'suicide' && arrested && p.died && startDay(arrested) <= endDay(p.died)) out.push('custody-or-murdered');
  return out;
}

function fatePeriod(p: Person): [string, string | undefined] {
  if (p.fate === 'natural-death') return [p.born, p.died];
  const start = p.repression?.arrested ?? p.died ?? p.born;
  return [start, p.fate === 'survived' ? p.died : (p.died ?? start)];
}

function inScope(from: string, to: string | undefined, s: JudgeScope): boolean {
  if (s.from && endDay(to ?? '9999') < startDay(s.from)) return false;
  if (s.to && startDay(from) > endDay(s.to)) return false;
  return true;
}

/** Years (1800-2099) written in a text, "1932-33" giving both. */
export function yearsIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\b(1[89]\d\d|20\d\d)(?:\s*[-–]\s*(\d{2,4}))?\b/g)) {
    const a = Number(m[1]);
    out.push(a);
    if (m[2]) {
      const b = m[2].length === 2 ? Math.floor(a / 100) * 100 + Number(m[2]) : Number(m[2]);
      for (let y = a + 1; y <= b && y - a < 200; y++) out.push(y);
    }
  }
  return out;
}

function parseFigure(text: string): [number, number] | undefined {
  const m = /^([\d,.]+)(?:-([\d,.]+))?$/.exec(text.trim());
  if (!m) return undefined;
  const a = Number(m[1]!.replace(/,/g, ''));
  const b = m[2] ? Number(m[2].replace(/,/g, '')) : a;
  return Number.isFinite(a) && Number.isFinite(b) ? [a, b] : undefined;
}

function arithmeticTriple(values: number[]): number[] | undefined {
  const v = [...values].sort((a, b) => a - b);
  for (let i = 0; i < v.length; i++)
    for (let j = i + 1; j < v.length; j++)
      for (let k = j + 1; k < v.length; k++) {
        const d1 = v[j]! - v[i]!;
        const d2 = v[k]! - v[j]!;
        if (Math.abs(d1 - d2) <= 0.03 * (v[k]! - v[i]!)) return [v[i]!, v[j]!, v[k]!];
      }
  return undefined;
}

const sameQuantity = (a: Statistic, b: Statistic) =>
  a.id !== b.id &&
  normalize(a.label) === normalize(b.label) &&
  a.unit === b.unit &&
  a.period.from === b.period.from &&
  a.period.to === b.period.to;

function familyNames(kb: Kb, ids: readonly string[]): string[] {
  return ids.flatMap((id) => kb.source(id)?.authors.map((a) => (a.includes(',') ? a.split(',')[0]! : a.split(' ').at(-1)!).trim()) ?? []);
}

const VERDICT_WORDS: Record<string, RegExp> = {
  accurate: /^accurate\b/i,
  inaccurate: /^inaccurate\b/i,
  disputed: /^disputed\b/i,
  unsupported: /^unsupported\b/i,
};

/** Every rule a question breaks, as "rule: detail" lines (empty when it passes). */
export function judge(kb: Kb, q: Judged, scope: JudgeScope = {}, scoreYear?: (q: Judged, typed: string) => boolean): string[] {
  const out: string[] = [];
  const colon = q.id.indexOf(':');
  const key = q.id.slice(colon + 1);
  const stem = q.prompt;

  if (q.sources.length === 0 || q.sources.some((s) => !kb.source(s))) out.push(fail('sources', q.sources.join(', ')));
  if (q.answerMode === 'choice') {
    if (q.choices.length !== 4 || new Set(q.choices).size !== 4)
      out.push(fail('fourChoices', `${q.choices.length} choices: ${q.choices.join(' | ')}`));
    if (q.choices.filter((c) => c === q.answer).length !== 1)
      out.push(fail('fourChoices', `answer "${q.answer}" is not among the choices once`));
  }
  const distractors = q.choices.filter((c) => c !== q.answer);

  switch (q.kind) {
    case 'who': {
      const [pid, index] = key.split('/');
      const p = kb.person(pid!);
      const role = p?.roles[Number(index)];
      if (!p || !role) return [...out, fail('whoAnswer', `no role ${key}`)];
      if (q.answer !== p.name) out.push(fail('whoAnswer', `answer ${q.answer}, holder ${p.name}`));
      if (role.kind !== 'post') out.push(fail('whoPost', `"${role.title}" is ${role.kind ?? 'unclassified'}`));
      const title = judgeTitle(role.title);
      const years = roleYears(role);
      for (const name of distractors) {
        const candidates = kb.people.filter((o) => o.name === name);
        if (candidates.length === 0) out.push(fail('whoDistractor', `"${name}" is nobody in the knowledge base`));
        for (const o of candidates) {
          if (o.id === p.id) out.push(fail('whoDistractor', `${name} is the answer`));
          const clash = o.roles.find((r) => judgeTitle(r.title) === title && intersects(roleYears(r), years));
          if (clash) out.push(fail('whoDistractor', `${name} also held "${clash.title}" (${clash.from ?? '?'}-${clash.to ?? '?'})`));
        }
      }
      const surname = p.name.split(' ').at(-1)!;
      if (surname.length > 2 && normalize(stem).split(' ').includes(normalize(surname)))
        out.push(fail('stemGivesAway', `the stem names ${p.name}`));
      if (!inScope(role.from ?? '0001', role.to, scope)) out.push(fail('period', `role ${role.from}-${role.to} is outside the period`));
      if (!q.explanation.includes(role.title) || (role.from && !q.explanation.includes(String(yearOf(role.from)))))
        out.push(fail('feedback', 'the explanation does not give the post and its dates'));
      break;
    }
    case 'fate': {
      const p = kb.person(key);
      if (!p) return [...out, fail('fateAnswer', `no person ${key}`)];
      const group = JUDGE_GROUPS[p.fate]!;
      const answerFates = fatesOfLabel(q.answer);
      if (!answerFates.includes(p.fate)) out.push(fail('fateAnswer', `"${q.answer}" for a recorded fate of ${p.fate}`));
      const groups = q.choices.map((c) => new Set(fatesOfLabel(c).map((f) => JUDGE_GROUPS[f])));
      for (let i = 0; i < groups.length; i++)
        for (let j = i + 1; j < groups.length; j++)
          if ([...groups[i]!].some((g) => groups[j]!.has(g)))
            out.push(fail('fateDisjoint', `"${q.choices[i]}" overlaps "${q.choices[j]}"`));
      for (const c of distractors) {
        const gs = fatesOfLabel(c).map((f) => JUDGE_GROUPS[f]);
        if (gs.includes(group)) out.push(fail('fateAlsoRight', `"${c}" also covers ${p.fate}`));
        for (const also of alsoTrueGroups(p))
          if (gs.includes(also)) out.push(fail('fateAlsoRight', `"${c}" could also be true of ${p.name}`));
      }
      if (judgeFateInDoubt(p)) out.push(fail('fateUncertain', `${p.name}'s fate is in doubt in the record`));
      const [from, to] = fatePeriod(p);
      if (!inScope(from, to, scope)) out.push(fail('period', `fate ${from}-${to} is outside the period`));
      break;
    }
    case 'event-date':
    case 'year': {
      const e = kb.event(key);
      if (!e) return [...out, fail('dateAnswer', `no event ${key}`)];
      const span: [number, number] = [startDay(e.date), endDay(e.endDate ?? e.date)];
      const covers = (iso: string) => intersects([startDay(iso), endDay(iso)], span);
      if (q.kind === 'event-date') {
        const answer = shownDateToIso(q.answer);
        if (!answer || !covers(answer)) out.push(fail('dateAnswer', `"${q.answer}" is outside ${formatSpan(e.date, e.endDate)}`));
        for (const d of distractors) {
          const iso = shownDateToIso(d);
          if (!iso) out.push(fail('dateDistractor', `"${d}" is not a date`));
          else if (covers(iso)) out.push(fail('dateDistractor', `"${d}" falls within ${formatSpan(e.date, e.endDate)}`));
        }
      } else if (scoreYear) {
        const [a, b] = [yearOf(e.date), yearOf(e.endDate ?? e.date)];
        for (let y = a; y <= b; y++)
          if (!scoreYear(q, String(y))) out.push(fail('yearAccepts', `${y} is rejected for ${formatSpan(e.date, e.endDate)}`));
        for (const y of [a - 1, b + 1])
          if (scoreYear(q, String(y))) out.push(fail('yearAccepts', `${y} is accepted for ${formatSpan(e.date, e.endDate)}`));
      }
      const spanYears = new Set<number>();
      for (let y = yearOf(e.date); y <= yearOf(e.endDate ?? e.date); y++) spanYears.add(y);
      const leaked = yearsIn(stem).filter((y) => spanYears.has(y));
      if (leaked.length > 0) out.push(fail('stemGivesAway', `the stem contains ${leaked.join(', ')}`));
      for (const iso of [e.date, e.endDate].filter((d): d is string => !!d && d.length > 4)) {
        const d = parseDate(iso)!;
        const long = `${MONTHS_LONG[d.month! - 1]}`;
        if (
          new RegExp(`\\b${d.day ? `${d.day} ${long}|${long} ${d.day}\\b|${d.day} ${MONTHS[d.month! - 1]}\\b` : `${long} ${d.year}`}`).test(
            stem,
          )
        )
          out.push(fail('stemGivesAway', `the stem contains the date ${formatDate(iso)}`));
      }
      if (!inScope(e.date, e.endDate, scope)) out.push(fail('period', `${formatSpan(e.date, e.endDate)} is outside the period`));
      if (!q.explanation.includes(formatSpan(e.date, e.endDate)))
        out.push(fail('feedback', `the explanation does not give the span ${formatSpan(e.date, e.endDate)}`));
      break;
    }
    case 'figure': {
      const s = kb.statistics.find((x) => x.id === key);
      if (!s) return [...out, fail('figureAnswer', `no statistic ${key}`)];
      const truth: [number, number] = s.value !== undefined ? [s.value, s.value] : [s.low!, s.high!];
      const ans = parseFigure(q.answer);
      if (!ans || ans[0] !== truth[0] || ans[1] !== truth[1]) out.push(fail('figureAnswer', `"${q.answer}" for ${truth.join('-')}`));
      if (s.basis === 'estimate') {
        const names = familyNames(kb, s.sources);
        if (!/estimat/i.test(stem) || !names.some((n) => stem.includes(n)))
          out.push(fail('figureAttribution', `"${stem}" does not say whose estimate`));
      }
      const period = formatPeriod(s);
      const times = stem.split(new RegExp(`(?<![\\d-])${period.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\d-])`)).length - 1;
      if (times > 1) out.push(fail('figurePeriodOnce', `"${period}" ${times} times in "${stem}"`));
      const values = q.choices.map(parseFigure).filter((v): v is [number, number] => !!v);
      const triple = arithmeticTriple(values.map(([a]) => a));
      if (triple) out.push(fail('figureArithmetic', triple.join(', ')));
      const mid = (v: [number, number]) => (v[0] + v[1]) / 2;
      for (const d of distractors) {
        const v = parseFigure(d);
        if (!v) {
          out.push(fail('figureMagnitude', `"${d}" is not a figure`));
          continue;
        }
        const ratio = mid(v) / mid(truth);
        if (!(ratio >= 0.2 && ratio <= 5) || Math.abs(ratio - 1) < 0.1) out.push(fail('figureMagnitude', `"${d}" against ${q.answer}`));
        for (const other of kb.statistics.filter((o) => sameQuantity(o, s))) {
          const o: [number, number] = other.value !== undefined ? [other.value, other.value] : [other.low!, other.high!];
          if (v[0] <= o[1] * 1.005 && o[0] <= v[1] * 1.005) out.push(fail('figureAlsoRight', `"${d}" is ${other.id}`));
        }
      }
      if (!inScope(s.period.from, s.period.to, scope)) out.push(fail('period', `${s.period.from}-${s.period.to} is outside the period`));
      if (!q.explanation.includes(q.answer)) out.push(fail('feedback', 'the explanation does not give the figure'));
      break;
    }
    case 'claim': {
      const c = kb.claims.find((x) => x.id === key);
      if (!c) return [...out, fail('claimAnswer', `no claim ${key}`)];
      if (!VERDICT_WORDS[c.verdict]!.test(q.answer)) out.push(fail('claimAnswer', `"${q.answer}" for a verdict of ${c.verdict}`));
      const verdicts = q.choices.map((ch) => Object.keys(VERDICT_WORDS).find((v) => VERDICT_WORDS[v]!.test(ch)));
      if (new Set(verdicts).size !== 4 || verdicts.includes(undefined)) out.push(fail('claimAnswer', `choices ${q.choices.join(' | ')}`));
      const years = yearsIn(`${c.claim} ${c.figure ?? ''}`);
      if (scope.from || scope.to) {
        if (years.length === 0) out.push(fail('period', 'a claim with no year in a limited period'));
        else if (!inScope(String(Math.min(...years)), String(Math.max(...years)), scope))
          out.push(fail('period', `claim years ${years.join(', ')}`));
      }
      break;
    }
    case 'order': {
      const events = key.split('+').map((id) => kb.event(id));
      if (events.length !== 4 || events.some((e) => !e)) return [...out, fail('orderStrict', `bad key ${key}`)];
      const byTitle = new Map(events.map((e) => [e!.title, e!]));
      const letters = q.order ?? '';
      const ordered = [...letters].map((l) => byTitle.get(q.choices['ABCD'.indexOf(l)]!));
      if (ordered.length !== 4 || ordered.some((e) => !e)) out.push(fail('orderStrict', `order ${letters} does not name the four items`));
      else
        for (let i = 1; i < 4; i++)
          if (endDay(ordered[i - 1]!.endDate ?? ordered[i - 1]!.date) >= startDay(ordered[i]!.date))
            out.push(fail('orderStrict', `"${ordered[i - 1]!.title}" does not end before "${ordered[i]!.title}" begins`));
      for (const c of q.choices) if (yearsIn(c).length > 0) out.push(fail('orderNoYears', `"${c}"`));
      for (const e of events) if (!inScope(e!.date, e!.endDate, scope)) out.push(fail('period', `${e!.id} is outside the period`));
      break;
    }
    default:
      out.push(`unknown-kind: ${q.kind}`);
  }
  return out;
}

/** The subjects (people and events) a question is about, for the no-two-in-a-row rule. */
export function subjectsOf(q: Judged): string[] {
  const key = q.id.slice(q.id.indexOf(':') + 1);
  if (q.kind === 'who') return [`person:${key.split('/')[0]}`];
  if (q.kind === 'fate') return [`person:${key}`];
  if (q.kind === 'event-date' || q.kind === 'year') return [`event:${key}`];
  if (q.kind === 'order') return key.split('+').map((k) => `event:${k}`);
  return [];
}
