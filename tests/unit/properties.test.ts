/** Property tests (fast-check): laws that must hold for any input, not just the examples. */
import fc from 'fast-check';
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { compareDates, daysInMonth, endDay, formatDate, parseDate, startDay } from '../../src/kb/dates.js';
import { normalize } from '../../src/kb/normalize.js';
import { renderTable, TABLE_FORMATS } from '../../src/render/table.js';
import { displayWidth, wrap } from '../../src/render/width.js';
import { renderTimeline } from '../../src/render/timeline.js';
import { renderChart } from '../../src/render/chart.js';
import { groupTimeline, selectEvents } from '../../src/kb/timeline.js';
import { chartGroups } from '../../src/kb/stats.js';
import { Kb } from '../../src/kb/model.js';
import { generateQuestions } from '../../src/quiz/generate.js';
import { seededRandom } from '../../src/quiz/random.js';
import { isCorrect } from '../../src/quiz/score.js';
import { checkIntegrity, checkShapes } from '../../src/kb/check.js';
import type { KnowledgeBase } from '../../src/kb/schema.js';
import { EVENT_CATEGORIES, FATES } from '../../src/kb/vocab.js';

const plain = new Chalk({ level: 0 });
const pad = (n: number) => String(n).padStart(2, '0');

/** Any valid partial date between 1800 and 2100. */
const partialDate = fc
  .record({
    year: fc.integer({ min: 1800, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    precision: fc.constantFrom('year', 'month', 'day'),
  })
  .map(({ year, month, day, precision }) =>
    precision === 'year'
      ? `${year}`
      : precision === 'month'
        ? `${year}-${pad(month)}`
        : `${year}-${pad(month)}-${pad(Math.min(day, daysInMonth(year, month)))}`,
  );

describe('dates', () => {
  it('parse and print back to the same ISO string', () => {
    fc.assert(
      fc.property(partialDate, (d) => {
        const p = parseDate(d)!;
        const back = [p.year, p.month, p.day]
          .filter((x) => x !== undefined)
          .map((x, i) => (i === 0 ? String(x) : pad(x!)))
          .join('-');
        expect(back).toBe(d);
      }),
    );
  });

  it('format at their own precision: a year never becomes 1 January', () => {
    fc.assert(
      fc.property(partialDate, (d) => {
        const text = formatDate(d);
        const parts = text.split(' ').length;
        expect(parts).toBe(d.length === 4 ? 1 : d.length === 7 ? 2 : 3);
      }),
    );
  });

  it('order is a total order consistent with the days covered', () => {
    fc.assert(
      fc.property(partialDate, partialDate, partialDate, (a, b, c) => {
        expect(Math.sign(compareDates(a, b)) + 0).toBe(-Math.sign(compareDates(b, a)) + 0);
        if (compareDates(a, b) <= 0 && compareDates(b, c) <= 0) expect(compareDates(a, c)).toBeLessThanOrEqual(0);
        if (startDay(a) < startDay(b)) expect(compareDates(a, b)).toBeLessThan(0);
        expect(startDay(a)).toBeLessThanOrEqual(endDay(a));
      }),
    );
  });
});

describe('search normalisation', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(normalize(normalize(s))).toBe(normalize(s));
      }),
    );
  });

  it('ignores case and diacritics', () => {
    const letters = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzабвгдежзийклмнопрстуфхцчшщыэюя '.split('')) });
    fc.assert(
      fc.property(letters, (s) => {
        expect(normalize(s.toUpperCase())).toBe(normalize(s));
        const accented = s.replace(/a/g, 'á').replace(/e/g, 'ë').replace(/u/g, 'ü').replace(/c/g, 'ç');
        expect(normalize(accented)).toBe(normalize(s));
      }),
    );
  });
});

