import type { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { emit, emitJson } from '../cli/emit.js';
import { requireQuery } from '../cli/options.js';
import { findEvent } from '../kb/find-event.js';
import { renderEvent } from '../render/event.js';
import type { Person } from '../kb/schema.js';

/** Parsed options of `purges event`. */
export interface EventOptions {
  json?: boolean;
}

/** Registers `purges event <query>`. */
export function register(program: Command, ctx: Ctx): Command {
  return program
    .command('event')
    .description('one event in full: dates, place, summary, the people and their part in it, sources')
    .argument('<query...>', 'event id, or words of its title or another name for it')
    .option('--json', 'print the event as one JSON object')
    .addHelpText(
      'after',
      '\nExamples:\n  $ purges event kirov-assassination\n  $ purges event order 00447\n  $ purges event bukharin trial\n\nWhen several events match equally well, they are listed with their ids.',
    )
    .action((words: string[], opts: EventOptions) => run(words.join(' '), opts, ctx));
}

/** Finds the event and prints it. */
export async function run(query: string, opts: EventOptions, ctx: Ctx): Promise<void> {
  const kb = await ctx.kb();
  const event = findEvent(kb, requireQuery(query, 'event query'));
  if (opts.json) return emitJson(ctx, event);
  const people = event.people.map((id) => kb.person(id)).filter((p): p is Person => p !== undefined);
  const sources = event.sources.map((id) => kb.source(id));
  await emit(ctx, renderEvent({ event, people, sources }, { style: ctx.style, width: ctx.out.columns }));
}
