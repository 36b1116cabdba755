/**
 * On a terminal: tables drawn as boxes by default, colour on unless FORCE_COLOR=0 or
 * NO_COLOR, run in a pseudo-terminal made by script(1) (skipped where it is missing).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURE_KB, HOME } from './run.js';

const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;

function onTerminal(args: string[], env: Record<string, string | undefined> = {}, rows?: number): string {
  return runOnTerminal(args, env, rows).stdout;
}

/** Runs purges in a pseudo-terminal, `rows` tall if given (script(1) alone gives 0x0). */
function runOnTerminal(args: string[], env: Record<string, string | undefined> = {}, rows?: number) {
  const node = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
  const cmd = rows === undefined ? node : `stty rows ${rows} cols 80; exec ${node}`;
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
  return { status: r.status, stdout: r.stdout.replace(/\r\n/g, '\n') };
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

// The bundled data (169 people: a table drawn in eleven chunks), on a terminal 12 rows tall.
describe.skipIf(!HAS_SCRIPT)('output taller than the terminal, through the pager', () => {
  const real = { PURGES_BASE: undefined };
  const whole = () => onTerminal(['people', '--no-pager'], real, 12);

  it('gets the whole table, chunk after chunk, the same as without the pager', () => {
    const file = join(HOME, 'paged.txt');
    const r = runOnTerminal(['people'], { ...real, PAGER: `cat > '${file}'` }, 12);
    expect(r.status).toBe(0);
    const paged = readFileSync(file, 'utf8');
    expect(paged).toBe(whole());
    expect(paged.split('\n').length).toBeGreaterThan(169);
  });

  it('ends quietly, exit 0, when the reader quits after the first lines', () => {
    const r = runOnTerminal(['people'], { ...real, PAGER: 'head -n 3' }, 12);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3).join('\n')).toBe(whole().split('\n').slice(0, 3).join('\n'));
    expect(r.stdout).not.toMatch(/purges:|\n\s+at /);
  });

  it.each([
    ['cannot be started', 'no-such-pager-purges'],
    // A semicolon makes it shell syntax: sh runs it, and answers 127.
    ['is not found by the shell (127)', 'no-such-pager-purges;'],
  ])('is printed directly, whole, when the pager %s', (_, pager) => {
    const r = runOnTerminal(['people'], { ...real, PAGER: pager }, 12);
    expect(r.status).toBe(0);
    // The shell's own "not found" line may come first.
    expect(r.stdout.slice(r.stdout.indexOf('┌'))).toBe(whole());
  });
});
