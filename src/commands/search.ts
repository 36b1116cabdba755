import type { Command } from 'commander';
import type { Ctx } from '../cli/context.js';
import { emitRows, outputOptions } from '../cli/format.js';
import { parseIntOption, requireQuery } from '../cli/options.js';
import { search } from '../kb/search.js';
import { sanitizeLine } from '../render/sanitize.js';
import type { Column } from '../render/table.js';

/** Parsed options of `purges search`. */
export interface SearchOptions {
  limit?: number;
  json?: boolean;
  format?: string;
}

/** Registers `purges search <text>`. */
export function register(program: Command, ctx: Ctx): Command {
  const cmd = program
    .command('search')
    .description('one ranked list across people, events, statistics, claims and sources')
    .argument('<text...>', 'words to look for (any spelling, Latin or Cyrillic)')
    .option('--limit <n>', 'at most n results (default 20)', parseIntOption('--limit', 1, 1000))
    .addHelpText(
      'after',
      "\nExamples:\n  $ purges search yezhov\n  $ purges search polish operation --json\n\nEach id opens with its command: 'purges person <id>', 'event', 'stats', 'claims', 'sources'.",
    );
  return outputOptions(cmd).action((words: string[], opts: SearchOptions) => run(words.join(' '), opts, ctx));
}

const COLUMNS: Column[] = [
  { header: 'type', kind: 'word', drop: 2 },
  { header: 'id', kind: 'id', heading: true },
  { header: 'title', max: 50, heading: true },
  { header: 'why', max: 30, drop: 1 },
];

/** Searches and prints the ranked hits. */
export async function run(text: string, opts: SearchOptions, ctx: Ctx): Promise<void> {
  const q = requireQuery(text, 'search text');
  const kb = await ctx.kb();
  const hits = search(kb, q, opts.limit ?? 20);
  if (hits.length === 0 && !opts.json) {
    ctx.err.write(`purges: nothing matches "${sanitizeLine(q)}". Try fewer words or another spelling.\n`);
    return;
  }
  const rows = hits.map((h) => [h.type, h.id, h.title, h.why]);
  await emitRows(ctx, opts, hits, COLUMNS, () => rows);
}
