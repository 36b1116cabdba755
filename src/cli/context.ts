import type { Style } from '../render/style.js';
import type { Kb } from '../kb/model.js';
import type { Prompter } from '../quiz/prompter.js';

/** Where a command writes: a stream plus what is known about the terminal behind it. */
export interface Output {
  write(text: string): void;
  isTTY: boolean;
  /** Terminal width in columns; 80 when unknown (a pipe or a file). */
  columns: number;
  /** Terminal height in rows; undefined when not a terminal. */
  rows?: number;
}

/** Everything a command may depend on that varies between a real run and a test. */
export interface Ctx {
  out: Output;
  err: Output;
  /** True when stdin is a terminal (the quiz needs one). */
  stdinIsTTY: boolean;
  /** Standard input as a stream of bytes (`purges check -`). */
  stdin: () => AsyncIterable<Uint8Array>;
  /** Colour functions; level 0 when colour is off. */
  style: Style;
  env: Record<string, string | undefined>;
  now: () => Date;
  random: () => number;
  /** The knowledge base: bundled data plus any `--data` packs, loaded on first use. */
  kb: () => Promise<Kb>;
  /** Data packs from `--data` and PURGES_DATA, in the order given. */
  dataPaths: string[];
  /** The quiz's prompter (Inquirer.js in a terminal), made on first use. */
  prompter: () => Promise<Prompter>;
  /** Lets long output through a pager on a terminal (off with `--no-pager`). */
  pager: boolean;
}
