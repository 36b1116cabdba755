import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY, type Loaded, loadPack } from '../../src/kb/pack.js';
import { checkPack } from '../../src/kb/pack-check.js';
import { buildBundled } from '../../src/kb/build.js';
import { formatProblem } from '../../src/kb/check.js';
import { DataError } from '../../src/errors.js';

let base: Loaded;
beforeAll(async () => {
  base = { data: await buildBundled('tests/fixtures/kb'), indexed: [] };
});

const person = (over: Record<string, unknown> = {}) => ({
  id: 'test-person',
  name: 'Test Person',
  born: '1890',
  fate: 'survived',
  summary: 'A record made for a test.',
  sources: ['lenoe-2010'],
  ...over,
});

/** Writes a pack folder with the given files (objects become JSON; strings are written as they are). */
function pack(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'purges-pack-'));
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return dir;
}

async function problems(dir: string): Promise<string[]> {
  return (await checkPack(dir, base)).problems.map(formatProblem);
}

describe('checkPack', () => {
  it('accepts a valid pack that cites the base', async () => {
    expect(await problems(pack({ 'people.json': [person()] }))).toEqual([]);
  });

  it('names file, JSON path and problem for a bad date', async () => {
    const dir = pack({ 'people.json': [person(), person({ id: 'b' }), person({ id: 'c' }), person({ id: 'd', born: '1934-13-01' })] });
    expect(await problems(dir)).toEqual([
      `${join(dir, 'people.json')}: people[3].born: "1934-13-01" is not a valid date (use YYYY, YYYY-MM or YYYY-MM-DD) (id "d")`,
    ]);
  });

  it('reports every problem, not only the first', async () => {
    const dir = pack({
      'people.json': [person({ born: 'x' }), person({ id: 'Bad Id', fate: 'vanished' })],
      'events.json': [
        { id: 'e1', date: '1937', title: 't', summary: 's', category: 'trial', people: ['nobody'], sources: ['no-such-source'] },
      ],
    });
    const list = await problems(dir);
    expect(list.length).toBe(5);
    expect(list.join('\n')).toMatch(/people\[0\]\.born/);
    expect(list.join('\n')).toMatch(/people\[1\]\.id: "Bad Id" is not a valid id/);
    expect(list.join('\n')).toMatch(/people\[1\]\.fate/);
    expect(list.join('\n')).toMatch(/events\[0\]\.people\[0\]: unknown person "nobody"/);
    expect(list.join('\n')).toMatch(/events\[0\]\.sources\[0\]: unknown source "no-such-source"/);
  });

  it('finds duplicate ids within a pack and against the base', async () => {
    const list = await problems(pack({ 'people.json': [person(), person(), person({ id: 'kirov' })] }));
    expect(list).toEqual([
      expect.stringMatching(/people\[1\]\.id: duplicate id "test-person" \(also earlier in this file\)/),
      expect.stringMatching(/people\[2\]\.id: duplicate id "kirov" \(also in the data already loaded\)/),
    ]);
  });

  it('does not report references to a record that failed its own schema twice', async () => {
    const list = await problems(
      pack({
        'people.json': [person({ born: 'soon' })],
        'events.json': [
          { id: 'e1', date: '1937', title: 't', summary: 's', category: 'trial', people: ['test-person'], sources: ['lenoe-2010'] },
        ],
      }),
    );
    expect(list).toHaveLength(1);
  });

  it('checks the order of dates', async () => {
    const list = await problems(
      pack({
        'people.json': [
          person({ born: '1900', died: '1890', fate: 'executed', repression: { arrested: '1937-05', sentenced: '1937-04-01' } }),
        ],
      }),
    );
    expect(list.join('\n')).toMatch(/died \(1890\) before being born/);
    expect(list.join('\n')).toMatch(/sentenced \(1937-04-01\) before arrest/);
  });

  it('accepts partial dates whose order is possible', async () => {
    expect(
      await problems(
        pack({ 'people.json': [person({ fate: 'executed', died: '1937', repression: { arrested: '1937-05', executed: '1937' } })] }),
      ),
    ).toEqual([]);
  });

  it('needs value or low and high in a statistic, not both', async () => {
    const stat = {
      id: 's',
      label: 'l',
      unit: 'people',
      period: { from: '1937', to: '1938' },
      category: 'executions',
      basis: 'estimate',
      sources: ['conquest-1990'],
    };
    const list = await problems(
      pack({ 'statistics.json': [stat, { ...stat, id: 's2', value: 1, low: 1, high: 2 }, { ...stat, id: 's3', low: 5, high: 2 }] }),
    );
    expect(list).toHaveLength(3);
    expect(list[2]).toMatch(/low \(5\) is greater than high \(2\)/);
  });
});

