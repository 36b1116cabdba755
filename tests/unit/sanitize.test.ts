/** Hostile text from data packs: bidi overrides, invisible characters, spreadsheet formulas. */
import { describe, expect, it } from 'vitest';
import { csvSafe, sanitizeLine, sanitizeText } from '../../src/render/sanitize.js';

describe('bidi controls are shown escaped', () => {
  it.each([
    ['Kirov\u202eabc', 'Kirov<U+202E>abc'],
    ['\u202dYezhov', '<U+202D>Yezhov'],
    ['a\u202ab\u202c', 'a<U+202A>b<U+202C>'],
    ['isolate \u2066x\u2069', 'isolate <U+2066>x<U+2069>'],
    ['\u2067\u2068', '<U+2067><U+2068>'],
  ])('%j', (input, shown) => {
    expect(sanitizeLine(input)).toBe(shown);
  });
});

describe('invisible characters are dropped', () => {
  it.each([
    ['Ki\u200brov', 'Kirov'],
    ['Ki\u200drov', 'Kirov'], // a joiner between Latin letters joins nothing
    ['Ki\u200crov', 'Kirov'],
    ['\ufeffKirov', 'Kirov'],
    ['Ki\u00adrov', 'Kirov'],
    ['Ki\u2060rov', 'Kirov'],
    ['Ki\u200erov\u200f', 'Kirov'],
    ['Ki\u180erov', 'Kirov'],
    ['Kirov\u{e0041}\u{e0042}', 'Kirov'], // tag characters outside a flag
  ])('%j', (input, shown) => {
    expect(sanitizeText(input)).toBe(shown);
  });

  it('keeps joiners that join: emoji sequences and scripts that need them', () => {
    expect(sanitizeText('👨\u200d👩\u200d👧')).toBe('👨\u200d👩\u200d👧');
    expect(sanitizeText('🏳️\u200d🌈')).toBe('🏳️\u200d🌈');
    expect(sanitizeText('می\u200cخواهم')).toBe('می\u200cخواهم');
    expect(sanitizeText('🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}')).toBe(
      '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}',
    );
  });

  it('leaves ordinary text alone', () => {
    for (const s of ['Сергей Киров', 'Blücher', '斯大林', 'O’Neill — 1937–1938']) expect(sanitizeLine(s)).toBe(s);
  });
});

describe('CSV cells a spreadsheet would run', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1+cmd', `'+1+cmd`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
  ])('%j is neutralised', (cell, safe) => {
    expect(csvSafe(cell)).toBe(safe);
  });

  it.each(['-5', '+3', '1,108', '-', 'Kirov', '1937-1938', ''])('%j is left as it is', (cell) => {
    expect(csvSafe(cell)).toBe(cell);
  });
});

describe('string sequences lose their payload, not only their introducer', () => {
  const cases: Array<[string, string]> = [
    ['C1 OSC title ended by BEL', 'A\u009d0;pwned-title\u0007B'],
    ['C1 OSC title ended by C1 ST', 'A\u009d2;pwned\u009cB'],
    ['C1 OSC 52 clipboard ended by ESC \\', 'A\u009d52;c;cGF5bG9hZA==\u001b\\B'],
    ['ESC P (DCS) ended by ESC \\', 'A\u001bPq#0;2;0;0;0\u001b\\B'],
    ['ESC _ (APC) ended by BEL', 'A\u001b_payload\u0007B'],
    ['C1 DCS ended by C1 ST', 'A\u0090qpayload\u009cB'],
    ['ESC ] hyperlink (OSC 8) with its text kept', 'A\u001b]8;;http://x.example\u001b\\link\u001b]8;;\u001b\\B'],
  ];
  for (const [name, input] of cases) {
    it(name, () => {
      const out = sanitizeText(input);
      expect(out).not.toMatch(/pwned|payload|cGF5|#0;2|x\.example/);
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(out.startsWith('A')).toBe(true);
      expect(out.endsWith('B')).toBe(true);
    });
  }
});

describe('line and paragraph separators become newlines, folded in one-line fields', () => {
  it.each([
    ['Kirov\u2028Yezhov', 'Kirov\nYezhov', 'Kirov Yezhov'],
    ['a\u2029b', 'a\nb', 'a b'],
    ['\u2028\u2029', '\n\n', ' '],
    ['end\u2028', 'end\n', 'end '],
    ['x\u2028\u001b[2J\u2029y', 'x\n\ny', 'x y'],
  ])('%j', (input, text, line) => {
    expect(sanitizeText(input)).toBe(text);
    expect(sanitizeLine(input)).toBe(line);
  });
});
