import { spawn } from 'node:child_process';
import { ExitCode, InterruptError } from '../errors.js';
import type { Ctx } from './context.js';
import { alive, descendants } from './descendants.js';

/**
 * Writes a command's result to stdout: a string, or pieces that each end a line (a long table
 * comes a chunk of rows at a time). On a terminal, output taller than the screen goes through
 * the pager ($PAGER, else `less -FIRX`), unless --no-pager; the pager gets the first screen as
 * soon as it is drawn, and the rest is drawn while the reader reads (or not at all if the
 * reader quits first).
 */
export async function emit(ctx: Ctx, output: string | Iterable<string>): Promise<void> {
  const pieces = typeof output === 'string' ? [output.endsWith('\n') || output === '' ? output : `${output}\n`] : output;
  const rest = pieces[Symbol.iterator]();
  const rows = ctx.out.rows;
  if (!(ctx.pager && ctx.out.isTTY && rows !== undefined)) {
    for (let n = rest.next(); !n.done; n = rest.next()) ctx.out.write(n.value);
    return;
  }
  // Held back until the output is known to be taller than the screen.
  const held: string[] = [];
  let lines = 0;
  for (let n = rest.next(); !n.done; n = rest.next()) {
    held.push(n.value);
    lines += n.value.split('\n').length - 1;
    if (lines >= rows) return page(ctx, held, rest);
  }
  ctx.out.write(held.join(''));
}

/**
 * JSON.stringify escapes C0 controls but not DEL and the C1 range (U+009B is a one-byte CSI to
 * some terminals), nor bidi overrides, invisible characters, tag characters (invisible text
 * that can smuggle words past a reader) or the line and paragraph separators U+2028/U+2029.
 */
const JSON_UNSAFE = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/g;

/** JSON text with the characters above written as \u escapes: the same JSON value, safe on a screen. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (s) =>
    Array.from({ length: s.length }, (_, i) => `\\u${s.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
  );
}

/** Writes one JSON document: the stable machine output of every query command (see safeJson). */
export function emitJson(ctx: Ctx, value: unknown): void {
  ctx.out.write(`${safeJson(value)}\n`);
}

/** Runs the pager on `held` and then `rest`; prints directly if no pager can start. */
async function page(ctx: Ctx, held: string[], rest: Iterator<string>): Promise<void> {
  const command = ctx.env.PAGER?.trim() || 'less -FIRX';
  // A plain command runs directly, so the child is the pager itself and a signal forwarded to
  // it reaches it; anything with shell syntax goes through sh, which is then `exec`'s job.
  const plain = /^[\w@%+=:,./ -]+$/.test(command);
  const env = { LESS: 'FIRX', ...ctx.env };
  const child = plain
    ? spawn(command.split(/ +/)[0]!, command.split(/ +/).slice(1), { stdio: ['pipe', 'inherit', 'inherit'], env })
    : spawn(`exec ${command}`, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env });
  // While the pager owns the terminal: Ctrl+C is the pager's to handle (it reaches both of us),
  // and SIGTERM or SIGHUP sent to us is passed on, then we wait for the pager to leave, so no
  // orphaned pager fights the shell for the keyboard.
  // A pager run through sh may be a pipeline (PAGER='cat | less'): its processes are the
  // shell's children, and get the signal too; they are listed before the shell can exit.
  let received: NodeJS.Signals | undefined;
  let helpers: number[] = [];
  const forward = (signal: NodeJS.Signals) => {
    received = signal;
    if (!plain && child.pid !== undefined) helpers = descendants(child.pid);
    for (const pid of helpers) {
      try {
        process.kill(pid, signal);
      } catch {
        // Already gone.
      }
    }
    child.kill(signal);
  };
  const ignore = () => undefined;
  process.on('SIGTERM', forward);
  process.on('SIGHUP', forward);
  process.on('SIGINT', ignore);
  const done = () => {
    process.removeListener('SIGTERM', forward);
    process.removeListener('SIGHUP', forward);
    process.removeListener('SIGINT', ignore);
  };
  const printAll = () => {
    ctx.out.write(held.join(''));
    for (let n = rest.next(); !n.done; n = rest.next()) ctx.out.write(n.value);
  };
  // A pager that cannot start (not installed) falls back to printing directly.
  const started = await new Promise<boolean>((resolve) => {
    child.once('spawn', () => resolve(true));
    child.once('error', () => resolve(false));
  });
  if (!started) {
    done();
    return printAll();
  }
  // Later errors (a signal that cannot be delivered) must not become uncaught 'error' events.
  child.on('error', () => undefined);
  let exited = false;
  const closed = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      exited = true;
      resolve(code);
    }),
  );
  child.stdin.on('error', () => undefined);
  child.stdin.write(held.join(''));
  // The rest, a piece at a time; between pieces the pager reads and signals come in. Through
  // sh, pieces are kept for a pager that turns out not to exist (sh's 127): they are printed
  // after all. A plain command that is missing never started (above).
  try {
    while (!exited && !received) {
      const n = rest.next();
      if (n.done) break;
      if (!plain) held.push(n.value);
      await new Promise((resolve) => setImmediate(resolve));
      if (!child.stdin.write(n.value)) await Promise.race([new Promise((resolve) => child.stdin.once('drain', resolve)), closed]);
    }
  } catch (e) {
    // Drawing failed half-way: the pager goes, so that the error line is seen.
    child.kill();
    await closed;
    done();
    throw e;
  } finally {
    child.stdin.end();
  }
  const code = await closed;
  done();
  if (received) {
    await waitGone(helpers);
    throw new InterruptError('', received === 'SIGHUP' ? ExitCode.hangup : ExitCode.terminated);
  }
  if (!plain && code === 127) printAll();
}

/** Waits up to 2 s for the pager's helper processes to end on the signal they got; then ends them. */
async function waitGone(pids: readonly number[]): Promise<void> {
  for (let waited = 0; waited < 2000 && pids.some(alive); waited += 50) await new Promise((r) => setTimeout(r, 50));
  for (const pid of pids.filter(alive)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }
}
