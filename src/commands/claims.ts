import type { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { emit, emitJson } from '../cli/emit.js';
import { emitRows, outputOptions } from '../cli/format.js';
import { parseChoice } from '../cli/options.js';
import { UsageError } from '../errors.js';
import { byIdOrSuggest } from '../kb/suggest.js';
import { VERDICTS, type Verdict } from '../kb/vocab.js';
import { renderClaim } from '../render/claims.js';
import { shortCite } from '../render/cite.js';
import { sanitizeLine } from '../render/sanitize.js';
import type { Column } from '../render/table.js';

/** Parsed options of `purges claims`. */
export interface ClaimsOptions {
  verdict?: Verdict;
  json?: boolean;
  format?: string;
}

/** Registers `purges claims [id]`. */
export function register(program: Command, ctx: Ctx): Command {
  const cmd = program
    .command('claims')
    .description('popular claims checked against the record: verdict, best figure, sources')
    .argument('[id]', 'one claim in full, with its sources cited in full (ids: --json, or purges search)')
    .option('--verdict <verdict>', `only this verdict: ${VERDICTS.join(', ')}`, parseChoice('--verdict', VERDICTS))
    .addHelpText(
      'after',
      '\nExamples:\n  $ purges claims\n  $ purges claims --verdict inaccurate --format md\n  $ purges claims sl-93-of-139-executed',
    );
  return outputOptions(cmd).action((id: string | undefined, opts: ClaimsOptions) => run(id, opts, ctx));
}

const COLUMNS: Column[] = [
  { header: 'claim', max: 34, min: 16, heading: true },
  { header: 'verdict', kind: 'word' },
  { header: 'best figure', max: 30, drop: 1 },
  { header: 'why', max: 48, min: 24 },
  { header: 'sources', max: 22, drop: 2 },
];

/** Prints one claim in full, or the claims with their verdicts as a table. */
export async function run(id: string | undefined, opts: ClaimsOptions, ctx: Ctx): Promise<void> {
  const kb = await ctx.kb();
  if (id !== undefined) {
    const list = (['verdict', 'format'] as const).find((o) => opts[o] !== undefined);
    if (list) throw new UsageError(`an id shows one claim; --${list} goes with the list`, `E.g. 'purges claims ${sanitizeLine(id)}'.`);
    return one(id, opts, ctx);
  }
  const claims = kb.claims.filter((c) => !opts.verdict || c.verdict === opts.verdict);
  if (claims.length === 0 && !opts.json) {
    ctx.err.write('purges: no claims match these filters.\n');
    return;
  }
  const cite = (ids: readonly string[]) => ids.map((s) => shortCite(kb.source(s))).join('; ');
  const rows = claims.map((c) => [c.claim, c.verdict, c.figure ?? '', c.explanation, cite(c.sources)]);
  await emitRows(ctx, opts, claims, COLUMNS, () => rows);
}

async function one(id: string, opts: ClaimsOptions, ctx: Ctx): Promise<void> {
  const kb = await ctx.kb();
  const claim = byIdOrSuggest(kb.claims, id, 'claim', "Run 'purges claims --json' for the ids, or 'purges search <text>'.");
  if (opts.json) return emitJson(ctx, claim);
  const sources = claim.sources.map((s) => kb.source(s));
  const origin = claim.originSource ? kb.source(claim.originSource) : undefined;
  await emit(ctx, renderClaim({ claim, sources, origin }, { style: ctx.style, width: ctx.out.columns }));
}
