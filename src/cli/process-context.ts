import { fstatSync, writeSync } from 'node:fs';
import { styleFor } from '../render/style.js';
import { importExternal } from '../external.js';
import type { Ctx, Output } from './context.js';
import { fsError } from '../errors.js';
import { Kb } from '../kb/model.js';
import { bundledFingerprint, loadBundled, loadBundledIndex } from '../kb/bundled.js';
import pkg from '../../package.json' with { type: 'json' };

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
 * An output on file descriptor 1 or 2. A terminal gets Node's stream (it knows the size);
 * a pipe or file gets synchronous writes, which skip building a stream (a few ms of every
 * start) and leave nothing unflushed at exit. A closed pipe ends the process quietly.
 */
function output(fd: 1 | 2, terminal: boolean): Output {
  if (terminal) {
    const s = fd === 1 ? process.stdout : process.stderr;
    return {
      write: (text) => void s.write(text),
      isTTY: true,
      columns: s.columns || columnsFromEnv(process.env) || 80,
      rows: s.rows || undefined,
    };
  }
  return { write: (text) => writeAll(fd, text), isTTY: false, columns: columnsFromEnv(process.env) || 80 };
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

/**
 * Which of stdin, stdout and stderr are terminals. A terminal is a character device, so a
 * pipe or file is known without loading node:tty (~3 ms); only character devices (a
 * terminal, or /dev/null) are asked properly.
 */
async function terminals(): Promise<[boolean, boolean, boolean]> {
  const chr = [0, 1, 2].map((fd) => {
    try {
      return fstatSync(fd).isCharacterDevice();
    } catch {
      return false;
    }
  });
  if (!chr.some(Boolean)) return [false, false, false];
  const { isatty } = await importExternal<typeof import('node:tty')>('node:tty');
  return [chr[0]! && isatty(0), chr[1]! && isatty(1), chr[2]! && isatty(2)];
}

/** The production context: real streams, clock and randomness; the knowledge base on demand. */
export async function processContext(argv: readonly string[]): Promise<{ ctx: Ctx; stderrCapture: StderrCapture }> {
  const [stdinIsTTY, stdoutIsTTY, stderrIsTTY] = await terminals();
  const out = output(1, stdoutIsTTY);
  const color = wantsColor(argv, process.env, out.isTTY);
  let kb: Promise<Kb> | undefined;
  const ctx: Ctx = {
    out,
    err: output(2, stderrIsTTY),
    stdinIsTTY,
    stdin: () => process.stdin,
    style: await styleFor(color),
    env: process.env,
    now: () => new Date(),
    random: Math.random,
    pager: !argv.includes('--no-pager'),
    kb: () => (kb ??= loadKb(ctx.env, ctx.dataPaths)),
    prompter: async () => (await import('./terminal-prompter.js')).terminalPrompter(ctx.style),
    dataPaths: [],
  };
  return { ctx, stderrCapture: new StderrCapture() };
}

/**
 * Bundled data (or a PURGES_BASE folder in its place), then each pack on top. Packs that
 * passed their checks before, unchanged, are not checked again (PURGES_NO_CACHE=1: always check).
 */
async function loadKb(env: Record<string, string | undefined>, paths: readonly string[]): Promise<Kb> {
  const basePath = env.PURGES_BASE;
  if (!basePath && paths.length === 0) return new Kb(loadBundled(), loadBundledIndex);
  // zod and the checks load only when user data needs them.
  const { loadPack, packKey, EMPTY_KB } = await import('../kb/pack.js');
  const { defaultCacheDir, folderCache } = await import('../kb/pack-cache.js');
  const cache = env.PURGES_NO_CACHE ? undefined : folderCache(await defaultCacheDir(env));
  // Each pack is checked against everything loaded before it, so that is part of its key.
  let baseKey = `purges ${pkg.version} ${basePath ? `base ${packKey(basePath)}` : `bundled ${bundledFingerprint()}`}`;
  let data = basePath ? await loadPack(basePath, EMPTY_KB, { cache, baseKey: `purges ${pkg.version}` }) : loadBundled();
  for (const path of paths) {
    data = await loadPack(path, data, { cache, baseKey });
    baseKey = `${baseKey} + ${packKey(path)}`;
  }
  return new Kb(data);
}
