import { describe, expect, it } from 'vitest';
import { buildProgram, commandToBuild } from '../../src/cli/program.js';
import { StderrCapture } from '../../src/cli/process-context.js';
import { fakeCtx, fixtureKb } from '../helpers.js';

const argv = (...args: string[]) => ['node', 'purges', ...args];

describe('commandToBuild', () => {
  it.each([
    [['person', 'kirov'], 'person'],
    [['--data', 'pack', 'person', 'kirov'], 'person'],
    [['--data=pack', '--no-color', 'timeline'], 'timeline'],
    [['--help'], undefined],
    [['person', '--help'], 'person'],
    [['completion', 'bash'], undefined],
    [['timelin'], undefined],
    [['help', 'person'], undefined],
    [[], undefined],
  ] as Array<[string[], string | undefined]>)('%j -> %s', (args, expected) => {
    expect(commandToBuild(argv(...args))).toBe(expected);
  });
});

describe('argv to parsed options', () => {
  it.each([
    [
      ['timeline', '--from', '1937', '--to', '1938-07', '--category', 'trial,party', '--category', 'military', '--limit', '5'],
      { from: '1937', to: '1938-07', category: ['trial', 'party', 'military'], limit: 5 },
    ],
    [['people', '--fate', 'executed', '--sort', 'died', '--format', 'csv'], { fate: 'executed', sort: 'died', format: 'csv' }],
    [['stats', '--category', 'gulag', '--chart'], { category: 'gulag', chart: true }],
    [
      ['quiz', '--worksheet', '--count', '20', '--seed', 'x', '--topic', 'events'],
      { worksheet: true, count: 20, seed: 'x', topic: 'events' },
    ],
    [['quiz', '--progress'], { progress: true, count: 10, topic: 'all' }],
    [['check', 'essay.txt', '--json', '--all', '--strict'], { json: true, all: true, strict: true }],
    [['check', '--text', 'Yezhov was shot in 1940.', '--format', 'md'], { text: 'Yezhov was shot in 1940.', format: 'md' }],
  ] as Array<[string[], Record<string, unknown>]>)('%j', async (args, expected) => {
    const ctx = fakeCtx(await fixtureKb());
    const program = buildProgram(ctx, new StderrCapture(), argv(...args));
    const cmd = program.commands.find((c) => c.name() === args[0])!;
    cmd.action(() => undefined); // parse only
    await program.parseAsync(argv(...args));
    expect(cmd.opts()).toMatchObject(expected);
  });

  it('reads --data and PURGES_DATA into the context, environment first', async () => {
    const ctx = fakeCtx(await fixtureKb(), { env: { PURGES_DATA: 'a:b' } });
    const program = buildProgram(ctx, new StderrCapture(), argv('--data', 'c', 'people'));
    program.commands[0]!.action(() => undefined);
    await program.parseAsync(argv('--data', 'c', 'people'));
    expect(ctx.dataPaths).toEqual(['a', 'b', 'c']);
  });
});

describe('wantsColor', () => {
  it.each([
    [[], {}, true, true],
    [[], {}, false, false],
    [['--no-color'], {}, true, false],
    [[], { NO_COLOR: '1' }, true, false],
    [[], { NO_COLOR: '' }, true, true],
    [[], { FORCE_COLOR: '1' }, false, true],
    [[], { FORCE_COLOR: '0' }, true, false],
    [[], { FORCE_COLOR: 'false' }, true, false],
    [[], { FORCE_COLOR: '3' }, false, true],
    [[], { FORCE_COLOR: '' }, false, true],
    [[], { FORCE_COLOR: '1', NO_COLOR: '1' }, false, false],
    [[], { TERM: 'dumb' }, true, false],
    [['--no-color'], { FORCE_COLOR: '1' }, true, false],
  ] as Array<[string[], Record<string, string>, boolean, boolean]>)('%j %j tty=%s -> %s', async (args, env, tty, expected) => {
    const { wantsColor } = await import('../../src/cli/process-context.js');
    expect(wantsColor(args, env, tty)).toBe(expected);
  });
});
