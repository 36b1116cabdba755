import { Command } from 'commander';
import { delimiter } from 'node:path';
import type { Ctx } from './context.js';
import type { StderrCapture } from './process-context.js';
import { collect } from './options.js';
import { COMMANDS } from '../commands/index.js';
import pkg from '../../package.json' with { type: 'json' };

/** Builds the commander tree: global options, then each command's own register(). */
export function buildProgram(ctx: Ctx, stderr: StderrCapture): Command {
  const program = new Command('purges')
    .description("Explore Stalin's purges (1922-1956 and after) from a sourced, offline knowledge base.")
    .version(pkg.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--data <path>', 'add a data pack (a folder of JSON files); repeatable; also PURGES_DATA', collect, [])
    .option('--no-color', 'no colour (also NO_COLOR=1; off when not a terminal)')
    .option('--no-pager', 'never page long output')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.out.write(s),
      writeErr: (s) => stderr.write(s),
      outputError: (s) => stderr.write(s),
    })
    .addHelpText('after', `\nExamples:\n  $ purges timeline --from 1934 --to 1938\n  $ purges person kirov\n  $ purges stats --chart\n  $ purges quiz\n\nEvery fact cites its sources: 'purges sources' lists them.`);

  program.hook('preAction', () => {
    const fromEnv = (ctx.env.PURGES_DATA ?? '').split(delimiter).filter((p) => p.trim() !== '');
    ctx.dataPaths = [...fromEnv, ...(program.opts().data as string[])];
  });

  for (const register of COMMANDS) {
    const cmd = register(program, ctx);
    cmd.exitOverride().configureOutput(program.configureOutput()).showSuggestionAfterError(true);
  }
  return program;
}

