/**
 * On a terminal: tables drawn as boxes by default, colour on unless FORCE_COLOR=0 or
 * NO_COLOR, run in a pseudo-terminal made by script(1) (skipped where it is missing).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURE_KB } from './run.js';

const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;

function onTerminal(args: string[], env: Record<string, string | undefined> = {}): string {
  const cmd = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
  const full: Record<string, string | undefined> = {
    ...process.env,
    PURGES_BASE: FIXTURE_KB,
    COLUMNS: '80',
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    TERM: 'xterm',
    ...env,
  };
  for (const k of Object.keys(full)) if (full[k] === undefined) delete full[k];
  const r = spawnSync('script', ['-qfec', cmd, '/dev/null'], { encoding: 'utf8', env: full as NodeJS.ProcessEnv, timeout: 20000 });
  return r.stdout.replace(/\r\n/g, '\n');
}

describe.skipIf(!HAS_SCRIPT)('on a terminal', () => {
  it.each([['people'], ['stats'], ['search', 'yezhov'], ['claims'], ['sources', '--format', 'table']])(
    'purges %s draws a box table in colour',
    (...args) => {
      const out = onTerminal([...args, '--no-pager']);
      expect(out).toMatch(/┌─+┬/);
      expect(out).toMatch(/\u001b\[1m/); // bold headers
      const plain = out.replace(/\u001b\[[0-9;]*m/g, '');
      for (const line of plain.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    },
  );

  it.each([[{ FORCE_COLOR: '0' }], [{ NO_COLOR: '1' }], [{ NO_COLOR: '1', FORCE_COLOR: '1' }]])('%j turns colour off', (env) => {
    const out = onTerminal(['people', '--no-pager'], env);
    expect(out).toMatch(/┌─+┬/);
    expect(out).not.toMatch(/\u001b\[/);
  });

  it('italicises titles in citations', () => {
    expect(onTerminal(['sources', 'lenoe-2010', '--style', 'mla'])).toContain('\u001b[3mThe Kirov Murder and Soviet History\u001b[23m.');
  });
});
