import { describe, expect, it } from 'vitest';
import { ExitCode, fsError, PurgesError } from '../../src/errors.js';
import { clipWords, MAX_WORD, redactedCommand, report } from '../../src/cli/report.js';

// A home of its own: the machine's may be / (redacted to nothing) in a container.
const HOME = '/home/ada';
const run = (error: unknown, argv: string[], env: Record<string, string | undefined> = {}) => {
  let text = '';
  const code = report(error, (t) => (text += t), '', argv, env, HOME);
  return { code, text };
};

describe('internal errors', () => {
  const argv = ['node', 'purges', '--data', `${HOME}/packs/mine`, 'person', "o'brien x"];
  it('say it is a bug, with version, Node version and the command line, home redacted, and exit 70', () => {
    const { code, text } = run(new TypeError('boom'), argv);
    expect(code).toBe(ExitCode.internal);
    expect(text).toMatch(/^purges: internal error: boom\n/);
    expect(text).toContain(`Node ${process.version}`);
    expect(text).toMatch(/purges \d+\.\d+\.\d+/);
    expect(text).toContain("$ purges --data ~/packs/mine person 'o'\\''brien x'");
    expect(text).not.toContain(HOME);
  });
  it('show the stack only with PURGES_DEBUG=1', () => {
    expect(run(new Error('boom'), argv).text).not.toMatch(/\n\s+at /);
    expect(run(new Error('boom'), argv).text).toContain('PURGES_DEBUG=1');
    expect(run(new Error('boom'), argv, { PURGES_DEBUG: '1' }).text).toMatch(/\n\s+at /);
  });
  it('never print escape sequences from the message', () => {
    expect(run(new Error('bad \u001b]0;title\u0007 name'), argv).text).not.toMatch(/\u001b|\u0007/);
  });
  it('a home of / is not redacted into nonsense', () => {
    expect(redactedCommand(['node', 'purges', '/data'], '/')).toBe('purges /data');
  });
  it('redacts the home folder only where a path starts with it', () => {
    const argv = ['node', 'purges', '--data', '/home/ada2/x', '--data=/home/ada/y', '/home/ada', 'x/home/ada/z'];
    expect(redactedCommand(argv, '/home/ada/')).toBe('purges --data /home/ada2/x --data=~/y ~ x/home/ada/z');
  });
});

describe('file-system errors', () => {
  const cases: Array<[string, RegExp]> = [
    ['ENOENT', /does not exist/],
    ['EACCES', /permission denied/],
    ['EROFS', /read-only/],
    ['ENOSPC', /no space left/],
    ['ELOOP', /link loop/],
    ['EISDIR', /is a folder/],
    ['ENOTDIR', /not a folder/],
    ['ENAMETOOLONG', /too long/],
    ['ENXIO', /no program is reading/],
  ];
  for (const [code, reason] of cases) {
    it(`${code} becomes one line with a hint`, () => {
      const e = Object.assign(new Error(`${code}: raw`), { code });
      const mapped = fsError(e, 'cannot save progress.json');
      expect(mapped).toBeInstanceOf(PurgesError);
      const { text, code: exit } = run(mapped, ['node', 'purges']);
      expect(text).toMatch(new RegExp(`^purges: cannot save progress\\.json \\(${code}\\): .+\\. .+\\n$`));
      expect(text).toMatch(reason);
      expect(exit).toBe(1);
    });
  }
  it('other errors pass through to surface as bugs', () => {
    const e = new RangeError('x');
    expect(fsError(e, 'cannot save')).toBe(e);
  });
});

describe('an over-long word in an error line is cut in the middle', () => {
  const long = (n: number, c = 'a') => c.repeat(n);
  it.each([
    ['an unknown command of 120,000 characters', `unknown command '${long(120000)}'`],
    ['two long words', `${long(5000)} and ${long(5000, 'b')}`],
    ['a long word of wide characters', `query ${long(10000, '漢')}`],
    ['a long word of emoji (surrogate pairs)', `query ${'👍'.repeat(5000)}`],
  ])('%s: one short line, the start and end kept, a visible mark', (_, message) => {
    const { text, code } = run(new PurgesError(message), ['node', 'purges']);
    expect(code).toBe(1);
    expect(text.split('\n')).toHaveLength(2);
    expect(text.length).toBeLessThan(800);
    expect(text).toContain('…');
    expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/); // no half of a surrogate pair
  });

  it.each([
    ['a path of 250 characters', `/home/user/${long(230)}/people.json`],
    ['a word of exactly the limit', long(MAX_WORD)],
    ['ordinary words', 'person "Kirov" not found'],
  ])('%s: left whole', (_, word) => {
    expect(clipWords(word)).toBe(word);
  });

  it('an internal error with a huge argument stays one screen', () => {
    const { text } = run(new RangeError(long(100000)), ['node', 'purges', 'person', long(100000)]);
    expect(text.length).toBeLessThan(1500);
  });
});
