/**
 * `purges check` end to end, on the built CLI and the fixture knowledge base: the three
 * ways in, the three ways out, --strict, and bad input that must fail in one line, fast.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectGolden, purges } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'purges-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const ESSAY = [
  '# The Great Terror',
  '',
  'Sergei Kirov was assassinated on 1 December 1934. Nikolai Yezhov, who ran the NKVD, was shot in 1939.',
  'Bukharin was arrested in February 1937 and shot on 15 March 1938. Marshal Blücher was shot in November 1938.',
  'About 353,074 people were shot in 1937. It was a dark time.',
  '',
].join('\n');

describe('purges check', () => {
  it('prints each statement with its place, verdict, the record and sources, then a summary', () => {
    const r = purges(['check', file('essay.txt', ESSAY)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expectGolden('check-essay.txt', r.stdout);
    expect(r.stdout).toMatch(
      /^3:51 +✘ inaccurate +“Nikolai Yezhov, who ran the NKVD, was shot in 1939”\n +The record: shot on 4 February 1940\.\n +Sources: /m,
    );
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('6 statements checked: 2 inaccurate, 0 disputed, 0 unsupported, 4 accurate.');
  });

  it('reads standard input with -, and --text', () => {
    const fromStdin = purges(['check', '-'], { input: ESSAY });
    expect(fromStdin.stdout).toBe(purges(['check', file('same.txt', ESSAY)]).stdout);
    const r = purges(['check', '--text', 'Yezhov was shot in 1940.']);
    expect(r.stdout).toContain('✔ accurate');
  });

  it('prints the findings as JSON with stable fields', () => {
    const r = purges(['check', '--json', '--text', 'Yezhov was shot in 1939.']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        line: 1,
        column: 1,
        text: 'Yezhov was shot in 1939',
        verdict: 'inaccurate',
        explanation: 'The record: shot on 4 February 1940.',
        expected: 'shot on 4 February 1940',
        ref: { kind: 'person', id: 'yezhov' },
        sources: ['jansen-petrov-2002'],
      },
    ]);
  });

  it('writes a Markdown report, and lists unchecked sentences with --all', () => {
    const r = purges(['check', '--format', 'md', '--all', file('essay.md', ESSAY)]);
    expect(r.stdout).toMatch(/^# Fact-check report: .*essay\.md\n\n\*\*6 statements checked: .*; 2 sentences not checked\.\*\*\n/);
    expect(r.stdout).toContain('**Not checked** (line 5, column 41): “It was a dark time.”');
    expect(r.stdout).toContain('## Sources');
    const json = JSON.parse(purges(['check', '--json', '--all', '--text', 'It rained.']).stdout);
    expect(json).toEqual([
      { line: 1, column: 1, text: 'It rained.', verdict: 'not checked', explanation: expect.any(String), ref: null, sources: [] },
    ]);
  });

  it('exits 1 with --strict when a statement is inaccurate, after printing the report', () => {
    const bad = purges(['check', '--strict', '--text', 'Yezhov was shot in 1939.']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('✘ inaccurate');
    expect(bad.stderr).toBe('purges: 1 inaccurate statement (--strict)\n');
    expect(purges(['check', '--strict', '--text', 'Yezhov was shot in 1940.']).code).toBe(0);
  });

  it('keeps escape sequences in the text off the terminal', () => {
    const r = purges(['check', '--text', 'Yezhov\u001b[2J was shot \u009b31m in 1939.\u0007 Yezhov was shot in 1939.']);
    expect(r.stdout).not.toMatch(/[\u001b\u009b\u0007]/);
    expect(r.stdout).toContain('inaccurate');
  });
});

type Case = [label: string, args: () => string[], code: number, stderr: RegExp, stdout?: RegExp];

const BAD: Case[] = [
  [
    'a binary file',
    () => ['check', file('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0xff]))],
    1,
    /image\.png: not a text file/,
  ],
  [
    'invalid UTF-8',
    () => ['check', file('latin1.txt', Buffer.from('Yezhov was shot in 1939 \xe9t\xe9.', 'latin1'))],
    1,
    /not valid UTF-8: an invalid byte at offset 24/,
  ],
  [
    'a 50 MB file',
    () => ['check', file('huge.txt', Buffer.alloc(50 * 1024 * 1024, 'a'))],
    1,
    /too large: 52,428,800 bytes, and the limit is 1 MB/,
  ],
  ['a directory', () => ['check', dir], 1, /is a directory/],
  ['a missing file', () => ['check', join(dir, 'nope.txt')], 1, /cannot read .*nope\.txt \(ENOENT\): does not exist\. Check the path\./],
  ['no text at all', () => ['check'], 2, /nothing to check/],
  ['a file and --text', () => ['check', 'a.txt', '--text', 'b'], 2, /give a file or --text, not both/],
  ['an unknown format', () => ['check', '--format', 'html', '--text', 'x'], 2, /--format does not accept "html"/],
];

describe('purges check: bad input', () => {
  it.each(BAD)('%s', (_label, args, code, stderr) => {
    const started = Date.now();
    const r = purges(args(), { timeout: 15000 });
    expect(Date.now() - started).toBeLessThan(10000);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(stderr);
    expect(r.stderr).toMatch(/^purges: [^\n]*\n$/);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:|internal error/);
  });

  it('refuses a FIFO without waiting for a writer', () => {
    const fifo = join(dir, 'fifo');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo here (Windows)
    const r = purges(['check', fifo], { timeout: 5000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^purges: .*fifo: not a regular file\. Pipe it in instead/);
  });

  it('gives an empty report for an empty file or empty standard input', () => {
    for (const r of [purges(['check', file('empty.txt', '')]), purges(['check', '-'], { input: '' })]) {
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('0 statements checked: 0 inaccurate, 0 disputed, 0 unsupported, 0 accurate.\n');
    }
  });
});
