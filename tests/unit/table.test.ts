/** Fitting tables to the terminal, and cli-table3 drawing them. */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Column, fitTable } from '../../src/render/fit.js';
import { renderTable } from '../../src/render/table.js';
import { displayWidth } from '../../src/render/width.js';

const plain = new Chalk({ level: 0 });
const year = (cell: string) => /\d{4}$/.exec(cell)?.[0] ?? cell;
const PEOPLE: Column[] = [
  { header: 'id', kind: 'id', heading: true },
  { header: 'name', heading: true },
  { header: 'born', kind: 'date', short: year, drop: 1 },
  { header: 'died', kind: 'date', short: year },
  { header: 'fate', kind: 'word' },
  { header: 'main role', max: 50, drop: 2 },
];
const ROWS = [
  ['ordzhonikidze', 'Sergo Ordzhonikidze', '24 Oct 1886', '18 Feb 1937', 'suicide', "People's Commissar of Heavy Industry"],
  ['kuznetsov-alexey', 'Alexei Kuznetsov', '20 Feb 1905', '1 Oct 1950', 'executed', 'Secretary of the Central Committee'],
  ['blyukher', 'Vasily Blyukher', '1 Dec 1889', '9 Nov 1938', 'died in custody', 'Marshal of the Soviet Union'],
];
const draw = (width: number, rows = ROWS, cols = PEOPLE) => renderTable(cols, rows, 'table', { style: plain, width, table: Table });

describe('fitTable', () => {
  it('gives every column its natural width when it fits', () => {
    const fit = fitTable(PEOPLE, ROWS, 140);
    expect(fit).toMatchObject({ layout: 'table', shown: [0, 1, 2, 3, 4, 5], short: false });
  });

  it('lets the widest free-text column give way first; ids and dates never', () => {
    const fit = fitTable(PEOPLE, ROWS, 120);
    if (fit.layout !== 'table') throw new Error('expected a table');
    expect(fit.widths[0]).toBe('kuznetsov-alexey'.length);
    expect(fit.widths[2]).toBe('24 Oct 1886'.length);
    expect(fit.widths[1]).toBe('Sergo Ordzhonikidze'.length);
    expect(fit.widths[5]).toBeLessThan("People's Commissar of Heavy Industry".length);
    const cols: Column[] = [{ header: 'id', kind: 'id' }, { header: 'short' }, { header: 'long' }];
    const rows = [['an-id', 'a b c d e f g h i j k l m n o p', 'word '.repeat(30)]];
    for (const width of [80, 90, 100]) {
      const f = fitTable(cols, rows, width);
      if (f.layout !== 'table') throw new Error('expected a table');
      expect(f.widths[1]).toBe(31); // the narrower text column keeps its width
      expect(f.widths[2]).toBe(width - 10 - 5 - 31); // borders and padding take 10
    }
  });

  it('shortens, then leaves out low-value columns, then switches to cards', () => {
    const at80 = fitTable(PEOPLE, ROWS, 80);
    expect(at80).toMatchObject({ layout: 'table', short: true });
    const at60 = fitTable(PEOPLE, ROWS, 60);
    if (at60.layout !== 'table') throw new Error('expected a table');
    expect(at60.shown).not.toContain(2); // born left out first
    expect(at60.shown).toContain(0); // never the id
    expect(fitTable(PEOPLE, ROWS, 40)).toEqual({ layout: 'cards' });
  });

  it('breaks a range between its ends before text is cramped, and a short range not to save a column', () => {
    const cols: Column[] = [
      { header: 'statistic', max: 44 },
      { header: 'figure', kind: 'number' },
      { header: 'period', kind: 'date' },
    ];
    const label = 'People sentenced to death under NKVD Order 00447, 1937-1938';
    const wide = [[label, '2,600,000-5,000,000', '25 Mar 1949 - 30 Mar 1949']];
    const f = fitTable(cols, wide, 70);
    if (f.layout !== 'table') throw new Error('expected a table');
    expect(f.widths.slice(1)).toEqual(['2,600,000-'.length, '25 Mar 1949 -'.length]);
    expect(f.widths[0]).toBe(70 - 1 - 9 - 10 - 13);
    const short = [[label, '98', '1936-1939']];
    const g = fitTable(cols, short, 50);
    if (g.layout !== 'table') throw new Error('expected a table');
    expect(g.widths[2]).toBe('1936-1939'.length);
  });

  it('stays fast on megabyte cells', () => {
    const big = [['x', 'N'.repeat(5_000_000), '1900', '', 'executed', 'w '.repeat(1_000_000)]];
    const fit = fitTable(PEOPLE, big, 80);
    expect(fit.layout).toBe('table');
  });
});

