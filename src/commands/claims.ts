import type { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { emitRows, outputOptions, tableFormat } from '../cli/format.js';
import { emit } from '../cli/emit.js';
import { renderClaims } from '../render/claims.js';
import { parseChoice } from '../cli/options.js';
import { VERDICTS, type Verdict } from '../kb/vocab.js';
import { shortCite } from '../render/cite.js';

/** Parsed options of `purges claims`. */
export interface ClaimsOptions {
  verdict?: Verdict;
  json?: boolean;
  format?: string;
}

/** Registers `purges claims`. */
export function register(program: Command, ctx: Ctx): Command {
  const cmd = program
    .command('claims')
    .description('popular claims checked against the record: verdict, best figure, sources')
    .option('--verdict <verdict>', `only this verdict: ${VERDICTS.join(', ')}`, parseChoice('--verdict', VERDICTS))
    .addHelpText('after', '\nExamples:\n  $ purges claims\n  $ purges claims --verdict inaccurate --format md');
  return outputOptions(cmd).action((opts: ClaimsOptions) => run(opts, ctx));
}

/** Prints the claims with their verdicts. */
export async function run(opts: ClaimsOptions, ctx: Ctx): Promise<void> {
  const kb = await ctx.kb();
  const claims = kb.claims.filter((c) => !opts.verdict || c.verdict === opts.verdict);
  const cite = (ids: readonly string[]) => ids.map((id) => shortCite(kb.source(id))).join('; ');
  // Long explanations read better as cards than squeezed into table cells.
  if (!opts.json && tableFormat(ctx, opts.format) === 'table')
    return emit(ctx, renderClaims(claims, cite, { style: ctx.style, width: ctx.out.columns }));
  const rows = claims.map((c) => [c.claim, c.verdict, c.figure ?? '', c.explanation, cite(c.sources)]);
  await emitRows(
    ctx,
    opts,
    claims,
    [
      { header: 'claim', max: 34 },
      { header: 'verdict' },
      { header: 'best figure', max: 30 },
      { header: 'why', max: 48 },
      { header: 'sources', max: 22 },
    ],
    () => rows,
  );
}
