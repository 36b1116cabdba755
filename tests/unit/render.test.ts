import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureKb } from '../helpers.js';
import type { Kb } from '../../src/kb/model.js';
import { renderTable } from '../../src/render/table.js';
import { displayWidth, truncate, wrap } from '../../src/render/width.js';
import { sanitizeLine, sanitizeText } from '../../src/render/sanitize.js';
import { renderChart } from '../../src/render/chart.js';
import { chartGroups } from '../../src/kb/stats.js';
import { renderTimeline } from '../../src/render/timeline.js';
import { groupTimeline, selectEvents } from '../../src/kb/timeline.js';
import { formatCitation, PLAIN_CITE } from '../../src/render/bibliography.js';
import { toBibtex, toCslJson } from '../../src/render/bib-export.js';
import { shortCite } from '../../src/render/cite.js';
import { renderPerson } from '../../src/render/person.js';

const plain = new Chalk({ level: 0 });
let kb: Kb;
beforeAll(async () => {
  kb = await fixtureKb();
});

describe('renderTable', () => {
  const cols = [{ header: 'name' }, { header: 'note' }];
  const rows = [
    ['Kirov', 'said "no", then left'],
    ['Yezhov', 'a|b'],
  ];

  it('plain is tab-separated without box drawing', () => {
    expect(renderTable(cols, rows, 'plain', { style: plain, width: 80 })).toBe('name\tnote\nKirov\tsaid "no", then left\nYezhov\ta|b\n');
  });

  it('csv quotes commas and quotes', () => {
    expect(renderTable(cols, rows, 'csv', { style: plain, width: 80, csv: stringify })).toBe(
      'name,note\nKirov,"said ""no"", then left"\nYezhov,a|b\n',
    );
  });

  it('md escapes pipes', () => {
    expect(renderTable(cols, rows, 'md', { style: plain, width: 80 })).toContain('| Yezhov | a\\|b |');
  });

  it('table fits the width', () => {
    const long = [['Kirov', 'word '.repeat(60)]];
    for (const width of [40, 60, 100]) {
      const out = renderTable(cols, long, 'table', { style: plain, width, table: Table });
      for (const line of out.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    }
  });

  it('strips escape sequences from cells', () => {
    expect(renderTable(cols, [['\u001b]0;pwned\u0007Kirov', '\u001b[2Jx']], 'plain', { style: plain, width: 80 })).toBe(
      'name\tnote\nKirov\tx\n',
    );
  });
});

describe('width', () => {
  it('counts Cyrillic as one column and CJK as two', () => {
    expect(displayWidth('Киров')).toBe(5);
    expect(displayWidth('斯大林')).toBe(6);
    expect(displayWidth('\u001b[1mKirov\u001b[22m')).toBe(5);
  });

  it('truncates with an ellipsis within the width', () => {
    expect(truncate('Сергей Миронович Киров', 10)).toBe('Сергей Ми…');
    expect(displayWidth(truncate('斯大林斯大林', 5))).toBeLessThanOrEqual(5);
  });

  it('wraps without breaking words', () => {
    const lines = wrap('the quick brown fox jumps over the lazy dog', 15);
    expect(lines).toEqual(['the quick brown', 'fox jumps over', 'the lazy dog']);
  });
});

describe('sanitize', () => {
  it('removes CSI, OSC and control characters', () => {
    expect(sanitizeText('a\u001b[2J\u001b[Hb\u001b]2;title\u0007c\u0007d\u009b6ne\u0085')).toBe('abcde');
    expect(sanitizeLine('one\ntwo\tthree')).toBe('one two three');
  });
});

describe('renderChart', () => {
  it('never exceeds the width and draws ranges shaded', () => {
    const groups = chartGroups(kb.statistics);
    for (const width of [40, 80, 120]) {
      const out = renderChart(groups, { style: plain, width });
      for (const line of out.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    }
    const out = renderChart(groups, { style: plain, width: 80 });
    expect(out).toContain('353,074');
    expect(out).toMatch(/1937\s+█+\s+353,074/);
  });
});

describe('renderTimeline', () => {
  it('groups by era and year and shows partial dates as they are', () => {
    const out = renderTimeline(groupTimeline(kb.eras, selectEvents(kb, { from: '1934', to: '1936' })), { style: plain });
    expect(out).toBe(
      [
        'The Kirov affair (Dec 1934 - Jul 1936)',
        '1934',
        '  1 Dec 1934   party           Sergei Kirov assassinated in Leningrad',
        '  1 Dec 1934   party           Decree of 1 December 1934 on terrorist cases',
        '',
        'The Great Terror (Aug 1936 - Nov 1938)',
        '1936',
        '  19 Aug 1936  trial           First Moscow trial: the Trial of the Sixteen',
        '  26 Sep 1936  nkvd            Yezhov becomes NKVD chief',
        '',
      ].join('\n'),
    );
  });

  it('cuts titles to the terminal width', () => {
    const out = renderTimeline(groupTimeline(kb.eras, selectEvents(kb, {})), { style: plain, width: 50 });
    for (const line of out.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(50);
  });
});

describe('citations', () => {
  const grz = () => kb.sources.find((s) => s.id === 'getty-rittersporn-zemskov-1993')!;
  const lenoe = () => kb.sources.find((s) => s.id === 'lenoe-2010')!;

  it('short-cites one, two and many authors', () => {
    expect(shortCite(lenoe())).toBe('Lenoe 2010');
    expect(shortCite(grz())).toBe('Getty et al. 1993');
  });

  it('formats Chicago 17, APA 7 and MLA 9, each its own way', () => {
    expect(formatCitation(lenoe(), 'chicago', PLAIN_CITE)).toBe(
      'Lenoe, Matthew E. The Kirov Murder and Soviet History. Yale University Press, 2010.',
    );
    // APA 7: initials, year after the authors, sentence-case title (proper nouns kept).
    expect(formatCitation(lenoe(), 'apa', PLAIN_CITE)).toBe(
      'Lenoe, M. E. (2010). The Kirov murder and Soviet history. Yale University Press.',
    );
    // MLA 9: a university press is "UP".
    expect(formatCitation(lenoe(), 'mla', PLAIN_CITE)).toBe('Lenoe, Matthew E. The Kirov Murder and Soviet History. Yale UP, 2010.');
    expect(formatCitation(grz(), 'chicago', PLAIN_CITE)).toBe(
      'Getty, J. Arch, Gábor T. Rittersporn, and Viktor N. Zemskov. "Victims of the Soviet Penal System in the Pre-war Years: A First Approach on the Basis of Archival Evidence." American Historical Review 98, no. 4 (1993): 1017-1049.',
    );
    expect(formatCitation(grz(), 'apa', PLAIN_CITE)).toBe(
      'Getty, J. A., Rittersporn, G. T., & Zemskov, V. N. (1993). Victims of the Soviet penal system in the pre-war years: A first approach on the basis of archival evidence. American Historical Review, 98(4), 1017–1049.',
    );
    // MLA 9: "et al." from three authors; vol., no., year, pp. with the range shortened.
    expect(formatCitation(grz(), 'mla', PLAIN_CITE)).toBe(
      'Getty, J. Arch, et al. "Victims of the Soviet Penal System in the Pre-war Years: A First Approach on the Basis of Archival Evidence." American Historical Review, vol. 98, no. 4, 1993, pp. 1017-49.',
    );
  });

  it('exports BibTeX and CSL-JSON', () => {
    const bib = toBibtex([grz()]);
    expect(bib).toMatch(/^@article\{getty-rittersporn-zemskov-1993,/);
    expect(bib).toContain('author = {Getty, J. Arch and Rittersporn, Gábor T. and Zemskov, Viktor N.}');
    expect(bib).toContain('pages = {1017--1049}');
    expect(toCslJson([lenoe()])).toEqual([
      {
        id: 'lenoe-2010',
        type: 'book',
        author: [{ family: 'Lenoe', given: 'Matthew E.' }],
        title: 'The Kirov Murder and Soviet History',
        issued: { 'date-parts': [[2010]] },
        publisher: 'Yale University Press',
      },
    ]);
  });
});

describe('renderPerson', () => {
  it('shows life, age, fate, repression, events and numbered sources', () => {
    const p = kb.person('yezhov')!;
    const out = renderPerson(
      { person: p, events: kb.eventsOf('yezhov'), sources: p.sources.map((s) => kb.source(s)) },
      { style: plain, width: 80 },
    );
    expect(out).toContain('Nikolai Yezhov  Николай Иванович Ежов');
    expect(out).toContain('1 May 1895 - 4 February 1940 (aged 44)');
    expect(out).toMatch(/Executed\s+4 February 1940/);
    expect(out).toMatch(/Rehabilitated\s+refused \(June 1998\)/);
    expect(out).toMatch(/30 Jul 1937\s+nkvd-order\s+NKVD Order 00447/);
    expect(out).toContain("[1] Jansen, Marc, and Nikita Petrov. Stalin's Loyal Executioner");
    for (const line of out.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });
});

describe('plainStyle', () => {
  it('returns text unchanged through any chain, like chalk at level 0, and is not a thenable', async () => {
    const { plainStyle } = await import('../../src/render/style.js');
    expect(plainStyle.bold.underline('Kirov')).toBe('Kirov');
    expect(plainStyle.red('a', 'b')).toBe('a b');
    expect(plainStyle.level).toBe(0);
    await expect(Promise.resolve(plainStyle)).resolves.toBe(plainStyle);
  });
});

describe('era headings', () => {
  it('never leave a bracket alone on a line, at any width, for every bundled era', async () => {
    const { bundledKb } = await import('../helpers.js');
    const real = await bundledKb();
    const groups = groupTimeline(real.eras, real.events);
    for (let width = 20; width <= 120; width++) {
      const out = renderTimeline(groups, { style: plain, width });
      const headings = out.split('\n').filter((l) => l !== '' && !l.startsWith(' ') && !/^\d{4}$/.test(l));
      expect(headings.length).toBeGreaterThanOrEqual(real.eras.length);
      for (const line of headings) {
        expect(line.trim()).not.toMatch(/^[()]$/);
        expect(displayWidth(line)).toBeLessThanOrEqual(width);
      }
    }
  });
});

describe('role dates', () => {
  const withRoles = (roles: Array<{ title: string; from?: string; to?: string }>) => {
    const p = { ...kb.person('kirov')!, roles };
    return renderPerson({ person: p, events: [], sources: [] }, { style: plain, width: 80 });
  };

  it.each([
    [{ from: '1937-05', to: '1937-05' }, '  May 1937  Title'],
    [{ from: '1941', to: '1941' }, '  1941  Title'],
    [{ from: '1941-06-22', to: '1941-06-22' }, '  22 Jun 1941  Title'],
    [{ from: '1937-05', to: '1937-09' }, '  May-Sep 1937  Title'],
    [{ from: '1926' }, '  from 1926  Title'],
    [{ to: '1938' }, '  until 1938  Title'],
  ])('%j reads %j', (dates, line) => {
    expect(withRoles([{ title: 'Title', ...dates }])).toContain(`Roles\n${line}\n`);
  });

  it('leaves no empty date column when no role is dated', () => {
    expect(withRoles([{ title: 'Undated post' }, { title: 'Another' }])).toContain('Roles\n  Undated post\n  Another\n');
  });

  it('keeps the column when some roles are dated', () => {
    expect(withRoles([{ title: 'Dated', from: '1930', to: '1931' }, { title: 'Undated' }])).toContain(
      'Roles\n  1930 - 1931  Dated\n               Undated\n',
    );
  });
});

describe('chart', () => {
  it('says what it plots, and its legend fits at 40 and 60 columns in colour', async () => {
    const { bundledKb } = await import('../helpers.js');
    const real = await bundledKb();
    const color = new Chalk({ level: 1 });
    for (const width of [40, 60, 80]) {
      const out = renderChart(chartGroups(real.statistics.filter((s) => s.category === 'executions')), { style: color, width });
      const plainOut = out.replace(/\u001b\[[0-9;]*m/g, '');
      for (const line of plainOut.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      expect(plainOut).toContain('red: archival count');
      expect(plainOut).toContain('yellow: estimate');
      expect(plainOut.replace(/\n/g, ' ')).toContain('People sentenced to death in secret-police cases, by year (people)');
      expect(plainOut.replace(/\n/g, ' ')).toContain('Death sentences and executions (people)');
      // Labels wrap instead of being cut.
      expect(plainOut).not.toContain('…');
      expect(plainOut).toContain('(Katyn');
    }
  });
});
