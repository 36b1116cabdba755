/**
 * Packs with NDJSON lists, read through an index built on first use: the same answers as the
 * same records in JSON, problems located by line, and an index that a change, a crash, damage
 * or a second process at the same time never leaves stale or broken.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, purges } from './run.js';

const TMP = mkdtempSync(join(tmpdir(), 'purges-ndjson-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(TMP, `home-${n++}`);

/** A generated NDJSON pack and the same records as a JSON pack. */
const NDJSON = join(TMP, 'ndjson');
const JSONPACK = join(TMP, 'json');
beforeAll(() => {
  spawnSync(process.execPath, ['bench/make-pack.mjs', '2000', NDJSON, '--ndjson', '--events', '1500'], { stdio: 'ignore' });
  mkdirSync(JSONPACK);
  cpSync(join(NDJSON, 'sources.json'), join(JSONPACK, 'sources.json'));
  for (const c of ['people', 'events']) {
    const records = readFileSync(join(NDJSON, `${c}.ndjson`), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    writeFileSync(join(JSONPACK, `${c}.json`), JSON.stringify(records));
  }
});

const indexes = (home: string) => readdirSync(join(home, 'cache', 'index'));

describe('an NDJSON pack', { timeout: 60000 }, () => {
  it('gives the same answers as the same records in JSON', () => {
    const home = fresh();
    const lines = readFileSync(join(NDJSON, 'people.ndjson'), 'utf8').split('\n');
    const someone = JSON.parse(lines[1234]!) as { id: string; name: string; aliases: string[] };
    const surname = someone.name.split(' ').at(-1)!;
    const queries = [
      ['person', someone.id],
      ['person', someone.name],
      ['person', someone.name.toUpperCase()],
      ['person', surname.slice(0, -1)],
      ['person', someone.aliases[0]!],
      ['person', '--json', someone.id],
      ['person', 'generated'],
      ['person', 'nobody such'],
      ['search', someone.name],
      ['search', surname.slice(0, 5)],
      ['search', 'generated', 'event', '77'],
      ['timeline', '--from', '1937-08', '--to', '1937-08', '--limit', '20'],
      ['timeline', '--from', '1937', '--to', '1938', '--category', 'trial'],
      ['timeline', '--person', someone.id],
      ['timeline', '--from', '1950', '--limit', '5', '--json'],
      ['event', 'gen-event-0000077'],
      ['event', 'generated event 77'],
    ];
    for (const q of queries) {
      const a = purges(['--data', NDJSON, ...q], { env: { PURGES_HOME: home } });
      const b = purges(['--data', JSONPACK, ...q], { env: { PURGES_HOME: home } });
      expect({ q, out: a.stdout, err: a.stderr, code: a.code }).toEqual({ q, out: b.stdout, err: b.stderr, code: b.code });
    }
    expect(purges(['--data', NDJSON, 'person', someone.id], { env: { PURGES_HOME: home } }).stdout).toContain(someone.name);
  });

  it('is indexed once, in the cache folder, and indexed again when it changes', () => {
    const home = fresh();
    const pack = join(TMP, 'changing');
    cpSync(NDJSON, pack, { recursive: true });
    expect(purges(['--data', pack, 'person', 'gen-person-0000001'], { env: { PURGES_HOME: home } }).code).toBe(0);
    expect(indexes(home)).toHaveLength(1);
    const first = indexes(home)[0];
    expect(purges(['--data', pack, 'person', 'gen-person-0000002'], { env: { PURGES_HOME: home } }).code).toBe(0);
    expect(indexes(home)).toEqual([first]);
    const added = {
      id: 'added-later',
      name: 'Added Later',
      born: '1900',
      fate: 'survived',
      summary: 'Added.',
      sources: ['gen-source-0000001'],
    };
    appendFileSync(join(pack, 'people.ndjson'), `${JSON.stringify(added)}\n`);
    const r = purges(['--data', pack, 'person', 'added later'], { env: { PURGES_HOME: home } });
    expect(r.stdout).toMatch(/^Added Later/);
    // The old index went with the old file.
    expect(indexes(home)).toHaveLength(1);
    expect(indexes(home)[0]).not.toBe(first);
  });

  it('removes a damaged index and builds it again', () => {
    const home = fresh();
    expect(purges(['--data', NDJSON, 'person', 'gen-person-0000001'], { env: { PURGES_HOME: home } }).code).toBe(0);
    const dir = join(home, 'cache', 'index', indexes(home)[0]!);
    truncateSync(join(dir, 'people.offsets'), 100);
    const damaged = purges(['--data', NDJSON, 'person', 'gen-person-0000001'], { env: { PURGES_HOME: home } });
    expect(damaged.stderr).toMatch(/^purges: the index of this pack was damaged and has been removed\. Run the command again/);
    expect(damaged.code).toBe(1);
    const again = purges(['--data', NDJSON, 'person', 'gen-person-0000001'], { env: { PURGES_HOME: home } });
    expect(again.code).toBe(0);
  });

  it('leaves no broken index when the first use is killed, and the next run builds it', async () => {
    const home = fresh();
    const big = join(TMP, 'big');
    spawnSync(process.execPath, ['bench/make-pack.mjs', '60000', big, '--ndjson', '--events', '100'], { stdio: 'ignore' });
    const child = spawn(process.execPath, [BIN, '--data', big, 'person', 'gen-person-0000001'], {
      env: { ...process.env, PURGES_HOME: home, PURGES_BASE: undefined },
      stdio: 'ignore',
    });
    // Kill it while it writes the index.
    for (let i = 0; i < 400; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      try {
        if (indexes(home).some((f) => f.includes('.tmp-'))) break;
      } catch {}
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(indexes(home).filter((f) => !f.includes('.tmp-') && !f.endsWith('.lock'))).toEqual([]);
    const r = purges(['--data', big, 'person', 'gen-person-0000001'], { env: { PURGES_HOME: home }, fixture: false, timeout: 120000 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(indexes(home).filter((f) => f.includes('.tmp-') || f.endsWith('.lock'))).toEqual([]);
  }, 180000);

  it('is indexed once when several processes use it for the first time together', async () => {
    const home = fresh();
    // Big enough that the three overlap: the second and third wait for the first.
    const pack = join(TMP, 'shared');
    spawnSync(process.execPath, ['bench/make-pack.mjs', '30000', pack, '--ndjson', '--events', '100'], { stdio: 'ignore' });
    const runs = Array.from(
      { length: 3 },
      () =>
        new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
          const child = spawn(process.execPath, [BIN, '--data', pack, 'person', 'gen-person-0000042'], {
            env: { ...process.env, NO_COLOR: '1', PURGES_HOME: home, PURGES_BASE: undefined },
          });
          let out = '';
          let err = '';
          child.stdout.on('data', (d) => (out += d));
          child.stderr.on('data', (d) => (err += d));
          child.on('exit', (code) => resolve({ code, out, err }));
        }),
    );
    const results = await Promise.all(runs);
    for (const r of results) expect(r).toEqual({ code: 0, out: results[0]!.out, err: '' });
    expect(results[0]!.out).toMatch(/^Generated /);
    expect(indexes(home)).toHaveLength(1);
  }, 60000);
});

describe('checking an NDJSON pack', () => {
  const person = (over: Record<string, unknown> = {}) =>
    JSON.stringify({
      id: 'p',
      name: 'A Person',
      born: '1890',
      fate: 'survived',
      summary: 'Made for a test.',
      sources: ['lenoe-2010'],
      ...over,
    });
  const event = (over: Record<string, unknown> = {}) =>
    JSON.stringify({
      id: 'e',
      date: '1937',
      title: 'An event',
      summary: 'Made for a test.',
      category: 'party',
      people: ['p1'],
      sources: ['lenoe-2010'],
      ...over,
    });
  const pack = (people: string[], events: string[] = []) => {
    const dir = join(TMP, `check-${n++}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'people.ndjson'), people.join('\n'));
    if (events.length > 0) writeFileSync(join(dir, 'events.ndjson'), events.join('\r\n'));
    return dir;
  };

  it('streams the file and reports each problem with its line', () => {
    const dir = pack(
      [
        `\ufeff${person({ id: 'p1' })}`,
        '',
        person({ id: 'p2', born: '1890-13-01' }),
        '{"id": "p3",',
        person({ id: 'p1' }),
        person({ id: 'p5', sources: ['nope'] }),
        person({ id: 'p6', born: '1900', died: '1890' }),
        '   ',
        person({ id: 'p7', fate: 'vanished' }),
      ],
      [event({ id: 'e1' }), event({ id: 'e2', people: ['p1', 'ghost'] }), event({ id: 'e3', date: '1938', endDate: '1937' })],
    );
    const r = purges(['validate', dir], { env: { PURGES_HOME: fresh() } });
    const f = (file: string) => join(dir, file);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      `${f('people.ndjson')}:3: born: "1890-13-01" is not a valid date (use YYYY, YYYY-MM or YYYY-MM-DD) (id "p2")`,
      `${f('people.ndjson')}:4: invalid JSON (Expected double-quoted property name at column 13)`,
      `${f('people.ndjson')}:5: id: duplicate id "p1" (also on line 1)`,
      `${f('people.ndjson')}:7: died: died (1890) before being born (1900) (id "p6")`,
      expect.stringMatching(new RegExp(`^${f('people.ndjson')}:9: fate: .*\\(id "p7"\\)$`)),
      `${f('events.ndjson')}:3: endDate: ends (1937) before it starts (1938) (id "e3")`,
      `${f('people.ndjson')}:6: sources: unknown source "nope"`,
      `${f('events.ndjson')}:2: people: unknown person "ghost"`,
    ]);
    expect(r.stderr).toBe(`purges: ${dir}: 8 problems found\n`);
    expect(r.code).toBe(1);
  });

  it('refuses a bad pack whole, fast the second time, and takes it once fixed', () => {
    const home = fresh();
    const dir = pack([person({ id: 'p1' }), person({ id: 'p2', born: 'soon' })]);
    const first = purges(['--data', dir, 'person', 'p1'], { env: { PURGES_HOME: home } });
    expect(first.stderr).toMatch(/^purges: data pack refused: .*people\.ndjson:2: born: "soon" is not a valid date.*Run 'purges validate/);
    expect(first.code).toBe(1);
    expect(purges(['--data', dir, 'person', 'p1'], { env: { PURGES_HOME: home } }).stderr).toBe(first.stderr);
    writeFileSync(join(dir, 'people.ndjson'), [person({ id: 'p1' }), person({ id: 'p2' })].join('\n'));
    expect(purges(['--data', dir, 'person', 'p2'], { env: { PURGES_HOME: home } }).code).toBe(0);
  });

  it('refuses a pack with both people.json and people.ndjson', () => {
    const dir = pack([person({ id: 'p1' })]);
    writeFileSync(join(dir, 'people.json'), '[]');
    const r = purges(['validate', dir], { env: { PURGES_HOME: fresh() } });
    expect(r.stderr).toMatch(/holds both people\.json and people\.ndjson\. Keep one/);
    expect(r.code).toBe(1);
  });

  it('finds ids shared with the data already loaded, and references into it', () => {
    const dir = pack([person({ id: 'kirov' }), person({ id: 'p2' })], [event({ id: 'e1', people: ['yezhov', 'p2'] })]);
    const r = purges(['validate', dir], { env: { PURGES_HOME: fresh() } });
    expect(r.stdout).toBe(`${join(dir, 'people.ndjson')}: id: duplicate id "kirov" (also in the data already loaded)\n`);
  });
});