describe('box tables drawn by cli-table3', () => {
  it.each([50, 60, 80, 100, 140])('fit %i columns and never split an id or a date', (width) => {
    const out = draw(width);
    for (const line of out.trimEnd().split('\n')) expect(displayWidth(line)).toBe(displayWidth(out.split('\n')[0]!));
    for (const line of out.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    for (const r of ROWS) expect(out).toContain(r[0]!);
    expect(out).toMatch(/^┌/);
    expect(out.trimEnd()).toMatch(/┘$/);
  });

  it('draws cards below 50 columns, with nothing left out', () => {
    const out = draw(40);
    expect(out).not.toMatch(/[┌│]/);
    expect(out).toContain('ordzhonikidze · Sergo Ordzhonikidze');
    expect(out).toMatch(/born\s+24 Oct 1886/);
    for (const line of out.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(40);
  });

  it('stitches chunks of rows into one table (long tables stay linear)', () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`id-${i}`, `Name ${i}`, '1900', '1937', 'executed', 'Role']);
    const out = draw(100, rows);
    const lines = out.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('┌'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('└'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('├'))).toHaveLength(50);
    for (let i = 0; i < 50; i++) expect(out).toContain(`│ id-${i} `);
  });

  it('aligns rows whatever the script: emoji sequences, CJK, combining marks, jamo', () => {
    const text = fc.constantFrom('👨‍👩‍👧', '斯大林', 'e\u0301', '\u1100\u1161', 'Ж', 'a', ' ', '❤️', '🇷🇺');
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 50, max: 120 }),
        (cells, width) => {
          const rows = cells.map((c, i) => [`id-${i}`, c.join(''), c.reverse().join('')]);
          const out = renderTable([{ header: 'id', kind: 'id' }, { header: 'a' }, { header: 'b' }], rows, 'table', {
            style: plain,
            width,
            table: Table,
          });
          const lines = out.trimEnd().split('\n');
          for (const line of lines) expect(displayWidth(line)).toBe(displayWidth(lines[0]!));
          expect(displayWidth(lines[0]!)).toBeLessThanOrEqual(width);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('leaves none of its line-end marks in what it draws, in colour or not', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [
      `id-${i}`,
      'a long name that wraps over several lines here',
      '1900',
      '1937',
      'died in custody',
      'Role '.repeat(20),
    ]);
    for (const style of [plain, new Chalk({ level: 1 })]) {
      const out = renderTable(PEOPLE, rows, 'table', { style, width: 70, table: Table });
      expect(out).not.toContain('\u001b[m');
      expect(out.split('\n').filter((l) => l.startsWith('├'))).toHaveLength(40);
    }
  });

  it('draws the quiz progress table', () => {
    const cols: Column[] = [
      { header: 'topic' },
      { header: 'cards seen' },
      { header: 'due now' },
      { header: 'answers' },
      { header: 'accuracy' },
    ];
    const out = renderTable(
      cols,
      [
        ['people', '3', '1', '5', '60%'],
        ['all', '3', '1', '5', '60%'],
      ],
      'table',
      { style: plain, width: 80, table: Table },
    );
    expect(out).toBe(
      [
        '┌────────┬────────────┬─────────┬─────────┬──────────┐',
        '│ topic  │ cards seen │ due now │ answers │ accuracy │',
        '├────────┼────────────┼─────────┼─────────┼──────────┤',
        '│ people │ 3          │ 1       │ 5       │ 60%      │',
        '├────────┼────────────┼─────────┼─────────┼──────────┤',
        '│ all    │ 3          │ 1       │ 5       │ 60%      │',
        '└────────┴────────────┴─────────┴─────────┴──────────┘',
        '',
      ].join('\n'),
    );
  });
});
