import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['tests/scratch.ts'],
    // End-to-end tests start processes, many at once: on a loaded CI machine vitest's default
    // of 5 s per test is too tight. Tests that time something assert their own bounds.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // cli-table3 measures with the project's width function, as in the bundle.
    setupFiles: ['tests/setup-width.ts'],
  },
});
