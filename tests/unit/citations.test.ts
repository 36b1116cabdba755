/** Citation styles that differ as the style guides say, italics per medium, BibTeX that stays balanced. */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { toBibtex } from '../../src/render/bib-export.js';
import { formatCitation, MARKDOWN_CITE, mlaPages, mlaPublisher, PLAIN_CITE, terminalCite } from '../../src/render/bibliography.js';
import { sentenceCase } from '../../src/render/sentence-case.js';
import type { Source } from '../../src/kb/schema.js';

const book = (over: Partial<Source> = {}): Source => ({
  id: 'getty-naumov-1999',
  authors: ['J. Arch Getty', 'Oleg V. Naumov'],
  title: 'The Road to Terror: Stalin and the Self-Destruction of the Bolsheviks, 1932-1939',
  year: 1999,
  publisher: 'Yale University Press',
  kind: 'scholarly',
  ...over,
});
const web: Source = {
  id: 'britannica',
  authors: ['Encyclopaedia Britannica'],
  title: 'Encyclopaedia Britannica (online edition)',
  year: 2024,
  url: 'https://www.britannica.com',
  kind: 'reference',
};

describe('three styles, three forms', () => {
  it('gives a different entry in each style', () => {
    const forms = (['chicago', 'apa', 'mla'] as const).map((s) => formatCitation(book(), s, PLAIN_CITE));
    expect(new Set(forms).size).toBe(3);
    expect(forms[0]).toBe(
      'Getty, J. Arch, and Oleg V. Naumov. The Road to Terror: Stalin and the Self-Destruction of the Bolsheviks, 1932-1939. Yale University Press, 1999.',
    );
    expect(forms[1]).toBe(
      'Getty, J. A., & Naumov, O. V. (1999). The road to terror: Stalin and the self-destruction of the Bolsheviks, 1932-1939. Yale University Press.',
    );
    expect(forms[2]).toBe(
      'Getty, J. Arch, and Oleg V. Naumov. The Road to Terror: Stalin and the Self-Destruction of the Bolsheviks, 1932-1939. Yale UP, 1999.',
    );
  });

  it('cites a web page in each style: MLA leaves out the scheme and the author that is the work; APA ends on the URL', () => {
    expect(formatCitation(web, 'chicago', PLAIN_CITE)).toBe(
      'Encyclopaedia Britannica. Encyclopaedia Britannica (online edition). 2024. https://www.britannica.com.',
    );
    expect(formatCitation(web, 'apa', PLAIN_CITE)).toBe(
      'Encyclopaedia Britannica. (2024). Encyclopaedia Britannica (online edition). https://www.britannica.com',
    );
    expect(formatCitation(web, 'mla', PLAIN_CITE)).toBe('Encyclopaedia Britannica (online edition). 2024, www.britannica.com.');
  });

  it('uses n.d. for undated works in Chicago and APA, and leaves the date out in MLA', () => {
    const undated = book({ year: undefined });
    expect(formatCitation(undated, 'chicago', PLAIN_CITE)).toMatch(/Yale University Press, n\.d\.$/);
    expect(formatCitation(undated, 'apa', PLAIN_CITE)).toMatch(/\(n\.d\.\)/);
    expect(formatCitation(undated, 'mla', PLAIN_CITE)).toMatch(/Yale UP\.$/);
  });

  it('shortens presses and page ranges the MLA way', () => {
    expect(mlaPublisher("University of Hawai'i Press")).toBe("U of Hawai'i P");
    expect(mlaPublisher('Oxford University Press')).toBe('Oxford UP');
    expect(mlaPublisher('Penguin Press')).toBe('Penguin Press');
    expect(mlaPages('1017-1049')).toBe('pp. 1017-49');
    expect(mlaPages('96-107')).toBe('pp. 96-107');
    expect(mlaPages('1096-1107')).toBe('pp. 1096-107');
    expect(mlaPages('5')).toBe('p. 5');
  });
});

