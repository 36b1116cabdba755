/**
 * Progress is locked and merged: quizzes running at once on one home lose no answer, and
 * `--reset` is not undone by a quiz still open. Real quiz processes in tmux, and a stress test
 * of many processes saving through the real storage code at once.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { answerOne, exitCode, quizIn } from './quiz-driver.js';
import { purges } from './run.js';
import { HAS_TMUX } from './tmux.js';

const TMP = mkdtempSync(join(tmpdir(), 'purges-concurrency-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const home = () => mkdtempSync(join(TMP, 'home-'));

type Saved = { cards: Record<string, { seen: number; correct: number }> };
const saved = (dir: string) => JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')) as Saved;
const totalSeen = (p: Saved) => Object.values(p.cards).reduce((n, c) => n + c.seen, 0);

describe.skipIf(!HAS_TMUX)('two quizzes on one home', { timeout: 90000 }, () => {
  it('keeps every answer of both when they answer in turn', async () => {
    const dir = home();
    const a = quizIn(dir, '--count 6 --seed one', { fixture: false });
    const b = quizIn(dir, '--count 6 --seed two', { fixture: false });
    try {
      for (let n = 1; n <= 6; n++) {
        await answerOne(a.term, n, 6, n % 2 ? '1' : 'b');
        await answerOne(b.term, n, 6, n % 2 ? 'c' : '4');
      }
      expect(await exitCode(a.exitFile)).toBe(0);
      expect(await exitCode(b.exitFile)).toBe(0);
      // 12 answers given: 12 counted, whether or not the two quizzes shared a card.
      expect(totalSeen(saved(dir))).toBe(12);
    } finally {
      a.term.kill();
      b.term.kill();
    }
  });

  it('--reset --yes while a quiz is open is not undone by its next answer', async () => {
    const dir = home();
    const a = quizIn(dir, '--count 3 --seed reset', { fixture: false });
    try {
      await answerOne(a.term, 1, 3);
      expect(totalSeen(saved(dir))).toBe(1);
      const r = purges(['quiz', '--reset', '--yes'], { env: { PURGES_HOME: dir } });
      expect(r.stderr).toBe('Quiz progress deleted (1 card).\n');
      await answerOne(a.term, 2, 3);
      expect(totalSeen(saved(dir))).toBe(1);
      await answerOne(a.term, 3, 3);
      expect(await exitCode(a.exitFile)).toBe(0);
      expect(totalSeen(saved(dir))).toBe(2);
    } finally {
      a.term.kill();
    }
  });
});

describe('many processes saving at once', () => {
  // The helper is bundled beside node_modules so that its imports resolve.
  const writer = join(process.cwd(), 'node_modules', '.cache', 'purges-tests', 'progress-answerer.mjs');
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

  const run = (path: string, id: string, answers: number) =>
    new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [writer, 'answer', path, id, String(answers)], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('exit', (code) => resolve(`${code} ${out.trim()}`));
    });

  it.each([
    [2, 30],
    [6, 15],
    [12, 8],
  ])('%i processes answering %i questions each: every answer is saved', { timeout: 120000 }, async (processes, answers) => {
    const path = join(home(), 'progress.json');
    const results = await Promise.all(Array.from({ length: processes }, (_, i) => run(path, `p${i}`, answers)));
    expect(results).toEqual(Array(processes).fill('0 done'));
    const p = JSON.parse(readFileSync(path, 'utf8')) as Saved;
    expect(Object.keys(p.cards)).toHaveLength(processes * answers + 1);
    expect(p.cards['fate:shared']!.seen).toBe(processes * answers);
    for (let i = 0; i < processes; i++) for (let k = 0; k < answers; k++) expect(p.cards[`fate:p${i}-${k}`]?.seen, `p${i}-${k}`).toBe(1);
  });
});
