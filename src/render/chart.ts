import type { ChalkInstance } from 'chalk';
import type { ChartGroup } from '../kb/stats.js';
import { upper } from '../kb/stats.js';
import type { Statistic } from '../kb/schema.js';
import { formatFigure, formatPeriod } from './figures.js';
import { CATEGORY_TITLE, label } from './labels.js';
import { sanitizeLine } from './sanitize.js';
import { displayWidth, padEnd, padStart, wrap } from './width.js';

/** Drawing options: colours and the terminal width the bars scale to. */
export interface ChartStyle {
  style: ChalkInstance;
  width: number;
}

// The bars keep at least this many columns; labels take the rest, up to half the line.
const MIN_BAR = 10;

/**
 * What a group plots, said plainly: a series by the words its labels share ("People
 * sentenced to death in secret-police cases, by year"), a category by its description.
 */
export function chartTitle(g: ChartGroup): string {
  const items = g.items;
  const series = items[0]?.series;
  if (series && items.length > 1) {
    const labels = items.map((s) => sanitizeLine(s.label));
    let common = labels[0]!.length;
    for (const l of labels) {
      let k = 0;
      while (k < common && l[k] === labels[0]![k]) k++;
      common = k;
    }
    const prefix = labels[0]!.slice(0, common);
    // Cut back to a whole phrase: "..., 1930" and "..., 1931" share "..., 193".
    const cut = Math.max(prefix.lastIndexOf(','), prefix.lastIndexOf(' ('));
    const shared = (cut > 0 ? prefix.slice(0, cut) : prefix).trim();
    if (shared.length >= 6) return /-by-year$/.test(series) ? `${shared}, by year` : shared;
    return label({}, series);
  }
  return items[0] ? label(CATEGORY_TITLE, items[0].category) : sanitizeLine(g.title);
}

/** The legend's items, packed onto as few lines as the width allows. */
function legend(style: ChalkInstance, width: number): string[] {
  const items = ['█ exact figure', '░ range (low to high)'];
  if (style.level > 0) items.push('red: archival count', 'yellow: estimate');
  const lines: string[] = [];
  for (const item of items) {
    const last = lines.at(-1);
    if (last !== undefined && displayWidth(last) + 3 + displayWidth(item) <= width) lines[lines.length - 1] = `${last}   ${item}`;
    else lines.push(item);
  }
  return lines.map((l) => style.dim(l));
}

/**
 * Horizontal bars, one group per series, each scaled to its own maximum. An exact figure
 * is a solid bar; a range is solid up to its low end and shaded from low to high. Labels
 * take up to half the width and wrap beyond it.
 */
export function renderChart(groups: readonly ChartGroup[], { style, width }: ChartStyle): string {
  const out: string[] = [];
  for (const g of groups) {
    const isSeries = g.items.length > 1 && g.items.every((x) => x.series);
    const labels = g.items.map((s: Statistic) => (isSeries ? formatPeriod(s) : sanitizeLine(s.label)));
    const figures = g.items.map(formatFigure);
    const figureWidth = Math.max(...figures.map(displayWidth));
    const room = Math.max(MIN_BAR + 10, width - figureWidth - 4);
    const labelWidth = Math.min(Math.max(...labels.map(displayWidth)), Math.max(10, Math.floor(room / 2)), room - MIN_BAR);
    const barWidth = Math.max(1, width - labelWidth - figureWidth - 4);
    const max = Math.max(...g.items.map(upper), 1);
    if (out.length > 0) out.push('');
    out.push(...wrap(`${chartTitle(g)} (${sanitizeLine(g.unit)})`, width, '', '', { exact: true }).map((l) => style.bold(l)));
    g.items.forEach((s, i) => {
      const scale = (n: number) => Math.round((n / max) * barWidth);
      const solid = scale(s.value ?? s.low!);
      const shaded = s.value !== undefined ? 0 : Math.max(0, scale(s.high!) - solid);
      // A non-zero figure always gets a sliver, so it is not mistaken for zero.
      const bar = '█'.repeat(solid || (upper(s) > 0 && !shaded ? 1 : 0)) + '░'.repeat(shaded);
      const color = s.basis === 'archival' ? style.red : style.yellow;
      const [first = '', ...rest] = wrap(labels[i]!, labelWidth, '', '', { exact: true });
      out.push(`${padEnd(first, labelWidth)}  ${color(padEnd(bar, barWidth))}  ${padStart(figures[i]!, figureWidth)}`);
      for (const line of rest) out.push(line);
    });
  }
  out.push('', ...legend(style, width));
  return `${out.join('\n')}\n`;
}
