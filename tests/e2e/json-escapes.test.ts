/**
 * Characters that are invisible or break lines, from a pack: tag characters (U+E0000-E007F,
 * invisible text that can smuggle words past a reader), the line and paragraph separators
 * U+2028/U+2029, bidi controls, zero-width and C1 characters. `--json` keeps the data as it
 * is but writes these as \u escapes; every other output folds the separators into line
 * breaks or spaces and drops the rest.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_KB, purges } from './run.js';

const TMP = mkdtempSync(join(tmpdir(), 'purges-json-escapes-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const TAGS = '\u{e0001}\u{e0069}\u{e0067}\u{e006e}\u{e007f}';
const ODD = `${TAGS}\u2028\u2029\u202e\u200b\u0085\u009b`;
// The raw forms must not appear in any output (JSON escapes them; text drops or folds them).
const RAW = /[\u{e0000}-\u{e007f}\u2028\u2029\u202e\u200b\u0085\u009b]/u;

const pack = join(TMP, 'odd');
mkdirSync(pack);
const write = (name: string, value: unknown) => writeFileSync(join(pack, name), JSON.stringify(value));
const person = {
  id: 'zzodd',
  name: `Zzodd${ODD} Person`,
  aliases: [`Alias${ODD}`],
  born: '1900',
  fate: 'survived',
  summary: `One${ODD}two.`,
  sources: ['odd-src'],
};
write('sources.json', [{ id: 'odd-src', authors: [`Odd${ODD} Author`], title: `Title${ODD}`, year: 2000, kind: 'popular' }]);
write('people.json', [person]);
write('events.json', [
  {
    id: 'zzodd-event',
    date: '1937-08-05',
    title: `Zzodd event${ODD}`,
    summary: `S${ODD}`,
    category: 'trial',
    people: ['zzodd'],
    sources: ['odd-src'],
  },
]);
write('statistics.json', [
  {
    id: 'zzodd-stat',
    label: `Zzodd${ODD}`,
    value: 5,
    unit: `people${ODD}`,
    period: { from: '1937', to: '1937' },
    category: 'executions',
    basis: 'archival',
    sources: ['odd-src'],
  },
]);
write('claims.json', [
  { id: 'zzodd-claim', claim: `Zzodd claim${ODD}`, origin: 'o', verdict: 'accurate', explanation: `Why${ODD}`, sources: ['odd-src'] },
]);

describe('--json writes invisible and line-breaking characters as \\u escapes', () => {
  it.each([
    [['person', 'zzodd', '--json']],
    [['people', '--json']],
    [['event', 'zzodd-event', '--json']],
    [['timeline', '--json', '--from', '1937-08', '--to', '1937-08']],
    [['today', '--date', '08-05', '--json']],
    [['stats', 'zzodd-stat', '--json']],
    [['claims', 'zzodd-claim', '--json']],
    [['search', 'zzodd', '--json']],
    [['sources', '--json']],
    [['sources', '--format', 'csl-json']],
  ])('purges %j', (args) => {
    const r = purges(['--data', pack, ...args], { fixture: false });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain('\\udb40\\udc01'); // a tag character, as its escaped surrogate pair
    expect(r.stdout).toContain('\\u2028');
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('the escapes decode to the data as it is', () => {
    const r = purges(['--data', pack, 'person', 'zzodd', '--json'], { fixture: false });
    const parsed = JSON.parse(r.stdout);
    expect(parsed.name).toBe(person.name);
    expect(parsed.summary).toBe(person.summary);
  });

  it('a worksheet in JSON from such a base', () => {
    const base = join(TMP, 'base');
    mkdirSync(base, { recursive: true });
    for (const f of ['sources', 'people', 'events', 'statistics', 'claims', 'eras']) {
      const fixture = JSON.parse(readFileSync(join(FIXTURE_KB, `${f}.json`), 'utf8')) as Array<Record<string, unknown>>;
      const odd = fixture.map((r) => ({
        ...r,
        ...(typeof r.name === 'string' ? { name: `${r.name}${ODD}` } : {}),
        ...(typeof r.title === 'string' ? { title: `${r.title}${ODD}` } : {}),
      }));
      writeFileSync(join(base, `${f}.json`), JSON.stringify(odd));
    }
    const r = purges(['quiz', '--worksheet', '--count', '6', '--seed', 'odd', '--format', 'json'], { env: { PURGES_BASE: base } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toMatch(/\\u2028/);
  });
});

describe('text output folds the separators and drops the rest', () => {
  it.each([
    [['person', 'zzodd']],
    [['people', '--format', 'table']],
    [['people', '--format', 'csv']],
    [['people', '--format', 'md']],
    [['event', 'zzodd-event']],
    [['stats', '--format', 'table']],
    [['claims', 'zzodd-claim']],
    [['sources', 'odd-src', '--style', 'chicago']],
    [['sources', '--format', 'bibtex']],
  ])('purges %j', (args) => {
    const r = purges(['--data', pack, ...args], { fixture: false, env: { COLUMNS: '100' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toMatch(/Zzodd|Odd/);
  });

  it('a table with such a name keeps every row the same width', () => {
    const r = purges(['--data', pack, 'people', '--format', 'table'], { fixture: false, env: { COLUMNS: '100' } });
    const rows = r.stdout.split('\n').filter((l) => /^[│┌├└]/.test(l));
    expect(new Set(rows.map((l) => [...l].length)).size).toBe(1);
  });
});
