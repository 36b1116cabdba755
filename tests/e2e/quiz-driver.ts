/** Drives the interactive quiz in a real terminal (tmux) for end-to-end tests. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, FIXTURE_KB } from './run.js';
import { Terminal } from './tmux.js';

/** Starts `purges quiz ARGS` in a terminal; `fixture: false` uses the real bundled data. */
export function quizIn(
  dir: string,
  args: string,
  options: { fixture?: boolean; env?: Record<string, string>; size?: [number, number]; wrapper?: string } = {},
) {
  const exitFile = join(dir, `exit-code-${Math.random().toString(36).slice(2, 8)}`);
  const env: Record<string, string> = { NO_COLOR: '1', PURGES_HOME: dir, TERM: 'xterm-256color', TZ: 'UTC', ...options.env };
  if (options.fixture !== false) env.PURGES_BASE = FIXTURE_KB;
  const term = Terminal.start(
    `${options.wrapper ? `${options.wrapper} ` : ''}node ${BIN} quiz ${args}; echo $? > ${exitFile}`,
    env,
    options.size ?? [100, 50],
  );
  return { term, exitFile };
}

export async function exitCode(file: string): Promise<number> {
  const end = Date.now() + 15000;
  while (!existsSync(file) || readFileSync(file, 'utf8').trim() === '') {
    if (Date.now() > end) throw new Error('the quiz did not exit');
    await new Promise((r) => setTimeout(r, 100));
  }
  return Number(readFileSync(file, 'utf8').trim());
}

/**
 * Waits for question `n` of `total`, answers it (a choice key, a year, or an order), and waits
 * until the answer is saved: the next question, or the score, appears only after the save.
 */
export async function answerOne(term: Terminal, n: number, total: number, key = '1'): Promise<string> {
  const screen = await term.waitFor(new RegExp(`^\\? \\(${n}/${total}\\) `, 'm'));
  const last = screen
    .split('\n')
    .filter((l) => new RegExp(`^\\? \\(${n}/${total}\\) `).test(l))
    .at(-1)!;
  if (/In what year\?/.test(last)) term.send('1937', 'Enter');
  else if (/Put these events/.test(last)) term.send('ABCD', 'Enter');
  else term.send(key);
  await term.waitFor(new RegExp(`^[✔✘] \\(${n}/${total}\\) [\\s\\S]*^[✔✘] (Right|Not quite|\\d of 4 in place)`, 'm'));
  return term.waitFor(n < total ? new RegExp(`^\\? \\(${n + 1}/${total}\\) `, 'm') : /Score: /);
}
