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
    const commands = people.map((p) => `purges person ${p.id}`);
    const nameWidth = Math.max(...names.map(displayWidth));
    const commandWidth = Math.max(...commands.map((c) => c.length));
    // One line per person when it fits; else the command goes on a line of its own below.
    const oneLine = 2 + nameWidth + 2 + (partWidth > 0 ? partWidth + 2 : 0) + commandWidth <= card.width;
    const room = Math.max(12, card.width - 2 - (partWidth > 0 ? partWidth + 2 : 0));
    const shown = oneLine ? nameWidth : Math.min(nameWidth, room);
    people.forEach((_, i) => {
      const head = `  ${padEnd(truncate(names[i]!, shown), shown)}${partWidth > 0 ? `  ${padEnd(parts[i]!, partWidth)}` : ''}`;
      if (oneLine) out.push(`${head}  ${style.dim(commands[i]!)}`);
      else out.push(head.trimEnd(), `    ${style.dim(commands[i]!)}`);
    });
  }
  out.push('', heading('Sources', card), sourcesList(sources, card));
  return `${out.join('\n')}\n`;
}
