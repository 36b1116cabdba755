/** Wrong answers that look right: nearby dates, figures of the same order of magnitude. */
import { daysInMonth, parseDate } from '../kb/dates.js';
import type { Random } from './random.js';
import { shuffle } from './random.js';

function iso(year: number, month?: number, day?: number): string {
  const mm = month === undefined ? '' : `-${String(month).padStart(2, '0')}`;
  const dd = day === undefined ? '' : `-${String(day).padStart(2, '0')}`;
  return `${year}${mm}${dd}`;
}

/** Dates near `date` at its own precision (other years, and other months when it has one). */
export function nearbyDates(date: string, random: Random, n = 3): string[] {
  const d = parseDate(date)!;
  const shifts: Array<[number, number]> = [
    [-1, 0],
    [1, 0],
    [-2, 0],
    [2, 0],
    [-3, 0],
    [3, 0],
  ];
  if (d.month !== undefined) shifts.push([0, -2], [0, 2], [0, -4], [0, 5], [1, -3], [-1, 3]);
  const out = new Set<string>();
  for (const [dy, dm] of shuffle(random, shifts)) {
    let year = d.year + dy;
    let month = d.month;
    if (month !== undefined) {
      const total = year * 12 + (month - 1) + dm;
      year = Math.floor(total / 12);
      month = (total % 12) + 1;
    }
    const day = d.day === undefined ? undefined : Math.min(d.day, daysInMonth(year, month!));
    const candidate = iso(year, month, day);
    if (candidate !== date) out.add(candidate);
    if (out.size === n) break;
  }
  return [...out];
}

const FACTORS = [0.45, 0.6, 0.75, 1.3, 1.6, 2.2];

function roundLike(value: number, like: number): number {
  // Keep the look of the true figure: a round number gets round distractors, an exact count exact ones.
  let unit = 1;
  while (like % (unit * 10) === 0 && unit < like) unit *= 10;
  return Math.max(unit, Math.round(value / unit) * unit);
}

/** Figures of the same order of magnitude as `value`, none equal to it or to each other. */
export function nearbyFigures(value: number, random: Random, n = 3): number[] {
  const out = new Set<number>();
  for (const f of shuffle(random, FACTORS)) {
    const candidate = roundLike(value * f, value);
    if (candidate !== value) out.add(candidate);
    if (out.size === n) break;
  }
  return [...out];
}

/** Ranges scaled like nearbyFigures, for a statistic given as low-high. */
export function nearbyRanges(low: number, high: number, random: Random, n = 3): Array<[number, number]> {
  const out = new Map<string, [number, number]>();
  for (const f of shuffle(random, FACTORS)) {
    const range: [number, number] = [roundLike(low * f, low), roundLike(high * f, high)];
    const key = range.join('-');
    if (key !== `${low}-${high}`) out.set(key, range);
    if (out.size === n) break;
  }
  return [...out.values()];
}
