import { InterruptError } from '../errors.js';
import { importExternal } from '../external.js';
import type { Prompter } from './prompter.js';
import { sanitizeLine, sanitizeText } from '../render/sanitize.js';

/**
 * The production prompter: Inquirer.js prompts, loaded only when the quiz runs. The three
 * prompt packages are imported alone: @inquirer/prompts would load all ten (~20 ms more).
 * Ctrl+C becomes an InterruptError.
 */
export async function inquirerPrompter(): Promise<Prompter> {
  const [{ default: select }, { default: input }, { default: confirm }] = await Promise.all([
    importExternal<typeof import('@inquirer/select')>('@inquirer/select'),
    importExternal<typeof import('@inquirer/input')>('@inquirer/input'),
    importExternal<typeof import('@inquirer/confirm')>('@inquirer/confirm'),
  ]);
  const interruptible = async <T>(ask: () => Promise<T>): Promise<T> => {
    try {
      return await ask();
    } catch (e) {
      if ((e as Error).name === 'ExitPromptError') throw new InterruptError('Quiz interrupted.');
      throw e;
    }
  };
  return {
    select: (message, choices) =>
      interruptible(() =>
        select({ message: sanitizeText(message), choices: choices.map((c) => ({ name: sanitizeLine(c), value: c })), pageSize: 8 }),
      ),
    input: (message, validate) => interruptible(() => input({ message: sanitizeText(message), validate })),
    confirm: (message) => interruptible(() => confirm({ message: sanitizeText(message), default: false })),
  };
}
