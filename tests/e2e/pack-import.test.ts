/** `purges pack import`: a CSV list becomes a pack, all or nothing, bad rows named by line. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, purges } from './run.js';

const TMP = mkdtempSync(join(tmpdir(), 'purges-import-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
let n = 0;
const csv = (text: string) => {
  const file = join(TMP, `list-${n++}.csv`);
  writeFileSync(file, text);
  return file;
};
const out = () => join(TMP, `out-${n++}`);
const ndjson = (dir: string) =>
  readFileSync(join(dir, 'people.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

// The fixture base cites lenoe-2010 among its sources.
const SOURCE = ['--source', 'lenoe-2010'];

describe('purges pack import', () => {
  it('imports a list with quoted fields, an embedded newline, a byte-order mark and CRLF, and the pack answers', () => {
    const file = csv(
      '\ufeffSurname,First name,Year of birth,Arrest date,Sentence,Execution date,Notes\r\n' +
        'Ivanov,Ivan,1899,05.08.1937,"death, by shooting",15.09.1937,"a teacher\nfrom Tver"\r\n' +
        '"Petrova","Anna",1905,1938-02-10,"8 years",,\r\n',
    );
    const dir = out();
    const r = purges(['pack', 'import', file, '--out', dir, ...SOURCE, '--fate', 'survived']);
    expect(r.stderr).toBe(`purges: 2 people written to ${join(dir, 'people.ndjson')}\n`);
    expect(r.code).toBe(0);
    const [ivanov, petrova] = ndjson(dir);
    expect(ivanov).toMatchObject({
      name: 'Ivan Ivanov',
      born: '1899',
      died: '1937-09-15',
      fate: 'executed',
      summary: 'a teacher\nfrom Tver',
    });
    expect(ivanov.repression).toEqual({ arrested: '1937-08-05', sentence: 'death, by shooting', executed: '1937-09-15' });
    // The row before it spans two lines: ids and reports count lines, not rows.
    expect(petrova).toMatchObject({ name: 'Anna Petrova', fate: 'survived', id: expect.stringMatching(/-4$/) });
    expect(purges(['--data', dir, 'person', 'ivan ivanov']).stdout).toMatch(/^Ivan Ivanov\n/);
    expect(purges(['validate', dir]).stderr).toBe(`${dir}: valid (2 people)\n`);
  });

  it('writes nothing when a row is bad, naming every bad row by line', () => {
    const file = csv(
      'Name,Born,Fate\nA One,1900,survived\nB Two,19x0,survived\nC Three,1901,vanished\n,1902,survived\nE Five,1903,survived\n',
    );
    const dir = out();
    const r = purges(['pack', 'import', file, '--out', dir, ...SOURCE]);
    expect(r.stderr.split('\n')).toEqual([
      `${file}:3: born: "19x0" is not a date (use 1937, 1937-08-05 or 05.08.1937)`,
      expect.stringMatching(new RegExp(`^${file}:4: fate: "vanished" is not one of`)),
      `${file}:5: no name`,
      expect.stringMatching(
        /^purges: .*: 3 rows cannot be imported \(first: line 3: .*\); nothing was written\. Fix them, or add --skip-bad/,
      ),
      '',
    ]);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'people.ndjson'))).toBe(false);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('with --skip-bad, imports the good rows and lists the bad ones in a report', () => {
    const file = csv('Name,Born,Fate\nA One,1900,survived\nB Two,19x0,survived\nA One,1900,survived\n');
    const dir = out();
    const r = purges(['pack', 'import', file, '--out', dir, ...SOURCE, '--skip-bad', '--id-prefix', 'one']);
    expect(r.stderr).toMatch(/purges: 2 people written to .*; 1 bad row skipped, listed in .*import-report\.txt\n$/);
    expect(r.code).toBe(0);
    expect(ndjson(dir).map((p) => p.id)).toEqual(['one-2', 'one-4']);
    expect(readFileSync(join(dir, 'import-report.txt'), 'utf8')).toBe(
      `${file}:3: born: "19x0" is not a date (use 1937, 1937-08-05 or 05.08.1937)\n`,
    );
    // A duplicate id is a bad row too.
    const dup = csv('Id,Name,Born,Fate\nx-1,A,1900,survived\nx-1,B,1901,survived\n');
    const d2 = out();
    expect(purges(['pack', 'import', dup, '--out', d2, ...SOURCE, '--skip-bad']).stderr).toMatch(/:3: duplicate id "x-1"/);
  });

  it('maps columns with --map, and says which columns it ignored', () => {
    const file = csv('Fam,Giv,Y,Birthplace,Note\nSmith,Jan,1911,Minsk,x\n');
    const dir = out();
    const r = purges(['pack', 'import', file, '--out', dir, ...SOURCE, '--fate', 'survived', '--map', 'Giv=name,Fam=name,Y=born,Note=-']);
    expect(r.stderr).toMatch(/^purges: columns not imported: Birthplace \(map them with --map "Header=field"\)\n/);
    expect(ndjson(dir)[0]).toMatchObject({ name: 'Jan Smith', born: '1911' });
  });

  it.each([
    [['--map', 'Giv=nmae'], /--map: "nmae" is not a field a column can fill\. Did you mean name/],
    [['--map', 'Nope=name'], /--map names a column "Nope" that the file does not have/],
    [['--source', 'nonexistent-source'], /--source "nonexistent-source" is not a known source/],
    [['--fate', 'gone'], /--fate does not accept "gone"/],
  ])('refuses bad options %j with a usage error', (args, message) => {
    const file = csv('Giv,Born,Fate\nA,1900,survived\n');
    const r = purges(['pack', 'import', file, '--out', out(), ...SOURCE, ...args]);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
  });

  it('refuses what cannot be a list: no name column, bad quoting, an empty file, a FIFO, an existing pack', () => {
    const cases: Array<[string, RegExp]> = [
      [csv('Born,Fate\n1900,survived\n'), /no column gives the names .* Map one with --map/],
      [csv('Name,Born,Fate\n"A "One",1900,survived\n'), /:2: not valid CSV/],
      [csv(''), /the file is empty/],
    ];
    const fifo = join(TMP, 'fifo.csv');
    execFileSync('mkfifo', [fifo]);
    cases.push([fifo, /fifo\.csv: a named pipe \(FIFO\), not a regular file/]);
    for (const [file, message] of cases) {
      const r = purges(['pack', 'import', file, '--out', out(), ...SOURCE], { timeout: 10000 });
      expect(r.signal).toBeNull();
      expect(r.stderr).toMatch(message);
      expect(r.code).toBe(1);
    }
    const dir = out();
    mkdirSync(dir);
    writeFileSync(join(dir, 'people.ndjson'), 'mine\n');
    const r = purges(['pack', 'import', csv('Name,Born,Fate\nA,1900,survived\n'), '--out', dir, ...SOURCE]);
    expect(r.stderr).toMatch(/people\.ndjson: already there\. Import into a new folder/);
    expect(readFileSync(join(dir, 'people.ndjson'), 'utf8')).toBe('mine\n');
  });

  it('shows a progress bar on a terminal only', () => {
    const rows = Array.from({ length: 30000 }, (_, i) => `Person ${i},1900,survived`).join('\n');
    const file = csv(`Name,Born,Fate\n${rows}\n`);
    const piped = purges(['pack', 'import', file, '--out', out(), ...SOURCE]);
    expect(piped.stderr).toBe(`purges: 30000 people written to ${join(TMP, `out-${n - 1}`, 'people.ndjson')}\n`);
    const hasScript = spawnSync('script', ['--version']).status === 0;
    if (!hasScript) return;
    const dir = out();
    const tty = spawnSync(
      'script',
      ['-qec', `${process.execPath} ${BIN} pack import ${file} --out ${dir} --source lenoe-2010`, '/dev/null'],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PURGES_BASE: join(process.cwd(), 'tests', 'fixtures', 'kb') } },
    );
    expect(tty.stdout).toMatch(/purges: importing list-\d+\.csv .*%/);
    expect(tty.stdout).toMatch(/30000 people written/);
  });
});

describe('pack import on a full disk', () => {
  // A small tmpfs fills up part way through the pack; skipped where mounting is not allowed.
  const mounted: string[] = [];
  afterAll(() => {
    for (const m of mounted) spawnSync('umount', ['-l', m]);
  });
  for (const [name, rows, kb] of [
    ['fills up in the first chunk', 20000, 64],
    ['fills up after several chunks', 60000, 2048],
  ] as const) {
    it(`${name}: one line naming the pack file, nothing left behind`, () => {
      const disk = out();
      mkdirSync(disk);
      if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', disk]).status !== 0) return;
      mounted.push(disk);
      const lines = ['Surname,Name,Born', ...Array.from({ length: rows }, (_, i) => `Ivanov${i},Ivan,1900`)];
      const r = purges(['pack', 'import', csv(lines.join('\n')), '--out', join(disk, 'pack'), ...SOURCE, '--fate', 'executed']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^purges: .*people\.ndjson: no space left on the disk\. Free some space, then try again\.\n$/);
      expect(r.stderr).not.toMatch(/\.tmp|\n\s+at /);
      expect(readdirSync(join(disk, 'pack'))).toEqual([]);
    });
  }
});

describe('pack import of a very wide CSV', () => {
  it('lists a few unmapped columns, not thousands, each cut to a readable length', () => {
    const extra = Array.from({ length: 5000 }, (_, i) => `col${i}${i === 0 ? 'x'.repeat(500) : ''}`);
    const file = csv(`Surname,Born,${extra.join(',')}\nIvanov,1900,${extra.map(() => 'x').join(',')}\n`);
    const r = purges(['pack', 'import', file, '--out', out(), ...SOURCE, '--fate', 'executed']);
    expect(r.code).toBe(0);
    const [notice] = r.stderr.split('\n');
    expect(notice).toMatch(/^purges: columns not imported: col0x+…, col1, .* and 4988 more \(map them/);
    expect(notice!.length).toBeLessThan(400);
  });
});
