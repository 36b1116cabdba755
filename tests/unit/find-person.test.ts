import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureKb } from '../helpers.js';
import type { Kb } from '../../src/kb/model.js';
import { AmbiguousPersonError, findPerson, suggestPeople } from '../../src/kb/find-person.js';
import type { NotFoundError } from '../../src/errors.js';

let kb: Kb;
beforeAll(async () => {
  kb = await fixtureKb();
});

describe('findPerson', () => {
  it.each(['kirov', 'Kirov', 'KIROV', 'Киров', 'Sergei Kirov', 'kostrikov'])('finds Kirov by %j', (q) => {
    expect(findPerson(kb, q).id).toBe('kirov');
  });

  it.each(['ezhov', 'Yezhov', 'Ежов', 'Jeschow', 'Nikolai Yezhov'])('finds Yezhov by %j', (q) => {
    expect(findPerson(kb, q).id).toBe('yezhov');
  });

  it.each(['Blücher', 'blyukher', 'bliukher', 'Блюхер'])('finds Blyukher by %j', (q) => {
    expect(findPerson(kb, q).id).toBe('blyukher');
  });

  it('lists equally good matches instead of guessing', () => {
    let error: unknown;
    try {
      findPerson(kb, 'nikolai');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AmbiguousPersonError);
    expect((error as AmbiguousPersonError).candidates.map((p) => p.id).sort()).toEqual(['bukharin', 'yezhov']);
    expect((error as AmbiguousPersonError).exitCode).toBe(1);
  });

  it('suggests close names for a typo', () => {
    expect(suggestPeople(kb, 'kirv').map((p) => p.id)).toContain('kirov');
    expect(suggestPeople(kb, 'yezov').map((p) => p.id)).toContain('yezhov');
    expect(() => findPerson(kb, 'kirv')).toThrowError(/no person matches "kirv"/);
    try {
      findPerson(kb, 'kirv');
    } catch (e) {
      expect((e as NotFoundError).hint).toMatch(/Did you mean Sergei Kirov \(kirov\)\?/);
    }
  });

  it('suggests nothing for a word far from every name', () => {
    expect(suggestPeople(kb, 'zzzzzzzz')).toEqual([]);
  });
});
