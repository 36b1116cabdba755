import type { Command } from 'commander';
import { Option } from 'commander';
import type { Ctx } from '../cli/context.js';
import { emit, emitJson } from '../cli/emit.js';
import { emitRows, wrapWidth } from '../cli/format.js';
import { parseChoice } from '../cli/options.js';
import { byIdOrSuggest } from '../kb/suggest.js';
import { CITATION_STYLES, formatCitation, MARKDOWN_CITE, splitName, terminalCite, type CitationStyle } from '../render/bibliography.js';
import { toBibtex, toCslJson } from '../render/bib-export.js';
import { TABLE_FORMATS, type Column } from '../render/table.js';
import { wrap } from '../render/width.js';
import type { Source } from '../kb/schema.js';

const FORMATS = [...TABLE_FORMATS, 'bibtex', 'csl-json'] as const;

/** Parsed options of `purges sources`. */
export interface SourcesOptions {
  style?: CitationStyle;
  format?: (typeof FORMATS)[number];
  kind?: string;
  json?: boolean;
}

/** Registers `purges sources [id]`. */
export function register(program: Command, ctx: Ctx): Command {
  return program
    .command('sources')
    .description('the bibliography; cite entries in an essay style or export them')
    .argument('[id]', 'one source id (see the list)')
    .option('--style <style>', `citation style: ${CITATION_STYLES.join(', ')}`, parseChoice('--style', CITATION_STYLES))
    .addOption(
      new Option('--format <format>', `${FORMATS.join(', ')} (bibtex and csl-json for Zotero, BibTeX, pandoc)`).argParser(
        parseChoice('--format', FORMATS),
      ),
    )
    .option('--json', 'print the source records as a JSON array')
    .addHelpText(
      'after',
      '\nExamples:\n  $ purges sources\n  $ purges sources lenoe-2010 --style apa\n  $ purges sources --style mla --format md > works-cited.md\n  $ purges sources --format bibtex > purges.bib\n\nStyles: Chicago 17 (notes and bibliography), APA 7, MLA 9; titles in italics on a terminal and in Markdown.',
    )
    .action((id: string | undefined, opts: SourcesOptions) => run(id, opts, ctx));
}

/** Prints the bibliography (or one entry) in the chosen style or export format. */
export async function run(id: string | undefined, opts: SourcesOptions, ctx: Ctx): Promise<void> {
  const kb = await ctx.kb();
  // A bibliography is alphabetical by the first author's family name (or institution).
  const sortName = (authors: readonly string[]) => {
    const n = splitName(authors[0]!);
    return n.literal ?? `${n.family} ${n.given}`;
  };
  let sources = [...kb.sources].sort((a, b) => sortName(a.authors).localeCompare(sortName(b.authors)) || (a.year ?? 0) - (b.year ?? 0));
  if (id !== undefined) {
    const one = byIdOrSuggest(kb.sources, id, 'source', "Run 'purges sources' for the list.");
    sources = [one];
  }
  if (opts.json) return emitJson(ctx, sources);
  if (opts.format === 'bibtex') return emit(ctx, toBibtex(sources));
  if (opts.format === 'csl-json') return emitJson(ctx, toCslJson(sources));
  // A format without a style is a table of the records (--style with --format md is a bibliography).
  if (opts.format && !opts.style) return emitRows(ctx, opts, sources, COLUMNS, () => rows(sources));
  const style = opts.style ?? 'chicago';
  if (opts.format === 'md') {
    // A Markdown bibliography: one entry per paragraph, titles in *italics*.
    return emit(ctx, sources.map((s) => formatCitation(s, style, MARKDOWN_CITE)).join('\n\n'));
  }
  // In a pipe each entry stays on one line, ready to paste into an essay (unless COLUMNS is set).
  const width = wrapWidth(ctx) ?? Number.POSITIVE_INFINITY;
  const cite = terminalCite((t) => ctx.style.italic(t));
  const entries = sources.map((s) => {
    const text = formatCitation(s, style, cite);
    const indent = id === undefined ? '    ' : '';
    const body = wrap(text, width, indent).join('\n');
    return id === undefined ? `${ctx.style.dim(s.id)}\n${body}` : body;
  });
  await emit(ctx, entries.join('\n'));
}

const COLUMNS: Column[] = [
  { header: 'id', kind: 'id', heading: true },
  { header: 'authors', max: 30 },
  { header: 'year', kind: 'date' },
  { header: 'title', max: 50 },
  { header: 'kind', kind: 'word', drop: 1 },
];

function rows(sources: readonly Source[]): string[][] {
  return sources.map((s) => [s.id, s.authors.join(', '), s.year?.toString() ?? 'n.d.', s.title, s.kind]);
}
