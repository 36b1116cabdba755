import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export const BIN = join(process.cwd(), 'bin', 'purges.js');
export const FIXTURE_KB = join(process.cwd(), 'tests', 'fixtures', 'kb');

// Progress and the pack cache go to a folder of this test run, never the user's own.
export const HOME = mkdtempSync(join(tmpdir(), 'purges-e2e-'));

/** What a finished run of the built CLI produced. */
export interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Runs the built `bin/purges.js` as a user would, in a pipe, without colour. */
export function purges(
  args: string[],
  options: { env?: Record<string, string | undefined>; input?: string; fixture?: boolean; timeout?: number; cwd?: string } = {},
): RunResult {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
    PURGES_DEBUG: undefined,
    PURGES_DATA: undefined,
    PURGES_HOME: HOME,
    PURGES_NO_CACHE: undefined,
    ...options.env,
  };
  // A test may give its own base (options.env.PURGES_BASE); the fixture is the default.
  if (options.fixture !== false) env.PURGES_BASE = options.env?.PURGES_BASE ?? FIXTURE_KB;
  else delete env.PURGES_BASE;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: env as NodeJS.ProcessEnv,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeout ?? 20000,
    cwd: options.cwd,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status, signal: r.signal };
}

/** Compares text with a golden file; UPDATE_GOLDEN=1 rewrites the file instead. */
export function expectGolden(name: string, text: string): void {
  const file = join(process.cwd(), 'tests', 'e2e', 'golden', name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, text);
  // A missing golden file fails: writing it here would make a new test pass unread.
  if (!existsSync(file)) expect.fail(`golden file tests/e2e/golden/${name} is missing: run with UPDATE_GOLDEN=1 and review it`);
  expect(text).toBe(readFileSync(file, 'utf8'));
}