describe('italic titles', () => {
  it('uses ANSI italic on a colour terminal, nothing in plain text', () => {
    const color = new Chalk({ level: 1 });
    const out = formatCitation(
      book(),
      'chicago',
      terminalCite((t) => color.italic(t)),
    );
    expect(out).toContain('\u001b[3mThe Road to Terror');
    expect(formatCitation(book(), 'chicago', PLAIN_CITE)).not.toMatch(/\u001b/);
  });

  it('uses *...* in Markdown and escapes Markdown in the data', () => {
    expect(formatCitation(book(), 'mla', MARKDOWN_CITE)).toBe(
      'Getty, J. Arch, and Oleg V. Naumov. *The Road to Terror: Stalin and the Self-Destruction of the Bolsheviks, 1932-1939*. Yale UP, 1999.',
    );
    const tricky = book({ title: 'A *bold* [link](x) _under_', publisher: 'P|Q' });
    expect(formatCitation(tricky, 'chicago', MARKDOWN_CITE)).toContain('*A \\*bold\\* \\[link\\](x) \\_under\\_*. P\\|Q, 1999.');
    expect(formatCitation(web, 'apa', MARKDOWN_CITE)).toMatch(/<https:\/\/www\.britannica\.com>$/);
  });

  it('never lets escape sequences from the data through, in any style', () => {
    const hostile = book({ title: 'T\u001b]0;pwned\u0007itle\u202e', publisher: 'P\u001b[2J' });
    for (const style of ['chicago', 'apa', 'mla'] as const) {
      const out = formatCitation(
        hostile,
        style,
        terminalCite((t) => t),
      );
      expect(out).not.toMatch(/[\u001b\u0007\u202e]/);
    }
  });
});

describe('sentence case for APA', () => {
  it.each([
    ['The Great Terror: A Reassessment', 'The Great Terror: A reassessment'],
    ['The Kirov Murder and Soviet History', 'The Kirov murder and Soviet history'],
    ['Stalin and His Hangmen: The Tyrant and Those Who Killed for Him', 'Stalin and his hangmen: The tyrant and those who killed for him'],
    [
      'Years Off My Life: The Memoirs of General of the Soviet Army A. V. Gorbatov',
      'Years off my life: The memoirs of General of the Soviet Army A. V. Gorbatov',
    ],
    ['Gosudarstvennyi terror v sovetskoi Rossii', 'Gosudarstvennyi terror v sovetskoi Rossii'],
    ['NKVD Order No. 00689 of 17 October 1938', 'NKVD Order No. 00689 of 17 October 1938'],
  ])('%j', (title, expected) => {
    expect(sentenceCase(title)).toBe(expected);
  });
});

describe('BibTeX from hostile data', () => {
  const hostile = (over: Partial<Source>) => toBibtex([book({ ...over })]);
  const balanced = (bib: string) => {
    let depth = 0;
    for (const ch of bib.replace(/\\[{}]/g, '')) {
      if (ch === '{') depth++;
      if (ch === '}') depth--;
      if (depth < 0) return false;
    }
    return depth === 0;
  };

  it.each([
    { volume: '98}, note = {injected' },
    { issue: '4}}\n@misc{evil,' },
    { pages: '1017-1049{' },
    { title: 'Unbalanced } brace {{' },
    { publisher: 'Press\\}' },
    { url: 'https://example.org/a}b{c' },
  ])('%j stays balanced and inside its field', (over) => {
    const bib = hostile(over);
    expect(balanced(bib)).toBe(true);
    expect(bib.match(/^@/gm)).toHaveLength(1);
    expect(bib).not.toMatch(/note = \{injected/);
  });

  it('escapes LaTeX specials and drops escape sequences in every field', () => {
    const bib = hostile({ volume: '9_8%', issue: '#4&', pages: '1\u001b[2J0-2$0', note: 'a~b^c' });
    expect(bib).toContain('volume = {9\\_8\\%}');
    expect(bib).toContain('number = {\\#4\\&}');
    expect(bib).toContain('pages = {10--2\\$0}');
    expect(bib).toContain('note = {a\\textasciitilde{}b\\textasciicircum{}c}');
    expect(bib).not.toMatch(/\u001b/);
  });
});
