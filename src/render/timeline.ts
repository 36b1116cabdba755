import type { ChalkInstance } from 'chalk';
import type { Event } from '../kb/schema.js';
import type { TimelineGroup } from '../kb/timeline.js';
import { formatDate, formatSpan } from '../kb/dates.js';
import { sanitizeLine } from './sanitize.js';
import { padEnd, truncate } from './width.js';
import { categoryColor } from './theme.js';

/** How to draw: colour functions, and the width to fit lines to (undefined: never cut). */
export interface TimelineStyle {
  style: ChalkInstance;
  width?: number;
}

const DATE_COL = 11;
const CAT_COL = 14;

/** One event as a timeline line: date, category, title (cut to the width when given). */
export function timelineLine(e: Event, { style, width }: TimelineStyle, indent = '  '): string {
  const date = padEnd(formatDate(e.date), DATE_COL);
  const category = padEnd(e.category, CAT_COL);
  const title = sanitizeLine(e.title);
  const room = indent.length + DATE_COL + CAT_COL + 4;
  const fitted = width === undefined ? title : truncate(title, width - room);
  return `${indent}${style.bold(date)}  ${categoryColor(style, e.category)(category)}  ${fitted}`;
}

/** The vertical timeline: era headers, year headers, one line per event. */
export function renderTimeline(groups: readonly TimelineGroup[], opts: TimelineStyle): string {
  const { style } = opts;
  const lines: string[] = [];
  let era: TimelineGroup['era'] | null = null;
  for (const g of groups) {
    if (g.era !== era) {
      era = g.era;
      if (lines.length > 0) lines.push('');
      const title = era ? `${sanitizeLine(era.title)} (${formatSpan(era.from, era.to)})` : 'Outside the named eras';
      lines.push(style.bold.underline(title));
    }
    lines.push(style.cyan(`${g.year}`));
    for (const e of g.events) lines.push(timelineLine(e, opts));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
