import type { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { emit, emitJson } from '../cli/emit.js';
import { emitRows, outputOptions } from '../cli/format.js';
import { parseChoice } from '../cli/options.js';
import { UsageError } from '../errors.js';
import { chartGroups, selectStatistics } from '../kb/stats.js';
import { byIdOrSuggest } from '../kb/suggest.js';
import { STAT_CATEGORIES, type StatCategory } from '../kb/vocab.js';
import { renderChart } from '../render/chart.js';
import { shortCite } from '../render/cite.js';
import { formatFigure, formatPeriod } from '../render/figures.js';
import { renderStatistic } from '../render/statistic.js';
import { sanitizeLine } from '../render/sanitize.js';
import type { Column } from '../render/table.js';

/** Parsed options of `purges stats`. */
export interface StatsOptions {
  category?: StatCategory;
  chart?: boolean;
  json?: boolean;
  format?: string;
}

/** Registers `purges stats [id]`. */
export function register(program: Command, ctx: Ctx): Command {
  const cmd = program
    .command('stats')
    .description('figures with their basis (archival count or estimate) and sources; ranges where historians differ')
    .argument('[id]', 'one statistic in full, with its sources (ids: --json, or purges search)')
    .option('--category <category>', `only this category: ${STAT_CATEGORIES.join(', ')}`, parseChoice('--category', STAT_CATEGORIES))
    .option('--chart', 'draw horizontal bars scaled to the terminal width')
    .addHelpText(
      'after',
      '\nExamples:\n  $ purges stats\n  $ purges stats --category executions --chart\n  $ purges stats executions-1937-archival\n  $ purges stats --format md > figures.md',
    );
  return outputOptions(cmd).action((id: string | undefined, opts: StatsOptions) => run(id, opts, ctx));
}

const COLUMNS: Column[] = [
  { header: 'statistic', max: 44, heading: true },
  { header: 'figure', kind: 'number' },
  { header: 'unit', kind: 'word', drop: 1 },
  { header: 'period', kind: 'date' },
  { header: 'basis', kind: 'word', short: (b) => b.replace(/ count$/, '') },
  { header: 'sources', max: 30, drop: 2 },
];

/** Prints one statistic in full, or the statistics as a table or a chart. */
export async function run(id: string | undefined, opts: StatsOptions, ctx: Ctx): Promise<void> {
  const kb = await ctx.kb();
  if (id !== undefined) {
    const list = (['category', 'chart', 'format'] as const).find((o) => opts[o] !== undefined);
    if (list)
      throw new UsageError(
        `an id shows one statistic; --${list} goes with the list`,
        `E.g. 'purges stats ${sanitizeLine(id)}' or 'purges stats --${list} ...'.`,
      );
    return one(id, opts, ctx);
  }
  const stats = selectStatistics(kb, opts.category);
  if (opts.json) return emitJson(ctx, stats);
  if (stats.length === 0) {
    ctx.err.write('purges: no statistics match these filters.\n');
    return;
  }
  if (opts.chart) return emit(ctx, renderChart(chartGroups(stats), { style: ctx.style, width: ctx.out.columns }));
  const rows = (human: boolean) =>
    stats.map((s) => [
      s.label,
      human ? formatFigure(s) : s.value !== undefined ? String(s.value) : `${s.low}-${s.high}`,
      s.unit,
      human ? formatPeriod(s) : s.period.from === s.period.to ? s.period.from : `${s.period.from}/${s.period.to}`,
      s.basis === 'archival' ? 'archival count' : 'estimate',
      s.sources.map((sid) => shortCite(kb.source(sid))).join('; '),
    ]);
  await emitRows(ctx, opts, stats, COLUMNS, rows);
}

async function one(id: string, opts: StatsOptions, ctx: Ctx): Promise<void> {
  const kb = await ctx.kb();
  const stat = byIdOrSuggest(kb.statistics, id, 'statistic', "Run 'purges stats --format plain' for the ids, or 'purges search <text>'.");
  if (opts.json) return emitJson(ctx, stat);
  const sources = stat.sources.map((s) => kb.source(s));
  await emit(ctx, renderStatistic({ statistic: stat, sources }, { style: ctx.style, width: ctx.out.columns }));
}
