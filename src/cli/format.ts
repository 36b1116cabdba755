import type { Command } from 'commander';
import { Option } from 'commander';
import type { Ctx } from './context.js';
import { importExternal } from '../external.js';
import { parseChoice } from './options.js';
import { TABLE_FORMATS, type TableFormat } from '../render/table.js';
import { emit, emitJson } from './emit.js';
import { renderTableChunks, type Column } from '../render/table.js';

/** Adds `--json` and `--format` (table formats plus any extra ones). */
export function outputOptions(cmd: Command, extra: readonly string[] = []): Command {
  const formats = [...TABLE_FORMATS, ...extra];
  return cmd
    .option('--json', 'print one JSON document (stable field names)')
    .addOption(
      new Option('--format <format>', `${formats.join(', ')} (default: table on a terminal, plain in a pipe)`).argParser(
        parseChoice('--format', formats),
      ),
    );
}

/** The width to wrap free text to: the terminal's, or COLUMNS when set; undefined in a pipe (one line per entry). */
export function wrapWidth(ctx: Ctx): number | undefined {
  return ctx.out.isTTY || ctx.env.COLUMNS ? ctx.out.columns : undefined;
}

/** The table format to use: the one asked for, else `table` on a terminal and `plain` in a pipe. */
export function tableFormat(ctx: Ctx, format: string | undefined): TableFormat {
  if (format && (TABLE_FORMATS as readonly string[]).includes(format)) return format as TableFormat;
  return ctx.out.isTTY ? 'table' : 'plain';
}

/**
 * Prints rows as JSON (`json` given) or as a table in the chosen format. `rows` is told
 * whether the table is for people (`table`, `md`: readable dates) or for programs
 * (`plain`, `csv`: ISO dates and bare numbers).
 */
export async function emitRows(
  ctx: Ctx,
  opts: { json?: boolean; format?: string },
  json: unknown,
  columns: readonly Column[],
  rows: (human: boolean) => string[][],
): Promise<void> {
  if (opts.json) return emitJson(ctx, json);
  const format = tableFormat(ctx, opts.format);
  const human = format === 'table' || format === 'md';
  const csv = format === 'csv' ? (await importExternal<typeof import('csv-stringify/sync')>('csv-stringify/sync')).stringify : undefined;
  // Bundled, and initialised only here: pipes and other formats never pay for it.
  const table = format === 'table' ? (await import('cli-table3')).default : undefined;
  await emit(ctx, renderTableChunks(columns, rows(human), format, { style: ctx.style, width: ctx.out.columns, csv, table }));
}
