import { Command } from 'commander';
import { delimiter } from 'node:path';
import type { Ctx } from './context.js';
import type { StderrCapture } from './process-context.js';
import { collect } from './options.js';
import { checkConflicts } from './conflicts.js';
import { COMMANDS } from '../commands/index.js';
import pkg from '../../package.json' with { type: 'json' };

/**
 * The command a run names, when it is one of ours and needs no others: `purges --data p
 * person kirov` is `person`. Help, completion (which lists every command) and unknown words
 * (which get suggestions) need the whole tree.
 */
export function commandToBuild(argv: readonly string[]): string | undefined {
  const a = commandWord(argv);
  return a !== undefined && COMMANDS.some(([name]) => name === a) && a !== 'completion' ? a : undefined;
}

/**
 * The first word after the global options (the command, or what was typed in its place),
 * and the words after it; undefined when an option other than a global one comes first.
 */
export function commandLine(argv: readonly string[]): { word?: string; rest: string[]; other: boolean } {
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--data') {
      // `--data` with no folder after it is commander's to refuse, not a bare `purges`.
      if (i + 1 >= args.length) return { rest: [], other: true };
      i++;
    } else if (a === '--no-color' || a === '--no-pager' || a.startsWith('--data=')) continue;
    else if (a.startsWith('-')) return { rest: [], other: true };
    else return { word: a, rest: args.slice(i + 1), other: false };
  }
  return { rest: [], other: false };
}

function commandWord(argv: readonly string[]): string | undefined {
  return commandLine(argv).word;
}

/** `purges` alone, or with only global options: the user wants to know what it does. */
export function isBare(argv: readonly string[]): boolean {
  const line = commandLine(argv);
  return line.word === undefined && !line.other;
}

/** The command names, for suggestions. */
export const COMMAND_NAMES: readonly string[] = COMMANDS.map(([name]) => name);

/**
 * Builds the commander tree: global options, then each command's own register(). Only the
 * command being run is registered when that is enough: building all twelve costs every start.
 */
export function buildProgram(ctx: Ctx, stderr: StderrCapture, argv: readonly string[] = []): Command {
  const program = new Command('purges')
    .description("Explore Stalin's purges (1922-1956 and after) from a sourced, offline knowledge base.")
    .version(pkg.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--data <path>', 'add a data pack (a folder of JSON files); repeatable; also PURGES_DATA', collect)
    .option('--no-color', 'no colour (also NO_COLOR=1; off when not a terminal)')
    .option('--no-pager', 'never page long output')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.out.write(s),
      writeErr: (s) => stderr.write(s),
      outputError: (s) => stderr.write(s),
    })
    .addHelpText(
      'after',
      `\nExamples:\n  $ purges timeline --from 1934 --to 1938\n  $ purges person kirov\n  $ purges stats --chart\n  $ purges quiz\n\nEvery fact cites its sources: 'purges sources' lists them.\nShell completion: eval "$(purges completion bash)" (also zsh, fish).`,
    );

  program.hook('preAction', (_program, action) => {
    checkConflicts(action);
    const fromEnv = (ctx.env.PURGES_DATA ?? '').split(delimiter).filter((p) => p.trim() !== '');
    ctx.dataPaths = [...fromEnv, ...((program.opts().data as string[] | undefined) ?? [])];
  });

  const only = commandToBuild(argv);
  for (const [name, register] of COMMANDS) {
    if (only && name !== only) continue;
    const cmd = register(program, ctx);
    cmd.exitOverride().configureOutput(program.configureOutput()).showSuggestionAfterError(true);
  }
  return program;
}
