import type { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { emit, emitJson } from '../cli/emit.js';
import { UsageError } from '../errors.js';
import { daysInMonth, formatDate } from '../kb/dates.js';
import { onThisDay } from '../kb/today.js';
import { sanitizeLine } from '../render/sanitize.js';
import { categoryColor } from '../render/theme.js';

/** Parsed options of `purges today`. */
export interface TodayOptions {
  date?: string;
  json?: boolean;
}

/** `--date 12-01`: a month and day (29 February allowed). */
export function parseMonthDay(value: string): { month: number; day: number } {
  const m = /^(\d{2})-(\d{2})$/.exec(value.trim());
  const month = Number(m?.[1]);
  const day = Number(m?.[2]);
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(2000, month)) {
    throw new UsageError(`--date expects a month and day as MM-DD, e.g. 12-01, got "${value}"`);
  }
  return { month, day };
}

/** Registers `purges today`. */
export function register(program: Command, ctx: Ctx): Command {
  return program
    .command('today')
    .description("on this day: events, births and deaths on today's date in any year (or the nearest date)")
    .option('--date <MM-DD>', 'another day instead of today, e.g. 12-01')
    .option('--json', 'print the anniversaries as a JSON array')
    .addHelpText('after', '\nExamples:\n  $ purges today\n  $ purges today --date 12-01')
    .action((opts: TodayOptions) => run(opts, ctx));
}

/** Prints what happened on the day. */
export async function run(opts: TodayOptions, ctx: Ctx): Promise<void> {
  const now = ctx.now();
  const { month, day } = opts.date ? parseMonthDay(opts.date) : { month: now.getMonth() + 1, day: now.getDate() };
  const kb = await ctx.kb();
  const result = onThisDay(kb, month, day);
  if (opts.json) {
    return emitJson(
      ctx,
      result.items.map((a) => ({ kind: a.kind, date: a.date, id: a.event?.id ?? a.person!.id, title: a.event?.title ?? a.person!.name })),
    );
  }
  const asked = formatDate(`2000-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`).replace(/ 2000$/, '');
  const lines = [result.exact ? ctx.style.bold(`On ${asked}:`) : ctx.style.bold(`Nothing recorded on ${asked}; the nearest dates:`)];
  for (const a of result.items) {
    const what = a.event
      ? `${categoryColor(ctx.style, a.event.category)(a.event.category.padEnd(14))}  ${sanitizeLine(a.event.title)}`
      : `${(a.kind === 'born' ? 'born' : 'died').padEnd(14)}  ${sanitizeLine(a.person!.name)}`;
    lines.push(`  ${formatDate(a.date).padEnd(12)}  ${what}`);
  }
  await emit(ctx, lines.join('\n'));
}
