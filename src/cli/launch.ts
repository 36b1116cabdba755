/**
 * The launcher bin/purges.js runs: it executes the bundle (dist/cli.js) with a V8 code cache
 * kept in the user's cache folder, never in the installed package.
 *
 * Why: compiling the functions a run executes costs ~9-13 ms of every start (measured in
 * bench/ on Node 20, 22 and 24). Node 22's module.enableCompileCache() saves only ~1-7 ms of
 * it, because Node writes its cache right after compiling, before any function has run, so
 * the lazily compiled functions (nearly all of them) are compiled again on every start. A
 * cache written at exit holds them. Each command compiles different functions, so the cache
 * is written again whenever a run uses a command it has not seen; after that it is only read.
 * Where Node has the compile cache, it is on as well, for the modules loaded outside the
 * bundle (zod for packs, Inquirer for the quiz).
 *
 * The cache file is named by the Node version and the bundle's build id (a hash the build
 * appends to cli.js), and V8 rejects a cache made by another V8 or with other flags: a
 * rejected, damaged or missing cache only means a normal compile. NODE_DISABLE_COMPILE_CACHE
 * turns both caches off.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import nodeModule from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { lendImport } from '../external.js';
import { cacheRoot } from '../kb/cache-dir.js';
import { isTerminal } from './terminal.js';

const cli = fileURLToPath(new URL('./cli.js', import.meta.url));
const source = readFileSync(cli, 'utf8');
const cacheDir = join(cacheRoot(process.env), 'code');
const useCache = process.env.NODE_DISABLE_COMPILE_CACHE === undefined;

// Node >= 22.1 (node:module itself is left unloaded before that: ~0.4 ms); it creates the folder.
if (useCache && Number(process.versions.node.split('.')[0]) >= 22) {
  try {
    (nodeModule as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache?.(join(cacheDir, 'node'));
  } catch {
    // An unwritable cache folder only costs compile time.
  }
}

/**
 * What a run does, as far as compiling goes: the command, the options named (not their
 * values) and whether stdout is a terminal. `person kirov` and `person kirov --json` run
 * different functions, so each adds what it compiled to the cache once.
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
const cacheFile = join(cacheDir, `${prefix}${buildId}.bin`);
const kind = runKind(process.argv);
const MAX_KINDS = 64;

// The file: a 4-byte length, the JSON list of commands it has seen, then V8's data.
let seen: string[] = [];
let cachedData: Buffer | undefined;
if (useCache) {
  try {
    const file = readFileSync(cacheFile);
    const length = file.readUInt32LE(0);
    seen = JSON.parse(file.toString('utf8', 4, 4 + length));
    cachedData = file.subarray(4 + length);
  } catch {
    seen = [];
  }
}

// Code compiled by vm.Script cannot call import() (Node 20 has no stable way to allow it), so
// the bundle borrows this module's own import() for env-paths, csv-stringify and friends.
lendImport((specifier) => import(specifier));

const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
const script = new Script(wrapper, { filename: cli, cachedData });
const fresh = cachedData === undefined || script.cachedDataRejected === true;
if (useCache && (fresh || (!seen.includes(kind) && seen.length < MAX_KINDS)))
  // Only a run that went well: one that stopped at a usage error compiled little.
  process.once('exit', (code) => code === 0 && save(fresh ? [kind] : [...seen, kind]));

/** Writes the cache atomically (a temporary file renamed over the old one); failures are silent. */
function save(commands: string[]): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const header = Buffer.from(JSON.stringify(commands));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length, 0);
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.concat([length, header, script.createCachedData()]));
    renameSync(tmp, cacheFile);
    // Caches of earlier builds under this Node version are stale: an upgrade replaced them.
    for (const name of readdirSync(cacheDir))
      if (name.startsWith(prefix) && name.endsWith('.bin') && join(cacheDir, name) !== cacheFile)
        rmSync(join(cacheDir, name), { force: true });
  } catch {
    // A read-only or full disk keeps compiling normally.
  }
}

const module = { exports: {} };
// This file is CommonJS once built, and sits beside cli.js: its own require resolves alike.
script.runInThisContext()(module.exports, require, module, cli, dirname(cli));
