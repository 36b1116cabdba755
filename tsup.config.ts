import { mkdirSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { buildBundled } from './src/kb/build.js';
import { buildSearchIndex } from './src/kb/search.js';
import { Kb } from './src/kb/model.js';

export default defineConfig({
  entry: { cli: 'src/cli/main.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  clean: true,
  // Split so that lazily imported modules (quiz, zod for packs) load only when used.
  splitting: true,
  sourcemap: false,
  // What every command loads is bundled in: one file to read and parse starts faster than
  // dozens of small modules resolved one by one (measured in bench/). The lazily loaded
  // dependencies (inquirer, ts-fsrs, write-file-atomic, zod, env-paths, jsonc-parser, csv-stringify) stay in
  // node_modules: some rely on CommonJS globals such as __filename that a bundle does not have.
  noExternal: ['commander', 'chalk', 'fastest-levenshtein', 'get-east-asian-width'],
  minify: process.env.PURGES_NO_MINIFY !== "1",
  // Bundled CommonJS dependencies (commander, cli-table3) call require() for Node built-ins.
  banner: { js: "import { createRequire as __purgesCreateRequire } from 'node:module'; const require = __purgesCreateRequire(import.meta.url);" },
  // The bundled data is checked once here, not on every start: a bad record fails the build.
  async onSuccess() {
    const kb = await buildBundled('data');
    mkdirSync('dist', { recursive: true });
    writeFileSync('dist/kb.json', JSON.stringify(kb));
    writeFileSync('dist/search-index.json', JSON.stringify(buildSearchIndex(new Kb(kb))));
  },
});
