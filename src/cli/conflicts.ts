/**
 * Options that cannot be used together, refused with a one-line usage error instead of one
 * of them being silently ignored. Checked before every command runs (see program.ts), so a
 * command's own code never sees a conflicting pair.
 */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';

/** A pair refused together: `a` and `b` name options (attribute names); `when` narrows to some values of b. */
interface Conflict {
  a: string;
  b: string;
  when?: (b: unknown) => boolean;
  hint: string;
}

const flag = (name: string) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Any command with both --json and --format. */
const JSON_FORMAT: Conflict = { a: 'json', b: 'format', hint: 'Choose one: --json, or --format with one of its formats.' };

const CONFLICTS: Record<string, readonly Conflict[]> = {
  stats: [
    { a: 'chart', b: 'format', hint: 'A chart is drawn for the terminal; leave out --format, or --chart for a table.' },
    { a: 'chart', b: 'json', hint: 'A chart is drawn for the terminal; leave out --json, or --chart for data.' },
  ],
  sources: [
    {
      a: 'style',
      b: 'format',
      when: (f) => f !== 'md',
      hint: '--style formats citations as text or Markdown (--format md); bibtex, csl-json and the tables carry every field instead.',
    },
    { a: 'style', b: 'json', hint: '--style formats citations as text; --json prints the records themselves.' },
  ],
  quiz: [{ a: 'worksheet', b: 'json', hint: "For a JSON worksheet use 'purges quiz --worksheet --format json'." }],
};

/** Throws a UsageError when the command was given two options that cannot go together. */
export function checkConflicts(cmd: Command): void {
  const given = (key: string) => {
    const source = cmd.getOptionValueSource(key);
    return source === 'cli' || source === 'env';
  };
  const opts = cmd.opts();
  const table = [
    ...(cmd.options.some((o) => o.long === '--format') && cmd.options.some((o) => o.long === '--json') ? [JSON_FORMAT] : []),
    ...(CONFLICTS[cmd.name()] ?? []),
  ];
  for (const c of table) {
    if (given(c.a) && given(c.b) && (!c.when || c.when(opts[c.b]))) {
      const b = c.when ? `${flag(c.b)} ${String(opts[c.b])}` : flag(c.b);
      throw new UsageError(`${flag(c.a)} and ${b} cannot be used together`, c.hint);
    }
  }
}
