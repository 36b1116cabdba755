import { describe, expect, it } from 'vitest';
import { compareDates, formatDate, formatSpan, isValidDate, overlaps, parseDate, yearsBetween } from '../../src/kb/dates.js';

describe('parseDate', () => {
  it.each([
    ['1934', { year: 1934, precision: 'year' }],
    ['1934-12', { year: 1934, month: 12, precision: 'month' }],
    ['1934-12-01', { year: 1934, month: 12, day: 1, precision: 'day' }],
    ['1936-02-29', { year: 1936, month: 2, day: 29, precision: 'day' }],
  ])('parses %s', (text, expected) => expect(parseDate(text)).toEqual(expected));

  it.each(['1934-13-01', '1934-00', '1937-02-29', '1900-02-29', '1934-04-31', '34', '1934-1-1', '1934-12-01T00:00', '', 'abcd', ' 1934'])(
    'rejects %j',
    (text) => {
      expect(parseDate(text)).toBeUndefined();
      expect(isValidDate(text)).toBe(false);
    },
  );
});

describe('formatDate', () => {
  it('shows a partial date as what it is, never as 1 January', () => {
    expect(formatDate('1934')).toBe('1934');
    expect(formatDate('1934-12')).toBe('Dec 1934');
    expect(formatDate('1934-12-01')).toBe('1 Dec 1934');
    expect(formatDate('1934-12-01', 'long')).toBe('1 December 1934');
  });

  it('collapses spans', () => {
    expect(formatSpan('1936-08-19', '1936-08-24')).toBe('19-24 Aug 1936');
    expect(formatSpan('1937-08', '1937-11')).toBe('Aug-Nov 1937');
    expect(formatSpan('1937-07-30', '1938-11')).toBe('30 Jul 1937 - Nov 1938');
    expect(formatSpan('1937-07-30', '1937-08-05')).toBe('30 Jul - 5 Aug 1937');
    expect(formatSpan('1937')).toBe('1937');
  });
});

describe('compareDates', () => {
  it('orders by first day, vaguer first on a tie', () => {
    const dates = ['1937-02-01', '1937', '1936-12-31', '1937-01', '1937-01-01'];
    expect([...dates].sort(compareDates)).toEqual(['1936-12-31', '1937', '1937-01', '1937-01-01', '1937-02-01']);
  });
});

describe('overlaps', () => {
  it('includes a year-only event in a month range inside that year', () => {
    expect(overlaps('1937', undefined, '1937-07', '1937-07')).toBe(true);
    expect(overlaps('1937-06-30', undefined, '1937-07', '1937-07')).toBe(false);
    expect(overlaps('1937-07-31', undefined, '1937-07', '1937-07')).toBe(true);
  });

  it('includes spans that reach into the range', () => {
    expect(overlaps('1936-08-19', '1938-03', '1937', '1937')).toBe(true);
    expect(overlaps('1938-12-01', undefined, undefined, '1938')).toBe(true);
    expect(overlaps('1939-01-01', undefined, undefined, '1938')).toBe(false);
  });
});

describe('yearsBetween', () => {
  it('computes exact ages from full dates', () => {
    expect(yearsBetween('1886-03-27', '1934-12-01')).toEqual({ years: 48, approx: false });
    expect(yearsBetween('1895-05-01', '1940-02-04')).toEqual({ years: 44, approx: false });
  });

  it('says when a partial date leaves two possible ages', () => {
    expect(yearsBetween('1881', '1936-08-25')).toEqual({ years: 54, approx: true });
    expect(yearsBetween('1881-01', '1936-08-25')).toEqual({ years: 55, approx: false });
  });
});

describe('sortByDate', () => {
  it('orders by start day, vaguer first, then data order', async () => {
    const { sortByDate } = await import('../../src/kb/model.js');
    const items = ['1937-01-01', '1937-01', '1936-12-31', '1937', '1937-01-01', '1937-02'].map((date, i) => ({ date, i }));
    expect(sortByDate(items, (x) => x.date).map((x) => `${x.date}#${x.i}`)).toEqual([
      '1936-12-31#2',
      '1937#3',
      '1937-01#1',
      '1937-01-01#0',
      '1937-01-01#4',
      '1937-02#5',
    ]);
  });
});
