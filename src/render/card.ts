import type { ChalkInstance } from 'chalk';
import type { Source } from '../kb/schema.js';
import { sanitizeLine, sanitizeText } from './sanitize.js';
import { wrap } from './width.js';
import { formatCitation, terminalCite } from './bibliography.js';

/** Shared pieces of the person and event cards. */
export interface CardStyle {
  style: ChalkInstance;
  width: number;
}

/** A card's title (a name, an event), bold, wrapped, and cut after three lines. */
export function title(text: string, { style, width }: CardStyle): string {
  return wrap(sanitizeLine(text), width, '', '', { exact: true, maxLines: 3 })
    .map((l) => style.bold(l))
    .join('\n');
}

/** A section heading. */
export function heading(title: string, { style }: CardStyle): string {
  return style.bold(title);
}

const LABEL = 15;

/** A labelled field, `  Label          value`, the value wrapped under itself. */
export function field(label: string, value: string, card: CardStyle): string {
  return hanging(`  ${card.style.dim(label.padEnd(LABEL))}`, 2 + LABEL, sanitizeLine(value), card.width);
}

/** `head` then text wrapped to the width, continuation lines indented by `indent` columns. */
export function hanging(head: string, indent: number, text: string, width: number): string {
  return wrap(text, width, ' '.repeat(indent), head).join('\n');
}

/** A paragraph wrapped to the width, indented. */
export function paragraph(text: string, { width }: CardStyle): string {
  return wrap(sanitizeText(text), width, '  ').join('\n');
}

/** The numbered sources list that closes every card (Chicago style). */
export function sourcesList(sources: readonly Source[], card: CardStyle): string {
  return sources
    .map((s, i) => {
      const label = `  [${i + 1}] `;
      return hanging(
        label,
        label.length,
        formatCitation(
          s,
          'chicago',
          terminalCite((t) => card.style.italic(t)),
        ),
        card.width,
      );
    })
    .join('\n');
}
