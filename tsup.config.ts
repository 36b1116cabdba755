import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';
import { buildBundled } from './src/kb/build.js';
import { buildSearchIndex } from './src/kb/search.js';
import { Kb } from './src/kb/model.js';
import { COLLECTIONS } from './src/kb/vocab.js';

/**
 * Node built-ins that cost time to load and that most runs never use: commander requires
 * child_process at its top level (for executable subcommands we do not have: ~4.5 ms with the
 * net and stream modules behind it) and the pager spawns `less` only on a terminal; tty
 * (~2 ms) is needed only for a real terminal, os (~0.2 ms) only where HOME is not set. In
 * the bundle each becomes a stand-in that loads the real module on first property access.
 * The stand-in knows the names the building Node's module has: use only long-standing ones
 * through it (launch.ts requires node:module itself, for Node 22's enableCompileCache).
 */
const LAZY_BUILTINS = /^(node:)?(child_process|os|tty)$/;
type Plugin = NonNullable<Options['esbuildPlugins']>[number];

const lazyBuiltins: Plugin = {
  name: 'lazy-builtins',
  setup(build) {
    build.onResolve({ filter: LAZY_BUILTINS }, (args) =>
      args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy-builtin' },
    );
    // Getters for the module's own names (known at build time; the module's API is stable):
    // esbuild's interop copies them as getters too, so nothing loads until one is read.
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async (args) => {
      const names = Object.keys(await import(args.path)).filter((k) => k !== 'default');
      return {
        contents: `let m; const load = () => (m ??= require(${JSON.stringify(args.path)}));
for (const k of ${JSON.stringify(names)}) Object.defineProperty(exports, k, { enumerable: true, get: () => load()[k] });`,
        loader: 'js',
      };
    });
  },
};

/**
 * cli-table3 measures cells with string-width 4, which rebuilds its ANSI regular expression
 * on every call (two thirds of a table's drawing time in a profile) and counts emoji ZWJ
 * sequences and Hangul jamo differently from terminals. In the bundle it measures with the
 * project's own width function instead, so cli-table3 and the fitting in src/render agree.
 */
const stringWidth: Plugin = {
  name: 'string-width-from-render-width',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, () => ({ path: 'string-width', namespace: 'purges-width' }));
    build.onLoad({ filter: /.*/, namespace: 'purges-width' }, () => ({
      contents: `module.exports = require(${JSON.stringify(resolve('src/render/width.ts'))}).displayWidth;`,
      loader: 'js',
      resolveDir: resolve('src/render'),
    }));
  },
};

/**
 * Fixes applied to dependencies' sources as they are bundled, each found by its exact text:
 * the build fails when an upgrade changes that text, so that each is looked at again.
 */
const PATCHES: { file: RegExp; find: string; replace: string }[] = [
  // cli-table3 0.6.5 cuts every cell to 10 columns for a debug message on every line it draws,
  // whether or not debugging is on: measuring the whole cell each time, a third of `purges
  // stats`'s drawing in a profile. The message is now built only when it is kept: the fix of
  // cli-table3's open pull request #362 (output unchanged; the debug messages too).
  {
    file: /cli-table3[\\/]src[\\/]debug\.js$/,
    find: 'debug.debugMessages = () => messages;',
    replace: 'debug.debugMessages = () => messages;\ndebug.level = () => level;',
  },
  {
    file: /cli-table3[\\/]src[\\/]cell\.js$/,
    find: `    let content = utils.truncate(this.content, 10, this.truncate);
    if (!lineNum) {`,
    replace: `    if (!lineNum && require('./debug').level() >= require('./debug').INFO) {
      let content = utils.truncate(this.content, 10, this.truncate);`,
  },
];

const patchDependencies: Plugin = {
  name: 'patch-dependencies',
  setup(build) {
    const applied = new Set<(typeof PATCHES)[number]>();
    build.onStart(() => applied.clear());
    build.onLoad({ filter: /node_modules[\\/].*\.js$/ }, (args) => {
      const patches = PATCHES.filter((p) => p.file.test(args.path));
      if (patches.length === 0) return undefined;
      let text = readFileSync(args.path, 'utf8');
      for (const p of patches) {
        if (!text.includes(p.find)) throw new Error(`${args.path}: the text to patch is gone (upgraded?): ${p.find.trim().slice(0, 60)}`);
        text = text.replace(p.find, () => p.replace);
        applied.add(p);
      }
      return { contents: text, loader: 'js' };
    });
    // A file moved or renamed by an upgrade is never loaded under its old name: say so too.
    build.onEnd(() => {
      const missed = PATCHES.filter((p) => !applied.has(p));
      if (missed.length > 0) throw new Error(`dependency patches not applied (file moved?): ${missed.map((p) => p.file).join(', ')}`);
    });
  },
};

export default defineConfig({
  esbuildPlugins: [lazyBuiltins, stringWidth, patchDependencies],
  // Keep `node:` specifiers, so the plugin above sees them (tsup would strip them first).
  removeNodeProtocol: false,
  // launch runs cli through a V8 code cache in the user's cache folder (see src/cli/launch.ts).
  entry: { cli: 'src/cli/main.ts', launch: 'src/cli/launch.ts' },
  // One CommonJS file: Node reaches a CommonJS entry sooner than an ES module one and skips
  // the ES module loader (3-12 ms a start, measured in bench/). Modules behind `await
  // import()` (quiz, pack checks, chalk) stay lazy: esbuild initialises them on first import.
  format: ['cjs'],
  splitting: false,
  // import.meta.url, for finding dist/data beside the bundle.
  shims: true,
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  clean: true,
  sourcemap: false,
  minify: process.env.PURGES_NO_MINIFY !== '1',
  // Small dependencies are bundled in, and so is what the interactive quiz loads (Inquirer,
  // ts-fsrs, proper-lockfile, write-file-atomic): from node_modules, Inquirer went through
  // Node's ES module loader and all of them compiled without the launcher's code cache, which
  // put the first question 57 ms later (bench/, a pseudo-terminal). The rest (zod, env-paths,
  // jsonc-parser, csv-stringify, csv-parse) stay in node_modules, loaded only where needed.
  noExternal: [
    'commander',
    'chalk',
    'fastest-levenshtein',
    'get-east-asian-width',
    'cli-table3',
    '@inquirer/core',
    '@inquirer/confirm',
    'ts-fsrs',
    'proper-lockfile',
    'write-file-atomic',
  ],
  // The bundled data is checked once here, not on every start: a bad record fails the build.
  async onSuccess() {
    // One file per collection, events and eras in date order: a command parses only what it reads.
    const kb = new Kb(await buildBundled('data'));
    mkdirSync('dist/data', { recursive: true });
    for (const c of COLLECTIONS) writeFileSync(`dist/data/${c}.json`, JSON.stringify(kb[c]));
    writeFileSync('dist/search-index.json', JSON.stringify(buildSearchIndex(kb)));
    // The launcher names its code cache by this id, so a new build never runs an old cache.
    const cli = readFileSync('dist/cli.js', 'utf8');
    writeFileSync('dist/cli.js', `${cli}\n//# purges-build=${createHash('sha256').update(cli).digest('hex').slice(0, 16)}\n`);
  },
});
