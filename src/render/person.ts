import type { Event, Person, Source } from '../kb/schema.js';
import { formatDate, formatSpan, yearsBetween } from '../kb/dates.js';
import { sanitizeLine } from './sanitize.js';
import { field, hanging, heading, paragraph, sourcesList, title, type CardStyle } from './card.js';
import { FATE_LABEL, label } from './labels.js';
import { timelineLine } from './timeline.js';
import { displayWidth, padEnd } from './width.js';

/** Everything the person card shows, gathered by the command. */
export interface PersonView {
  person: Person;
  events: readonly Event[];
  sources: readonly Source[];
  /** Show each event's id (`--ids`). */
  ids?: boolean;
}

/** "1886-03-27 - 1934-12-01 (aged 48)" in readable dates. */
export function lifeSpan(p: Person): string {
  const born = formatDate(p.born, 'long');
  if (!p.died) return `born ${born}`;
  const { years, approx } = yearsBetween(p.born, p.died);
  return `${born} - ${formatDate(p.died, 'long')} (aged ${approx ? `${years} or ${years + 1}` : years})`;
}

/** "1934 - 1 Dec 1934", "1941" (not "1941 - 1941"), "from 1926", "until 1938", or nothing. */
export function roleYears(from?: string, to?: string): string {
  if (from && to) return formatSpan(from, to);
  if (from) return `from ${formatDate(from)}`;
  if (to) return `until ${formatDate(to)}`;
  return '';
}

/** "refused (1998)", "4 February 1988", or "not recorded". */
function rehabilitation(r: NonNullable<Person['repression']>): string {
  if (r.rehabilitated) return formatDate(r.rehabilitated, 'long');
  if (r.rehabilitationRefused === true) return 'refused';
  if (r.rehabilitationRefused) return `refused (${formatDate(r.rehabilitationRefused, 'long')})`;
  return 'not recorded';
}

/** The profile card of `purges person`. */
export function renderPerson({ person: p, events, sources, ids }: PersonView, card: CardStyle): string {
  const { style } = card;
  const out: string[] = [];
  const native = p.nativeName ? `  ${style.dim(sanitizeLine(p.nativeName))}` : '';
  // The native name follows on the same line when it fits.
  const name = title(p.name, card);
  out.push(!name.includes('\n') && displayWidth(name + native) <= card.width ? `${name}${native}` : native ? `${name}\n${native}` : name);
  out.push(field('Life', lifeSpan(p), card));
  out.push(field('Fate', label(FATE_LABEL, p.fate), card));
  if (p.aliases.length > 0) out.push(field('Also written', p.aliases.join(', '), card));
  out.push('', paragraph(p.summary, card));
  if (p.roles.length > 0) {
    out.push('', heading('Roles', card));
    // The dates column is as wide as its widest entry: none at all when no role is dated.
    const spans = p.roles.map((r) => roleYears(r.from, r.to));
    const column = Math.max(...spans.map(displayWidth));
    // On a narrow terminal the dates go above the title, which then has the width to itself.
    const stacked = column > 0 && card.width - column - 4 < 24;
    p.roles.forEach((r, i) => {
      if (stacked) {
        if (spans[i]) out.push(`  ${spans[i]}`);
        out.push(hanging(spans[i] ? '    ' : '  ', spans[i] ? 4 : 2, sanitizeLine(r.title), card.width));
        return;
      }
      const head = column === 0 ? '  ' : `  ${padEnd(spans[i]!, column)}  `;
      out.push(hanging(head, displayWidth(head), sanitizeLine(r.title), card.width));
    });
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
    out.push(field('Rehabilitated', rehabilitation(r), card));
  }
  if (events.length > 0) {
    out.push('', heading('Events', card));
    for (const e of events) out.push(timelineLine(e, { style, width: card.width, ids }));
  }
  out.push('', heading('Sources', card), sourcesList(sources, card));
  return `${out.join('\n')}\n`;
}
