/**
 * Figures with their subject ("681,692 people were shot in 1937-38", "over a million died in
 * the camps"), compared with the statistics of the same kind, period and scope.
 *
 * A figure is tied to the subject words next to it (shot, arrested, deported...), to the
 * nearest date in its clause, and to the words that narrow a statistic's scope (a label's
 * "Polish operation", "Katyn"): a statistic whose label names a scope is only compared with
 * a figure whose clause names it too. Then, honouring bases and ranges:
 *   accurate    within 5% of an archival count (or of the only estimate there is);
 *   disputed    inside a recorded range, near one of several conflicting estimates, or
 *               between the archival count and the estimates;
 *   inaccurate  more than 20% from every recorded value, outside them all.
 * Anything in between is not reported: precision before recall.
 */
import type { Kb } from '../kb/model.js';
import type { Statistic } from '../kb/schema.js';
import type { StatCategory, Verdict } from '../kb/vocab.js';
import { latinLower } from '../kb/normalize.js';
import type { Token } from './tokens.js';
import type { DateMention } from './when.js';
import { words } from './lexicon.js';

/** A figure judged against the statistics. */
export interface FigureFinding {
  at: number;
  end: number;
  verdict: Verdict;
  explanation: string;
  expected?: string;
  stat: Statistic;
  sources: string[];
}

type Bound = 'about' | 'min' | 'max' | 'nearly';

// Subject words by category, matched as prefixes of the token's lowercase form.
const SUBJECTS: Array<[RegExp, StatCategory]> = [
  [/^(?:execut|shot$|shooting)/, 'executions'],
  [/^(?:arrest|detain)/, 'arrests'],
  [/^(?:convict|sentenced$|condemned$)/, 'convictions'],
  [/^(?:deport|exiled$|resettled$)/, 'deportations'],
  [/^rehabilitat/, 'rehabilitation'],
  [/^(?:died$|deaths?$|perished$)/, 'deaths'],
  [/^(?:gulag$|camps?$|inmates?$|imprisoned$)/, 'gulag'],
  [/^(?:killed$|murdered$|victims?$)/, 'victims'],
  [/^(?:discharged$|dismissed$)/, 'military'],
];

