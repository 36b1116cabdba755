import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['tests/scratch.ts'],
    // cli-table3 measures with the project's width function, as in the bundle.
    setupFiles: ['tests/setup-width.ts'],
  },
});
