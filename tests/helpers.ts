import { Chalk } from 'chalk';
import { buildBundled } from '../src/kb/build.js';
import { Kb } from '../src/kb/model.js';
import type { Ctx, Output } from '../src/cli/context.js';

/** The tiny fixture knowledge base (tests/fixtures/kb), checked like a pack. */
export async function fixtureKb(): Promise<Kb> {
  return new Kb(await buildBundled('tests/fixtures/kb'));
}

/** The real bundled data, checked as the build checks it. */
export async function bundledKb(): Promise<Kb> {
  return new Kb(await buildBundled('data'));
}

/** An Output that records what is written. */
export function bufferOutput(isTTY = false, columns = 80): Output & { text: string } {
  const out = { text: '', isTTY, columns, rows: isTTY ? 24 : undefined, write: (s: string) => void (out.text += s) };
  return out;
}

/** A context over a given knowledge base, with buffers for output and a fixed clock. */
export function fakeCtx(
  kb: Kb,
  overrides: Partial<Ctx> = {},
): Ctx & { out: ReturnType<typeof bufferOutput>; err: ReturnType<typeof bufferOutput> } {
  return {
    out: bufferOutput(),
    err: bufferOutput(),
    stdinIsTTY: false,
    style: new Chalk({ level: 0 }),
    env: {},
    now: () => new Date('2026-12-01T12:00:00Z'),
    random: Math.random,
    kb: async () => kb,
    pager: false,
    prompter: async () => {
      throw new Error('no prompter in this test');
    },
    dataPaths: [],
    ...overrides,
  } as Ctx & { out: ReturnType<typeof bufferOutput>; err: ReturnType<typeof bufferOutput> };
}
