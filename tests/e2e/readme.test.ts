/**
 * The README's examples are real output: each console block that runs one `purges`
 * command (not interactive, not cut with "...") must match what the built CLI prints in a
 * pipe. UPDATE_README=1 rewrites the blocks instead.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { purges } from './run.js';

// The data-pack example runs in a folder holding the README's ./my-pack.
const CWD = mkdtempSync(join(tmpdir(), 'purges-readme-'));
mkdirSync(join(CWD, 'my-pack'));
writeFileSync(
  join(CWD, 'my-pack', 'people.json'),
  JSON.stringify([{ id: 'test', name: 'Test', born: '1934-13-01', fate: 'executed', summary: 'A test record.', sources: ['nope'] }]),
);
afterAll(() => rmSync(CWD, { recursive: true, force: true }));

const README = 'README.md';
const BLOCK = /```console\n\$ purges ([^\n|]*)\n([\s\S]*?)```/g;

/** Splits a shell-like argument line: quotes group words. */
function argv(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

const text = readFileSync(README, 'utf8');
const blocks = [...text.matchAll(BLOCK)].filter(
  ([, args, body]) => !body!.includes('\n...\n') && !body!.includes('\n$ ') && !/^quiz --count/.test(args!),
);

describe('README examples', () => {
  it('has examples to check', () => expect(blocks.length).toBeGreaterThanOrEqual(8));

  it.each(blocks.map(([, args, body]) => [args!, body!]))('purges %s', (args, body) => {
    const r = purges(argv(args), { fixture: false, cwd: CWD });
    const actual = r.stdout + r.stderr;
    if (process.env.UPDATE_README) {
      const now = readFileSync(README, 'utf8');
      writeFileSync(
        README,
        now.replace(`\`\`\`console\n$ purges ${args}\n${body}\`\`\``, `\`\`\`console\n$ purges ${args}\n${actual}\`\`\``),
      );
      return;
    }
    expect(actual).toBe(body);
  });
});
