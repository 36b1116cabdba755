import type { Source, Statistic } from '../kb/schema.js';
import { type CardStyle, field, heading, paragraph, sourcesList, title } from './card.js';
import { formatFigure, formatPeriod } from './figures.js';

/** Everything the card of one statistic shows. */
export interface StatisticView {
  statistic: Statistic;
  sources: readonly Source[];
}

/** One figure in full: what it counts, the figure and its basis, the period, the note, its sources cited in full. */
export function renderStatistic({ statistic: s, sources }: StatisticView, card: CardStyle): string {
  const out = [title(s.label, card)];
  out.push(field('Figure', `${formatFigure(s)} ${s.unit}`, card));
  out.push(field('Basis', s.basis === 'archival' ? 'archival count' : 'estimate', card));
  out.push(field('Period', formatPeriod(s), card));
  out.push(field('Category', s.category, card));
  if (s.series) out.push(field('Series', s.series, card));
  out.push(field('Id', s.id, card));
  if (s.note) out.push('', paragraph(s.note, card));
  out.push('', heading('Sources', card), sourcesList(sources, card));
  return `${out.join('\n')}\n`;
}
