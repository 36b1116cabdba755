import type { Event, Person, Source } from '../kb/schema.js';
import { formatSpan } from '../kb/dates.js';
import { sanitizeLine } from './sanitize.js';
import { field, heading, paragraph, sourcesList, title, type CardStyle } from './card.js';
import { label, PART_LABEL } from './labels.js';
import { categoryColor } from './theme.js';
import { displayWidth, padEnd, truncate } from './width.js';

/** Everything the event card shows. */
export interface EventView {
  event: Event;
  people: readonly Person[];
  sources: readonly Source[];
}

/** The full view of one event: dates, place, summary, the people and their part in it, sources. */
export function renderEvent({ event: e, people, sources }: EventView, card: CardStyle): string {
  const { style } = card;
  const out = [title(e.title, card), field('When', formatSpan(e.date, e.endDate), card)];
  if (e.place) out.push(field('Where', e.place, card));
  out.push(`  ${style.dim('Category'.padEnd(15))}${categoryColor(style, e.category)(e.category)}`);
  if (e.aliases && e.aliases.length > 0) out.push(field('Also called', e.aliases.join('; '), card));
  out.push(field('Id', e.id, card));
  out.push('', paragraph(e.summary, card));
  if (people.length > 0) {
    out.push('', heading('People', card));
    const names = people.map((p) => sanitizeLine(p.name));
    const parts = people.map((p) => (e.parts?.[p.id] ? label(PART_LABEL, e.parts[p.id]!) : ''));
    const partWidth = Math.max(...parts.map(displayWidth));
    // Names get what the part and the command leave, so that a line fits the width.
    const commandWidth = Math.max(...people.map((p) => `purges person ${p.id}`.length));
    const nameWidth = Math.max(12, Math.min(Math.max(...names.map(displayWidth)), card.width - 6 - partWidth - commandWidth));
    people.forEach((p, i) => {
      const part = partWidth > 0 ? `${padEnd(parts[i]!, partWidth)}  ` : '';
      out.push(`  ${padEnd(truncate(names[i]!, nameWidth), nameWidth)}  ${part}${style.dim(`purges person ${p.id}`)}`);
    });
  }
  out.push('', heading('Sources', card), sourcesList(sources, card));
  return `${out.join('\n')}\n`;
}
