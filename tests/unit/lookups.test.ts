/** Finding the record a user means: events by rank, people not profiled, suggestions only when close. */
import { beforeAll, describe, expect, it } from 'vitest';
import { AmbiguousEventError, findEvent, rankEvents } from '../../src/kb/find-event.js';
import { findPerson } from '../../src/kb/find-person.js';
import { mainRole, matchingRole, selectPeople } from '../../src/kb/people.js';
import { suggest } from '../../src/kb/suggest.js';
import type { Kb } from '../../src/kb/model.js';
import { bundledKb, fixtureKb } from '../helpers.js';

let fixture: Kb;
let bundled: Kb;
beforeAll(async () => {
  fixture = await fixtureKb();
  bundled = await bundledKb();
});

describe('event look-up', () => {
  it.each([
    ['bukharin trial', 'third-moscow-trial'], // an alias
    ['trial of the twenty-one', 'third-moscow-trial'],
    ['first moscow trial', 'trial-of-the-sixteen'],
    ['trial of the sixteen', 'trial-of-the-sixteen'],
    ['kirov assassination', 'kirov-assassination'], // the id's words
    ['order 00447', 'order-00447'],
  ])('%j finds %s in the fixture', (query, id) => {
    expect(findEvent(fixture, query).id).toBe(id);
  });

  it('lists the candidates when none stands out', () => {
    expect(() => findEvent(fixture, 'moscow trial')).toThrow(AmbiguousEventError);
    expect(() => findEvent(fixture, 'moscow trials')).toThrow(
      expect.objectContaining({
        candidates: [expect.objectContaining({ id: 'trial-of-the-sixteen' }), expect.objectContaining({ id: 'third-moscow-trial' })],
        message: expect.stringMatching(/matches 2 events: .*\(trial-of-the-sixteen, 19 Aug 1936\)/),
      }),
    );
  });

  it('ranks a title over a summary and a phrase over scattered words', () => {
    // "lenin" is a word of one summary, and the start of "Leningrad" in a title: the word counts more.
    const ranks = rankEvents(fixture, 'lenin');
    expect(ranks.map((r) => r.event.id)).toEqual(['trial-of-the-sixteen', 'kirov-assassination']);
    expect(rankEvents(fixture, 'lenin', { wholeWords: true }).map((r) => r.event.id)).toEqual(['trial-of-the-sixteen']);
    // The phrase "moscow trial" in three titles beats its words scattered in a fourth.
    const ranked = rankEvents(bundled, 'moscow trial');
    expect(ranked.slice(0, 3).map((r) => r.score)).toEqual([90, 90, 90]);
    expect(ranked.find((r) => r.event.id === 'moscow-centre-trial')?.score).toBe(80);
  });

  it.each([
    ['moscow trials', ['trial-of-the-sixteen', 'second-moscow-trial', 'third-moscow-trial', 'moscow-trials-rehabilitation-june-1988']],
    ['moscow trial', ['trial-of-the-sixteen', 'second-moscow-trial', 'third-moscow-trial', 'moscow-trials-rehabilitation-june-1988']],
    ['trial', undefined],
  ])('in the bundled data, %j lists the candidates', (query, ids) => {
    try {
      findEvent(bundled, query);
      throw new Error('expected a list of candidates');
    } catch (e) {
      expect(e).toBeInstanceOf(AmbiguousEventError);
      if (ids) expect((e as AmbiguousEventError).candidates.map((x) => x.id)).toEqual(ids);
      else expect((e as AmbiguousEventError).candidates.length).toBeGreaterThan(10);
    }
  });

  it.each([
    ['bukharin trial', 'third-moscow-trial'],
    ['first moscow trial', 'trial-of-the-sixteen'],
    ['trial of the sixteen', 'trial-of-the-sixteen'],
    ['pyatakov-radek trial', 'second-moscow-trial'],
    ['law of spikelets', 'law-of-7-august-1932'],
    ['operation lentil', 'chechen-ingush-deportation'],
  ])('in the bundled data, %j finds %s', (query, id) => {
    expect(findEvent(bundled, query).id).toBe(id);
  });
});

describe('people not found', () => {
  it('says where a name that is not profiled appears', () => {
    expect(() => findPerson(fixture, 'Lenin')).toThrow('"Lenin" is not profiled; appears in 1 event: purges search lenin');
    expect(() => findPerson(bundled, 'Markish')).toThrow(/"Markish" is not profiled; appears in \d+ events: purges search markish/);
  });

  it.each(['qqq', 'zz', 'xyz', 'ab'])('suggests nobody for %j', (q) => {
    expect(() => findPerson(bundled, q)).toThrow(/^no person matches ".*"$/);
  });

  it.each([
    ['kirv', 'Sergei Kirov'],
    ['kriov', 'Sergei Kirov'],
    ['bukarin', 'Nikolai Bukharin'],
    ['molotv', 'Vyacheslav Molotov'],
  ])('suggests for a typo %j', (q, name) => {
    expect(() => findPerson(bundled, q)).toThrow(expect.objectContaining({ hint: expect.stringContaining(name) }));
  });

  it('says "in parentheses" for the ids it lists', () => {
    expect(() => findPerson(fixture, 'nikolai')).toThrow(expect.objectContaining({ hint: 'Use the id in parentheses to pick one.' }));
  });

  it('suggests only close words', () => {
    expect(suggest('qq', ['st', 'kirov'])).toEqual([]);
    expect(suggest('timelin', ['timeline', 'today'])).toEqual(['timeline']);
    expect(suggest('kriov', ['kirov'])).toEqual(['kirov']);
  });
});

describe('roles', () => {
  it('finds ranks with --role, and shows the role that matched', () => {
    const found = selectPeople(fixture, { role: 'marshal' });
    expect(found.map((p) => p.id)).toEqual(['blyukher']);
    expect(matchingRole(found[0]!, 'marshal')?.title).toBe('Marshal of the Soviet Union');
  });

  it('shows the primary role otherwise', () => {
    expect(mainRole(fixture.person('blyukher')!)?.title).toBe('Commander of the Special Red Banner Far Eastern Army');
    expect(mainRole(fixture.person('yezhov')!)?.title).toBe("People's Commissar for Internal Affairs (NKVD)");
  });
});