/** Any printable text, including Cyrillic, CJK, combining marks and escape sequences. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom('Ж', '斯', 'e\u0301', 'a', ' ', '\u001b[2J', '-', 'W'), maxLength: 80 }),
);

describe('renderers never exceed the width', () => {
  it('tables', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { minLength: 3, maxLength: 3 }), { maxLength: 6 }),
        fc.integer({ min: 40, max: 160 }),
        (rows, width) => {
          const out = renderTable([{ header: 'a' }, { header: 'b' }, { header: 'c' }], rows, 'table', {
            style: plain,
            width,
            table: Table,
          });
          for (const line of out.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
          for (const format of TABLE_FORMATS)
            expect(() =>
              renderTable([{ header: 'a' }, { header: 'b' }, { header: 'c' }], rows, format, {
                style: plain,
                width,
                csv: stringify,
                table: Table,
              }),
            ).not.toThrow();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('wrapped text', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 12, max: 120 }), (t, width) => {
        for (const line of wrap(t, width, '  ')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      }),
    );
  });
});

/** A random valid knowledge base: sources, people, events, statistics, claims. */
const randomKb = fc
  .record({
    people: fc.array(fc.record({ name: text, born: partialDate, fate: fc.constantFrom(...FATES), role: text }), {
      minLength: 1,
      maxLength: 12,
    }),
    events: fc.array(fc.record({ title: text, date: partialDate, category: fc.constantFrom(...EVENT_CATEGORIES), who: fc.nat() }), {
      minLength: 1,
      maxLength: 20,
    }),
    stats: fc.array(fc.record({ label: text, value: fc.integer({ min: 0, max: 5_000_000 }), range: fc.boolean() }), { maxLength: 8 }),
    claims: fc.array(fc.record({ claim: text, verdict: fc.constantFrom('accurate', 'inaccurate', 'disputed', 'unsupported' as const) }), {
      maxLength: 5,
    }),
  })
  .map(({ people, events, stats, claims }): KnowledgeBase => {
    const src = ['s1'];
    const nonEmpty = (t: string, fallback: string) => (/\S/.test(t) ? t : fallback);
    return {
      sources: [{ id: 's1', authors: ['A Author'], title: 'T', year: 2000, kind: 'scholarly' }],
      people: people.map((p, i) => ({
        id: `p${i}`,
        name: nonEmpty(p.name, `Person ${i}`),
        aliases: [],
        born: p.born,
        fate: p.fate,
        roles: [{ title: `${nonEmpty(p.role, `Role ${i}`)} number ${i} here`, from: p.born }],
        summary: 'S.',
        sources: src,
      })),
      events: events.map((e, i) => ({
        id: `e${i}`,
        date: e.date,
        title: nonEmpty(e.title, `Event ${i}`),
        summary: 'S.',
        category: e.category,
        people: [`p${e.who % people.length}`],
        sources: src,
      })),
      statistics: stats.map((s, i) => ({
        id: `s${i}`,
        label: nonEmpty(s.label, `Stat ${i}`),
        ...(s.range ? { low: s.value, high: s.value * 2 + 1 } : { value: s.value }),
        unit: 'people',
        period: { from: '1937', to: '1938' },
        category: 'executions',
        basis: 'estimate',
        sources: src,
      })),
      eras: [],
      claims: claims.map((c, i) => ({
        id: `c${i}`,
        claim: nonEmpty(c.claim, `Claim ${i}`),
        origin: 'o',
        verdict: c.verdict,
        explanation: 'E.',
        sources: src,
      })),
    };
  });

describe('over random valid knowledge bases', () => {
  it('the generator makes packs the checks accept', () => {
    fc.assert(
      fc.property(randomKb, (data) => {
        const raw = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { file: `${k}.json`, data: structuredClone(v) }]));
        const { pack, problems } = checkShapes(raw);
        expect(problems).toEqual([]);
        expect(checkIntegrity(pack, Object.fromEntries(Object.keys(data).map((k) => [k, `${k}.json`])))).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('quiz questions are answerable, with distinct choices', () => {
    fc.assert(
      fc.property(randomKb, fc.string(), (data, seed) => {
        const kb = new Kb(data);
        for (const q of generateQuestions(kb, { topic: 'all' }, 15, seededRandom(seed))) {
          expect(new Set(q.choices).size).toBe(q.choices.length);
          if (q.answerMode === 'choice') expect(q.choices.filter((c) => c === q.answer)).toHaveLength(1);
          if (q.answerMode === 'order') expect(isCorrect(q, q.order!)).toBe(true);
          if (q.answerMode === 'year') expect(isCorrect(q, q.answer.slice(0, 4))).toBe(true);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('timelines and charts fit the width', () => {
    fc.assert(
      fc.property(randomKb, fc.integer({ min: 40, max: 140 }), (data, width) => {
        const kb = new Kb(data);
        const lines = [
          ...renderTimeline(groupTimeline(kb.eras, selectEvents(kb, {})), { style: plain, width }).split('\n'),
          ...renderChart(chartGroups(kb.statistics), { style: plain, width }).split('\n'),
        ];
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      }),
      { numRuns: 60 },
    );
  });
});
