import type { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { collect, parseChoice } from '../cli/options.js';
import { progressBar } from '../cli/progress.js';
import { DataError, UsageError } from '../errors.js';
import { FATES, type Fate } from '../kb/vocab.js';
import { sanitizeLine } from '../render/sanitize.js';

/** Parsed options of `purges pack import`. */
export interface ImportCommandOptions {
  out: string;
  map?: string;
  source: string[];
  fate?: Fate;
  idPrefix?: string;
  skipBad?: boolean;
}

/** Registers `purges pack import <file.csv>`. */
export function register(program: Command, ctx: Ctx): Command {
  const pack = program.command('pack').description('make data packs: import a CSV list of people');
  pack
    .command('import')
    .description('turn a CSV list of people (a header row, then a person a row) into a pack')
    .argument('<file.csv>', 'the list; its header row names the columns')
    .requiredOption('--out <folder>', 'the pack folder to write (people.ndjson goes there)')
    .option('--map <columns>', 'which column fills which field, e.g. "Surname=name,Year=born,Notes=-"')
    .option('--source <id>', 'a source every row cites (repeatable; see purges sources)', collect, [])
    .option('--fate <fate>', `the fate of rows that give none: ${FATES.join(', ')}`, parseChoice('--fate', FATES))
    .option('--id-prefix <prefix>', 'ids of rows without an id column: <prefix>-<line> (default: from the file name)')
    .option('--skip-bad', 'import the good rows and list the bad ones in import-report.txt')
    .addHelpText(
      'after',
      `
Columns named like fields are mapped without --map: id, name (or first name, patronymic,
surname), born, died, fate, summary, sources, arrested, charge, court, sentenced, sentence,
executed, rehabilitated, aliases; Russian headers too (Фамилия, Имя, Отчество, Год рождения...).
Dates may be 1937, 1937-08-05 or 05.08.1937.

Examples:
  $ purges pack import victims.csv --out ./victims --source memorial-2016
  $ purges pack import list.csv --out ./list --map "Фамилия=name,Имя=name" --fate executed --skip-bad`,
    )
    .action((file: string, opts: ImportCommandOptions) => runImport(file, opts, ctx));
  return pack;
}

/** Imports the list and says what was written, skipped and ignored. */
export async function runImport(file: string, opts: ImportCommandOptions, ctx: Ctx): Promise<void> {
  const { parseColumnMap } = await import('../kb/csv-people.js');
  const { importCsv } = await import('../kb/import-csv.js');
  let map: ReturnType<typeof parseColumnMap> | undefined;
  try {
    map = opts.map === undefined ? undefined : parseColumnMap(opts.map);
  } catch (e) {
    throw new UsageError(`--map: ${(e as Error).message}`);
  }
  const kb = await ctx.kb();
  const knownSource = (id: string) => kb.sources.some((s) => s.id === id);
  for (const id of opts.source)
    if (!knownSource(id)) throw new UsageError(`--source "${id}" is not a known source`, "List them with 'purges sources'.");
  let result: Awaited<ReturnType<typeof importCsv>>;
  try {
    result = await importCsv({
      file,
      out: opts.out,
      map,
      defaults: { sources: opts.source, fate: opts.fate, idPrefix: opts.idPrefix, knownSource },
      skipBad: opts.skipBad ?? false,
      progress: progressBar(ctx.err),
    });
  } catch (e) {
    if (e instanceof DataError) for (const p of e.problems) ctx.err.write(`${sanitizeLine(p)}\n`);
    if (e instanceof Error && /^--map names/.test(e.message)) throw new UsageError(e.message);
    throw e;
  }
  if (result.ignored.length > 0)
    ctx.err.write(`purges: columns not imported: ${columnList(result.ignored)} (map them with --map "Header=field")\n`);
  for (const b of result.firstBad) ctx.err.write(`${sanitizeLine(`${file}:${b.line}: ${b.reason}`)}\n`);
  const skipped = result.bad > 0 ? `; ${result.bad} bad row${result.bad === 1 ? '' : 's'} skipped, listed in ${result.report}` : '';
  ctx.err.write(`purges: ${result.written} people written to ${sanitizeLine(result.output)}${skipped}\n`);
}

/** The first few column names, each cut to a readable length: a CSV may have thousands. */
function columnList(names: readonly string[]): string {
  const shown = names.slice(0, 12).map((n) => {
    const clean = sanitizeLine(n);
    return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
  });
  return names.length > shown.length ? `${shown.join(', ')} and ${names.length - shown.length} more` : shown.join(', ');
}
