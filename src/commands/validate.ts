import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { emitJson } from '../cli/emit.js';
import { progressBar } from '../cli/progress.js';
import { DataError, UsageError } from '../errors.js';
import { loadBundled } from '../kb/bundled.js';
import { sanitizeLine } from '../render/sanitize.js';
import { shellWord } from '../render/shell-word.js';

/** Parsed options of `purges validate`. */
export interface ValidateOptions {
  json?: boolean;
  standalone?: boolean;
}

// This many ids repeating the data loaded before the pack suggest a whole knowledge base.
const REPEATS_FOR_HINT = 10;

/** Registers `purges validate <path>`. */
export function register(program: Command, ctx: Ctx): Command {
  return program
    .command('validate')
    .description('check a data pack and list every problem (exit 0 valid, 1 not)')
    .argument('<path>', 'a data pack folder, or one people.json/people.ndjson/events.json/... file')
    .option('--json', 'print the problems as a JSON array')
    .option('--standalone', 'check a whole knowledge base of its own (what PURGES_BASE takes), not a pack on top of the bundled data')
    .addHelpText(
      'after',
      '\nExamples:\n  $ purges validate ./my-pack\n  $ purges validate ./my-pack/people.json --json\n  $ purges validate --standalone ./my-data',
    )
    .action((path: string, opts: ValidateOptions) => run(path, opts, ctx));
}

/**
 * Checks the pack against the data it would be loaded on (the bundled data or PURGES_BASE, and
 * earlier --data packs), or alone with --standalone, and reports.
 */
export async function run(path: string, opts: ValidateOptions, ctx: Ctx): Promise<void> {
  const word = sanitizeLine(shellWord(path));
  if (opts.standalone && ctx.dataPaths.length > 0)
    throw new UsageError(
      '--standalone checks the folder alone; the packs of --data and PURGES_DATA would be ignored',
      `Run 'purges validate --standalone ${word}' without them.`,
    );
  // A pack loaded with --data or PURGES_DATA would be checked against itself.
  if (ctx.dataPaths.some((p) => resolve(p) === resolve(path)))
    throw new UsageError(
      `${sanitizeLine(path)} is loaded as a pack already (--data or PURGES_DATA), so it would be checked against itself`,
      `Run 'purges validate ${word}' without it in --data or PURGES_DATA.`,
    );
  const { checkPack } = await import('../kb/pack-check.js');
  const { ALSO_LOADED, formatProblem } = await import('../kb/problems.js');
  const { EMPTY } = await import('../kb/pack.js');
  const layered = ctx.dataPaths.length > 0 || Boolean(ctx.env.PURGES_BASE);
  const kb = !opts.standalone && layered ? await ctx.kb() : undefined;
  const base = opts.standalone ? EMPTY : kb ? { data: kb, indexed: kb.indexed } : { data: loadBundled(), indexed: [] };
  const { counts, problems, truncated } = await checkPack(path, base, undefined, progressBar(ctx.err));
  // Problems quote the pack's own text, which may hold escape sequences.
  const lines = problems.map((p) => sanitizeLine(formatProblem(p)));
  if (opts.json) emitJson(ctx, problems);
  else for (const line of lines) ctx.out.write(`${line}\n`);
  if (problems.length > 0) {
    const count = `${problems.length}${truncated ? '+' : ''} problem${problems.length === 1 ? '' : 's'} found`;
    const repeats = problems.filter((p) => p.message.endsWith(ALSO_LOADED)).length;
    const hint = [
      truncated ? `Checking stopped after ${problems.length}; fix these and run it again.` : '',
      repeats >= REPEATS_FOR_HINT && !opts.standalone
        ? `${repeats} ids repeat the data already loaded: a pack adds to it. A whole knowledge base of its own is checked with 'purges validate --standalone ${word}'.`
        : '',
    ].filter(Boolean);
    throw new DataError(`${path}: ${count}`, [], hint.length > 0 ? hint.join(' ') : undefined);
  }
  const summary = Object.entries(counts)
    .map(([name, n]) => `${n} ${name}`)
    .join(', ');
  ctx.err.write(`${sanitizeLine(path)}: valid (${summary})\n`);
}