const BOUNDS: Array<[string, Bound]> = [
  ['more than', 'min'],
  ['at least', 'min'],
  ['no fewer than', 'min'],
  ['no less than', 'min'],
  ['well over', 'min'],
  ['over', 'min'],
  ['upwards of', 'min'],
  ['in excess of', 'min'],
  ['up to', 'max'],
  ['fewer than', 'max'],
  ['less than', 'max'],
  ['under', 'max'],
  ['at most', 'max'],
  ['far below', 'max'],
  ['below', 'max'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
  ['just under', 'nearly'],
];

// Label words that say nothing about a statistic's scope.
const GENERIC = new Set(
  `people persons person sentenced death deaths secret police cases case nkvd ogpu mgb mvd cheka convicted convictions arrested arrests shot
  executions executed execution estimate estimates estimated archival repressed repression recorded prisoners prisoner who were was and or of in
  the a an to from by for with on at all kinds total totals number count counts plus mid january february march april may june july august
  september october november december spring summer autumn winter first second half great terror purge purges yezhovshchina commission table
  report data tabulation official officially according stalin stalin's soviet ussr union regime era under during period year years between
  other others their his its various about approximately some including included includes excluding within sentences sentence highest measure
  punishment shooting political counter revolutionary crimes crime state especially dangerous people's deliberate purposive killings killed
  victims died perished camp deaths dead lives lost also into through passed sent admissions distinct pospelov shvernik khrushchev summary
  statistical figures figure given cited printed published`.split(/\s+/),
);

const isDash = (t: Token | undefined) => t?.kind === 'mark' && '-–—'.includes(t.low);
const clauseEnd = (t: Token | undefined) => !t || (t.kind === 'mark' && /^[;:.!?()]$/.test(t.low));
const boundaryForScope = (t: Token | undefined) => clauseEnd(t) || t?.low === ',';

interface StatInfo {
  stat: Statistic;
  category: StatCategory;
  years: [number, number];
  scope: Set<string>;
  /** Every word of the label, stemmed. */
  labelWords: Set<string>;
  values: number[];
}

const cache = new WeakMap<Kb, StatInfo[]>();

/** Words of a label that narrow its scope: "Polish", "operation", "Katyn"; not authors or generic words. */
function scopeWords(label: string, authors: ReadonlySet<string>): Set<string> {
  const clean = label.replace(/\b[\p{Lu}][\p{L}-]+(?:'s|’s) estimate\b/gu, ' ');
  const out = new Set<string>();
  for (const raw of latinLower(clean).split(/[^a-z0-9']+/)) {
    const w = raw.replace(/'s$|'/g, '');
    if (w.length < 3 || /^\d{4}$/.test(w) || GENERIC.has(w) || authors.has(w) || SUBJECTS.some(([re]) => re.test(w))) continue;
    out.add(stem(w));
  }
  return out;
}

/** A crude stem, so "operations" meets "operation" and "Poles" meets "Polish" no better than before. */
function stem(w: string): string {
  return w.replace(/(?:ies)$/, 'y').replace(/(?<=[a-z]{3})s$/, '');
}

function infos(kb: Kb): StatInfo[] {
  let list = cache.get(kb);
  if (list) return list;
  const authors = new Set<string>();
  for (const s of kb.sources) for (const a of s.authors) authors.add(latinLower(a.split(',')[0]!.trim().split(' ').at(-1)!));
  list = kb.statistics
    .filter((s) => !/per ?cent|%|rate|ratio|share/i.test(s.unit))
    .map((stat) => ({
      stat,
      category: stat.category,
      years: [Number(stat.period.from.slice(0, 4)), Number(stat.period.to.slice(0, 4))] as [number, number],
      scope: scopeWords(stat.label, authors),
      labelWords: new Set(
        latinLower(stat.label)
          .split(/[^a-z0-9]+/)
          .map(stem),
      ),
      values: stat.value !== undefined ? [stat.value] : [stat.low!, stat.high!],
    }));
  cache.set(kb, list);
  return list;
}

/** A figure's subject: its category and where its words are. */
interface Subject {
  category: StatCategory;
  /** First and one past the last token of the subject words. */
  first: number;
  end: number;
}

/** The category of the subject words in a window; 'several' when they name more than one kind. */
function subjectOf(tokens: readonly Token[], from: number, to: number): Subject | 'several' | undefined {
  const found = new Set<StatCategory>();
  let first = -1;
  let end = from;
  const add = (cat: StatCategory, at: number, last: number) => {
    found.add(cat);
    if (first < 0) first = at;
    end = last + 1;
  };
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    // "sentenced to death", "death sentences": executions, not convictions or deaths.
    if ((t.low === 'sentenced' || t.low === 'condemned') && tokens[i + 1]?.low === 'to' && tokens[i + 2]?.low === 'death') {
      add('executions', i, i + 2);
      i += 2;
      continue;
    }
    if (t.low === 'death' && /^sentences?$/.test(tokens[i + 1]?.low ?? '')) {
      add('executions', i, i + 1);
      i++;
      continue;
    }
    for (const [re, cat] of SUBJECTS) if (re.test(t.low)) add(cat, i, i);
  }
  if (found.has('deaths') && found.has('gulag')) found.delete('gulag'); // died in the camps
  if (found.has('executions') && found.has('victims')) found.delete('victims'); // victims were shot
  if (found.size === 0) return undefined;
  return found.size === 1 ? { category: [...found][0]!, first, end } : 'several';
}

/** The subject nearer the figure, on its right ("1.5 million were arrested") or left ("arrested 1.5 million"). */
function nearestSubject(
  tokens: readonly Token[],
  i: number,
  left: number,
  right: number,
): { subject: Subject; after: boolean } | undefined {
  const after = subjectOf(tokens, i + 1, right);
  const before = subjectOf(tokens, left, i);
  const distAfter = after === undefined ? Infinity : after === 'several' ? 0 : after.first - i;
  const distBefore = before === undefined ? Infinity : before === 'several' ? 0 : i - before.end + 1;
  // Subjects of more than one kind next to a figure ("arrested and shot") leave it unread.
  if (after === 'several' || before === 'several' || distAfter === distBefore) return undefined;
  return distAfter < distBefore ? { subject: after as Subject, after: true } : { subject: before as Subject, after: false };
}

function boundBefore(tokens: readonly Token[], i: number): Bound {
  for (const [phrase, bound] of BOUNDS) {
    const ws = phrase.split(' ');
    if (ws.every((w, n) => tokens[i - ws.length + n]?.low === w)) return bound;
  }
  return 'about';
}

// Numbers that are not figures: "Order 00447", "Article 58", "aged 49", "the 17th Congress".
const NOT_FIGURE_BEFORE = new Set(['order', 'article', 'no', 'number', 'page', 'pp', 'p', 'chapter', 'section', 'vol', 'aged', 'age']);

/** The figures of one sentence judged against the statistics. */
export function figureFacts(kb: Kb, tokens: readonly Token[], dates: readonly DateMention[]): FigureFinding[] {
  const stats = infos(kb);
  const out: FigureFinding[] = [];
  const inDate = new Set<number>();
  for (const d of dates) for (let i = d.at; i < d.end; i++) inDate.add(i);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'num' || t.vague || t.percent || t.year || t.ordinal || inDate.has(i) || t.value! < 10) continue;
    if (NOT_FIGURE_BEFORE.has(tokens[i - 1]?.low ?? '') || !isFigure(tokens, i)) continue;
    // "93 of the 139": the second number is the whole, not a figure.
    if (
      (tokens[i - 1]?.low === 'of' && tokens[i - 2]?.kind === 'num') ||
      (tokens[i - 1]?.low === 'the' && tokens[i - 2]?.low === 'of' && tokens[i - 3]?.kind === 'num')
    )
      continue;
    // The clause around the figure, and its subject: right first ("1.5 million were shot"), then left ("shot 1.5 million").
    let right = i + 1;
    while (
      right < tokens.length &&
      right - i <= 10 &&
      !clauseEnd(tokens[right]) &&
      !(tokens[right]!.kind === 'num' && !tokens[right]!.year && !inDate.has(right))
    )
      right++;
    let left = i;
    while (left > 0 && i - left < 8 && !clauseEnd(tokens[left - 1]) && !(tokens[left - 1]!.kind === 'num' && !inDate.has(left - 1))) left--;
    // "Historians no longer believe that 60 million were killed", "Solzhenitsyn claimed 66 million": not asserted.
    if (!asserted(tokens, left, right, i)) continue;
    const near = nearestSubject(tokens, i, left, right);
    if (!near) continue;
    const { category } = near.subject;
    const after = near.after ? near.subject : undefined;
    // Scope words: the figure's own clause, up to commas.
    let sl = i;
    while (sl > 0 && i - sl < 8 && !boundaryForScope(tokens[sl - 1])) sl--;
    let sr = i + 1;
    while (sr < tokens.length && sr - i <= 12 && !boundaryForScope(tokens[sr])) sr++;
    const words = new Set(
      tokens.slice(sl, sr).flatMap((w) => (w.kind === 'word' ? [stem(w.low)] : w.kind === 'num' ? [String(w.value)] : [])),
    );
    const periodDate = nearestDate(tokens, dates, i, sl, sr);
    const period = periodOf(tokens, periodDate);
    // A place or body the statistic does not name ("shot in the Medvedev forest", "at Butovo") makes
    // the figure a part, not the whole; so does a figure far below every recorded one.
    const names = namesIn(tokens, sl, sr, i);
    // The noun after the figure names its population: "13 defendants", "1.8 million peasants".
    const noun = tokens[i + 1]?.kind === 'word' && !POPULATION_NEUTRAL.has(tokens[i + 1]!.low) ? stem(tokens[i + 1]!.low) : undefined;
    const candidates = matchStats(stats, category, period, words).filter(
      (c) => t.value! >= 0.25 * Math.min(...c.values) && names.every((n) => c.labelWords.has(n)) && (!noun || c.labelWords.has(noun)),
    );
    if (candidates.length === 0) continue;
    const bound = boundBefore(tokens, i);
    const judged = judgeFigure(t.value!, bound, candidates);
    if (!judged) continue;
    if (judged.verdict === 'inaccurate') {
      // A figure that is some recorded figure of the kind (another scope or period), or a sentence
      // that also gives the statistic's own figure (a breakdown of it): not a contradiction.
      const v = t.value!;
      if (stats.some((s) => s.category === category && s.values.some((x) => rel(v, x) <= 0.02))) continue;
      const others = tokens.filter((o, j) => j !== i && o.kind === 'num' && !o.vague);
      if (others.some((o) => candidates.some((c) => c.values.some((x) => rel(o.value!, x) <= 0.005)))) continue;
    }
    let at = after ? i : left;
    while (at > sl && BOUNDS.some(([p]) => p.split(' ').includes(tokens[at - 1]!.low))) at--;
    // The statement: from the figure (or its verb) to its subject word, and to its date when that follows.
    let end = Math.max(i + 1, after ? after.end : 0);
    if (periodDate && periodDate.at >= end && periodDate.at - end <= 3) end = periodDate.end;
    out.push({ at, end, ...judged });
  }
  return out;
}

const MONTH_NAMES =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/;
const UNITS_OF_TIME = /^(?:years?|months?|weeks?|days?|hours?|minutes?|times|kilometres?|km|miles?|metres?)$/;
// Words that make a figure a part of something said before: "of whom 111,091", "31,000 of them".
const PART_OF = new Set(['whom', 'which', 'them', 'these', 'those', 'including', 'among']);

/** False for numbers that are days of a month, lengths of time, or parts of a figure given before. */
function isFigure(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (next?.kind === 'word' && (MONTH_NAMES.test(next.low) || UNITS_OF_TIME.test(next.low))) return false;
  if (prev?.kind === 'word' && MONTH_NAMES.test(prev.low) && prev.cap) return false;
  if (prev?.kind === 'word' && PART_OF.has(prev.low)) return false;
  if (prev?.low === 'with' || prev?.low === 'all') return false;
  // "among the 35,020 discharged", "out of 139": the whole a part is taken from.
  if (prev?.low === 'the' && /^(?:among|of|from)$/.test(tokens[i - 2]?.low ?? '')) return false;
  // "437,000-445,000": a range, not one figure.
  if ((isDash(prev) && tokens[i - 2]?.kind === 'num') || (isDash(next) && tokens[i + 2]?.kind === 'num')) return false;
  if (next?.low === 'of' && PART_OF.has(tokens[i + 2]?.low ?? '')) return false;
  if (tokens[i - 2]?.low === 'of' && PART_OF.has(prev?.low ?? '')) return false;
  return true;
}

// Words after a figure that leave its population open: "1.5 million people were shot", "750,000 were shot".
const POPULATION_NEUTRAL = new Set(
  `people persons individuals citizens men women soviet were was had have are is died perished in of to and or more others
  innocent ordinary victims lives souls executions arrests shot executed killed arrested convicted deported sentenced death
  alleged so-called`.split(/\s+/),
);

// Capitalised words that do not narrow a figure: the state, its police, the period's names.
const BROAD_NAMES = words(`
  soviet soviets ussr union russia russian russians nkvd ogpu mgb mvd stalin great terror purge gulag
  yezhovshchina communist party bolshevik bolsheviks the in some about around over under nearly almost according
`);

/** The capitalised words of a figure's clause that could narrow it (places, bodies, peoples), stemmed. */
function namesIn(tokens: readonly Token[], from: number, to: number, i: number): string[] {
  const out: string[] = [];
  for (let j = from; j < to; j++) {
    const t = tokens[j]!;
    if (j === i || t.kind !== 'word' || !t.cap || j === 0 || BROAD_NAMES.has(t.low) || MONTH_NAMES.test(t.low)) continue;
    if (tokens[j - 1]?.kind === 'mark' && /^[.!?:;"“(]$/.test(tokens[j - 1]!.low)) continue;
    out.push(stem(t.low));
  }
  return out;
}

const NEGATIONS = words(`
  not never no nor neither cannot would could might should if whether unless perhaps possibly
`);
const REPORTS = words(`
  said says say claimed claims claim believed believe believes argued argues argue suggested suggests wrote
  writes asserted asserts alleged alleges allegedly reported reportedly supposedly myth legend false falsely
  wrongly exaggerated inflated rumoured propaganda estimate estimates
`);

/** True when the figure is the writer's own statement: not negated, hedged, or someone else's claim. */
function asserted(tokens: readonly Token[], left: number, right: number, i: number): boolean {
  for (let j = left; j < right; j++) if (j !== i && NEGATIONS.has(tokens[j]!.low) && tokens[j]!.kind === 'word') return false;
  for (let j = 0; j < tokens.length; j++) {
    const w = tokens[j]!.low;
    if (REPORTS.has(w) || /^(?:did|was|were|is|are|had|has|could|would)nt$/.test(w)) return false;
    // "according to Solzhenitsyn", "Conquest estimated": a named writer's figure.
    if (j < i && w === 'according' && tokens[j + 1]?.low === 'to' && tokens[j + 2]?.cap && !BROAD_NAMES.has(tokens[j + 2]!.low))
      return false;
    if (
      j < i &&
      /^estimat/.test(w) &&
      tokens[j - 1]?.kind === 'word' &&
      (tokens[j - 1]!.cap || /^(?:he|she|they|historians|some|others|who)$/.test(tokens[j - 1]!.low))
    )
      return false;
  }
  return true;
}

// "the 1953 report", "the 1939 census": a document's date, not the period a figure covers.
const DOCUMENTS =
  /^(?:report|reports|table|tables|summary|census|count|counts|figure|figures|data|statistics|letter|note|memorandum|decree|order|law|article|book|study|edition|estimate|survey)$/;

/** The date of a figure's own clause, or one opening the sentence before it ("In 1937-38, ..."). */
function nearestDate(
  tokens: readonly Token[],
  dates: readonly DateMention[],
  i: number,
  from: number,
  to: number,
): DateMention | undefined {
  let best: DateMention | undefined;
  for (const d of dates) {
    const inClause = d.at >= from && d.end <= to;
    const opening = d.end === from - 1 && d.at <= 2 && (d.prep === 'in' || d.prep === 'during');
    if (!inClause && !opening) continue;
    if (tokens[d.at - 1]?.low === 'the' || DOCUMENTS.test(tokens[d.end]?.low ?? '')) continue;
    if (!best || Math.abs(d.at - i) < Math.abs(best.at - i)) best = d;
  }
  return best;
}

/** The years a figure is about: its date, "the Great Terror", or undefined. */
function periodOf(tokens: readonly Token[], date: DateMention | undefined): [number, number] | undefined {
  if (date) return [Number(date.from.slice(0, 4)), Number(date.to.slice(0, 4))];
  for (let j = 0; j < tokens.length; j++) {
    const w = tokens[j]!.low;
    if ((w === 'great' && /^(?:terror|purge)$/.test(tokens[j + 1]?.low ?? '')) || w === 'yezhovshchina' || w === 'ezhovshchina')
      return [1937, 1938];
  }
  return undefined;
}

function matchStats(
  stats: readonly StatInfo[],
  category: StatCategory,
  period: [number, number] | undefined,
  words: ReadonlySet<string>,
): StatInfo[] {
  const inPeriod = stats.filter((s) => {
    if (s.category !== category) return false;
    // No period given: only the long series (a regime's whole record) can be meant.
    if (period === undefined) return s.years[1] - s.years[0] >= 15;
    return s.years[0] === period[0] && s.years[1] === period[1];
  });
  let best = 0;
  const scored = inPeriod.map((s) => {
    let n = 0;
    for (const w of s.scope) if (words.has(w)) n++;
    best = Math.max(best, n);
    return { s, n };
  });
  // A statistic that names a scope is compared only with a figure whose clause names at least
  // half of it ("shot at Katyn" for "Polish prisoners shot in spring 1940 (Katyn massacre)").
  return scored.filter(({ s, n }) => n === best && (s.scope.size === 0 ? n === 0 : n * 2 >= s.scope.size)).map(({ s }) => s);
}

const rel = (a: number, b: number) => Math.abs(a - b) / b;

function fmt(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "681,692 people sentenced to death in secret-police cases, 1937-1938", "1,000,000: executions 1937-1938, Conquest's estimate". */
function describe(s: Statistic): string {
  const figure = s.value !== undefined ? fmt(s.value) : `${fmt(s.low!)}-${fmt(s.high!)}`;
  const estimate = s.basis === 'estimate' && !/estimate/i.test(s.label) ? ' (an estimate)' : '';
  const label = s.label.replace(/\s*\([^)]*\)/g, '');
  return /^(?:people|persons)\b/i.test(label)
    ? `${figure} ${label.charAt(0).toLowerCase()}${label.slice(1)}${estimate}`
    : `${figure}: ${label}${estimate}`;
}

/** The verdict on a figure against the candidate statistics. */
function judgeFigure(v: number, bound: Bound, candidates: readonly StatInfo[]): Omit<FigureFinding, 'at' | 'end'> | undefined {
  const archival = candidates.filter((c) => c.stat.basis === 'archival');
  const estimates = candidates.filter((c) => c.stat.basis !== 'archival');
  const all = candidates.flatMap((c) => c.values);
  const min = Math.min(...all);
  const max = Math.max(...all);
  const fits = (x: number) => {
    switch (bound) {
      case 'min':
        return x >= v && v >= 0.7 * x;
      case 'max':
        return x <= v && v <= 1.3 * x;
      case 'nearly':
        return x <= v * 1.02 && x >= v * 0.85;
      default:
        return rel(v, x) <= 0.05;
    }
  };
  const nearest = (list: readonly StatInfo[]) =>
    [...list].sort((a, b) => Math.min(...a.values.map((x) => rel(v, x))) - Math.min(...b.values.map((x) => rel(v, x))))[0]!;
  const result = (verdict: Verdict, s: StatInfo, explanation: string) => ({
    verdict,
    explanation,
    expected: verdict === 'accurate' ? undefined : describe(s.stat),
    stat: s.stat,
    sources: [...new Set(candidates.flatMap((c) => c.stat.sources))],
  });
  const others = (s: StatInfo) => {
    const rest = candidates.filter((c) => c !== s);
    return rest.length > 0 ? `; also recorded: ${rest.map((c) => describe(c.stat)).join('; ')}` : '';
  };

  const exact = archival.find((c) => c.values.some(fits));
  if (exact) return result('accurate', exact, `The record: ${describe(exact.stat)}.`);
  const conflicting = max > min * 1.5;
  const estimate = estimates.find((c) =>
    c.values.length === 2
      ? v >= c.values[0]! * 0.95 && v <= c.values[1]! * 1.05
      : bound === 'about'
        ? rel(v, c.values[0]!) <= 0.1
        : fits(c.values[0]!),
  );
  if (estimate) {
    if (archival.length === 0 && !conflicting && estimate.values.length === 1 && estimate.values.some(fits))
      return result('accurate', estimate, `The record: ${describe(estimate.stat)}.`);
    return result('disputed', estimate, `Within a recorded estimate: ${describe(estimate.stat)}${others(estimate)}.`);
  }
  if (bound === 'about' && v > min && v < max && archival.length > 0 && estimates.length > 0) {
    const s = nearest(archival);
    return result('disputed', s, `Between the archival count and the estimates: ${describe(s.stat)}${others(s)}.`);
  }
  const far = bound === 'min' ? v > max * 1.2 : bound === 'max' ? v < min * 0.8 : all.every((x) => rel(v, x) > 0.2) && (v < min || v > max);
  if (far) {
    const s = nearest(archival.length > 0 ? archival : candidates);
    return result('inaccurate', s, `The record: ${describe(s.stat)}${others(s)}.`);
  }
  return undefined;
}
