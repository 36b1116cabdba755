import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { Chalk } from 'chalk';
import type { Ctx, Output } from './context.js';
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
function output(fd: 1 | 2): Output {
  if (isatty(fd)) {
    const s = fd === 1 ? process.stdout : process.stderr;
    return { write: (text) => void s.write(text), isTTY: true, columns: s.columns || 80, rows: s.rows };
  }
  return { write: (text) => writeAll(fd, text), isTTY: false, columns: 80 };
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
      throw e;
    }
  }
}

/** Colour is on for a terminal unless NO_COLOR or --no-color; FORCE_COLOR turns it on anywhere. */
export function wantsColor(argv: readonly string[], env: Record<string, string | undefined>, isTTY: boolean): boolean {
  if (argv.includes('--no-color') || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTTY && env.TERM !== 'dumb';
}

/** The production context: real streams, clock and randomness; the knowledge base on demand. */
export function processContext(argv: readonly string[]): { ctx: Ctx; stderrCapture: StderrCapture } {
  const out = output(1);
  const color = wantsColor(argv, process.env, out.isTTY);
  let kb: Promise<Kb> | undefined;
  const ctx: Ctx = {
    out,
    err: output(2),
    stdinIsTTY: isatty(0),
    style: new Chalk({ level: color ? 1 : 0 }),
    env: process.env,
    now: () => new Date(),
    random: Math.random,
    pager: !argv.includes('--no-pager'),
    kb: () => (kb ??= loadKb(ctx.env, ctx.dataPaths)),
    prompter: async () => (await import('../quiz/inquirer-prompter.js')).inquirerPrompter(),
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
