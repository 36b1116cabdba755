import type { Command } from 'commander';
import { Option } from 'commander';
import type { Ctx } from '../cli/context.js';
import { emit, emitJson } from '../cli/emit.js';
import { parseChoice } from '../cli/options.js';
import { StrictCheckError, UsageError } from '../errors.js';
import { shortCite } from '../render/cite.js';

const FORMATS = ['text', 'md'] as const;

/** Parsed options of `purges check`. */
export interface CheckOptions {
  text?: string;
  json?: boolean;
  format?: (typeof FORMATS)[number];
  all?: boolean;
  strict?: boolean;
}

/** Registers `purges check [file]`. */
export function register(program: Command, ctx: Ctx): Command {
  return program
    .command('check')
    .description('fact-check a text against the knowledge base: each statement it can judge, with the record and sources')
    .argument('[file]', 'a UTF-8 text file, or - for standard input')
    .option('--text <text>', 'check this text instead of a file')
    .option('--json', 'print the findings as a JSON array')
    .addOption(new Option('--format <format>', 'text, or md: a report to hand back').argParser(parseChoice('--format', FORMATS)))
    .option('--all', 'also list the sentences it could not check')
    .option('--strict', 'exit 1 when any statement is inaccurate')
    .addHelpText(
      'after',
      `\nExamples:\n  $ purges check essay.txt\n  $ purges check --text "Bukharin was shot in 1937."\n  $ pbpaste | purges check - --format md > report.md\n\nVerdicts: accurate, inaccurate, disputed (historians' figures differ), unsupported (the record cannot confirm it).`,
    )
    .action((file: string | undefined, opts: CheckOptions) => run(file, opts, ctx));
}

/** Reads the text, checks it and prints the findings; with --strict, fails when any is inaccurate. */
export async function run(file: string | undefined, opts: CheckOptions, ctx: Ctx): Promise<void> {
  if ((file === undefined) === (opts.text === undefined))
    throw new UsageError(
      file ? 'give a file or --text, not both' : 'nothing to check',
      'Give a file, - for standard input, or --text "...".',
    );
  const { readTextFile, readTextStream, checkTextArgument } = await import('../cli/read-text.js');
  const text =
    opts.text !== undefined ? checkTextArgument(opts.text) : file === '-' ? await readTextStream(ctx.stdin()) : readTextFile(file!);
  const label = opts.text !== undefined ? undefined : file === '-' ? 'standard input' : file!;
  const kb = await ctx.kb();
  const { checkText } = await import('../check/check-text.js');
  const { findings, unchecked } = checkText(kb, text);
  const { checkJson, renderCheck, renderCheckMarkdown } = await import('../render/check.js');
  // A long text cites the same records many times.
  const cites = new Map<string, string>();
  const view = {
    text,
    findings,
    unchecked: opts.all ? unchecked : undefined,
    label,
    source: (id: string) => kb.source(id),
    cite: (ids: readonly string[]) => {
      const key = ids.join(' ');
      let cited = cites.get(key);
      if (cited === undefined) cites.set(key, (cited = ids.map((id) => shortCite(kb.source(id))).join('; ')));
      return cited;
    },
  };
  if (opts.json) emitJson(ctx, checkJson(view));
  else if (opts.format === 'md') await emit(ctx, renderCheckMarkdown(view));
  else await emit(ctx, renderCheck(view, { style: ctx.style, width: ctx.out.columns }));
  const wrong = findings.filter((f) => f.verdict === 'inaccurate').length;
  if (opts.strict && wrong > 0) throw new StrictCheckError(`${wrong} inaccurate ${wrong === 1 ? 'statement' : 'statements'} (--strict)`);
}
