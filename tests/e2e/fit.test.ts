/**
 * Output that fits: every table, the timeline and the chart as golden files at 40, 60, 80
 * and 140 columns (COLUMNS sets the width of a pipe), each line within the width, and ids
 * and dates never split across lines.
 */
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/width.js';
import { expectGolden, purges } from './run.js';

const WIDTHS = [40, 60, 80, 140] as const;
// Values that must appear whole at every width: ids, figures, dates of the timeline.
const CASES: Array<[name: string, args: string[], unsplit: string[]]> = [
  ['people', ['people', '--format', 'table'], ['blyukher', 'bukharin', 'yezhov', 'died in custody']],
  ['people-role', ['people', '--role', 'marshal', '--format', 'table'], ['blyukher', 'Marshal']],
  // A range may break between its ends ("950,000-" over "1,200,000"), a figure never.
  ['stats', ['stats', '--format', 'table'], ['353,074', '950,000', '1,200,000']],
  ['search', ['search', 'yezhov', '--format', 'table'], ['yezhov-appointed', 'yezhov-execution']],
  ['sources', ['sources', '--format', 'table'], ['getty-rittersporn-zemskov-1993', 'jansen-petrov-2002']],
  ['claims', ['claims', '--format', 'table'], ['accurate', 'disputed']],
  ['timeline', ['timeline'], ['26 Sep 1936', '30 Jul 1937']],
  ['timeline-ids', ['timeline', '--from', '1936', '--ids'], ['trial-of-the-sixteen', 'yezhov-appointed', 'third-moscow-trial']],
  ['chart', ['stats', '--chart'], ['353,074', '328,618']],
  ['event', ['event', 'third-moscow-trial'], ['purges person bukharin', '2-13 Mar 1938']],
  ['person', ['person', 'yezhov', '--ids'], ['yezhov-appointed', 'order-00447', '1 May 1895']],
  ['stat', ['stats', 'fixture-range'], ['950,000-1,200,000', 'fixture-range']],
  ['claim', ['claims', 'shot-1937-1938'], ['shot-1937-1938']],
  ['sources-apa', ['sources', '--style', 'apa'], ['getty-rittersporn-zemskov-1993']],
];
// A date cell broken after its month ("9 Nov" over "1938").
const SPLIT_DATE = /│ \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +│/;

describe.each(CASES)('%s', (name, args, unsplit) => {
  it.each(WIDTHS)('at %i columns', (width) => {
    const r = purges(args, { env: { COLUMNS: String(width) } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const line of r.stdout.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    for (const value of unsplit) expect(r.stdout).toContain(value);
    expect(r.stdout).not.toMatch(SPLIT_DATE);
    expectGolden(`fit/${name}-${width}.txt`, r.stdout);
  });
});

describe('layouts', () => {
  it('draws boxes from 50 columns and cards below', () => {
    expect(purges(['people', '--format', 'table'], { env: { COLUMNS: '50' } }).stdout).toMatch(/^┌/);
    const cards = purges(['people', '--format', 'table'], { env: { COLUMNS: '49' } }).stdout;
    expect(cards).not.toMatch(/[┌│]/);
    expect(cards).toContain('yezhov · Nikolai Yezhov');
  });

  it('shows a same-year span once and an undated role without an empty column', () => {
    const bukharin = purges(['person', 'bukharin']).stdout;
    expect(bukharin).toMatch(/^ {2}1934 {2}Editor of Izvestia$/m);
    expect(bukharin).not.toContain('1934 - 1934');
  });
});
