import type { ChalkInstance } from 'chalk';
import { drawBoxChunks, MAX_CELL_LINES, type TableConstructor } from './box.js';
import { type Column, fitTable } from './fit.js';
import { csvSafe, sanitizeLine } from './sanitize.js';
import { displayWidth, padEnd, wrap } from './width.js';

export type { Column, ColumnKind } from './fit.js';
export type { TableConstructor } from './box.js';

/** Output formats for tabular results. */
export const TABLE_FORMATS = ['table', 'plain', 'csv', 'md'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** Options for drawing a table. */
export interface TableOptions {
  style: ChalkInstance;
  /** Terminal width; the table is fitted to it in `table` format. */
  width: number;
  /** The CSV writer (csv-stringify's), passed in so that only `--format csv` loads it. */
  csv?: (rows: string[][]) => string;
  /** cli-table3, passed in so that only `--format table` loads it. */
  table?: TableConstructor;
}

/**
 * Renders rows in a format: `table` (box drawing fitted to the width, or cards on a narrow
 * terminal), `plain` (tab-separated), `csv` (RFC 4180 quoting, formulas neutralised) or `md`
 * (a GitHub Markdown table). Cells are cleaned first: data packs are untrusted.
 */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  format: TableFormat,
  opts: TableOptions,
): string {
  return [...renderTableChunks(columns, rows, format, opts)].join('');
}

/** The same, in pieces that each end a line: a box table comes a chunk of rows at a time. */
export function renderTableChunks(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  format: TableFormat,
  opts: TableOptions,
): Iterable<string> {
  const clean = rows.map((r) => r.map((c) => sanitizeLine(c)));
  const headers = columns.map((c) => c.header);
  switch (format) {
    case 'plain':
      return [`${[headers, ...clean].map((r) => r.join('\t')).join('\n')}\n`];
    case 'csv':
      if (!opts.csv) throw new Error('renderTable: csv format needs opts.csv');
      return [opts.csv([headers, ...clean].map((r) => r.map(csvSafe)))];
    case 'md':
      return [markdown(headers, clean)];
    case 'table':
      return fitted(columns, clean, opts);
  }
}

function markdown(headers: readonly string[], rows: readonly string[][]): string {
  const cell = (c: string) => c.replace(/\\/g, '\\\\').replace(/\|/g, '\\|') || ' ';
  const lines = [`| ${headers.map(cell).join(' | ')} |`, `|${headers.map(() => ' --- ').join('|')}|`];
  for (const r of rows) lines.push(`| ${r.map(cell).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

function fitted(columns: readonly Column[], rows: readonly string[][], opts: TableOptions): Iterable<string> {
  const fit = fitTable(columns, rows, opts.width);
  if (fit.layout === 'cards') return [cards(columns, rows, opts)];
  if (!opts.table) throw new Error('renderTable: table format needs opts.table');
  const cols = fit.shown.map((i) => columns[i]!);
  return drawBoxChunks(opts.table, {
    headers: cols.map((c) => c.header),
    rows: rows.map((r) => fit.shown.map((i) => (fit.short && columns[i]!.short ? columns[i]!.short!(r[i] ?? '') : (r[i] ?? '')))),
    widths: fit.widths,
    right: cols.map((c) => c.kind === 'number'),
    ranges: cols.map((c) => c.kind === 'date' || c.kind === 'number'),
    bold: (s) => opts.style.bold(s),
  });
}

/**
 * The narrow layout: one block per row, its first column as a heading and the others as
 * labelled fields, every value wrapped to the width and nothing left out.
 */
function cards(columns: readonly Column[], rows: readonly string[][], { style, width }: TableOptions): string {
  const heading = columns.some((c) => c.heading) ? columns.map((c, i) => (c.heading ? i : -1)).filter((i) => i >= 0) : [0];
  const fields = columns.map((_, i) => i).filter((i) => !heading.includes(i));
  const label = Math.max(0, ...fields.map((i) => displayWidth(columns[i]!.header))) + 2;
  const indent = ' '.repeat(2 + label);
  const blocks = rows.map((r) => {
    const title = heading
      .map((i) => r[i] ?? '')
      .filter((t) => t !== '')
      .join(' · ');
    const lines = wrap(title, width, '', '', { exact: true, maxLines: MAX_CELL_LINES }).map((l) => style.bold(l));
    for (const i of fields) {
      if (!r[i]) continue;
      const head = `  ${style.dim(padEnd(columns[i]!.header, label))}`;
      lines.push(...wrap(r[i]!, width, indent, head, { exact: true, maxLines: MAX_CELL_LINES }));
    }
    return lines.join('\n');
  });
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}
