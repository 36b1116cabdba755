/**
 * The launcher bin/purges.js runs: it executes the bundle (dist/cli.js) with a V8 code cache
 * kept in the user's cache folder, never in the installed package.
 *
 * Why: compiling the functions a run executes costs ~9-16 ms of every start (measured in
 * bench/ on Node 20, 22 and 24). Node 22's module.enableCompileCache() saves only ~1-7 ms of
 * it, because Node writes its cache right after compiling, before any function has run, so
 * the lazily compiled functions (nearly all of them) are compiled again on every start. A
 * cache written at exit holds them. Each kind of run compiles different functions, so each
 * has its own cache file, written by its first run that ends well and only read after that
 * (one file for all kinds was measured 3 ms slower: a bigger cache takes longer to load).
 * Where Node has the compile cache, it is on as well, for the modules loaded outside the
 * bundle (zod for packs, Inquirer for the quiz).
 *
 * The cache files are named by the Node version, the bundle's build id (a hash the build
 * appends to cli.js) and the kind of run; V8 rejects a cache made by another V8 or with
 * other flags. A rejected, damaged or missing cache only means a normal compile.
 * NODE_DISABLE_COMPILE_CACHE turns both caches off.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { lendImport } from '../external.js';
import { cacheRoot } from '../kb/cache-dir.js';
import { hashHex } from '../kb/index/hash.js';
import { isTerminal } from './terminal.js';

const cli = fileURLToPath(new URL('./cli.js', import.meta.url));
const source = readFileSync(cli, 'utf8');
const cacheDir = absoluteOrNothing(() => join(cacheRoot(process.env), 'code'));
// No cache where the folder cannot be named absolutely (a relative PURGES_HOME in a deleted
// current folder makes Node's recursive mkdir loop), and none that would create a missing home
// folder: ~/.cache may be created, ~ itself never.
const useCache = process.env.NODE_DISABLE_COMPILE_CACHE === undefined && cacheDir !== '' && existsSync(dirname(dirname(dirname(cacheDir))));

function absoluteOrNothing(folder: () => string): string {
  try {
    return resolve(folder());
  } catch {
    return '';
  }
}

// Node >= 22.1. node:module is required only there (~0.4 ms), and it creates the folder.
if (useCache && Number(process.versions.node.split('.')[0]) >= 22) {
  try {
    (require('node:module') as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache?.(join(cacheDir, 'node'));
  } catch {
    // An unwritable cache folder only costs compile time.
  }
}

/**
 * What a run does, as far as compiling goes: the command, the options named (not their
 * values) and whether stdout is a terminal. `person kirov` and `person kirov --json` run
 * different functions, so each has a cache of its own.
 */
function runKind(argv: readonly string[]): string {
  const words: string[] = [];
  let command = '';
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data') i++;
    else if (a.startsWith('-')) words.push(a.replace(/=.*/, ''));
    else command ||= a;
  }
  return [command, ...words.sort(), isTerminal(1) ? '(terminal)' : ''].join(' ').trim();
}

const buildId = /\n\/\/# purges-build=(\w+)\n?$/.exec(source.slice(-80))?.[1] ?? `dev${source.length}`;
const prefix = `cli-${process.version}-${process.arch}-`;
const kind = runKind(process.argv);
// One file per kind of run, named by a hash of the kind: each holds only what its runs compile.
const cacheFile = join(cacheDir, `${prefix}${buildId}-${hashHex(kind)}.bin`);
const MAX_FILES = 64;

let cachedData: Buffer | undefined;
if (useCache) {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
}

// Code compiled by vm.Script cannot call import() (Node 20 has no stable way to allow it), so
// the bundle borrows this module's own import() for env-paths, csv-stringify and friends.
lendImport((specifier) => import(specifier));

const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
const script = new Script(wrapper, { filename: cli, cachedData });
if (useCache && (cachedData === undefined || script.cachedDataRejected === true))
  // Only a run that went well: one that stopped at a usage error compiled little.
  process.once('exit', (code) => code === 0 && save());

/** Writes the cache atomically (a temporary file renamed into place); failures are silent. */
function save(): void {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    mkdirSync(cacheDir, { recursive: true });
    const names = readdirSync(cacheDir);
    // Caches of earlier builds under this Node version are stale: an upgrade replaced them.
    for (const name of names)
      if (name.startsWith(prefix) && !name.startsWith(`${prefix}${buildId}-`)) rmSync(join(cacheDir, name), { force: true });
    // Many kinds of run (every combination of options) would fill the folder: keep it bounded.
    if (names.filter((n) => n.startsWith(`${prefix}${buildId}-`)).length >= MAX_FILES) return;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cacheFile);
  } catch {
    // A read-only or full disk keeps compiling normally, and keeps no half-written file.
    try {
      rmSync(tmp, { force: true });
    } catch {}
  }
}

const module = { exports: {} };
// This file is CommonJS once built, and sits beside cli.js: its own require resolves alike.
script.runInThisContext()(module.exports, require, module, cli, dirname(cli));
