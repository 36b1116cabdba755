/**
 * Hostile text, round 2: bidi overrides and invisible characters from a pack are shown
 * escaped or dropped everywhere; CSV cells cannot run as formulas; BibTeX stays balanced;
 * echoes of user text (search queries, validate's folder) are cleaned; megabyte fields stay fast.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { purges } from './run.js';

const TMP = mkdtempSync(join(tmpdir(), 'purges-hostile-text-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

// Bidi embeddings, overrides and isolates; zero-width and other invisible characters.
const SPOOF = '\u202e\u202a\u2066\u200b\u200d\u2060\ufeff\u00ad\u200e';
const FORBIDDEN = /[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff\u00ad]/;

const pack = join(TMP, 'spoof');
mkdirSync(pack);
const write = (name: string, value: unknown) => writeFileSync(join(pack, name), JSON.stringify(value));
write('sources.json', [
  {
    id: 'spoof-source',
    authors: [`Spoof${SPOOF} Author`],
    title: `Title ${SPOOF}{unbalanced`,
    year: 2000,
    journal: `Journal${SPOOF}`,
    volume: '1}, note = {injected',
    issue: `2${SPOOF}{`,
    pages: '3-4}}',
    kind: 'popular',
  },
]);
write('people.json', [
  {
    id: 'spoof',
    name: `Zzspoof Ki${SPOOF}rov`,
    aliases: [`=HYPERLINK("http://evil")`],
    born: '1900',
    fate: 'executed',
    roles: [{ title: `@SUM(1+1)${SPOOF}`, from: '1930', to: '1930', primary: true }],
    summary: `Summary ${SPOOF}.`,
    sources: ['spoof-source'],
  },
  { id: 'formula', name: '=1+1', born: '1901', fate: 'survived', summary: '-2+3', sources: ['spoof-source'] },
]);
write('events.json', [
  {
    id: 'spoof-event',
    date: '1937-08-05',
    title: `Zzspoof event ${SPOOF}`,
    summary: `Zzspoof ${SPOOF}`,
    category: 'trial',
    people: ['spoof'],
    parts: { spoof: 'defendant' },
    aliases: [`alias ${SPOOF}`],
    sources: ['spoof-source'],
  },
]);
write('statistics.json', [
  {
    id: 'spoof-stat',
    label: `+Stat ${SPOOF}`,
    value: 5,
    unit: 'people',
    period: { from: '1937', to: '1937' },
    category: 'executions',
    basis: 'archival',
    sources: ['spoof-source'],
  },
]);
write('claims.json', [
  { id: 'spoof-claim', claim: `Claim ${SPOOF}`, origin: 'o', verdict: 'accurate', explanation: `Why ${SPOOF}`, sources: ['spoof-source'] },
]);

const COMMANDS: string[][] = [
  ['person', 'spoof'],
  ['person', 'spoof', '--ids'],
  ['people'],
  ['people', '--format', 'table'],
  ['people', '--format', 'md'],
  ['people', '--format', 'csv'],
  ['event', 'spoof-event'],
  ['timeline', '--from', '1937-08', '--to', '1937-08'],
  ['search', 'zzspoof'],
  ['search', 'zzspoof', '--format', 'table'],
  ['stats', 'spoof-stat'],
  ['stats', '--format', 'table'],
  ['stats', '--chart'],
  ['claims', 'spoof-claim'],
  ['claims', '--format', 'table'],
  ['sources', 'spoof-source', '--style', 'apa'],
  ['sources', 'spoof-source', '--style', 'mla', '--format', 'md'],
  ['sources', '--format', 'bibtex'],
  ['timeline', '--json', '--from', '1937-08', '--to', '1937-08'],
];

describe('bidi and invisible characters from a pack', () => {
  it.each(COMMANDS)('purges %s shows none of them raw', (...args) => {
    for (const env of [{}, { NO_COLOR: undefined, FORCE_COLOR: '1' }, { COLUMNS: '40' }]) {
      const r = purges(['--data', pack, ...args], { env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(FORBIDDEN);
      expect(r.stderr).not.toMatch(FORBIDDEN);
    }
  });

  it('shows a bidi override as a visible escape', () => {
    expect(purges(['--data', pack, 'person', 'spoof']).stdout).toContain('Zzspoof Ki<U+202E><U+202A><U+2066>rov');
  });
});

describe('CSV that a spreadsheet will not run', () => {
  it('puts a quote mark before cells starting with = + - @', () => {
    const csv = purges(['--data', pack, 'people', '--format', 'csv']).stdout;
    expect(csv).toContain(`'=1+1`);
    expect(csv).toContain(`'@SUM(1+1)`);
    expect(purges(['--data', pack, 'stats', '--format', 'csv']).stdout).toContain(`'+Stat`);
    expect(csv).not.toMatch(/(^|,)[=+@]/m);
  });
});

describe('BibTeX from a pack', () => {
  it('escapes volume, issue and pages and keeps every brace balanced', () => {
    const bib = purges(['--data', pack, 'sources', 'spoof-source', '--format', 'bibtex']).stdout;
    let depth = 0;
    for (const ch of bib) {
      if (ch === '{') depth++;
      if (ch === '}') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(bib).not.toMatch(/^\s*note = \{injected/m);
    expect(bib).toContain('volume = {1\\textbraceright{}, note = \\textbraceleft{}injected}');
  });
});

describe('echoes of what the user typed', () => {
  it.each(['\u001b[2Jzzqq', 'zz\u202eqq', 'zz\u0007qq\u009b6n', 'zz\u200bqq'])('search %j with no match', (q) => {
    const r = purges(['search', q]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^purges: nothing matches "zz.*qq"\. Try fewer words/);
    expect(r.stderr).not.toMatch(/[\u001b\u0007\u009b\u202e\u200b]/);
  });

  it.each(['pack\u001b[31mred', 'pack\u202erev', 'pack\u0007bell', 'pack\nnewline'])('validate %j prints a clean success line', (name) => {
    const dir = join(TMP, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'people.json'), '[]');
    const r = purges(['validate', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/: valid \(/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/[\u001b\u0007\u202e]/);
  });

  it('validate of a missing path does not mention --data', () => {
    const r = purges(['validate', join(TMP, 'nope')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no such file or directory/);
    expect(r.stderr).not.toMatch(/--data/);
  });
});

describe('megabyte fields stay fast (linear wrapping and width)', () => {
  const big = join(TMP, 'big');
  mkdirSync(big);
  writeFileSync(
    join(big, 'people.json'),
    JSON.stringify([
      {
        id: 'unbroken',
        name: 'Unbroken Summary',
        born: '1900',
        fate: 'executed',
        summary: 'x'.repeat(1_000_000),
        sources: ['conquest-1990'],
      },
      { id: 'long-name', name: 'N'.repeat(5_000_000), born: '1900', fate: 'executed', summary: 's', sources: ['conquest-1990'] },
      {
        id: 'many-words',
        name: 'word '.repeat(1_000_000).trim(),
        born: '1900',
        fate: 'executed',
        summary: 'Ж '.repeat(300_000),
        sources: ['conquest-1990'],
      },
      {
        id: 'emoji',
        name: '👍'.repeat(100_000),
        born: '1900',
        fate: 'executed',
        summary: '👨‍👩‍👧'.repeat(50_000),
        sources: ['conquest-1990'],
      },
    ]),
  );
  // A timeout, not a timing: quadratic code took 37 s and more than 60 s here before.
  it.each([
    [['person', 'unbroken']],
    [['person', 'many-words']],
    [['person', 'emoji']],
    [['people', '--format', 'table']],
    [['people', '--format', 'table'], '40'],
    [['people', '--format', 'table'], '140'],
  ] as Array<[string[], string?]>)('%j finishes, cutting what cannot show with a mark', (args, columns) => {
    const r = purges(['--data', big, ...args], { env: { COLUMNS: columns ?? '80' }, timeout: 15000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('…');
  });
});