describe('loadPack refuses bad packs whole', () => {
  const expectRefused = async (dir: string, pattern: RegExp) => {
    const error = await loadPack(dir, base).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toMatch(pattern);
    expect((error as DataError).exitCode).toBe(1);
  };

  it('reports invalid JSON with line and column', async () => {
    await expectRefused(pack({ 'people.json': '[\n  {"id": "x",}\n]' }), /people\.json:2:14: invalid JSON \(property name expected\)/);
  });

  it('refuses an empty file', async () => expectRefused(pack({ 'events.json': '' }), /events\.json: the file is empty/));
  it('refuses a binary file', async () => expectRefused(pack({ 'events.json': '\u0000\u0001\u0002' }), /not a text file/));
  it('refuses a folder with no data files', async () => expectRefused(pack({ 'notes.txt': 'hello' }), /no data files found/));
  it('refuses a missing path', async () => expectRefused('/nonexistent/purges-pack', /no such file or directory/));
  it('refuses a file not named after a collection', async () => {
    const dir = pack({ 'stuff.json': '[]' });
    await expectRefused(join(dir, 'stuff.json'), /not a data file/);
  });
  it('refuses a top-level object where an array belongs', async () =>
    expectRefused(pack({ 'people.json': { people: [] } }), /expected a JSON array of people, got an object/));

  it('loads a valid pack on top of the base', async () => {
    const { data } = await loadPack(pack({ 'people.json': [person()] }), base);
    expect(data.people.map((p) => p.id)).toContain('test-person');
    expect(data.people.map((p) => p.id)).toContain('kirov');
  });

  it('loads one file given directly', async () => {
    const dir = pack({ 'people.json': [person()] });
    const { data } = await loadPack(join(dir, 'people.json'), { data: { ...EMPTY.data, sources: base.data.sources }, indexed: [] });
    expect(data.people).toHaveLength(1);
  });

  it('nests nothing: a sub-folder is not read', async () => {
    const dir = pack({ 'people.json': [person()] });
    mkdirSync(join(dir, 'sub'));
    expect(await problems(dir)).toEqual([]);
  });
});

describe('the cache of packs known to be valid', () => {
  it('skips the checks for an unchanged pack and checks again after an edit', async () => {
    const { folderCache } = await import('../../src/kb/pack-cache.js');
    const cache = folderCache(mkdtempSync(join(tmpdir(), 'purges-cache-')));
    const dir = pack({ 'people.json': [person()] });
    await loadPack(dir, base, { cache, baseKey: 'k' });
    // The same pack, broken behind the cache's back but with the same size and times, is trusted...
    const { utimesSync, statSync } = await import('node:fs');
    const before = statSync(join(dir, 'people.json'));
    writeFileSync(join(dir, 'people.json'), JSON.stringify([person({ born: '1890' })]).replace('1890', '18x0'));
    utimesSync(join(dir, 'people.json'), before.atime, before.mtime);
    // ...only when the file is the same file: a rewrite changes its ctime, so it is checked again.
    await expect(loadPack(dir, base, { cache, baseKey: 'k' })).rejects.toThrow(/not a valid date/);
  });

  it('checks a pack again on a different base', async () => {
    const { folderCache } = await import('../../src/kb/pack-cache.js');
    const cache = folderCache(mkdtempSync(join(tmpdir(), 'purges-cache-')));
    const dir = pack({ 'people.json': [person()] });
    await loadPack(dir, base, { cache, baseKey: 'a' });
    // On a base without the source it cites, the pack is checked again, and refused.
    const without = { data: { ...base.data, sources: base.data.sources.filter((s) => s.id !== 'lenoe-2010') }, indexed: [] };
    await expect(loadPack(dir, without, { cache, baseKey: 'b' })).rejects.toThrow(/unknown source "lenoe-2010"/);
    await expect(loadPack(dir, without, { cache, baseKey: 'a' })).resolves.toBeDefined();
  });
});
