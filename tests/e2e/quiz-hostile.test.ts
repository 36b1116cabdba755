/**
 * Quiz feedback from a hostile data pack: names, titles, roles, summaries and source authors
 * carry OSC 0/2 (window title), OSC 52 (clipboard), OSC 8 (hyperlink), CSI (clear, blink)
 * and C1 sequences. Played in tmux with every answer wrong, so "The answer:" and "Source:"
 * lines show them; the raw bytes the quiz wrote must hold none, and the title must not change.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exitCode, quizIn } from './quiz-driver.js';
import { HAS_TMUX, SOCKET } from './tmux.js';

const TMP = mkdtempSync(join(tmpdir(), 'purges-quiz-hostile-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const VARIANTS = [
  '\u001b]0;pwned-title\u0007',
  '\u001b]2;pwned-title\u001b\\',
  '\u001b]52;c;cHduZWQ=\u0007',
  '\u001b]8;;http://evil.example/\u0007click\u001b]8;;\u0007',
  '\u001b[2J\u001b[5m',
  '\u009b5m\u009d0;pwned-title\u009c',
];

function hostilePack(): string {
  const dir = mkdtempSync(join(TMP, 'pack-'));
  const v = (i: number) => VARIANTS[i % VARIANTS.length]!;
  writeFileSync(
    join(dir, 'sources.json'),
    JSON.stringify(
      VARIANTS.map((x, i) => ({ id: `evil-${i}`, authors: [`Evil ${x}Author${i}`], title: `T ${x}`, year: 2000, kind: 'popular' })),
    ),
  );
  const fates = ['executed', 'survived', 'suicide', 'died-in-custody', 'natural-death', 'executed'];
  writeFileSync(
    join(dir, 'people.json'),
    JSON.stringify(
      VARIANTS.map((x, i) => ({
        id: `evil-${i}`,
        name: `Person${i} ${x}Evil`,
        born: `${1890 + i}`,
        died: `${1937 + i}-08-05`,
        fate: fates[i],
        roles: [{ title: `Keeper of the ${x} seal number ${i}`, from: '1930', to: '1936', kind: 'post' }],
        summary: `Summary ${v(i + 1)} of person ${i}. Arrested and released.`,
        sources: [`evil-${i}`],
        ...(fates[i] === 'survived' ? { repression: { arrested: '1938' } } : {}),
      })),
    ),
  );
  writeFileSync(
    join(dir, 'events.json'),
    JSON.stringify(
      VARIANTS.map((x, i) => ({
        id: `evil-event-${i}`,
        date: `${1925 + 2 * i}-0${1 + i}-1${i}`,
        title: `Event ${x} number ${['one', 'two', 'three', 'four', 'five', 'six'][i]}`,
        summary: `Happened ${v(i + 2)}.`,
        category: 'trial',
        people: [],
        sources: [`evil-${i}`],
      })),
    ),
  );
  for (const f of ['statistics', 'claims', 'eras']) writeFileSync(join(dir, `${f}.json`), '[]');
  return dir;
}

// Any OSC (ESC ]), any SGR (colour, blink: no colour is asked for), a clear screen, or a C1 control.
const FOREIGN = /\u001b\]|\u001b\[[0-9;]*m|\u001b\[2J|[\u0080-\u009f]/;

describe.skipIf(!HAS_TMUX)('hostile text in quiz feedback', { timeout: 60000 }, () => {
  it.each([
    ['people', 6],
    ['events', 6],
  ])('topic %s: no escape from the data reaches the terminal, the title stays', async (topic, count) => {
    const home = mkdtempSync(join(TMP, 'home-'));
    const pack = hostilePack();
    const raw = join(home, 'raw');
    const { term, exitFile } = quizIn(home, `--topic ${topic} --count ${count} --seed evil`, {
      env: { PURGES_BASE: pack },
      fixture: false,
    });
    try {
      execFileSync('tmux', ['-L', SOCKET, 'pipe-pane', '-o', '-t', term.name, `cat >> ${raw}`]);
      const title = term.show('#{pane_title}');
      let answered = 0;
      for (let n = 1; n <= count; n++) {
        const screen = await term.waitFor(new RegExp(`^\\? \\(${n}/\\d+\\) |Score: `, 'm'));
        if (/Score: /.test(screen)) break;
        const last =
          screen
            .split('\n')
            .filter((l) => l.trim())
            .at(-1) ?? '';
        if (/Year:/.test(last)) term.send('1800', 'Enter');
        else if (/Order/.test(last)) term.send('DCBA', 'Enter');
        else term.send('4');
        answered++;
        await term.waitFor(new RegExp(`^[✔✘] \\(${n}/`, 'm'));
      }
      const end = await term.waitFor(/Score: /);
      expect(answered).toBeGreaterThan(2);
      expect(end).toMatch(/The answer: /);
      expect(end, end).toMatch(/Source: \S*Author/);
      expect(await exitCode(exitFile)).toBe(0);
      const bytes = readFileSync(raw, 'latin1');
      expect(bytes).toContain('Source: '); // the capture works
      expect(Buffer.from(bytes, 'latin1').toString('utf8')).not.toMatch(FOREIGN);
      expect(term.show('#{pane_title}')).toBe(title);
    } finally {
      term.kill();
    }
  });
});
