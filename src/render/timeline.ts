import type { ChalkInstance } from 'chalk';
import type { Event } from '../kb/schema.js';
import type { TimelineGroup } from '../kb/timeline.js';
import { formatDate, formatSpan } from '../kb/dates.js';
import { sanitizeLine } from './sanitize.js';
import { displayWidth, keepTogether, padEnd, wrap } from './width.js';
import { categoryColor } from './theme.js';

/** How to draw: colour functions, the width to wrap to (undefined: one line per event), ids. */
export interface TimelineStyle {
  style: ChalkInstance;
  width?: number;
  /** Show each event's id after its title (what `purges event <id>` takes). */
  ids?: boolean;
}

const DATE_COL = 11;
const CAT_COL = 14;
// Below this much room for the title, the category moves after the title.
const MIN_TITLE = 24;

/**
 * One event: date, category, title. On a terminal the title wraps under its own column;
 * on a narrow one the category follows the title instead of taking a column.
 */
export function timelineLine(e: Event, { style, width, ids }: TimelineStyle, indent = '  '): string {
  const date = style.bold(padEnd(formatDate(e.date), DATE_COL));
  const paint = categoryColor(style, e.category);
  const title = sanitizeLine(e.title);
  const wide = width === undefined || width - (indent.length + DATE_COL + CAT_COL + 4) >= MIN_TITLE;
  const head = wide ? `${indent}${date}  ${paint(padEnd(e.category, CAT_COL))}  ` : `${indent}${date}  `;
  const text = wide ? title : `${title} ${keepTogether(`(${e.category})`)}`;
  const lines = width === undefined ? [head + text] : wrap(text, width, ' '.repeat(displayWidth(head)), head);
  if (!wide) lines[lines.length - 1] = lines.at(-1)!.replace(/\(([a-z-]+)\)$/, (m) => paint(m));
  if (ids) lines.push(idLine(e.id, displayWidth(head), style, width));
  return lines.join('\n');
}

/** The event id on a line of its own under the title: never split, moved left when the column is too narrow. */
function idLine(id: string, column: number, style: ChalkInstance, width?: number): string {
  const at = width !== undefined && column + id.length > width ? Math.min(4, column) : column;
  return `${' '.repeat(at)}${style.dim(id)}`;
}

/** An era heading: its title and span, the span never broken over lines. */
function eraHeading(group: TimelineGroup, { style, width }: TimelineStyle): string[] {
  const era = group.era;
  const text = era ? `${sanitizeLine(era.title)} ${keepTogether(`(${formatSpan(era.from, era.to)})`)}` : 'Outside the named eras';
  const lines = width === undefined ? [text.replaceAll('\u00a0', ' ')] : wrap(text, width, '', '', { exact: true });
  return lines.map((l) => style.bold.underline(l));
}

/** The vertical timeline: era headers, year headers, one entry per event. */
export function renderTimeline(groups: readonly TimelineGroup[], opts: TimelineStyle): string {
  const { style } = opts;
  const lines: string[] = [];
  let era: TimelineGroup['era'] | null = null;
  for (const g of groups) {
    if (g.era !== era) {
      era = g.era;
      if (lines.length > 0) lines.push('');
      lines.push(...eraHeading(g, opts));
    }
    lines.push(style.cyan(`${g.year}`));
    for (const e of g.events) lines.push(timelineLine(e, opts));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
