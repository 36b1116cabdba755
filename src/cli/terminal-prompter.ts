/**
 * The production prompter: prompts drawn with @inquirer/core, loaded only when the quiz runs.
 * A choice is picked with the arrows and Enter, or at once with 1-4 or A-D; an answered prompt
 * shows ✔ or ✘ by whether the answer was right. Ctrl+C becomes an InterruptError; close()
 * aborts an open prompt and waits until inquirer has shown the cursor and left raw mode.
 */
import { InterruptError } from '../errors.js';
import type { Prompter } from '../quiz/prompter.js';
import { LETTERS } from '../render/question-view.js';
import { sanitizeLine, sanitizeText } from '../render/sanitize.js';
import type { Style } from '../render/style.js';

type Core = typeof import('@inquirer/core');

interface ChoiceConfig {
  message: string;
  choices: readonly string[];
  judge?: (choice: string) => boolean;
}

interface TextConfig {
  message: string;
  validate: (value: string) => true | string;
  judge?: (value: string) => boolean;
}

const SHOW_CURSOR = '\u001b[?25h';
// A menu hides the cursor while it is open (inquirer shows it again when the prompt ends).
const HIDE_CURSOR = '\u001b[?25l';

function mark(style: Style, judge: ((v: string) => boolean) | undefined, value: string): string {
  if (!judge) return style.green('✔');
  return judge(value) ? style.green('✔') : style.red('✘');
}

function prompts(core: Core, style: Style) {
  const choose = core.createPrompt<string, ChoiceConfig>((config, done) => {
    const [active, setActive] = core.useState(0);
    const [chosen, setChosen] = core.useState<string | undefined>(undefined);
    const count = config.choices.length;
    const pickAt = (i: number) => {
      const value = config.choices[i]!;
      setChosen(value);
      done(value);
    };
    core.useKeypress((key) => {
      if (chosen !== undefined) return;
      if (core.isEnterKey(key)) return pickAt(active);
      if (core.isUpKey(key)) return setActive((active - 1 + count) % count);
      if (core.isDownKey(key)) return setActive((active + 1) % count);
      const letter = LETTERS.indexOf(key.name.toUpperCase());
      const digit = /^[1-9]$/.test(key.name) ? Number(key.name) - 1 : -1;
      const i = key.name.length === 1 ? (digit >= 0 ? digit : letter) : -1;
      if (i >= 0 && i < count) pickAt(i);
    });
    const message = sanitizeText(config.message);
    if (chosen !== undefined) return `${mark(style, config.judge, chosen)} ${style.bold(message)} ${style.cyan(sanitizeLine(chosen))}`;
    const lines = config.choices.map((c, i) => {
      const text = `${LETTERS[i] ?? i + 1}. ${sanitizeLine(c)}`;
      return i === active ? style.cyan(`❯ ${text}`) : `  ${text}`;
    });
    return `${style.blue('?')} ${style.bold(message)}\n${lines.join('\n')}\n${style.dim('  (↑↓ and Enter, or press 1-4 or A-D)')}${HIDE_CURSOR}`;
  });

  const text = core.createPrompt<string, TextConfig>((config, done) => {
    const [value, setValue] = core.useState('');
    const [error, setError] = core.useState<string | undefined>(undefined);
    const [finished, setFinished] = core.useState(false);
    core.useKeypress((key, rl) => {
      if (finished) return;
      if (core.isEnterKey(key)) {
        const valid = config.validate(value);
        if (valid === true) {
          setFinished(true);
          done(value);
        } else {
          rl.write(value);
          setError(valid);
        }
        return;
      }
      setValue(rl.line);
      setError(undefined);
    });
    const message = sanitizeText(config.message);
    if (finished) return `${mark(style, config.judge, value)} ${style.bold(message)} ${style.cyan(sanitizeLine(value))}`;
    return [`${style.blue('?')} ${style.bold(message)} ${sanitizeLine(value)}`, error ? style.red(`> ${error}`) : ''];
  });

  return { choose, text };
}

/** Makes the terminal prompter (loads @inquirer/core and the confirm prompt, both bundled). */
export async function terminalPrompter(style: Style): Promise<Prompter> {
  const [core, { default: confirm }] = await Promise.all([import('@inquirer/core'), import('@inquirer/confirm')]);
  const { choose, text } = prompts(core, style);
  let open: { controller: AbortController; settled: Promise<unknown> } | undefined;

  const run = async <T>(ask: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    const pending = ask(controller.signal);
    open = { controller, settled: pending.catch(() => undefined) };
    try {
      return await pending;
    } catch (e) {
      const name = (e as Error).name;
      if (name === 'ExitPromptError' || name === 'AbortPromptError') throw new InterruptError('Quiz interrupted.');
      throw e;
    } finally {
      open = undefined;
    }
  };

  return {
    select: (message, choices, judge) => run((signal) => choose({ message, choices, judge }, { signal })),
    input: (message, validate, judge) => run((signal) => text({ message, validate, judge }, { signal })),
    confirm: (message) => run((signal) => confirm({ message: sanitizeText(message), default: false }, { signal })),
    async close() {
      const current = open;
      if (current) {
        current.controller.abort();
        await current.settled;
      }
      // Whatever state a prompt left: the cursor back on, and the terminal out of raw mode.
      if (process.stdout.isTTY) process.stdout.write(SHOW_CURSOR);
      if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
    },
  };
}
