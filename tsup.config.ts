import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'tsup';
import { buildBundled } from './src/kb/build.js';
import { buildSearchIndex } from './src/kb/search.js';
import { Kb } from './src/kb/model.js';

export default defineConfig({
  // launch runs cli through V8's code cache (see src/cli/launch.ts).
  entry: { cli: 'src/cli/main.ts', launch: 'src/cli/launch.ts' },
  // One CommonJS file: Node reaches a CommonJS entry sooner than an ES module one and skips
  // the ES module loader (3-12 ms a start, measured in bench/). Modules behind `await
  // import()` (quiz, pack checks, chalk) stay lazy: esbuild initialises them on first import.
  format: ['cjs'],
  splitting: false,
  // import.meta.url, for finding dist/kb.json beside the bundle.
  shims: true,
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  clean: true,
  sourcemap: false,
  minify: process.env.PURGES_NO_MINIFY !== '1',
  // Small dependencies are bundled in. The heavier, lazily loaded ones (inquirer, ts-fsrs,
  // write-file-atomic, zod, env-paths, jsonc-parser, csv-stringify) stay in node_modules:
  // some rely on __filename and friends, which a bundle does not keep.
  noExternal: ['commander', 'chalk', 'fastest-levenshtein', 'get-east-asian-width', 'cli-table3'],
  // cli-table3 measures cells with string-width 4, which rebuilds its ANSI regular expression
  // on every call (two thirds of a table's drawing time in a profile) and counts emoji ZWJ
  // sequences and Hangul jamo differently from terminals. In the bundle it measures with the
  // project's own width function instead, so cli-table3 and the fitting in src/render agree.
  esbuildPlugins: [
    {
      name: 'string-width-from-render-width',
      setup(build) {
        build.onResolve({ filter: /^string-width$/ }, () => ({ path: 'string-width', namespace: 'purges-width' }));
        build.onLoad({ filter: /.*/, namespace: 'purges-width' }, () => ({
          contents: `module.exports = require(${JSON.stringify(resolve('src/render/width.ts'))}).displayWidth;`,
          loader: 'js',
          resolveDir: resolve('src/render'),
        }));
      },
    },
  ],
  // The bundled data is checked once here, not on every start: a bad record fails the build.
  async onSuccess() {
    const kb = await buildBundled('data');
    mkdirSync('dist', { recursive: true });
    writeFileSync('dist/kb.json', JSON.stringify(kb));
    writeFileSync('dist/search-index.json', JSON.stringify(buildSearchIndex(new Kb(kb))));
    // One run writes the code cache (dist/cli.js.cache) that later starts load.
    spawnSync(process.execPath, ['dist/launch.js', 'person', 'kirov'], { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  },
});
