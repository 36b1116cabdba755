import type { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { emit, emitJson } from '../cli/emit.js';
import { emitRows, outputOptions } from '../cli/format.js';
import { parseChoice } from '../cli/options.js';
import { chartGroups, selectStatistics } from '../kb/stats.js';
import { STAT_CATEGORIES, type StatCategory } from '../kb/vocab.js';
import { renderChart } from '../render/chart.js';
import { shortCite } from '../render/cite.js';
import { formatFigure, formatPeriod } from '../render/figures.js';

/** Parsed options of `purges stats`. */
export interface StatsOptions {
  category?: StatCategory;
  chart?: boolean;
  json?: boolean;
  format?: string;
}

/** Registers `purges stats`. */
export function register(program: Command, ctx: Ctx): Command {
  const cmd = program
    .command('stats')
    .description('figures with their basis (archival count or estimate) and sources; ranges where historians differ')
    .option('--category <category>', `only this category: ${STAT_CATEGORIES.join(', ')}`, parseChoice('--category', STAT_CATEGORIES))
    .option('--chart', 'draw horizontal bars scaled to the terminal width')
    .addHelpText(
      'after',
      '\nExamples:\n  $ purges stats\n  $ purges stats --category executions --chart\n  $ purges stats --format md > figures.md',
    );
  return outputOptions(cmd).action((opts: StatsOptions) => run(opts, ctx));
}

/** Prints the statistics as a table or a chart. */
export async function run(opts: StatsOptions, ctx: Ctx): Promise<void> {
  const kb = await ctx.kb();
  const stats = selectStatistics(kb, opts.category);
  if (opts.json) return emitJson(ctx, stats);
  if (opts.chart) return emit(ctx, renderChart(chartGroups(stats), { style: ctx.style, width: ctx.out.columns }));
  const rows = (human: boolean) =>
    stats.map((s) => [
      s.label,
      human ? formatFigure(s) : s.value !== undefined ? String(s.value) : `${s.low}-${s.high}`,
      s.unit,
      human ? formatPeriod(s) : s.period.from === s.period.to ? s.period.from : `${s.period.from}/${s.period.to}`,
      s.basis === 'archival' ? 'archival count' : 'estimate',
      s.sources.map((id) => shortCite(kb.source(id))).join('; '),
    ]);
  await emitRows(
    ctx,
    opts,
    stats,
    [
      { header: 'statistic', max: 44 },
      { header: 'figure' },
      { header: 'unit', max: 12 },
      { header: 'period' },
      { header: 'basis' },
      { header: 'sources', max: 30 },
    ],
    rows,
  );
}
