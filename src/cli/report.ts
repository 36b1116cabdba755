/**
 * Turns any error into what the user sees on stderr and the exit code: one line (with a hint)
 * for known failures, a "please report" block for bugs. The only place errors are printed.
 */
import { homedir } from 'node:os';
import { CommanderError } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { ExitCode, PurgesError } from '../errors.js';
import { sanitizeLine } from '../render/sanitize.js';

/** Writes the report of `error` and returns the exit code. */
export function report(
  error: unknown,
  writeErr: (text: string) => void,
  commanderText: string,
  argv: readonly string[],
  env: Record<string, string | undefined> = process.env,
  home = homedir(),
): number {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
    // Commander's message may span lines ("error: ...\n(Did you mean ...?)"): fold it into one.
    const text = (commanderText || error.message)
      .replace(/^error: /, '')
      .trim()
      .split('\n')
      .map((l) => l.trim())
      .join(' ');
    writeErr(`purges: ${clipWords(sanitizeLine(text))}\n`);
    return ExitCode.usage;
  }
  if (error instanceof PurgesError) {
    if (error.message) writeErr(`purges: ${clipWords(sanitizeLine(joinHint(error.message, error.hint)))}\n`);
    if (env.PURGES_DEBUG) writeErr(`${error.stack}\n`);
    return error.exitCode;
  }
  const err = error as Error;
  const message = clipWords(sanitizeLine(String(err?.message ?? error)));
  const debug = env.PURGES_DEBUG ? `${err?.stack ?? ''}\n` : '';
  writeErr(
    `purges: internal error: ${message}\n${debug}This is a bug in purges. Please report it with these lines:\n` +
      `  purges ${pkg.version}, Node ${process.version} on ${process.platform}\n  $ ${clipWords(redactedCommand(argv, home))}\n` +
      (debug ? '' : '  (PURGES_DEBUG=1 shows the stack trace)\n'),
  );
  return ExitCode.internal;
}

/**
 * The command line as the user typed it, with their home folder shown as ~ (it names them):
 * a path that starts with it, alone or after an option's `=`, never a longer name that merely
 * begins the same (/home/ada2).
 */
export function redactedCommand(argv: readonly string[], home = homedir()): string {
  const root = home.replace(/\/+$/, '');
  const inHome = root ? new RegExp(`(^|=)${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=/|$)`) : undefined;
  const words = ['purges', ...argv.slice(2)].map((a) => (inHome ? a.replace(inHome, '$1~') : a));
  return sanitizeLine(words.map((w) => (/^[\w@%+=:,./~-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' '));
}

/** Longer than this, a word of an error line (an argument echoed back) is cut in the middle; paths this long are rare. */
export const MAX_WORD = 300;

/**
 * Cuts each over-long word in the middle with a visible mark, keeping its start and its end
 * (a path's file name): an error echoing a 100 kB argument stays one readable line.
 */
export function clipWords(line: string, max = MAX_WORD): string {
  return line.replace(new RegExp(`\\S{${max + 1},}`, 'g'), (w) => {
    const chars = Array.from(w);
    if (chars.length <= max) return w;
    const tail = Math.floor(max / 3);
    return `${chars.slice(0, max - tail - 1).join('')}…${chars.slice(-tail).join('')}`;
  });
}

/** "message. Hint." on one line: the hint says what to do next. */
function joinHint(message: string, hint?: string): string {
  if (!hint) return message;
  return `${message}${/[.?!]$/.test(message) ? '' : '.'} ${hint}`;
}
