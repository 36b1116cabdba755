import { mkdirSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { buildBundled } from './src/kb/build.js';

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
  minify: false,
  // Dependencies stay in node_modules; bundling them saves little and breaks their own lazy loading.
  skipNodeModulesBundle: true,
  // The bundled data is checked once here, not on every start: a bad record fails the build.
  async onSuccess() {
    const kb = await buildBundled('data');
    mkdirSync('dist', { recursive: true });
    writeFileSync('dist/kb.json', JSON.stringify(kb));
  },
});
