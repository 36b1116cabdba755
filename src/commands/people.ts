import type { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { emitRows, outputOptions } from '../cli/format.js';
import { parseChoice } from '../cli/options.js';
import { formatDate } from '../kb/dates.js';
import { mainRole, matchingRole, PEOPLE_SORTS, selectPeople, type PeopleSort } from '../kb/people.js';
import { FATES, type Fate } from '../kb/vocab.js';
import { FATE_SHORT } from '../render/labels.js';
import type { Column } from '../render/table.js';

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
    .option('--role <text>', 'only people with a post, membership or rank containing this text (e.g. marshal, NKVD)')
    .option('--sort <key>', `sort by ${PEOPLE_SORTS.join(', ')}`, parseChoice('--sort', PEOPLE_SORTS))
    .addHelpText(
      'after',
      '\nExamples:\n  $ purges people --fate executed --sort died\n  $ purges people --role marshal\n  $ purges people --format csv > people.csv',
    );
  return outputOptions(cmd).action((opts: PeopleOptions) => run(opts, ctx));
}

// On a narrow terminal a date shows as its year.
const year = (cell: string) => /\d{4}$/.exec(cell)?.[0] ?? cell;

/** Selects and prints the people. */
export async function run(opts: PeopleOptions, ctx: Ctx): Promise<void> {
  const kb = await ctx.kb();
  const people = selectPeople(kb, { fate: opts.fate, role: opts.role, sort: opts.sort });
  if (people.length === 0 && !opts.json) {
    ctx.err.write('purges: no people match these filters.\n');
    return;
  }
  // The role column shows the role that matched --role, else the person's main one.
  const role = (p: (typeof people)[number]) => (opts.role ? matchingRole(p, opts.role) : mainRole(p))?.title ?? '';
  const rows = (human: boolean) => {
    const date = human ? formatDate : (d: string) => d;
    return people.map((p) => [p.id, p.name, date(p.born), p.died ? date(p.died) : '', human ? FATE_SHORT[p.fate] : p.fate, role(p)]);
  };
  const columns: Column[] = [
    { header: 'id', kind: 'id', heading: true },
    { header: 'name', heading: true },
    { header: 'born', kind: 'date', short: year, drop: 1 },
    { header: 'died', kind: 'date', short: year },
    { header: 'fate', kind: 'word' },
    // The role that matched --role is what was asked for: it is never left out.
    { header: opts.role ? 'matching role' : 'main role', max: 50, drop: opts.role ? undefined : 2 },
  ];
  await emitRows(ctx, opts, people, columns, rows);
}
