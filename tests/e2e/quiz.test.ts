import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exitCode, quizIn } from './quiz-driver.js';
import { purges } from './run.js';
import { HAS_TMUX, type Terminal } from './tmux.js';

const TMP = mkdtempSync(join(tmpdir(), 'purges-quiz-e2e-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const home = () => mkdtempSync(join(TMP, 'home-'));

const progress = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')) as { cards: Record<string, { seen: number }> };
const cards = (dir: string) => Object.keys(progress(dir).cards);

/** The open question on screen: its number and its text, or undefined. */
function openQuestion(screen: string): { n: number; text: string } | undefined {
  const lines = screen.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^\? \((\d+)\/\d+\) (.*)$/.exec(lines[i]!);
    if (m) return { n: Number(m[1]), text: m[2]! };
  }
  return undefined;
}

const KIND_OF: Array<[RegExp, string]> = [
  [/^When did this (happen|begin)\?/, 'event-date'],
  [/^Who held this post\?/, 'who'],
  [/^What was the fate of/, 'fate'],
  [/^(What did .* estimate\?|What figure does the archival count give)/, 'figure'],
  [/^How does the record judge this claim\?/, 'claim'],
  [/^Put these events in chronological order/, 'order'],
  [/^In what year\?/, 'year'],
];

/** Answers every question of a quiz with keys a person would press, checking each answered prompt's mark. */
async function play(term: Terminal, total: number): Promise<Set<string>> {
  const kinds = new Set<string>();
  const keys = ['1', 'b', 'C', '4', 'a', '2'];
  for (let n = 1; n <= total; n++) {
    const screen = await term.waitFor(new RegExp(`^\\? \\(${n}/${total}\\) `, 'm'));
    const q = openQuestion(screen)!;
    const kind = KIND_OF.find(([re]) => re.test(q.text))?.[1];
    expect(kind, q.text).toBeDefined();
    kinds.add(kind!);
    if (kind === 'year') term.send('1937', 'Enter');
    else if (kind === 'order') term.send('BADC', 'Enter');
    else term.send(keys[n % keys.length]!);
    const after = await term.waitFor(new RegExp(`^[✔✘] \\(${n}/${total}\\) [\\s\\S]*^[✔✘] (Right|Not quite|\\d of 4 in place)`, 'm'));
    const lines = after.split('\n');
    const asked = lines.findIndex((l) => new RegExp(`^[✔✘] \\(${n}/${total}\\) `).test(l));
    const verdict = lines.slice(asked + 1).find((l) => /^[✔✘] (Right|Not quite|\d of 4 in place)/.test(l))!;
    // The answered prompt's mark agrees with the verdict.
    expect(lines[asked]![0], `${q.text}\n${verdict}`).toBe(verdict[0]);
  }
  return kinds;
}

describe.skipIf(!HAS_TMUX)('the interactive quiz in a real terminal', { timeout: 60000 }, () => {
  it('plays every question kind on the real data: keys 1-4 and A-D pick, marks agree, summary suggests review', async () => {
    const dir = home();
    const { term, exitFile } = quizIn(dir, '--count 9 --seed kinds1', { fixture: false });
    try {
      const kinds = await play(term, 9);
      expect([...kinds].sort()).toEqual(['claim', 'event-date', 'fate', 'figure', 'order', 'who', 'year']);
      const end = await term.waitFor(/Score: \d\/9 right/);
      expect(end).toMatch(/in \d+:\d\d/);
      if (/To review:/.test(end)) expect(end).toMatch(/due for review now: run\s+'purges quiz --review'|Next review due/);
      expect(await exitCode(exitFile)).toBe(0);
      expect(cards(dir)).toHaveLength(9);
    } finally {
      term.kill();
    }
  });

  it('Ctrl+C mid-quiz exits 130 with a summary, keeping the answered cards', async () => {
    const dir = home();
    const { term, exitFile } = quizIn(dir, '--count 3 --topic people --seed e2e');
    try {
      await term.waitFor(/\(1\/3\)/);
      term.send('Enter');
      await term.waitFor(/\? \(2\/3\)/);
      term.send('C-c');
      const screen = await term.waitFor(/Quiz interrupted/);
      expect(screen).toMatch(/Score: \d\/1 right/);
      expect(await exitCode(exitFile)).toBe(130);
      expect(cards(dir)).toHaveLength(1);
      expect(term.show('#{cursor_flag}')).toBe('1');
    } finally {
      term.kill();
    }
  });

  it('--review asks the due cards first, says how many, then only new ones', async () => {
    const dir = home();
    const card = (id: string) => ({
      id,
      topic: 'people',
      seen: 1,
      correct: 0,
      lastAnswered: '2026-11-20T10:00:00.000Z',
      schedule: {
        due: '2026-11-20T10:05:00.000Z',
        stability: 0.2,
        difficulty: 7,
        elapsed_days: 0,
        scheduled_days: 0,
        reps: 1,
        lapses: 0,
        learning_steps: 0,
        state: 1,
        last_review: '2026-11-20T10:00:00.000Z',
      },
    });
    writeFileSync(
      join(dir, 'progress.json'),
      JSON.stringify({ version: 1, cards: { 'fate:yezhov': card('fate:yezhov'), 'fate:blyukher': card('fate:blyukher') } }),
    );
    const { term, exitFile } = quizIn(dir, '--review --count 4 --topic people --seed rev');
    try {
      const screen = await term.waitFor(/\? \(1\/4\)/);
      expect(screen).toMatch(/2 cards due for review, then 2 new questions\./);
      const firstTwo: string[] = [];
      for (let n = 1; n <= 4; n++) {
        const s = await term.waitFor(new RegExp(`^\\? \\(${n}/4\\) `, 'm'));
        if (n <= 2) firstTwo.push(openQuestion(s)!.text);
        term.send('1');
      }
      expect(firstTwo.sort()).toEqual(['What was the fate of Nikolai Yezhov?', 'What was the fate of Vasily Blyukher?']);
      await term.waitFor(/Score: \d\/4 right/);
      expect(await exitCode(exitFile)).toBe(0);
      expect(progress(dir).cards['fate:yezhov']!.seen).toBe(2);
    } finally {
      term.kill();
    }
  });
});

describe('the quiz without a terminal', () => {
  it('does not hang: exits 2 and points to --worksheet', () => {
    const r = purges(['quiz'], { env: { PURGES_HOME: home() } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--worksheet/);
  });

  it('prints the same worksheet for the same seed, with an answer key after a page break', () => {
    const a = purges(['quiz', '--worksheet', '--count', '5', '--seed', 'k']);
    const b = purges(['quiz', '--worksheet', '--count', '5', '--seed', 'k']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/^# Stalin's purges: quiz worksheet/);
    expect(a.stdout).toMatch(/break-before: page.*\n\n## Answer key\n\n1\. \*\*/);
    const json = JSON.parse(purges(['quiz', '--worksheet', '--count', '5', '--seed', 'k', '--format', 'json']).stdout);
    expect(json.questions).toHaveLength(5);
  });

  it.each([
    [['--count', '1', '--seed', 'x'], '1 question · topic: all', '`purges quiz --worksheet --count 1 --topic all --seed x`'],
    [
      ['--count', '3', '--topic', 'people', '--from', '1934', '--to', '1938', '--seed', 's8'],
      '3 questions · topic: people · period: 1934 to 1938',
      '`purges quiz --worksheet --count 3 --topic people --from 1934 --to 1938 --seed s8`',
    ],
    [
      ['--topic', 'events', '--count', '2', '--to', '1937-06', '--seed', "it's"],
      '2 questions · topic: events · period: … to 1937-06',
      "`purges quiz --worksheet --count 2 --topic events --to 1937-06 --seed 'it'\\''s'`",
    ],
  ])('the header reproduces the exact command, with plurals right: %j', (args, count, command) => {
    const r = purges(['quiz', '--worksheet', ...args]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(count);
    expect(r.stdout).toContain(`To print this sheet again: ${command}`);
  });

  it('--key writes the answer key to its own file, atomically, and leaves it off the sheet', () => {
    const dir = home();
    const key = join(dir, 'key.md');
    const r = purges(['quiz', '--worksheet', '--count', '4', '--seed', 'k', '--key', key]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/Answer key/);
    expect(r.stdout).toContain(`--key ${key}`);
    const text = readFileSync(key, 'utf8');
    expect(text).toMatch(/^# Stalin's purges: quiz worksheet, answer key\n/);
    expect(text.match(/^\d\. \*\*/gm)).toHaveLength(4);
    const bad = purges(['quiz', '--worksheet', '--key', join(dir, 'no', 'such', 'dir', 'key.md')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^purges: cannot write the answer key to .*: a folder on the path does not exist \(ENOENT\)\. Create it, or choose another file for --key\.\n$/,
    );
  });

  it.each([
    [['--from', '2050'], /no questions can be made for topic "all" from 2050\. Widen --from\/--to/],
    [['--topic', 'people', '--from', '1800', '--to', '1801'], /no questions can be made for topic "people" from 1800 to 1801\./],
    [['--topic', 'claims', '--to', '1850'], /no questions can be made for topic "claims" to 1850\./],
  ])('an empty selection is a clear error: %j', (args, message) => {
    for (const mode of [['--worksheet'], []]) {
      const r = purges(['quiz', ...mode, ...args], { fixture: false, env: { PURGES_HOME: home() } });
      expect(r.code).toBe(2);
      if (mode.length > 0) expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('--progress and --reset --yes work in a pipe', () => {
    const dir = home();
    expect(purges(['quiz', '--progress'], { env: { PURGES_HOME: dir } }).stderr).toMatch(/no quiz progress yet/);
    const reset = purges(['quiz', '--reset'], { env: { PURGES_HOME: dir } });
    expect(reset.code).toBe(2);
    expect(reset.stderr).toMatch(/--yes/);
    expect(purges(['quiz', '--reset', '--yes'], { env: { PURGES_HOME: dir } }).code).toBe(0);
  });

  it('--progress shows seen, due now, next due and retention per topic', () => {
    const dir = home();
    const card = (id: string, topic: string, due: string, seen = 1) => ({
      id,
      topic,
      seen,
      correct: 1,
      lastAnswered: '2026-11-20T10:00:00.000Z',
      schedule: {
        due,
        stability: 3,
        difficulty: 5,
        elapsed_days: 0,
        scheduled_days: 3,
        reps: 1,
        lapses: 0,
        learning_steps: 0,
        state: 2,
        last_review: '2026-11-20T10:00:00.000Z',
      },
    });
    writeFileSync(
      join(dir, 'progress.json'),
      JSON.stringify({
        version: 1,
        cards: {
          'fate:a': card('fate:a', 'people', '2026-11-23T10:00:00.000Z'),
          'claim:b': card('claim:b', 'claims', '2099-01-02T03:04:00.000Z'),
        },
      }),
    );
    const r = purges(['quiz', '--progress'], { env: { PURGES_HOME: dir, TZ: 'UTC' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^topic\s+cards seen\s+due now\s+next due\s+retention\n/);
    expect(r.stdout).toMatch(/\nclaims\s+1\s+0\s+2099-01-02T03:04:00.000Z\s+\d+%\n/);
    expect(r.stdout).toMatch(/\npeople\s+1\s+1\s+-\s+\d+%\n/);
    expect(JSON.parse(purges(['quiz', '--progress', '--json'], { env: { PURGES_HOME: dir } }).stdout).at(-1)).toMatchObject({
      topic: 'all',
      cards: 2,
      due: 1,
    });
    expect(r.stderr).toMatch(/1 card is due: 'purges quiz --review' asks them first\./);
  });
});
