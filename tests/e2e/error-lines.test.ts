/**
 * Errors stay one readable line with an exit code, whatever was typed: a 100 kB argument is
 * echoed back cut in the middle, a path too long for the file system is named as such (not an
 * internal error), and a global option missing its value is a usage error, not the help.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { purges } from './run.js';

const TMP = mkdtempSync(join(tmpdir(), 'purges-error-lines-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const huge = 'a'.repeat(100_000);

const oneLine = (stderr: string) => {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/internal error|\n\s+at /);
};

describe('a huge argument echoed in an error is cut', () => {
  it.each([
    ['an unknown command', [huge]],
    ['an unknown option', [`--${huge}`]],
    ['a bad --fate value', ['people', '--fate', huge]],
    ['an unknown shell', ['completion', huge]],
    ['an unknown help topic', ['help', huge]],
  ])('%s: exit 2, one line under 1,000 characters, with a mark where it was cut', (_, args) => {
    const r = purges(args);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr.length).toBeLessThan(1000);
    expect(r.stderr).toContain('…');
  });
});

describe('a path too long for the file system', () => {
  const long = join(TMP, 'd'.repeat(5000));
  it.each([
    ['check FILE', ['check', join(long, 'essay.txt')], {}],
    ['quiz --worksheet --key FILE', ['quiz', '--worksheet', '--count', '1', '--key', join(long, 'key.md')], {}],
    ['PURGES_HOME', ['quiz', '--progress'], { PURGES_HOME: long }],
  ])('%s: exit 1, one line saying the path is too long', (_, args, env) => {
    const r = purges(args as string[], { env });
    expect(r.code).toBe(1);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/too long/);
  });
});

describe('a global option without its value', () => {
  it.each([[['--data']], [['--no-color', '--data']], [['--no-pager', '--data']]])('purges %j: exit 2, not the help', (args) => {
    const r = purges(args);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/--data.*argument missing/);
    expect(r.stdout).toBe('');
  });
});
