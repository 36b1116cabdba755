import type { Event, Person, Source } from '../kb/schema.js';
import { formatDate, yearsBetween } from '../kb/dates.js';
import { sanitizeLine } from './sanitize.js';
import { field, hanging, heading, paragraph, sourcesList, type CardStyle } from './card.js';
import { timelineLine } from './timeline.js';

/** Everything the person card shows, gathered by the command. */
export interface PersonView {
  person: Person;
  events: readonly Event[];
  sources: readonly Source[];
}

const FATE_LABEL: Record<string, string> = {
  executed: 'executed',
  'died-in-custody': 'died in custody',
  suicide: 'suicide',
  assassinated: 'assassinated',
  killed: 'killed',
  survived: 'survived',
  'natural-death': 'died a natural death',
};

/** "1886-03-27 - 1934-12-01 (aged 48)" in readable dates. */
export function lifeSpan(p: Person): string {
  const born = formatDate(p.born, 'long');
  if (!p.died) return `born ${born}`;
  const { years, approx } = yearsBetween(p.born, p.died);
  return `${born} - ${formatDate(p.died, 'long')} (aged ${approx ? `${years} or ${years + 1}` : years})`;
}

function roleYears(from?: string, to?: string): string {
  if (!from && !to) return '';
  return `${from ? formatDate(from) : '?'} - ${to ? formatDate(to) : '?'}`;
}

/** The profile card of `purges person`. */
export function renderPerson({ person: p, events, sources }: PersonView, card: CardStyle): string {
  const { style } = card;
  const out: string[] = [];
  const native = p.nativeName ? `  ${style.dim(sanitizeLine(p.nativeName))}` : '';
  out.push(`${style.bold(sanitizeLine(p.name))}${native}`);
  out.push(field('Life', lifeSpan(p), card));
  out.push(field('Fate', FATE_LABEL[p.fate] ?? p.fate, card));
  if (p.aliases.length > 0) out.push(field('Also written', p.aliases.join(', '), card));
  out.push('', paragraph(p.summary, card));
  if (p.roles.length > 0) {
    out.push('', heading('Roles', card));
    for (const r of p.roles) {
      out.push(hanging(`  ${roleYears(r.from, r.to).padEnd(27)}`, 29, sanitizeLine(r.title), card.width));
    }
  }
  const r = p.repression;
  if (r) {
    out.push('', heading('Repression', card));
    if (r.arrested) out.push(field('Arrested', formatDate(r.arrested, 'long'), card));
    if (r.charge) out.push(field('Charge', r.charge, card));
    if (r.court) out.push(field('Court', r.court, card));
    if (r.sentenced) out.push(field('Sentenced', formatDate(r.sentenced, 'long'), card));
    if (r.sentence) out.push(field('Sentence', r.sentence, card));
    if (r.executed) out.push(field('Executed', formatDate(r.executed, 'long'), card));
    out.push(field('Rehabilitated', r.rehabilitated ? formatDate(r.rehabilitated, 'long') : 'not recorded', card));
  }
  if (events.length > 0) {
    out.push('', heading('Events', card));
    for (const e of events) out.push(timelineLine(e, { style, width: card.width }));
  }
  out.push('', heading('Sources', card), sourcesList(sources, card));
  return `${out.join('\n')}\n`;
}
