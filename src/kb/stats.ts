import type { Kb } from './model.js';
import type { Statistic } from './schema.js';
import type { StatCategory } from './vocab.js';
import { compareDates } from './dates.js';

/** Statistics of a category (all when none), in their data order. */
export function selectStatistics(kb: Kb, category?: StatCategory): Statistic[] {
  return kb.statistics.filter((s) => !category || s.category === category);
}

/** A chartable group: figures of one series (or one unit) in period order. */
export interface ChartGroup {
  title: string;
  unit: string;
  items: Statistic[];
}

/** Groups statistics for a bar chart: each series on its own, the rest by category and unit. */
export function chartGroups(stats: readonly Statistic[]): ChartGroup[] {
  const groups = new Map<string, ChartGroup>();
  for (const s of stats) {
    const key = s.series ? `series:${s.series}` : `${s.category}:${s.unit}`;
    const title = s.series ? s.series.replace(/-/g, ' ') : s.category;
    const g = groups.get(key) ?? { title, unit: s.unit, items: [] };
    g.items.push(s);
    groups.set(key, g);
  }
  for (const g of groups.values()) if (g.items[0]?.series) g.items.sort((a, b) => compareDates(a.period.from, b.period.from));
  return [...groups.values()];
}

/** The largest figure a statistic stands for (its value, or the top of its range). */
export function upper(s: Statistic): number {
  return s.value ?? s.high!;
}
