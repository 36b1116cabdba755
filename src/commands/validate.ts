import type { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { emitJson } from '../cli/emit.js';
import { progressBar } from '../cli/progress.js';
import { DataError } from '../errors.js';
import { loadBundled } from '../kb/bundled.js';
import { sanitizeLine } from '../render/sanitize.js';

/** Parsed options of `purges validate`. */
export interface ValidateOptions {
  json?: boolean;
}

/** Registers `purges validate <path>`. */
export function register(program: Command, ctx: Ctx): Command {
  return program
    .command('validate')
    .description('check a data pack and list every problem (exit 0 valid, 1 not)')
    .argument('<path>', 'a data pack folder, or one people.json/people.ndjson/events.json/... file')
    .option('--json', 'print the problems as a JSON array')
    .addHelpText('after', '\nExamples:\n  $ purges validate ./my-pack\n  $ purges validate ./my-pack/people.json --json')
    .action((path: string, opts: ValidateOptions) => run(path, opts, ctx));
}

/** Checks the pack against the bundled data (and earlier --data packs) and reports. */
export async function run(path: string, opts: ValidateOptions, ctx: Ctx): Promise<void> {
  const { checkPack } = await import('../kb/pack-check.js');
  const { formatProblem } = await import('../kb/problems.js');
  // Against the bundled data, or the data the earlier --data packs make.
  const kb = ctx.dataPaths.length > 0 ? await ctx.kb() : undefined;
  const base = kb ? { data: kb, indexed: kb.indexed } : { data: loadBundled(), indexed: [] };
  const { counts, problems, truncated } = await checkPack(path, base, undefined, progressBar(ctx.err));
  // Problems quote the pack's own text, which may hold escape sequences.
  const lines = problems.map((p) => sanitizeLine(formatProblem(p)));
  if (opts.json) emitJson(ctx, problems);
  else for (const line of lines) ctx.out.write(`${line}\n`);
  if (problems.length > 0) {
    const count = `${problems.length}${truncated ? '+' : ''} problem${problems.length === 1 ? '' : 's'} found`;
    throw new DataError(
      `${path}: ${count}`,
      [],
      truncated ? `Checking stopped after ${problems.length}; fix these and run it again.` : undefined,
    );
  }
  const summary = Object.entries(counts)
    .map(([name, n]) => `${n} ${name}`)
    .join(', ');
  ctx.err.write(`${sanitizeLine(path)}: valid (${summary})\n`);
}
