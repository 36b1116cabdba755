import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURE_KB, purges } from './run.js';
import { HAS_TMUX, Terminal } from './tmux.js';
import { parseProgress } from '../../src/quiz/progress.js';
import { loadProgress } from '../../src/quiz/storage.js';

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
      env: { ...process.env, NO_COLOR: '1', PURGES_NO_CACHE: '1', PURGES_HOME: join(pack, '..', 'home') },
    });
    expect(r.stdout).toMatch(/status=0/);
    expect(r.stderr).toBe('');
  });
});

describe('SIGINT outside the quiz', () => {
  it('stops a slow command promptly, without a stack trace', async () => {
    const pack = bigPack(30000);
    const child = spawn(process.execPath, [BIN, '--data', pack, 'timeline'], {
      env: { ...process.env, PURGES_NO_CACHE: '1', PURGES_HOME: join(pack, '..', 'home') },
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

describe.skipIf(!HAS_TMUX)('SIGTERM and SIGHUP during the quiz', () => {
  it.each([
    ['SIGTERM', 'a choice', 143, 'people'],
    ['SIGHUP', 'a choice', 129, 'people'],
    ['SIGTERM', 'a typed answer', 143, 'events'],
    ['SIGHUP', 'a typed answer', 129, 'events'],
  ] as const)(
    '%s at %s: exits %i with a summary, the answers kept, the cursor shown and the terminal back in normal mode',
    { timeout: 30000 },
    async (signal, _, code, topic) => {
      const home = tmp();
      const pidFile = join(home, 'pid');
      const exitFile = join(home, 'exit');
      const sttyFile = join(home, 'stty');
      // A typed-answer prompt: the events topic of the fixture asks years and orders too; the seed picks one.
      const inner = `echo $$ > ${pidFile}; exec node ${BIN} quiz --count 3 --topic ${topic} --seed ${topic === 'people' ? 'term' : 't4'}`;
      const term = Terminal.start(`sh -c '${inner}'; echo $? > ${exitFile}; stty -a > ${sttyFile}`, {
        NO_COLOR: '1',
        PURGES_HOME: home,
        PURGES_BASE: FIXTURE_KB,
      });
      try {
        await term.waitFor(/\? \(1\/3\)/);
        const first = term.screen();
        if (
          /Year:|Order/.test(
            first
              .split('\n')
              .filter((l) => l.trim())
              .at(-1) ?? '',
          )
        )
          term.send(/Year:/.test(first) ? '1937' : 'ABCD', 'Enter');
        else term.send('1');
        const second = await term.waitFor(/\? \(2\/3\)/);
        if (topic === 'events') expect(second).toMatch(/Year:|Order \(e\.g\. BDAC\):|\(↑↓ and Enter/);
        expect(term.show('#{cursor_flag}')).toBe(topic === 'people' ? '0' : '1');
        process.kill(Number(readFileSync(pidFile, 'utf8')), signal);
        await term.waitFor(/Score: \d\/1 right/);
        for (let i = 0; i < 100 && !existsSync(sttyFile); i++) await new Promise((r) => setTimeout(r, 100));
        expect(readFileSync(exitFile, 'utf8').trim()).toBe(String(code));
        expect(Object.keys(JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')).cards)).toHaveLength(1);
        expect(term.show('#{cursor_flag}')).toBe('1');
        const stty = readFileSync(sttyFile, 'utf8');
        expect(stty).toMatch(/(^|\s)icanon(\s|$)/m);
        expect(stty).toMatch(/(^|\s)echo(\s|$)/m);
      } finally {
        term.kill();
      }
    },
  );
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
      const child = spawn(process.execPath, [writer, 'grow', path], { stdio: ['ignore', 'pipe', 'inherit'] });
      let saved = 0;
      child.stdout.on('data', (d: Buffer) => (saved = Number(d.toString().trim().split('\n').at(-1))));
      await new Promise((r) => setTimeout(r, 60 + Math.random() * 250));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      kills++;
      // A writer killed holding the lock leaves it behind; the next one takes it over only when
      // it is 5 s stale (tested below). Here each round starts unlocked, so that kills land mid-write.
      rmSync(`${path}.lock`, { recursive: true, force: true });
      if (!existsSync(path)) continue;
      const parsed = parseProgress(readFileSync(path, 'utf8'));
      expect(parsed.kind).toBe('ok');
      if (parsed.kind !== 'ok') continue;
      expect(Object.keys(parsed.dropped)).toEqual([]);
      // The file holds at least what the writer reported saved (it may have finished one more).
      expect(Object.keys(parsed.progress.cards).length).toBeGreaterThanOrEqual(saved);
    }
    expect(kills).toBe(20);
    expect(existsSync(path)).toBe(true);
  });

  it('a lock left by a killed process is taken over once stale, and the answer saved', { timeout: 30000 }, async () => {
    const home = tmp();
    const path = join(home, 'progress.json');
    mkdirSync(`${path}.lock`); // as a process killed mid-save leaves it, refreshed just now
    const started = Date.now();
    const child = spawn(process.execPath, [writer, 'answer', path, 'late', '1'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const code = await new Promise((r) => child.on('exit', r));
    const took = Date.now() - started;
    expect(code).toBe(0);
    expect(out.trim()).toBe('done');
    expect(took).toBeGreaterThan(4000);
    expect(took).toBeLessThan(12000);
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')).cards).sort()).toEqual(['fate:late-0', 'fate:shared']);
  });

  it.each([
    ['truncated', '{"version":1,"cards":{"a":{"id":"a","topic":"people"'],
    ['empty', ''],
    ['unknown-version', '{"version":"x","cards":{}}'],
    ['non-JSON', 'not json at all'],
  ])('a %s progress file is kept aside and reported, not overwritten', async (_, content) => {
    const home = tmp();
    writeFileSync(join(home, 'progress.json'), content);
    const r = purges(['quiz', '--progress'], { env: { PURGES_HOME: home } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/your quiz progress could not be read .* it was kept as .*progress\.json\.corrupt-\d{8}T\d{6}Z-\d+/);
    const aside = readdirSync(home).find((f) => f.startsWith('progress.json.corrupt-'))!;
    expect(readFileSync(join(home, aside), 'utf8')).toBe(content);
    expect((await loadProgress(join(home, 'progress.json'), new Date())).notices).toEqual([]);
  });
});

/** True while `pid` runs: an ended process not yet reaped (a zombie, orphaned to a slow PID 1) does not count. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim();
  return stat !== '' && !stat.startsWith('Z');
}

describe.skipIf(!HAS_TMUX || spawnSync('less', ['--version']).status !== 0)('signals while the pager is open', () => {
  const cases: Array<[string, NodeJS.Signals, number, string | undefined]> = [
    ['SIGTERM, default pager', 'SIGTERM', 143, undefined],
    ['SIGHUP, default pager', 'SIGHUP', 129, undefined],
    ['SIGTERM, PAGER run directly', 'SIGTERM', 143, 'less -R'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell expands it, not JavaScript.
    ['SIGTERM, PAGER through the shell', 'SIGTERM', 143, 'less ${LESSX:--R}'],
    // A pipeline runs as the shell's children: they must get the signal too, or less is orphaned.
    ['SIGTERM, PAGER a pipeline', 'SIGTERM', 143, 'cat | less'],
    ['SIGHUP, PAGER a pipeline', 'SIGHUP', 129, 'cat | less -R'],
    ['SIGTERM, PAGER a longer pipeline', 'SIGTERM', 143, 'cat | cat | less'],
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
        // The pager and everything it started (a pipeline's processes).
        const children = (p: number): number[] =>
          spawnSync('pgrep', ['-P', String(p)], { encoding: 'utf8' })
            .stdout.trim()
            .split('\n')
            .filter(Boolean)
            .map(Number);
        const pagerPids: number[] = [];
        for (let queue = children(pid); queue.length > 0; ) {
          const p = queue.shift()!;
          pagerPids.push(p);
          queue.push(...children(p));
        }
        expect(pagerPids.length).toBeGreaterThan(0);
        process.kill(pid, signal);
        const end = Date.now() + 10000;
        while (!existsSync(exitFile) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
        expect(Number(readFileSync(exitFile, 'utf8'))).toBe(expected);
        for (const p of pagerPids) expect(running(p), `pager ${p} still running`).toBe(false);
        expect(term.screen()).not.toMatch(/\n\s+at /);
      } finally {
        term.kill();
      }
    });
  }
});
