/**
 * "How many?" Every figure is asked as an attribution: whose count or estimate it is, so a
 * figure that historians dispute is never passed off as the truth. Distractors are other real
 * figures of the same unit, scaled with noise and rounded like the answer, never in step.
 */
import type { Kb } from '../../kb/model.js';

import type { Statistic } from '../../kb/schema.js';
import { splitName } from '../../render/bibliography.js';
import { formatFigure, formatNumber, formatPeriod } from '../../render/figures.js';
import { type Random, shuffle } from '../random.js';
import { inPeriod } from '../scope.js';
import { firstSentence, normalized, yearsIn } from '../text.js';
import { cardId, type Kind } from './kind.js';

type Range = [number, number];

const rangeOf = (s: Statistic): Range => (s.value !== undefined ? [s.value, s.value] : [s.low!, s.high!]);
const mid = ([a, b]: Range) => (a + b) / 2;

/** Two records of the same quantity: same label, unit and period (historians' rival figures). */
function sameQuantity(a: Statistic, b: Statistic): boolean {
  return normalized(a.label) === normalized(b.label) && a.unit === b.unit && a.period.from === b.period.from && a.period.to === b.period.to;
}

/** "12,345" or "1,000-2,000" back to a range. */
export function parseFigure(text: string): Range | undefined {
  const m = /^([\d,.]+)(?:-([\d,.]+))?$/.exec(text);
  if (!m) return undefined;
  const a = Number(m[1]!.replace(/,/g, ''));
  const b = m[2] ? Number(m[2].replace(/,/g, '')) : a;
  return Number.isFinite(a) && Number.isFinite(b) ? [a, b] : undefined;
}

/** Keeps the look of the true figure: a round number gets round distractors, an exact count exact ones. */
function roundLike(value: number, like: number): number {
  let unit = 1;
  while (like % (unit * 10) === 0 && unit * 10 <= like) unit *= 10;
  // A small exact count (1,118) still gets distractors of four significant digits, not 1,100.
  return Math.max(unit, Math.round(value / unit) * unit);
}

/** True when three of the values are (nearly) evenly spaced: a pattern that points at the answer. */
export function hasArithmeticTriple(values: readonly number[], tolerance = 0.06): boolean {
  const v = [...values].sort((a, b) => a - b);
  for (let i = 0; i < v.length; i++)
    for (let j = i + 1; j < v.length; j++)
      for (let k = j + 1; k < v.length; k++) {
        const span = v[k]! - v[i]!;
        if (Math.abs(v[j]! - v[i]! - (v[k]! - v[j]!)) <= tolerance * span) return true;
      }
  return false;
}

/** Whose figure it is, as a student reads it: "Conquest", "Getty et al." */
function author(kb: Kb, s: Statistic): string {
  // "Conquest's estimate" in the label names the author; else the first source's.
  const named = /(?:^|,\s*)([A-Z][\p{L}-]+)'s(?: \d{4})? estimate\b/u.exec(s.label)?.[1];
  if (named) return named;
  const first = kb.source(s.sources[0]!);
  const names = first.authors.map(splitName).map((n) => n.literal ?? n.family!);
  return names.length === 1 ? names[0]! : names.length === 2 ? `${names[0]} and ${names[1]}` : `${names[0]} et al.`;
}

