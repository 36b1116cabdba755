import type { Statistic } from '../kb/schema.js';
import { formatDate } from '../kb/dates.js';

/** 681692 -> "681,692" (thousands separators, no locale surprises). */
export function formatNumber(n: number): string {
  const [whole, frac] = String(n).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

/** "353,074" or "950,000-1,200,000". */
export function formatFigure(s: Statistic): string {
  return s.value !== undefined ? formatNumber(s.value) : `${formatNumber(s.low!)}-${formatNumber(s.high!)}`;
}

/** "1937" or "1937-1938" or "Aug 1937 - Nov 1938". */
export function formatPeriod(s: Statistic): string {
  const { from, to } = s.period;
  if (from === to) return formatDate(from);
  if (/^\d{4}$/.test(from) && /^\d{4}$/.test(to)) return `${from}-${to}`;
  // "1953" to "1953-06": the first half of 1953, not a span from a year to a month.
  if (/^\d{4}$/.test(from) && to.startsWith(`${from}-`) && to.length === 7) return `Jan-${formatDate(to)}`;
  return `${formatDate(from)} - ${formatDate(to)}`;
}
