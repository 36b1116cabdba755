import type { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { emit, emitJson } from '../cli/emit.js';
import { collectChoices, parseIntOption, parseYearOption, requireQuery } from '../cli/options.js';
import { wrapWidth } from '../cli/format.js';
import { UsageError } from '../errors.js';
import { compareDates } from '../kb/dates.js';
import { groupTimeline, selectEvents } from '../kb/timeline.js';
import { EVENT_CATEGORIES, type EventCategory } from '../kb/vocab.js';
import { findPerson } from '../kb/find-person.js';
import { renderTimeline } from '../render/timeline.js';

/** Parsed options of `purges timeline`. */
export interface TimelineOptions {
  from?: string;
  to?: string;
  category?: EventCategory[];
  person?: string;
  limit?: number;
  ids?: boolean;
  json?: boolean;
}

/** Registers `purges timeline`. */
export function register(program: Command, ctx: Ctx): Command {
  const cmd = program
    .command('timeline')
    .description('events in date order, grouped by era and year')
    .option('--from <year>', 'start year or month (1937, 1937-07)', parseYearOption('--from'))
    .option('--to <year>', 'end year or month, inclusive', parseYearOption('--to'))
    .option(
      '--category <category>',
      `only these categories (repeatable): ${EVENT_CATEGORIES.join(', ')}`,
      collectChoices('--category', EVENT_CATEGORIES),
    )
    .option('--person <query>', 'only events involving this person')
    .option('--limit <n>', 'at most n events', parseIntOption('--limit', 1, 100000))
    .option('--ids', "show each event's id, for 'purges event <id>'")
    .addHelpText(
      'after',
      '\nExamples:\n  $ purges timeline --from 1934 --to 1938\n  $ purges timeline --category trial --category nkvd-order\n  $ purges timeline --person bukharin --json',
    );
  return cmd.option('--json', 'print one JSON array of events').action((opts: TimelineOptions) => run(opts, ctx));
}

/** Selects the events and prints the timeline (or JSON). */
export async function run(opts: TimelineOptions, ctx: Ctx): Promise<void> {
  const person = opts.person === undefined ? undefined : requireQuery(opts.person, '--person query');
  if (opts.from && opts.to && compareDates(opts.to, opts.from) < 0) {
    throw new UsageError(`--from ${opts.from} is after --to ${opts.to}`, 'Swap them, e.g. --from 1934 --to 1938.');
  }
  const kb = await ctx.kb();
  const personId = person === undefined ? undefined : findPerson(kb, person).id;
  const events = selectEvents(kb, { from: opts.from, to: opts.to, categories: opts.category, personId, limit: opts.limit });
  if (opts.json) return emitJson(ctx, events);
  if (events.length === 0) {
    ctx.err.write('purges: no events match these filters.\n');
    return;
  }
  await emit(ctx, renderTimeline(groupTimeline(kb.eras, events), { style: ctx.style, width: wrapWidth(ctx), ids: opts.ids }));
}
