import type { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { emitRows, outputOptions } from '../cli/format.js';
import { parseChoice } from '../cli/options.js';
import { formatDate } from '../kb/dates.js';
import { mainRole, PEOPLE_SORTS, selectPeople, type PeopleSort } from '../kb/people.js';
import { FATES, type Fate } from '../kb/vocab.js';

/** Parsed options of `purges people`. */
export interface PeopleOptions {
  fate?: Fate;
  role?: string;
  sort?: PeopleSort;
  json?: boolean;
  format?: string;
}

/** Registers `purges people`. */
export function register(program: Command, ctx: Ctx): Command {
  const cmd = program
    .command('people')
    .description('a table of people, filtered by fate or role')
    .option('--fate <fate>', `only this fate: ${FATES.join(', ')}`, parseChoice('--fate', FATES))
    .option('--role <text>', 'only people with a role containing this text (e.g. marshal, NKVD)')
    .option('--sort <key>', `sort by ${PEOPLE_SORTS.join(', ')}`, parseChoice('--sort', PEOPLE_SORTS))
    .addHelpText(
      'after',
      '\nExamples:\n  $ purges people --fate executed --sort died\n  $ purges people --role marshal\n  $ purges people --format csv > people.csv',
    );
  return outputOptions(cmd).action((opts: PeopleOptions) => run(opts, ctx));
}

/** Selects and prints the people. */
export async function run(opts: PeopleOptions, ctx: Ctx): Promise<void> {
  const kb = await ctx.kb();
  const people = selectPeople(kb, { fate: opts.fate, role: opts.role, sort: opts.sort });
  if (people.length === 0 && !opts.json) {
    ctx.err.write('purges: no people match these filters.\n');
    return;
  }
  const rows = (human: boolean) => {
    const date = human ? formatDate : (d: string) => d;
    return people.map((p) => [p.id, p.name, date(p.born), p.died ? date(p.died) : '', p.fate, mainRole(p)?.title ?? '']);
  };
  await emitRows(
    ctx,
    opts,
    people,
    [{ header: 'id' }, { header: 'name' }, { header: 'born' }, { header: 'died' }, { header: 'fate' }, { header: 'main role', max: 40 }],
    rows,
  );
}
