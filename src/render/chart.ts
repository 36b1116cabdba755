import type { ChalkInstance } from 'chalk';
import type { ChartGroup } from '../kb/stats.js';
import { upper } from '../kb/stats.js';
import { formatFigure, formatPeriod } from './figures.js';
import { sanitizeLine } from './sanitize.js';
import { padEnd, truncate } from './width.js';

/** Drawing options: colours and the terminal width the bars scale to. */
export interface ChartStyle {
  style: ChalkInstance;
  width: number;
}

/**
 * Horizontal bars, one group per series, each scaled to its own maximum. An exact figure
 * is a solid bar; a range is solid up to its low end and shaded from low to high.
 */
export function renderChart(groups: readonly ChartGroup[], { style, width }: ChartStyle): string {
  const out: string[] = [];
  for (const g of groups) {
    const labels = g.items.map((s) => (g.items.every((x) => x.series) ? formatPeriod(s) : sanitizeLine(s.label)));
    const figures = g.items.map(formatFigure);
    const figureWidth = Math.max(...figures.map((f) => f.length));
    const labelWidth = Math.min(28, Math.floor(width / 3), Math.max(...labels.map((l) => l.length)));
    const barWidth = Math.max(1, width - labelWidth - figureWidth - 4);
    const max = Math.max(...g.items.map(upper), 1);
    if (out.length > 0) out.push('');
    out.push(style.bold(truncate(`${sanitizeLine(g.title)} (${sanitizeLine(g.unit)})`, width)));
    g.items.forEach((s, i) => {
      const scale = (n: number) => Math.round((n / max) * barWidth);
      const solid = scale(s.value ?? s.low!);
      const shaded = s.value !== undefined ? 0 : Math.max(0, scale(s.high!) - solid);
      // A non-zero figure always gets a sliver, so it is not mistaken for zero.
      const bar = '█'.repeat(solid || (upper(s) > 0 && !shaded ? 1 : 0)) + '░'.repeat(shaded);
      const color = s.basis === 'archival' ? style.red : style.yellow;
      out.push(
        `${padEnd(truncate(labels[i]!, labelWidth), labelWidth)}  ${color(padEnd(bar, barWidth))}  ${figures[i]!.padStart(figureWidth)}`,
      );
    });
  }
  const colours = style.level > 0 ? '   red: archival count, yellow: estimate' : '';
  out.push('', style.dim(`█ exact figure   ░ range (low to high)${colours}`));
  return `${out.join('\n')}\n`;
}
