/**
 * Checks over the bundled data that the schema cannot express: volume, sourcing rules,
 * cross-record consistency of dates, coverage of the eras, and near-duplicate people.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledKb } from '../helpers.js';
import type { Kb } from '../../src/kb/model.js';
import { endDay, startDay, yearOf } from '../../src/kb/dates.js';
import { normalize } from '../../src/kb/normalize.js';

let kb: Kb;
beforeAll(async () => {
  kb = await bundledKb();
});

describe('volume', () => {
  it('has at least the promised number of records', () => {
    expect(kb.people.length).toBeGreaterThanOrEqual(160);
    expect(kb.events.length).toBeGreaterThanOrEqual(260);
    expect(kb.statistics.length).toBeGreaterThanOrEqual(120);
    expect(kb.sources.length).toBeGreaterThanOrEqual(180);
    expect(kb.claims.length).toBeGreaterThanOrEqual(30);
    expect(kb.eras.length).toBeGreaterThanOrEqual(6);
  });

  it('spans 1922-1991 with at least 60 events in 1934-1938', () => {
    const years = kb.events.map((e) => yearOf(e.date));
    expect(Math.min(...years)).toBeLessThanOrEqual(1922);
    expect(Math.max(...years)).toBeGreaterThanOrEqual(1991);
    expect(years.filter((y) => y >= 1934 && y <= 1938).length).toBeGreaterThanOrEqual(60);
  });
});

describe('sourcing', () => {
  it('cites a scholarly, archival or published primary work for every statistic', () => {
    for (const s of kb.statistics) {
      const kinds = s.sources.map((id) => kb.source(id).kind);
      expect(
        kinds.some((k) => k === 'scholarly' || k === 'archival' || k === 'primary'),
        s.id,
      ).toBe(true);
    }
  });

  it('cites every source at least once', () => {
    const cited = new Set<string>();
    for (const r of [...kb.people, ...kb.events, ...kb.statistics, ...kb.claims, ...kb.eras]) r.sources.forEach((s) => cited.add(s));
    kb.claims.forEach((c) => c.originSource && cited.add(c.originSource));
    expect(kb.sources.filter((s) => !cited.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it('checks the Siberian Light article claims, with the article as their origin', () => {
    expect(kb.claims.filter((c) => c.originSource === 'siberianlight-purges').length).toBeGreaterThanOrEqual(10);
    expect(kb.claims.filter((c) => c.originSource !== 'siberianlight-purges').length).toBeGreaterThanOrEqual(5);
  });
});

describe('archival series', () => {
  // The 1953 MVD table: every year from 1921 to 1953 once, adding up to its printed total.
  const series: Array<[string, string]> = [
    ['executions-by-year', 'executions-1921-1953-archival'],
    ['convictions-by-year', 'convictions-1921-1953-archival'],
  ];
  for (const [name, totalId] of series) {
    it(`${name} has each year 1921-1953 once and adds up to ${totalId}`, () => {
      const rows = kb.statistics.filter((s) => s.series === name);
      const years = rows.map((s) => yearOf(s.period.from)).sort((a, b) => a - b);
      expect(years).toEqual(Array.from({ length: 33 }, (_, i) => 1921 + i));
      const total = kb.statistics.find((s) => s.id === totalId)!;
      expect(rows.reduce((sum, s) => sum + s.value!, 0)).toBe(total.value);
    });
  }
});

describe('names', () => {
  it('gives a Cyrillic name to every Soviet person', () => {
    // People who were not Soviet citizens have a name in their own script, or none beyond the Latin one.
    const nonSoviet = new Set(['mercader', 'wallenberg', 'neumann-heinz', 'buber-neumann', 'eberlein', 'remmele']);
    for (const p of kb.people) if (!nonSoviet.has(p.id)) expect(p.nativeName, p.id).toMatch(/[\u0400-\u04ff]/);
  });

  it('has no two people with the same normalised name', () => {
    const seen = new Map<string, string>();
    for (const p of kb.people) {
      const key = normalize(p.name);
      expect(seen.get(key), `${p.id} and ${seen.get(key)}`).toBeUndefined();
      seen.set(key, p.id);
    }
  });
});

describe('dates agree across records', () => {
  // The execution and death-event dates are checked in general by rules.test.ts (personEventProblems).
  it("dates Kirov's death on the day of the assassination", () => {
    expect(kb.person('kirov')?.died).toBe('1934-12-01');
    expect(kb.events.find((e) => e.id === 'kirov-assassination')?.date).toBe('1934-12-01');
  });

  it('keeps roles within a life', () => {
    for (const p of kb.people) {
      for (const r of p.roles) {
        if (r.from) expect(endDay(r.from) >= startDay(p.born), `${p.id}: ${r.title}`).toBe(true);
        if (r.to && p.died) expect(startDay(r.to) <= endDay(p.died), `${p.id}: ${r.title}`).toBe(true);
      }
    }
  });

  it('has no event about a person before their birth', () => {
    for (const e of kb.events) {
      for (const id of e.people) {
        const p = kb.person(id)!;
        expect(endDay(e.endDate ?? e.date) >= startDay(p.born), `${e.id} / ${id}`).toBe(true);
      }
    }
  });
});

describe('eras', () => {
  it('cover 1922-1991 without gaps or overlaps', () => {
    const eras = kb.eras;
    expect(yearOf(eras[0]!.from)).toBeLessThanOrEqual(1922);
    expect(yearOf(eras.at(-1)!.to)).toBeGreaterThanOrEqual(1991);
    for (let i = 1; i < eras.length; i++) {
      expect(startDay(eras[i]!.from), `${eras[i - 1]!.id} -> ${eras[i]!.id}`).toBe(endDay(eras[i - 1]!.to) + 1);
    }
  });
});

describe('build output', () => {
  it('ships a search index that matches the bundled data', async () => {
    const { readFileSync } = await import('node:fs');
    const { buildSearchIndex } = await import('../../src/kb/search.js');
    const shipped = JSON.parse(readFileSync('dist/search-index.json', 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(buildSearchIndex(kb))));
  });
});
