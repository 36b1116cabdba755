/**
 * Width by grapheme cluster, checked against string-width (the reference terminals' width
 * libraries follow), and wrapping that stays linear and marks what it cuts.
 */
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { CUT, clusters, displayWidth, keepTogether, rangeParts, takeWidth, truncate, wrap, wrapRange } from '../../src/render/width.js';

const SAMPLES = [
  'Kirov',
  'Киров',
  'Blücher',
  'Blu\u0308cher', // combining diaeresis
  '斯大林',
  '👍',
  '👍🏽', // emoji with a skin-tone modifier
  '👨‍👩‍👧', // ZWJ family
  '🏳️‍🌈', // ZWJ with a variation selector
  '❤️', // variation selector 16
  '☺︎', // variation selector 15
  '1️⃣', // keycap
  '🇷🇺', // regional indicator flag
  '🇦', // a lone regional indicator
  '\u1100\u1161\u11a8', // Hangul jamo L V T: one syllable
  '\u1100\u1100\u1161', // unmatched leading jamo
  '한국어',
  'ﾊﾟﾝ', // halfwidth katakana with a semi-voiced mark
  'क्षि', // Devanagari conjunct with a vowel sign
  'e\u0301\u0302', // stacked combining marks
  'a\u200bb', // zero-width space
  '\u00ad', // soft hyphen
  'x\u001b[1mbold\u001b[22m',
  '€ ‘quoted’ — dash…',
];

describe('displayWidth', () => {
  it.each(SAMPLES)('agrees with string-width on %j', (s) => {
    expect(displayWidth(s)).toBe(stringWidth(s));
  });

  it('agrees with string-width on any text, emoji and jamo included', () => {
    const pieces = fc.constantFrom(...SAMPLES, ' ', 'a', 'Ж', '\u200d', '\ufe0f', '\u1161', '\u0301', '🏽');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(displayWidth(s)).toBe(stringWidth(s));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        expect(displayWidth(s)).toBe(stringWidth(s));
      }),
      { numRuns: 300 },
    );
  });

  it('treats a ZWJ family as one cluster of two columns', () => {
    expect([...clusters('a👨‍👩‍👧b')]).toEqual(['a', '👨‍👩‍👧', 'b']);
    expect(displayWidth('👨‍👩‍👧')).toBe(2);
  });
});

describe('cutting and wrapping', () => {
  it('never cuts inside a cluster', () => {
    for (const s of ['👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧', 'e\u0301e\u0301e\u0301', '\u1100\u1161\u1100\u1161']) {
      for (let w = 1; w < 6; w++) {
        const head = takeWidth(s, w);
        expect(s.startsWith(head)).toBe(true);
        expect([...clusters(s)].join('').startsWith([...clusters(head)].join(''))).toBe(true);
        expect(displayWidth(truncate(s, w))).toBeLessThanOrEqual(w);
      }
    }
  });

  it('cuts a very long word with a visible mark after a few lines', () => {
    for (const word of ['x'.repeat(1_000_000), 'Ж'.repeat(200_000), '👍'.repeat(100_000)]) {
      const lines = wrap(word, 40, '  ');
      expect(lines).toHaveLength(4);
      expect(lines.at(-1)!.endsWith(CUT)).toBe(true);
      for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(40);
    }
  });

  it('stops at maxLines and marks the cut', () => {
    const lines = wrap('word '.repeat(200_000), 30, '', '', { exact: true, maxLines: 3 });
    expect(lines).toHaveLength(3);
    expect(lines[2]!.endsWith(CUT)).toBe(true);
  });

  it('keeps words joined by keepTogether on one line', () => {
    const lines = wrap(`The Kirov murder and escalation ${keepTogether('(Dec 1934 - Jul 1936)')}`, 40, '', '', { exact: true });
    expect(lines).toEqual(['The Kirov murder and escalation', '(Dec 1934 - Jul 1936)']);
    for (const w of [20, 25, 33, 45]) {
      for (const l of wrap(`Era ${keepTogether('(Dec 1934 - Jul 1936)')}`, w, '', '', { exact: true })) expect(l).not.toBe(')');
    }
  });
});

describe('ranges', () => {
  it('break only between their ends, the separator kept with the first', () => {
    expect(rangeParts('25 Mar 1949 - 30 Mar 1949')).toEqual(['25 Mar 1949 - ', '30 Mar 1949']);
    expect(rangeParts('950,000-1,200,000')).toEqual(['950,000-', '1,200,000']);
    expect(rangeParts('1937-1938')).toEqual(['1937-', '1938']);
    expect(rangeParts('1937\u20131938')).toEqual(['1937\u2013', '1938']);
    for (const whole of ['1937-08-05', '20,201', '5 Aug 1937', 'mid-1953', '30-40%']) expect(rangeParts(whole)).toEqual([whole]);
  });

  it('wrap to the width at those breaks only', () => {
    expect(wrapRange('Aug 1937 - Nov 1938', 14)).toEqual(['Aug 1937 -', 'Nov 1938']);
    expect(wrapRange('Aug 1937 - Nov 1938', 19)).toEqual(['Aug 1937 - Nov 1938']);
    expect(wrapRange('2,600,000-5,000,000', 10)).toEqual(['2,600,000-', '5,000,000']);
  });
});
