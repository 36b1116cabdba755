import type { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { emit, emitJson } from '../cli/emit.js';
import { requireQuery } from '../cli/options.js';
import { findPerson } from '../kb/find-person.js';
import { renderPerson } from '../render/person.js';

/** Parsed options of `purges person`. */
export interface PersonOptions {
  ids?: boolean;
  json?: boolean;
}

/** Registers `purges person <query>`. */
export function register(program: Command, ctx: Ctx): Command {
  return program
    .command('person')
    .description('a profile card: life, fate, roles, repression record, events, sources')
    .argument('<query...>', 'id, name, surname, alias or Cyrillic name (typos get suggestions)')
    .option('--ids', "show each event's id, for 'purges event <id>'")
    .option('--json', 'print the person as one JSON object, with their events')
    .addHelpText('after', '\nExamples:\n  $ purges person kirov\n  $ purges person Ежов\n  $ purges person blucher --json')
    .action((words: string[], opts: PersonOptions) => run(words.join(' '), opts, ctx));
}

/** Finds the person and prints the card (or JSON with `events`). */
export async function run(query: string, opts: PersonOptions, ctx: Ctx): Promise<void> {
  const q = requireQuery(query, 'person query');
  const kb = await ctx.kb();
  const person = findPerson(kb, q);
  const events = kb.eventsOf(person.id);
  if (opts.json) return emitJson(ctx, { ...person, events });
  const sources = person.sources.map((id) => kb.source(id));
  await emit(ctx, renderPerson({ person, events, sources, ids: opts.ids }, { style: ctx.style, width: ctx.out.columns }));
}