/** The stem: whose figure, the label without "X's estimate", the period once, the unit when the label lacks it. */
function stem(kb: Kb, s: Statistic): string {
  const who = author(kb, s);
  const label = s.label.replace(/,?\s*[A-Z][\p{L}-]+'s(?: \d{4})? estimate\b/u, '').trim();
  // The label often names its period already ("..., 1921 to mid-1953"): then it is not repeated.
  const shown = new Set(yearsIn(label));
  const needsPeriod = !shown.has(Number(s.period.from.slice(0, 4))) || !shown.has(Number(s.period.to.slice(0, 4)));
  const unit = new RegExp(`\\b${s.unit}\\b`, 'i').test(label) || s.unit === 'people' ? '' : ` (${s.unit})`;
  const what = `${label}${needsPeriod ? `, ${formatPeriod(s)}` : ''}${unit}`;
  return s.basis === 'estimate' ? `What did ${who} estimate? ${what}` : `What figure does the archival count give (${who})? ${what}`;
}

function figureText(r: Range, like: Range): string {
  if (r[0] === r[1] && like[0] === like[1]) return formatNumber(r[0]);
  return `${formatNumber(r[0])}-${formatNumber(r[1])}`;
}

/** Up to three distractor ranges from other real figures of the unit, scaled with noise; undefined when none fit. */
function distractors(kb: Kb, s: Statistic, random: Random): Range[] | undefined {
  const truth = rangeOf(s);
  const m = mid(truth);
  const rivals = kb.statistics.filter((o) => o.id !== s.id && sameQuantity(o, s)).map(rangeOf);
  // Ratios of other real figures of this unit to the answer, brought within a factor of 4 by
  // powers of ten; figures of the same category (executions, arrests...) first.
  const ratiosOf = (others: readonly Statistic[]) =>
    others
      .filter((o) => o.unit === s.unit && o.id !== s.id && !sameQuantity(o, s) && mid(rangeOf(o)) > 0)
      .map((o) => {
        let r = mid(rangeOf(o)) / m;
        while (r > 4) r /= 10;
        while (r < 0.25) r *= 10;
        return r;
      })
      .filter((r) => r >= 0.25 && r <= 4 && Math.abs(r - 1) >= 0.15);
  const sameCategory = ratiosOf(kb.statistics.filter((o) => o.category === s.category));
  return scaled(truth, rivals, sameCategory, random) ?? scaled(truth, rivals, ratiosOf(kb.statistics), random);
}

/**
 * Three distractors: the answer scaled by three of `ratios` with ±10% noise, rounded like it;
 * at least 10% apart from each other and the answer, none a rival's figure, never in step.
 */
function scaled(truth: Range, rivals: readonly Range[], ratios: readonly number[], random: Random): Range[] | undefined {
  if (ratios.length < 3) return undefined;
  const m = mid(truth);
  for (let attempt = 0; attempt < 40; attempt++) {
    const out = shuffle(random, ratios)
      .slice(0, 3)
      .map((r) => {
        const f = r * (0.9 + 0.2 * random());
        return [roundLike(truth[0] * f, truth[0]), roundLike(truth[1] * f, truth[1])] as Range;
      });
    const all = [truth, ...out];
    const mids = all.map(mid);
    const apart = mids.every((a, i) => mids.every((b, j) => i === j || Math.abs(a - b) / Math.max(a, b) >= 0.1));
    const inBand = out.every((r) => mid(r) / m >= 0.22 && mid(r) / m <= 4.5);
    const rival = out.some((r) => rivals.some((o) => r[0] <= o[1] * 1.01 && o[0] <= r[1] * 1.01));
    if (apart && inBand && !rival && !hasArithmeticTriple(all.map(([a]) => a)) && !hasArithmeticTriple(mids)) return out;
  }
  return undefined;
}

export const figure: Kind = {
  topic: 'stats',
  subjects: (kb, scope) => kb.statistics.filter((s) => mid(rangeOf(s)) > 0 && inPeriod(scope, s.period.from, s.period.to)).map((s) => s.id),
  inScope(kb, key, scope) {
    const s = kb.statistics.find((x) => x.id === key);
    return !!s && inPeriod(scope, s.period.from, s.period.to);
  },
  isRight(kb, key, choice) {
    const s = kb.statistics.find((x) => x.id === key);
    const r = parseFigure(choice);
    if (!s || !r) return false;
    return kb.statistics.some(
      (o) => (o.id === s.id || sameQuantity(o, s)) && r[0] <= rangeOf(o)[1] * 1.005 && rangeOf(o)[0] <= r[1] * 1.005,
    );
  },
  make(kb, key, random) {
    const s = kb.statistics.find((x) => x.id === key);
    if (!s || mid(rangeOf(s)) <= 0) return undefined;
    const wrong = distractors(kb, s, random);
    if (!wrong) return undefined;
    const answer = formatFigure(s);
    const choices = wrong.map((r) => figureText(r, rangeOf(s)));
    if (new Set([answer, ...choices]).size !== 4 || choices.some((c) => figure.isRight!(kb, key, c))) return undefined;
    const basis = s.basis === 'archival' ? 'archival count' : `${author(kb, s)}'s estimate`;
    return {
      id: cardId('figure', s.id),
      kind: 'figure',
      topic: 'stats',
      subjects: [],
      prompt: stem(kb, s),
      answerMode: 'choice',
      choices: shuffle(random, [answer, ...choices]),
      answer,
      explanation: `${answer} ${s.unit}, ${formatPeriod(s)} (${basis})${s.note ? `: ${firstSentence(s.note)}` : '.'}`,
      sources: s.sources,
    };
  },
};
