/** The NDJSON line reader, the word index and the id table, on small files. */
import { closeSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDuration, progressLine } from '../../src/cli/progress.js';
import { openRegular } from '../../src/kb/files.js';
import { candidates, IdTable } from '../../src/kb/index/ids.js';
import { WordIndex, WordIndexWriter } from '../../src/kb/index/words.js';
import { eachLine, type Line } from '../../src/kb/ndjson.js';

const TMP = mkdtempSync(join(tmpdir(), 'purges-ndjson-unit-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
let n = 0;
const file = (content: string | Buffer) => {
  const path = join(TMP, `f${n++}`);
  writeFileSync(path, content);
  return path;
};

function lines(content: string | Buffer, chunk?: number): Array<Omit<Line, 'end'>> {
  const f = openRegular(file(content));
  const out: Array<Omit<Line, 'end'>> = [];
  try {
    eachLine(f, (l) => void out.push({ text: l.text, number: l.number, start: l.start }), { chunk });
  } finally {
    closeSync(f.fd);
  }
  return out;
}

describe('eachLine', () => {
  it('numbers lines, skips blank ones, drops a BOM and CRs, and reads a last line with no newline', () => {
    expect(lines('\ufeff{"a":1}\r\n\n  \n{"b":2}\n{"c":3}')).toEqual([
      { text: '{"a":1}', number: 1, start: 3 },
      { text: '{"b":2}', number: 4, start: 16 },
      { text: '{"c":3}', number: 5, start: 24 },
    ]);
    expect(lines('')).toEqual([]);
    expect(lines('\n\n')).toEqual([]);
  });

  it('reads lines longer than its buffer, and multi-byte text split across reads', () => {
    const long = 'ж'.repeat(5000);
    for (const chunk of [7, 64, 4096]) expect(lines(`${long}\nx\n`, chunk).map((l) => l.text)).toEqual([long, 'x']);
  });

  it('stops at a line longer than the limit, naming its number', () => {
    const f = openRegular(file(`ok\n${'x'.repeat(3000)}`));
    expect(() => eachLine(f, () => true, { maxLine: 1000, chunk: 256 })).toThrow(/:2: a line longer than 1000 bytes/);
    closeSync(f.fd);
  });
});

describe('the word index', () => {
  it('finds the records of every word starting with a prefix, across sorted runs', () => {
    const dir = mkdtempSync(join(TMP, 'words-'));
    const writer = new WordIndexWriter(dir, 'people', 3); // runs of 3 pairs: the merge is tested too
    const names = ['ivan ivanov', 'ivan petrov', 'anna ivanova', 'pyotr ivanovsky', 'ivo andric', 'iv'];
    names.forEach((name, r) => writer.add(new Set(name.split(' ')), r));
    expect(writer.finish()).toBe(10);
    const open = (ext: string) => openRegular(join(dir, `people.${ext}`));
    const index = new WordIndex(open('words'), open('wordidx'), open('postings'));
    const records = (prefix: string) => [...index.records(...index.prefixRange(prefix))];
    expect(records('ivanov')).toEqual([0, 2, 3]);
    expect(records('ivan')).toEqual([0, 1, 2, 3]);
    expect(records('iv')).toEqual([0, 1, 2, 3, 4, 5]);
    expect(records('ivanova')).toEqual([2]);
    expect(records('zz')).toEqual([]);
    expect(records('a')).toEqual([2, 4]);
    index.close();
  });
});

describe('the id table', () => {
  it('finds duplicates by both hashes and, once written, leads to the record', () => {
    const table = new IdTable(4);
    const ids = Array.from({ length: 5000 }, (_, i) => `person-${i}`);
    ids.forEach((id, r) => expect(table.add(id, r)).toBeUndefined());
    expect(table.add('person-42', 9999)).toBe(42);
    expect(table.has('person-4999')).toBe(true);
    expect(table.has('person-5000')).toBe(false);
    const path = join(TMP, 'ids');
    table.write(path);
    const f = openRegular(path);
    expect([...candidates(f, 'person-1234')]).toContain(1234);
    expect([...candidates(f, 'nobody')].length).toBeLessThanOrEqual(1);
    closeSync(f.fd);
  });
});

describe('the progress line', () => {
  it('shows what, a bar, the share, the records and the time left, within the width', () => {
    const line = progressLine('indexing people.ndjson', 250, 1000, 12345, 10_000, 100);
    expect(line).toBe('purges: indexing people.ndjson [#####---------------]   25%  12,345 records  ETA 30s');
    // The bar keeps its length as the numbers grow.
    expect(progressLine('indexing people.ndjson', 999, 1000, 2_999_999, 100_000, 100).indexOf(']')).toBe(line.indexOf(']'));
    expect(progressLine('indexing people.ndjson', 250, 1000, 12345, 10_000, 40).length).toBeLessThan(40);
    expect(progressLine('waiting', 0, 0, undefined, 65_000, 80)).toBe('purges: waiting   1m 05s');
    expect(formatDuration(125_400)).toBe('2m 05s');
  });
});
