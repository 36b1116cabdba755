import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURE_KB, purges } from './run.js';
import { HAS_TMUX, Terminal } from './tmux.js';
import { loadProgress, progressProblem } from '../../src/quiz/storage.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'purges-signals-'));

/** A generated pack big enough that loading it takes a while. */
function bigPack(count: number): string {
  const dir = join(tmp(), 'pack');
  spawnSync(process.execPath, ['bench/make-pack.mjs', String(count), dir], { stdio: 'ignore' });
  return dir;
}

describe('pipes', () => {
  it('exits 0 quietly when the reader stops early, even mid-way through a long output', () => {
    const pack = bigPack(3000);
    const r = spawnSync('bash', ['-c', `node ${BIN} --data ${pack} timeline | head -1; echo "status=\${PIPESTATUS[0]}"`], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', PURGES_NO_CACHE: '1' },
    });
    expect(r.stdout).toMatch(/status=0/);
    expect(r.stderr).toBe('');
  });
});

describe('SIGINT outside the quiz', () => {
  it('stops a slow command promptly, without a stack trace', async () => {
    const pack = bigPack(30000);
    const child = spawn(process.execPath, [BIN, '--data', pack, 'timeline'], {
      env: { ...process.env, PURGES_NO_CACHE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise((r) => setTimeout(r, 250));
    const sent = Date.now();
    child.kill('SIGINT');
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    expect(Date.now() - sent).toBeLessThan(2000);
    expect(signal === 'SIGINT' || code === 130).toBe(true);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe.skipIf(!HAS_TMUX)('SIGTERM during the quiz', () => {
  it('exits 143 with a summary, keeping the answers given', { timeout: 30000 }, async () => {
    const home = tmp();
    const pidFile = join(home, 'pid');
    const exitFile = join(home, 'exit');
    const inner = `echo $$ > ${pidFile}; exec node ${BIN} quiz --count 3 --topic people --seed term`;
    const term = Terminal.start(`sh -c '${inner}'; echo $? > ${exitFile}`, { NO_COLOR: '1', PURGES_HOME: home, PURGES_BASE: FIXTURE_KB });
    try {
      await term.waitFor(/\(1\/3\)/);
      term.send('Enter');
      await term.waitFor(/\(2\/3\)/);
      process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGTERM');
      await term.waitFor(/Score: \d\/1 right/);
      for (let i = 0; i < 100 && !existsSync(exitFile); i++) await new Promise((r) => setTimeout(r, 100));
      expect(readFileSync(exitFile, 'utf8').trim()).toBe('143');
      expect(Object.keys(JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')).cards)).toHaveLength(1);
    } finally {
      term.kill();
    }
  });
});

describe('saved progress is never lost', () => {
  // Bundle the helper beside node_modules so that its imports resolve.
  const writer = join(process.cwd(), 'node_modules', '.cache', 'purges-tests', 'progress-writer.mjs');
  mkdirSync(join(writer, '..'), { recursive: true });
  buildSync({
    entryPoints: ['tests/e2e/progress-writer.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: writer,
    logLevel: 'silent',
  });

  it('is the old or the new file after SIGKILL at random moments, never a torn one', { timeout: 60000 }, async () => {
    const home = tmp();
    const path = join(home, 'progress.json');
    let kills = 0;
    for (let round = 0; round < 20; round++) {
      const child = spawn(process.execPath, [writer, path], { stdio: ['ignore', 'pipe', 'inherit'] });
      let saved = 0;
      child.stdout.on('data', (d: Buffer) => (saved = Number(d.toString().trim().split('\n').at(-1))));
      await new Promise((r) => setTimeout(r, 60 + Math.random() * 250));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      kills++;
      if (!existsSync(path)) continue;
      const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
      expect(progressProblem(data)).toBeUndefined();
      // The file holds at least what the writer reported saved (it may have finished one more).
      expect(Object.keys((data as { cards: object }).cards).length).toBeGreaterThanOrEqual(saved);
    }
    expect(kills).toBe(20);
    expect(existsSync(path)).toBe(true);
  });

  it.each([
    ['truncated', '{"version":1,"cards":{"a":{"id":"a","topic":"people"'],
    ['empty', ''],
    ['wrong-version', '{"version":7,"cards":{}}'],
    ['non-JSON', 'not json at all'],
  ])('a %s progress file is kept aside and reported, not overwritten', (_, content) => {
    const home = tmp();
    writeFileSync(join(home, 'progress.json'), content);
    const r = purges(['quiz', '--progress'], { env: { PURGES_HOME: home } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/your quiz progress could not be read .* it was kept as .*progress\.json\.corrupt-\d{8}T\d{6}Z/);
    const aside = readdirSync(home).find((f) => f.startsWith('progress.json.corrupt-'))!;
    expect(readFileSync(join(home, aside), 'utf8')).toBe(content);
    expect(loadProgress(join(home, 'progress.json'), new Date()).notice).toBeUndefined();
  });
});

describe.skipIf(!HAS_TMUX || spawnSync('less', ['--version']).status !== 0)('signals while the pager is open', () => {
  const cases: Array<[string, NodeJS.Signals, number, string | undefined]> = [
    ['SIGTERM, default pager', 'SIGTERM', 143, undefined],
    ['SIGHUP, default pager', 'SIGHUP', 129, undefined],
    ['SIGTERM, PAGER run directly', 'SIGTERM', 143, 'less -R'],
    ['SIGTERM, PAGER through the shell', 'SIGTERM', 143, 'less ${LESSX:--R}'],
  ];
  for (const [name, signal, expected, pager] of cases) {
    it(`${name}: the pager is ended and waited for, and purges exits ${expected}`, { timeout: 30000 }, async () => {
      const home = tmp();
      const pidFile = join(home, 'pid');
      const exitFile = join(home, 'exit');
      const env: Record<string, string> = { NO_COLOR: '1', PURGES_HOME: home };
      if (pager) env.PAGER = pager;
      const term = Terminal.start(`sh -c 'echo $$ > ${pidFile}; exec node ${BIN} timeline'; echo $? > ${exitFile}`, env);
      try {
        await term.waitFor(/1922/);
        const pid = Number(readFileSync(pidFile, 'utf8'));
        const pagerPids = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
          .stdout.trim()
          .split('\n')
          .filter(Boolean)
          .map(Number);
        expect(pagerPids.length).toBeGreaterThan(0);
        process.kill(pid, signal);
        const end = Date.now() + 10000;
        while (!existsSync(exitFile) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
        expect(Number(readFileSync(exitFile, 'utf8'))).toBe(expected);
        for (const p of pagerPids) expect(() => process.kill(p, 0), `pager ${p} still running`).toThrow();
        expect(term.screen()).not.toMatch(/\n\s+at /);
      } finally {
        term.kill();
      }
    });
  }
});
