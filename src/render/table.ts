import type { ChalkInstance } from 'chalk';
import { sanitizeLine } from './sanitize.js';
import { displayWidth, padEnd, wrap } from './width.js';

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
  /** The CSV writer (csv-stringify's), passed in so that only `--format csv` loads it. */
  csv?: (rows: string[][]) => string;
}

/**
 * Renders rows in a format: `table` (box drawing, fitted and wrapped to the width),
 * `plain` (tab-separated), `csv` (RFC 4180 quoting) or `md` (a GitHub Markdown table).
 * Cells are cleaned of control characters first: data packs are untrusted.
 */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  format: TableFormat,
  opts: TableOptions,
): string {
  const clean = rows.map((r) => r.map((c) => sanitizeLine(c)));
  const headers = columns.map((c) => c.header);
  switch (format) {
    case 'plain':
      return `${[headers, ...clean].map((r) => r.map((c) => c.replace(/\t/g, ' ')).join('\t')).join('\n')}\n`;
    case 'csv':
      if (!opts.csv) throw new Error('renderTable: csv format needs opts.csv');
      return opts.csv([headers, ...clean]);
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
  return `${lines.join('\n')}\n`;
}

/**
 * Column widths that fit the terminal. The widest column gives way first, but no column
 * narrower than its longest word while another can still wrap; only then are words cut.
 */
export function fitWidths(columns: readonly Column[], rows: readonly string[][], width: number): number[] {
  const cells = (i: number) => [columns[i]!.header, ...rows.map((r) => r[i] ?? '')];
  const natural = columns.map((c, i) => Math.min(c.max ?? Infinity, Math.max(...cells(i).map(displayWidth))) + 2);
  const longestWord = columns.map(
    (_, i) =>
      Math.max(
        ...cells(i)
          .flatMap((c) => c.split(/\s+/))
          .map(displayWidth),
      ) + 2,
  );
  // Borders take one column each, plus one at the end.
  const budget = Math.max(columns.length * 6, width - (columns.length + 1));
  const widths = [...natural];
  const total = () => widths.reduce((a, b) => a + b, 0);
  for (const floor of [(i: number) => Math.min(natural[i]!, longestWord[i]!), () => 6]) {
    while (total() > budget) {
      let widest = -1;
      widths.forEach((w, i) => {
        if (w > floor(i) && (widest < 0 || w > widths[widest]!)) widest = i;
      });
      if (widest < 0) break;
      widths[widest]! -= 1;
    }
  }
  return widths;
}

/**
 * Box drawing, the look of cli-table3 but measured with displayWidth throughout:
 * cli-table3 measures with string-width 4, which counts some wide characters (U+16FE0,
 * U+1F191) as narrow, and its tables then overflowed the terminal (a property test found it).
 */
function boxTable(columns: readonly Column[], rows: readonly string[][], { style, width }: TableOptions): string {
  const widths = fitWidths(columns, rows, width);
  const rule = (left: string, mid: string, right: string) => left + widths.map((w) => '─'.repeat(w)).join(mid) + right;
  const row = (cells: readonly string[], paint: (s: string) => string = (x) => x) => {
    const wrapped = cells.map((c, i) => wrap(c, widths[i]! - 2, '', '', true));
    const height = Math.max(1, ...wrapped.map((w) => w.length));
    const lines: string[] = [];
    for (let l = 0; l < height; l++) {
      lines.push(`│${wrapped.map((w, i) => ` ${paint(padEnd(w[l] ?? '', widths[i]! - 2))} `).join('│')}│`);
    }
    return lines.join('\n');
  };
  const out = [
    rule('┌', '┬', '┐'),
    row(
      columns.map((c) => c.header),
      (s) => style.bold(s),
    ),
  ];
  for (const r of rows) out.push(rule('├', '┼', '┤'), row(r));
  out.push(rule('└', '┴', '┘'));
  return `${out.join('\n')}\n`;
}
