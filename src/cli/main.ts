/**
 * Entry point: builds the context, parses argv, and maps every error to an exit code in
 * the one place that prints errors. Commands throw; they never print errors themselves.
 */
import { ExitCode } from '../errors.js';
import { buildProgram } from './program.js';
import { processContext } from './process-context.js';
import { report } from './report.js';

/** Runs the CLI with the given argv; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { ctx, stderrCapture } = await processContext(argv);
  try {
    const program = buildProgram(ctx, stderrCapture, argv);
    await program.parseAsync(argv);
    return ExitCode.ok;
  } catch (error) {
    return report(error, ctx.err.write.bind(ctx.err), stderrCapture.take(), argv);
  }
}

void main(process.argv).then((code) => {
  process.exitCode = code;
});
