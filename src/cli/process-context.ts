import { writeSync } from 'node:fs';
import { isTerminal } from './terminal.js';
import { styleFor } from '../render/style.js';
import type { Ctx, Output } from './context.js';
import { fsError } from '../errors.js';
import type { Kb } from '../kb/model.js';
import { loadKb } from '../kb/load.js';
import { progressBar } from './progress.js';

/** Collects what commander writes to stderr, so main can fold it into one line. */
export class StderrCapture {
  private text = '';
  write(s: string): void {
    this.text += s;
  }
  take(): string {
    const t = this.text;
    this.text = '';
    return t;
  }
}

/**
 * An output on file descriptor 1 or 2. A terminal stdout gets Node's stream (it knows the
 * size); anything else gets synchronous writes, which skip building a stream (a few ms of
 * every start) and leave nothing unflushed at exit. A closed pipe ends the process quietly.
 * Whether stderr is a terminal is asked only when something needs to know (a progress bar).
 */
function output(fd: 1 | 2): Output {
  if (fd === 1 && isTerminal(1)) {
    const s = process.stdout;
    // A terminal of unknown size (0 x 0, as under script(1)) takes COLUMNS or 80 and is not paged.
    return {
      write: (text) => void s.write(text),
      isTTY: true,
      columns: s.columns || columnsFromEnv(process.env) || 80,
      rows: s.rows || undefined,
    };
  }
  let tty: boolean | undefined;
  return {
    write: (text) => writeAll(fd, text),
    get isTTY() {
      return (tty ??= fd === 2 && isTerminal(2));
    },
    get columns() {
      return (this.isTTY && process.stderr.columns) || columnsFromEnv(process.env) || 80;
    },
  };
}

/** COLUMNS, as shells and `ls` read it: the width for output that is not a sized terminal. */
export function columnsFromEnv(env: Record<string, string | undefined>): number | undefined {
  const n = Number(env.COLUMNS);
  return Number.isInteger(n) && n >= 20 && n <= 1000 ? n : undefined;
}

function writeAll(fd: number, text: string): void {
  const buffer = Buffer.from(text);
  let offset = 0;
  while (offset < buffer.length) {
    try {
      offset += writeSync(fd, buffer, offset);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue; // a non-blocking pipe is full: try again
      if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      // A full disk or a broken device behind a redirect: one line on stderr, not a stack.
      throw fd === 1 ? fsError(e, 'cannot write the output') : e;
    }
  }
}

/**
 * Colour as chalk and Node decide it: --no-color and a non-empty NO_COLOR turn it off and
 * win over everything; FORCE_COLOR=0 (or false) turns it off, FORCE_COLOR=1, 2, 3, true or
 * empty turns it on even in a pipe; otherwise a terminal gets colour unless TERM=dumb.
 */
export function wantsColor(argv: readonly string[], env: Record<string, string | undefined>, isTTY: boolean): boolean {
  if (argv.includes('--no-color') || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  const force = env.FORCE_COLOR;
  if (force === '0' || force === 'false') return false;
  if (force !== undefined && (force === '' || force === 'true' || /^[1-3]$/.test(force))) return true;
  return isTTY && env.TERM !== 'dumb';
}

/** The production context: real streams, clock and randomness; the knowledge base on demand. */
export async function processContext(argv: readonly string[]): Promise<{ ctx: Ctx; stderrCapture: StderrCapture }> {
  const out = output(1);
  let stdinIsTTY: boolean | undefined;
  const color = wantsColor(argv, process.env, out.isTTY);
  let kb: Promise<Kb> | undefined;
  const ctx: Ctx = {
    out,
    err: output(2),
    // Only the quiz asks.
    get stdinIsTTY() {
      return (stdinIsTTY ??= isTerminal(0));
    },
    stdin: () => process.stdin,
    style: await styleFor(color),
    env: process.env,
    now: () => new Date(),
    random: Math.random,
    pager: !argv.includes('--no-pager'),
    kb: () => (kb ??= loadKb(ctx.env, ctx.dataPaths, progressBar(ctx.err))),
    prompter: async () => (await import('./terminal-prompter.js')).terminalPrompter(ctx.style),
    dataPaths: [],
  };
  return { ctx, stderrCapture: new StderrCapture() };
}
