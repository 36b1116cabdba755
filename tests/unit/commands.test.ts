/** Commands' run() with a fake context: what they write, where, and what they throw. */
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeCtx, fixtureKb } from '../helpers.js';
import type { Kb } from '../../src/kb/model.js';
import { run as timeline } from '../../src/commands/timeline.js';
import { run as person } from '../../src/commands/person.js';
import { run as stats } from '../../src/commands/stats.js';
import { run as today } from '../../src/commands/today.js';
import { run as search } from '../../src/commands/search.js';
import { NotFoundError, UsageError } from '../../src/errors.js';

let kb: Kb;
beforeAll(async () => {
  kb = await fixtureKb();
});

describe('run() with a fake context', () => {
  it('timeline writes JSON to out and nothing to err', async () => {
    const ctx = fakeCtx(kb);
    await timeline({ from: '1938', json: true }, ctx);
    expect(JSON.parse(ctx.out.text).map((e: { id: string }) => e.id)).toEqual([
      'order-00447',
      'third-moscow-trial',
      'blyukher-death',
      'yezhov-execution',
    ]);
    expect(ctx.err.text).toBe('');
  });

  it('timeline says so on err when nothing matches', async () => {
    const ctx = fakeCtx(kb);
    await timeline({ from: '1950' }, ctx);
    expect(ctx.out.text).toBe('');
    expect(ctx.err.text).toMatch(/no events match/);
  });

  it('timeline --person narrows to a person found by any spelling', async () => {
    const ctx = fakeCtx(kb);
    await timeline({ person: 'Ежов', json: true }, ctx);
    expect(JSON.parse(ctx.out.text).every((e: { people: string[] }) => e.people.includes('yezhov'))).toBe(true);
  });

  it('timeline rejects --from after --to with a usage error', async () => {
    await expect(timeline({ from: '1939', to: '1938' }, fakeCtx(kb))).rejects.toBeInstanceOf(UsageError);
  });

  it('person fits its card to a narrow terminal', async () => {
    const ctx = fakeCtx(kb, { out: Object.assign(fakeCtx(kb).out, { columns: 50 }) });
    await person('yezhov', {}, ctx);
    expect(Math.max(...ctx.out.text.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(50);
  });

  it('person throws NotFoundError with a suggestion', async () => {
    await expect(person('yezhof', {}, fakeCtx(kb))).rejects.toThrowError(NotFoundError);
  });

  it('stats --chart draws bars; the table in a pipe is tab-separated', async () => {
    const chart = fakeCtx(kb);
    await stats(undefined, { chart: true }, chart);
    expect(chart.out.text).toContain('█');
    const table = fakeCtx(kb);
    await stats(undefined, {}, table);
    expect(table.out.text.split('\n')[0]).toBe('statistic\tfigure\tunit\tperiod\tbasis\tsources');
  });

  it('today uses the injected clock', async () => {
    const ctx = fakeCtx(kb, { now: () => new Date(2026, 11, 1, 12) });
    await today({}, ctx);
    expect(ctx.out.text).toMatch(/^On 1 Dec:/);
    expect(ctx.out.text).toContain('Sergei Kirov assassinated in Leningrad');
  });

  it('search ranks a name match first', async () => {
    const ctx = fakeCtx(kb);
    await search('yezhov', { json: true }, ctx);
    expect(JSON.parse(ctx.out.text)[0]).toMatchObject({ type: 'person', id: 'yezhov' });
  });
});
