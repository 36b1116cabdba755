/**
 * Box tables drawn by cli-table3. The project fits and wraps the cells itself (fit.ts and
 * width.ts) and hands cli-table3 fixed column widths and cells already broken into lines:
 * its own word wrapping costs 10-50 ms on a 58-row table, and its layout compares every
 * cell with every cell before it (quadratic), so rows go to it in chunks of CHUNK. The
 * bundle patches one more cost out of it (PATCHES in tsup.config.ts); tests that import this
 * file run the unpatched cli-table3 from node_modules, slower on multi-line cells.
 */
import type CliTable3 from 'cli-table3';
import { wrap, wrapRange } from './width.js';

/** The cli-table3 constructor, passed in so that only the `table` format loads it. */
export type TableConstructor = typeof CliTable3;

/** Rows per cli-table3 table: keeps its layout step linear in the number of rows. */
const CHUNK = 16;
/** A cell shows at most this many lines; the last one ends with the cut mark when cut. */
export const MAX_CELL_LINES = 24;

// A chunk after the first starts with a row rule instead of the top border.
const CONTINUED = { top: '─', 'top-mid': '┼', 'top-left': '├', 'top-right': '┤' } as const;

/** What a box table needs: the cells already sanitised, and the fitted content widths. */
export interface BoxSpec {
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  widths: readonly number[];
  /** Columns aligned right (figures). */
  right?: readonly boolean[];
  /** Date and figure columns: cells break only between the ends of a range. */
  ranges?: readonly boolean[];
  bold: (text: string) => string;
}

/**
 * Draws the table with cli-table3: a header row, then one row per record, rules between; a
 * chunk of rows at a time, each ending with a line break, so that a terminal shows the first
 * screen while the rest is drawn (see emit in src/cli/emit.ts).
 */
export function* drawBoxChunks(Table: TableConstructor, spec: BoxSpec): Generator<string> {
  const lines = (text: string, i: number) =>
    spec.ranges?.[i] ? wrapRange(text, spec.widths[i]!) : wrap(text, spec.widths[i]!, '', '', { exact: true, maxLines: MAX_CELL_LINES });
  const cell = (text: string, i: number) => lines(text, i).join('\n');
  const head = spec.headers.map((h, i) =>
    lines(h, i)
      .map((l) => spec.bold(l))
      .join('\n'),
  );
  const options = {
    // Content width plus one space of padding on each side.
    colWidths: spec.widths.map((w) => w + 2),
    colAligns: spec.widths.map((_, i) => (spec.right?.[i] ? 'right' : 'left') as 'left' | 'right'),
    wordWrap: false,
    // No colours from cli-table3 itself (it would load @colors/colors): the caller styles text.
    style: { head: [], border: [] },
  };
  const count = Math.max(1, Math.ceil(spec.rows.length / CHUNK));
  for (let c = 0; c < count; c++) {
    const first = c === 0;
    const last = c === count - 1;
    const table = new Table({ ...options, head: first ? head : [], ...(first ? {} : { chars: CONTINUED }) });
    for (const r of spec.rows.slice(c * CHUNK, (c + 1) * CHUNK)) table.push(r.map(cell));
    const text = table.toString();
    // The bottom border closes only the last chunk.
    yield `${last ? text : text.slice(0, text.lastIndexOf('\n'))}\n`;
  }
}
