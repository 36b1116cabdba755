import type { Event, Person, Source } from '../kb/schema.js';
import { formatSpan } from '../kb/dates.js';
import { sanitizeLine } from './sanitize.js';
import { field, heading, paragraph, sourcesList, type CardStyle } from './card.js';
import { categoryColor } from './theme.js';

/** Everything the event card shows. */
export interface EventView {
  event: Event;
  people: readonly Person[];
  sources: readonly Source[];
}

/** The full view of one event: dates, place, summary, people (with fates), sources. */
export function renderEvent({ event: e, people, sources }: EventView, card: CardStyle): string {
  const { style } = card;
  const out = [style.bold(sanitizeLine(e.title)), field('When', formatSpan(e.date, e.endDate), card)];
  if (e.place) out.push(field('Where', e.place, card));
  out.push(`  ${style.dim('Category'.padEnd(15))}${categoryColor(style, e.category)(e.category)}`);
  out.push(field('Id', e.id, card));
  out.push('', paragraph(e.summary, card));
  if (people.length > 0) {
    out.push('', heading('People', card));
    for (const p of people) out.push(`  ${sanitizeLine(p.name).padEnd(28)} ${style.dim(`${p.fate.padEnd(16)} purges person ${p.id}`)}`);
  }
  out.push('', heading('Sources', card), sourcesList(sources, card));
  return `${out.join('\n')}\n`;
}
