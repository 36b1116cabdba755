/**
 * `purges validate` checks a pack against the data it would be loaded on (the bundled data or
 * PURGES_BASE, then earlier --data packs), and a whole knowledge base alone with --standalone.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_KB, purges } from './run.js';

const TMP = mkdtempSync(join(tmpdir(), 'purges-validate-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const write = (dir: string, files: Record<string, unknown>) => {
  mkdirSync(dir, { recursive: true });
  for (const [name, value] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(value));
  return dir;
};

// A base of its own: one source that neither the bundled data nor the fixture has.
const BASE = write(join(TMP, 'base'), {
  'sources.json': [{ id: 'base-only-1990', authors: ['A. Author'], title: 'A Work', year: 1990, publisher: 'P', kind: 'scholarly' }],
});
// A pack that cites it.
const PACK = write(join(TMP, 'pack'), {
  'people.json': [
    {
      id: 'ivan-testov',
      name: 'Ivan Testov',
      born: '1900',
      fate: 'executed',
      roles: [],
      aliases: [],
      summary: 'A test person.',
      sources: ['base-only-1990'],
    },
  ],
});

describe('purges validate', () => {
  it('checks a pack against PURGES_BASE when it is set, as loading it would', () => {
    const onBase = purges(['validate', PACK], { env: { PURGES_BASE: BASE } });
    expect(onBase.stderr).toBe(`${PACK}: valid (1 people)\n`);
    expect(onBase.code).toBe(0);
    const onFixture = purges(['validate', PACK]);
    expect(onFixture.code).toBe(1);
    expect(onFixture.stdout).toContain('unknown source "base-only-1990"');
  });

  it('checks a whole knowledge base alone with --standalone', () => {
    const copy = join(TMP, 'copy');
    cpSync(FIXTURE_KB, copy, { recursive: true });
    const alone = purges(['validate', '--standalone', copy]);
    expect(alone.code).toBe(0);
    expect(alone.stderr).toMatch(/: valid \(4 sources, 4 people, 8 events, 3 statistics, \d+ eras, 2 claims\)\n$/);
  });

  it('says so when a folder repeats the data already loaded, and names --standalone', () => {
    const copy = join(TMP, 'copy2');
    cpSync(FIXTURE_KB, copy, { recursive: true });
    const r = purges(['validate', copy]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/duplicate id "[^"]+" \(also in the data already loaded\)/);
    expect(r.stderr).toMatch(
      /^purges: .*: \d+ problems found\. \d+ ids repeat the data already loaded: a pack adds to it\. .*'purges validate --standalone .*copy2'\.\n$/,
    );
  });

  it('refuses --standalone with packs from --data or PURGES_DATA (they would be ignored)', () => {
    for (const [args, env] of [
      [['--data', PACK, 'validate', '--standalone', BASE], {}],
      [['validate', '--standalone', BASE], { PURGES_DATA: PACK }],
    ] as const) {
      const r = purges([...args], { env: { PURGES_BASE: BASE, ...env } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^purges: --standalone checks the folder alone; the packs of --data and PURGES_DATA would be ignored\. Run .*\n$/,
      );
    }
  });

  it('refuses a pack that is loaded already, instead of checking it against itself', () => {
    for (const [args, env] of [
      [['--data', PACK, 'validate', PACK], {}],
      [['validate', `${PACK}/`], { PURGES_DATA: PACK }],
    ] as const) {
      const r = purges([...args], { env: { PURGES_BASE: BASE, ...env } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /is loaded as a pack already \(--data or PURGES_DATA\), so it would be checked against itself\. Run 'purges validate .*' without it/,
      );
      expect(r.stdout).toBe('');
    }
  });

  it('quotes a path with spaces in the command it suggests', () => {
    const spaced = join(TMP, 'my data');
    cpSync(FIXTURE_KB, spaced, { recursive: true });
    expect(purges(['validate', spaced]).stderr).toContain(`'purges validate --standalone '${spaced}''`);
  });
});
