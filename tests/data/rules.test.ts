/**
 * The sourcing and consistency rules (rules.ts): first each rule on small hand-made records, so
 * that a rule that stops catching what it should fails here; then every rule on the bundled data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Kb } from '../../src/kb/model.js';
import type { Event, Person, Source } from '../../src/kb/schema.js';
import { bundledKb } from '../helpers.js';
import {
  agrees,
  executionProblems,
  laterSourceProblems,
  MAX_SINGLE_SOURCE,
  mentionedEventProblems,
  personEventProblems,
  type RuleData,
  rehabilitationProblems,
  roleProblems,
  sourcingProblems,
} from './rules.js';

const src = (id: string, year?: number, title = id): Source => ({ id, authors: ['A. Author'], title, year, kind: 'scholarly' });
const person = (over: Partial<Person> & { id: string }): Person => ({
  name: over.id,
  aliases: [],
  born: '1890',
  fate: 'survived',
  roles: [],
  summary: 'A person.',
  sources: ['a-1990', 'b-2000'],
  ...over,
});
const event = (over: Partial<Event> & { id: string; date: string }): Event => ({
  title: 'An event',
  summary: 'Something happened.',
  category: 'party',
  people: [],
  sources: ['a-1990', 'b-2000'],
  ...over,
});
const base = (people: Person[] = [], events: Event[] = []): RuleData => ({
  sources: [src('a-1990', 1990), src('b-2000', 2000), src('c-1960', 1960), src('undated'), src('a-copy', 1990, 'a-1990')],
  people,
  events,
});

describe('agrees', () => {
  it('compares dates at their shared precision', () => {
    expect(agrees('1938', '1938-03-15')).toBe(true);
    expect(agrees('1938-03', '1938-03-15')).toBe(true);
    expect(agrees('1938-03-14', '1938-03-15')).toBe(false);
    expect(agrees('1940-08-21', '1940-08-20', '1940-08-21')).toBe(true);
    expect(agrees('1940-08-22', '1940-08-20', '1940-08-21')).toBe(false);
  });
});

describe('sourcingProblems', () => {
  it('flags a single source without a note, and the same work cited under two ids', () => {
    const data = base([person({ id: 'p', sources: ['a-1990'] }), person({ id: 'q', sources: ['a-1990', 'a-copy'] })]);
    expect(sourcingProblems(data)).toEqual([
      'person p: one source (a-1990) and no sourceNote saying why',
      'person q: one source (a-1990, a-copy) and no sourceNote saying why',
    ]);
  });

  it('accepts a noted single source, but not more than the allowed number', () => {
    const noted = (i: number) => person({ id: `p${i}`, sources: ['a-1990'], sourceNote: 'The only study.' });
    expect(sourcingProblems(base([noted(1)]))).toEqual([]);
    const many = Array.from({ length: MAX_SINGLE_SOURCE + 1 }, (_, i) => noted(i));
    expect(sourcingProblems(base(many))).toEqual([
      `${MAX_SINGLE_SOURCE + 1} people and events rest on one source (at most ${MAX_SINGLE_SOURCE})`,
    ]);
  });

  it('flags a leftover note on a record with two sources', () => {
    expect(sourcingProblems(base([], [event({ id: 'e', date: '1937', sourceNote: 'x' })]))).toEqual([
      'event e: has 2 sources but keeps a sourceNote for a single source',
    ]);
  });
});

describe('laterSourceProblems', () => {
  it('needs a source from the year of the fact or later; an undated source does not count', () => {
    const data = base(
      [
        person({ id: 'late', died: '1996-02-24', sources: ['a-1990', 'undated'] }),
        person({ id: 'ok', died: '1990', sources: ['a-1990', 'c-1960'] }),
      ],
      [event({ id: 'e', date: '1995', endDate: '2001', sources: ['a-1990', 'b-2000'] })],
    );
    expect(laterSourceProblems(data)).toEqual([
      'person late (death): fact of 1996 cited only to works of 1990, n.d.',
      'event e: fact of 2001 cited only to works of 1990, 2000',
    ]);
  });
});

describe('personEventProblems', () => {
  it('dates a death event on the day of death, a span covering it', () => {
    const p = person({ id: 'trotsky', died: '1940-08-21', fate: 'assassinated' });
    const ok = event({ id: 'trotsky-assassination', date: '1940-08-20', endDate: '1940-08-21', people: ['trotsky'] });
    const bad = event({ id: 'trotsky-assassination', date: '1940-08-20', people: ['trotsky'] });
    expect(personEventProblems(base([p], [ok]))).toEqual([]);
    expect(personEventProblems(base([p], [bad]))).toEqual(['trotsky died 1940-08-21, but trotsky-assassination is dated 1940-08-20']);
  });

  it('finds the victim of an execution event by its parts', () => {
    const p = person({ id: 'x', died: '1938-03-15', fate: 'executed' });
    const e = event({ id: 'shooting', date: '1938-03-14', title: 'X shot', people: ['x', 'y'], parts: { x: 'victim', y: 'perpetrator' } });
    expect(personEventProblems(base([p, person({ id: 'y' })], [e]))).toEqual(['x died 1938-03-15, but shooting is dated 1938-03-14']);
  });

  it('finds the people a death event names in its title, but not its perpetrators', () => {
    const k = person({ id: 'kosior', name: 'Stanislav Kosior', died: '1939-02-26', fate: 'executed' });
    const c = person({ id: 'chubar', name: 'Vlas Chubar', died: '1939-02-25', fate: 'executed' });
    const s = person({ id: 'stalin', name: 'Joseph Stalin', died: '1953-03-05', fate: 'natural-death' });
    const e = event({
      id: 'shot',
      date: '1939-02-26',
      title: "Stalin approves Kosior's list: Kosior and Chubar shot",
      people: ['kosior', 'chubar', 'stalin'],
    });
    expect(personEventProblems(base([k, c, s], [e]))).toEqual(['chubar died 1939-02-25, but shot is dated 1939-02-26']);
  });

  it('checks arrests, a defendant’s sentence and rehabilitation', () => {
    const p = person({
      id: 'k',
      died: '1938-03-15',
      fate: 'executed',
      repression: { arrested: '1937-05', sentenced: '1938-03-13', executed: '1938-03-15', rehabilitated: '1990' },
    });
    const events = [
      event({ id: 'k-arrest', date: '1937-06-02', title: 'K arrested', people: ['k'] }),
      event({ id: 'trial', date: '1938-03-02', endDate: '1938-03-12', category: 'trial', people: ['k'], parts: { k: 'defendant' } }),
      event({ id: 'rehab', date: '1988-02-04', title: 'Defendants rehabilitated', people: ['k'] }),
    ];
    expect(personEventProblems(base([p], events))).toEqual([
      'k arrested 1937-05, but k-arrest is dated 1937-06-02',
      'k sentenced 1938-03-13, outside trial (1938-03-02..1938-03-12)',
      'k rehabilitated 1990, after rehab (1988-02-04) that rehabilitated them',
    ]);
  });

  it('needs a rehabilitation date for a victim in a rehabilitation event, unless the summary says the year is unsettled', () => {
    const e = event({ id: 'rehab', date: '1988-02-04', title: 'Verdict quashed', people: ['v', 'w', 'official'] });
    const v = person({ id: 'v', repression: { arrested: '1937' } });
    const w = person({
      id: 'w',
      repression: { arrested: '1937' },
      summary: 'He was rehabilitated in the 1960s (sources give 1965 or 1966).',
    });
    expect(personEventProblems(base([v, w, person({ id: 'official' })], [e]))).toEqual([
      'v is in rehab (1988-02-04) but has no repression.rehabilitated date',
    ]);
  });

  it('keeps the case record inside the life', () => {
    const p = person({ id: 'z', died: '1938', fate: 'executed', repression: { executed: '1939-01-01' } });
    expect(personEventProblems(base([p]))).toEqual(['z: executed 1939-01-01 but died 1938', 'z: executed 1939-01-01 after death 1938']);
  });
});

describe('rehabilitationProblems', () => {
  it('asks for the date when a summary says the person was rehabilitated', () => {
    const data = base([
      person({ id: 'a', summary: 'He was shot. He was posthumously rehabilitated.', repression: { arrested: '1937' } }),
      person({ id: 'b', summary: 'He was posthumously rehabilitated in 1956.', repression: { rehabilitated: '1956' } }),
      person({ id: 'c', summary: 'She campaigned for Bukharin’s rehabilitation.' }),
      person({ id: 'd', summary: 'He was never rehabilitated.' }),
      person({ id: 'e', summary: 'The court refused to rehabilitate him in 1998.' }),
      person({ id: 'f', summary: 'He was shot and rehabilitated on 14 March 1956.', repression: { rehabilitated: '1956-03-15' } }),
    ]);
    expect(rehabilitationProblems(data)).toEqual([
      'a: summary says rehabilitated, but no repression.rehabilitated: "He was posthumously rehabilitated."',
      'e: summary says rehabilitation was refused, but no repression.rehabilitationRefused: "The court refused to rehabilitate him in 1998."',
      'f: summary dates the rehabilitation 1956-03-14, but repression.rehabilitated is 1956-03-15',
    ]);
  });
});

describe('executionProblems', () => {
  it('checks the fate and the date a summary gives for a shooting', () => {
    const data = base([
      person({ id: 'a', fate: 'died-in-custody', died: '1938-11-09', summary: 'He was shot in 1938.' }),
      person({ id: 'b', fate: 'executed', died: '1938-03-15', summary: 'He was shot on 14 March 1938.' }),
      person({ id: 'c', fate: 'executed', died: '1938-03-15', summary: 'He was shot on 15 March 1938; his wife was shot in 1941.' }),
      person({ id: 'd', fate: 'assassinated', died: '1934-12-01', summary: 'He was shot by Nikolaev in December 1934.' }),
      person({ id: 'e', fate: 'suicide', died: '1941-02-10', summary: 'He was found shot in a hotel room on 10 February 1941.' }),
    ]);
    expect(executionProblems(data)).toEqual([
      'a: summary says shot, but fate is died-in-custody: "He was shot in 1938."',
      'b: summary dates the shooting 1938-03-14, but died 1938-03-15',
    ]);
  });
});

describe('mentionedEventProblems', () => {
  it('finds a person whose summary names an event that does not list them', () => {
    const e = event({ id: 'trial-2', date: '1937-01-23', category: 'trial', aliases: ['second Moscow trial'], people: ['a'] });
    const board = event({ id: 'oso', date: '1934-11', category: 'nkvd', aliases: ['Special Board'] });
    const data = base(
      [
        person({ id: 'a', summary: 'Tried at the second Moscow trial.' }),
        person({ id: 'b', summary: 'A witness at the Second Moscow Trial; sentenced by the Special Board.' }),
      ],
      [e, board],
    );
    expect(mentionedEventProblems(data)).toEqual(['b: summary names "second Moscow trial", but trial-2 does not list them']);
  });
});

describe('roleProblems', () => {
  it('needs a kind on every role and exactly one primary role', () => {
    const data = base([
      person({
        id: 'a',
        roles: [
          { title: 'Marshal', kind: 'rank' },
          { title: 'Commissar', kind: 'post' },
        ],
      }),
      person({ id: 'b', roles: [{ title: 'Commissar', primary: true }] }),
    ]);
    expect(roleProblems(data)).toEqual(['a: 0 primary roles (exactly one expected)', 'b: role "Commissar" has no kind']);
  });
});

describe('the bundled knowledge base', () => {
  let kb: Kb;
  beforeAll(async () => {
    kb = await bundledKb();
  });

  it('gives people and events two independent sources, or a note saying why not', () => expect(sourcingProblems(kb)).toEqual([]));
  it('never rests a fact only on works published before it', () => expect(laterSourceProblems(kb)).toEqual([]));
  it('agrees with its events on deaths, arrests, sentences and rehabilitations', () => expect(personEventProblems(kb)).toEqual([]));
  it('records the rehabilitation a summary mentions', () => expect(rehabilitationProblems(kb)).toEqual([]));
  it('agrees with its summaries on who was shot and when', () => expect(executionProblems(kb)).toEqual([]));
  it('lists a person in the events their summary names', () => expect(mentionedEventProblems(kb)).toEqual([]));
  it('gives every role a kind and each person one primary role', () => expect(roleProblems(kb)).toEqual([]));
});
