import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURE_KB, purges } from './run.js';
import { HAS_TMUX, Terminal } from './tmux.js';

function quizIn(home: string, args: string): { term: Terminal; exitFile: string } {
  const exitFile = join(home, 'exit-code');
  const term = Terminal.start(`node ${BIN} quiz ${args}; echo $? > ${exitFile}`, {
    NO_COLOR: '1',
    PURGES_HOME: home,
    PURGES_BASE: FIXTURE_KB,
    TERM: 'xterm-256color',
  });
  return { term, exitFile };
}

async function exitCode(file: string): Promise<number> {
  const end = Date.now() + 10000;
  while (!existsSync(file) || readFileSync(file, 'utf8').trim() === '') {
    if (Date.now() > end) throw new Error('the quiz did not exit');
    await new Promise((r) => setTimeout(r, 100));
  }
  return Number(readFileSync(file, 'utf8').trim());
}

const cards = (home: string) => Object.keys(JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')).cards);

describe.skipIf(!HAS_TMUX)('the interactive quiz in a real terminal', { timeout: 30000 }, () => {
  it('asks, gives feedback and a score, and saves progress', async () => {
    const home = mkdtempSync(join(tmpdir(), 'purges-quiz-'));
    const { term, exitFile } = quizIn(home, '--count 2 --topic people --seed e2e');
    try {
      await term.waitFor(/\(1\/2\)/);
      term.send('Enter');
      await term.waitFor(/\(2\/2\)/);
      const afterFirst = term.screen();
      expect(afterFirst).toMatch(/✔ Right\.|✘ Not quite\. The answer: /);
      expect(afterFirst).toMatch(/Source: /);
      term.send('Enter');
      const end = await term.waitFor(/Score: \d\/2 right/);
      expect(end).toMatch(/in \d+:\d\d/);
      expect(await exitCode(exitFile)).toBe(0);
      expect(cards(home)).toHaveLength(2);
    } finally {
      term.kill();
    }
  });

  it('Ctrl+C mid-quiz exits 130 with a summary, keeping the answered cards', async () => {
    const home = mkdtempSync(join(tmpdir(), 'purges-quiz-'));
    const { term, exitFile } = quizIn(home, '--count 3 --topic people --seed e2e');
    try {
      await term.waitFor(/\(1\/3\)/);
      term.send('Enter');
      await term.waitFor(/\(2\/3\)/);
      term.send('C-c');
      const screen = await term.waitFor(/Quiz interrupted/);
      expect(screen).toMatch(/Score: \d\/1 right/);
      expect(await exitCode(exitFile)).toBe(130);
      expect(cards(home)).toHaveLength(1);
    } finally {
      term.kill();
    }
  });
});

describe('the quiz without a terminal', () => {
  it('does not hang: exits 2 and points to --worksheet', () => {
    const r = purges(['quiz'], { env: { PURGES_HOME: mkdtempSync(join(tmpdir(), 'purges-quiz-')) } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--worksheet/);
  });

  it('prints the same worksheet for the same seed, with an answer key', () => {
    const a = purges(['quiz', '--worksheet', '--count', '5', '--seed', 'k']);
    const b = purges(['quiz', '--worksheet', '--count', '5', '--seed', 'k']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/^# Stalin's purges: quiz worksheet/);
    expect(a.stdout).toMatch(/## Answer key\n\n1\. \*\*/);
    const json = JSON.parse(purges(['quiz', '--worksheet', '--count', '5', '--seed', 'k', '--format', 'json']).stdout);
    expect(json.questions).toHaveLength(5);
  });

  it('--progress and --reset --yes work in a pipe', () => {
    const home = mkdtempSync(join(tmpdir(), 'purges-quiz-'));
    expect(purges(['quiz', '--progress'], { env: { PURGES_HOME: home } }).stderr).toMatch(/no quiz progress yet/);
    const reset = purges(['quiz', '--reset'], { env: { PURGES_HOME: home } });
    expect(reset.code).toBe(2);
    expect(reset.stderr).toMatch(/--yes/);
    expect(purges(['quiz', '--reset', '--yes'], { env: { PURGES_HOME: home } }).code).toBe(0);
  });
});
