/**
 * Entry point: builds the context, parses argv, and maps every error to an exit code in
 * the one place that prints errors. Commands throw; they never print errors themselves.
 */
import { CommanderError } from 'commander';
import { ExitCode, PurgesError } from '../errors.js';
import { buildProgram } from './program.js';
import { processContext } from './process-context.js';
import { sanitizeLine } from '../render/sanitize.js';

/** Runs the CLI with the given argv; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { ctx, stderrCapture } = await processContext(argv);
  try {
    const program = buildProgram(ctx, stderrCapture, argv);
    await program.parseAsync(argv);
    return ExitCode.ok;
  } catch (error) {
    return report(error, ctx.err.write.bind(ctx.err), stderrCapture.take());
  }
}

function report(error: unknown, writeErr: (text: string) => void, commanderText: string): number {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
    // Commander's message may span lines ("error: ...\n(Did you mean ...?)"): fold it into one.
    const text = (commanderText || error.message)
      .replace(/^error: /, '')
      .trim()
      .split('\n')
      .map((l) => l.trim())
      .join(' ');
    writeErr(`purges: ${sanitizeLine(text)}\n`);
    return ExitCode.usage;
  }
  if (error instanceof PurgesError) {
    if (error.message) writeErr(`purges: ${sanitizeLine(joinHint(error.message, error.hint))}\n`);
    if (process.env.PURGES_DEBUG) writeErr(`${error.stack}\n`);
    return error.exitCode;
  }
  const err = error as Error;
  writeErr(
    `purges: internal error: ${err?.message ?? String(error)}\n${err?.stack ?? ''}\nThis is a bug in purges: please report it with the command you ran.\n`,
  );
  return 70;
}

/** "message. Hint." on one line: the hint says what to do next. */
function joinHint(message: string, hint?: string): string {
  if (!hint) return message;
  return `${message}${/[.?!)]$/.test(message) ? '' : '.'} ${hint}`;
}

void main(process.argv).then((code) => {
  process.exitCode = code;
});
