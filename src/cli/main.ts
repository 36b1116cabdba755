/**
 * Entry point: builds the context, parses argv, and maps every error to an exit code in
 * the one place that prints errors. Commands throw; they never print errors themselves.
 */
import { CommanderError } from 'commander';
import { ExitCode } from '../errors.js';
import type { Ctx } from './context.js';
import { buildProgram, COMMAND_NAMES, commandLine, isBare } from './program.js';
import { processContext } from './process-context.js';
import { report } from './report.js';

/** Runs the CLI with the given argv; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { ctx, stderrCapture } = await processContext(argv);
  try {
    const program = buildProgram(ctx, stderrCapture, argv);
    // `purges` alone prints the help, as `purges --help` does.
    if (isBare(argv)) {
      program.outputHelp();
      return ExitCode.ok;
    }
    await checkHelpTopic(argv, ctx);
    await program.parseAsync(argv);
    return ExitCode.ok;
  } catch (error) {
    return report(await explain(error, argv, ctx), ctx.err.write.bind(ctx.err), stderrCapture.take(), argv);
  }
}

/** `purges help <word>` for a word that is not a command: a one-line error with a suggestion. */
async function checkHelpTopic(argv: readonly string[], ctx: Ctx): Promise<void> {
  const { word, rest } = commandLine(argv);
  if (word !== 'help' || rest.length === 0 || rest[0]!.startsWith('-') || COMMAND_NAMES.includes(rest[0]!)) return;
  const { unknownCommand } = await import('./unknown.js');
  throw await unknownCommand(rest[0]!, rest.slice(1), COMMAND_NAMES, ctx.kb);
}

/** An unknown command word gets a better suggestion than commander's: a command, or the person or event meant. */
async function explain(error: unknown, argv: readonly string[], ctx: Ctx): Promise<unknown> {
  if (!(error instanceof CommanderError) || error.code !== 'commander.unknownCommand') return error;
  const { word, rest } = commandLine(argv);
  if (word === undefined) return error;
  const { unknownCommand } = await import('./unknown.js');
  try {
    return await unknownCommand(word, rest, COMMAND_NAMES, ctx.kb);
  } catch {
    // The knowledge base could not load (a bad pack): commander's own words will do.
    return error;
  }
}

void main(process.argv).then((code) => {
  process.exitCode = code;
});
