import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import type { ChalkInstance } from 'chalk';
import { sanitizeLine } from './sanitize.js';
import { displayWidth } from './width.js';

/** Output formats for tabular results. */
export const TABLE_FORMATS = ['table', 'plain', 'csv', 'md'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** A column: its header, and an optional cap on its width in `table` format. */
export interface Column {
  header: string;
  max?: number;
}

/** Options for drawing a table. */
export interface TableOptions {
  style: ChalkInstance;
  /** Terminal width; the table is fitted to it in `table` format. */
  width: number;
}

/**
 * Renders rows in a format: `table` (box drawing, fitted and wrapped to the width),
 * `plain` (tab-separated), `csv` (RFC 4180 quoting) or `md` (a GitHub Markdown table).
 * Cells are cleaned of control characters first: data packs are untrusted.
 */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], format: TableFormat, opts: TableOptions): string {
  const clean = rows.map((r) => r.map((c) => sanitizeLine(c)));
  const headers = columns.map((c) => c.header);
  switch (format) {
    case 'plain':
      return [headers, ...clean].map((r) => r.map((c) => c.replace(/\t/g, ' ')).join('\t')).join('\n') + '\n';
    case 'csv':
      return stringify([headers, ...clean]);
    case 'md':
      return markdown(headers, clean);
    case 'table':
      return boxTable(columns, clean, opts);
  }
}

function markdown(headers: readonly string[], rows: readonly string[][]): string {
  const cell = (c: string) => c.replace(/\\/g, '\\\\').replace(/\|/g, '\\|') || ' ';
  const lines = [`| ${headers.map(cell).join(' | ')} |`, `|${headers.map(() => ' --- ').join('|')}|`];
  for (const r of rows) lines.push(`| ${r.map(cell).join(' | ')} |`);
  return lines.join('\n') + '\n';
}

/** Column widths that fit the terminal: shrink the widest columns until the table fits. */
export function fitWidths(columns: readonly Column[], rows: readonly string[][], width: number): number[] {
  const natural = columns.map((c, i) => Math.min(c.max ?? Infinity, Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(r[i] ?? '')))) + 2);
  // Borders take one column each, plus one at the end.
  const budget = Math.max(columns.length * 6, width - (columns.length + 1));
  const widths = [...natural];
  while (widths.reduce((a, b) => a + b, 0) > budget) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= 6) break;
    widths[widest]! -= 1;
  }
  return widths;
}

function boxTable(columns: readonly Column[], rows: readonly string[][], { style, width }: TableOptions): string {
  const colWidths = fitWidths(columns, rows, width);
  const table = new Table({
    head: columns.map((c) => style.bold(c.header)),
    colWidths,
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [] },
  });
  for (const r of rows) table.push([...r]);
  return `${table.toString()}\n`;
}
