/** Mapping a CSV list of people to records: headers, --map, dates, and each reason a row is refused. */
import { describe, expect, it } from 'vitest';
import { importDate, parseColumnMap, planColumns, type RowDefaults, rowToPerson } from '../../src/kb/csv-people.js';

const defaults: RowDefaults = { sources: ['memorial-lists'], idPrefix: 'list', knownSource: (id) => id === 'memorial-lists' };
const fields = (headers: string[], map?: string) =>
  planColumns(headers, map === undefined ? undefined : parseColumnMap(map)).columns.map((c) => `${c.header}>${c.field}`);

describe('planColumns', () => {
  it('maps known headers in English and Russian, name parts as given name, patronymic, surname', () => {
    expect(fields(['Surname', 'First name', 'Patronymic', 'Year of birth', 'Arrest date', 'Sentence'])).toEqual([
      'First name>name',
      'Patronymic>name',
      'Surname>name',
      'Year of birth>born',
      'Arrest date>arrested',
      'Sentence>sentence',
    ]);
    expect(fields(['Фамилия', 'Имя', 'Год рождения', 'Дата расстрела', 'Дата реабилитации'])).toEqual([
      'Имя>name',
      'Фамилия>name',
      'Год рождения>born',
      'Дата расстрела>executed',
      'Дата реабилитации>rehabilitated',
    ]);
  });

  it('lets --map choose, reorder and ignore columns, and lists what nothing took', () => {
    expect(fields(['Fam', 'Giv', 'Y', 'Notes'], 'Giv=name,Fam=name,Y=born,Notes=-')).toEqual(['Giv>name', 'Fam>name', 'Y>born']);
    expect(planColumns(['Name', 'Born', 'Birthplace', ''], new Map()).ignored).toEqual(['Birthplace']);
  });

  it('refuses a --map naming a missing column or an unknown field, with a suggestion', () => {
    expect(() => planColumns(['Surname'], parseColumnMap('Surnam=name'))).toThrow(/does not have.*Surname/);
    expect(() => parseColumnMap('Surname=nam')).toThrow(/not a field.*name/);
    expect(() => parseColumnMap('Surname')).toThrow(/HEADER=FIELD/);
  });
});

describe('importDate', () => {
  it.each([
    ['1937', '1937'],
    ['1937-08', '1937-08'],
    ['1937-08-05', '1937-08-05'],
    ['05.08.1937', '1937-08-05'],
    ['5.8.1937', '1937-08-05'],
    ['08.1937', '1937-08'],
    ['1937 г.', '1937'],
    [' 1937г ', '1937'],
  ])('reads %j as %j', (text, iso) => expect(importDate(text)).toBe(iso));

  it.each(['31.02.1937', '1937-13', 'abc', '37', '1937/08/05', ''])('refuses %j', (text) => expect(importDate(text)).toBeUndefined());
});

describe('rowToPerson', () => {
  const plan = planColumns(['Surname', 'First name', 'Born', 'Arrested', 'Sentence', 'Executed', 'Fate', 'Source']);
  const row = (over: Partial<Record<string, string>> = {}) => {
    const r = {
      Surname: 'Ivanov',
      'First name': 'Ivan',
      Born: '1899',
      Arrested: '05.08.1937',
      Sentence: 'VMN',
      Executed: '15.09.1937',
      Fate: '',
      Source: '',
      ...over,
    };
    return ['Surname', 'First name', 'Born', 'Arrested', 'Sentence', 'Executed', 'Fate', 'Source'].map((k) => r[k as keyof typeof r] ?? '');
  };

  it('makes a record from the row alone: id from the line, fate and death from the execution, a summary of its facts', () => {
    const r = rowToPerson(row(), plan, defaults, 12);
    expect(r).toEqual({
      person: expect.objectContaining({
        id: 'list-12',
        name: 'Ivan Ivanov',
        born: '1899',
        died: '1937-09-15',
        fate: 'executed',
        sources: ['memorial-lists'],
        repression: { arrested: '1937-08-05', sentence: 'VMN', executed: '1937-09-15' },
        summary: 'Born 1899. Arrested 5 Aug 1937; sentenced (VMN); executed 15 Sep 1937.',
      }),
    });
  });

  it.each([
    [{ Surname: '', 'First name': '' }, /no name/],
    [{ Born: '' }, /no birth date/],
    [{ Born: '18x9' }, /born: "18x9" is not a date/],
    [{ Executed: '', Fate: '' }, /no fate/],
    [{ Fate: 'shot dead' }, /fate: "shot dead" is not one of/],
    [{ Source: 'nope' }, /unknown source "nope"/],
  ])('refuses a row with %j', (over, reason) => {
    const r = rowToPerson(row(over), plan, defaults, 3);
    expect('error' in r && r.error).toMatch(reason);
  });

  it('takes a default fate and several sources', () => {
    const r = rowToPerson(row({ Executed: '', Source: 'memorial-lists; memorial-lists' }), plan, { ...defaults, fate: 'survived' }, 4);
    expect('person' in r && [r.person.fate, r.person.sources, r.person.died]).toEqual(['survived', ['memorial-lists'], undefined]);
  });
});
