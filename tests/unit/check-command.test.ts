/** `purges check`: run() with a fake context, and its renderers as strings. */
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { run as check } from '../../src/commands/check.js';
import { StrictCheckError, UsageError } from '../../src/errors.js';
import type { Finding } from '../../src/kb/finding.js';
import type { Kb } from '../../src/kb/model.js';
import { checkSummary, renderCheckMarkdown } from '../../src/render/check.js';
import { invalidUtf8At } from '../../src/cli/read-text.js';
import { fakeCtx, fixtureKb } from '../helpers.js';

let kb: Kb;
beforeAll(async () => {
  kb = await fixtureKb();
});

describe('check run()', () => {
  it('reads standard input through the context', async () => {
    const ctx = fakeCtx(kb, { stdin: () => Readable.from([Buffer.from('Yezhov was shot '), Buffer.from('in 1939.')]) });
    await check('-', { json: true }, ctx);
    expect(JSON.parse(ctx.out.text)).toMatchObject([{ verdict: 'inaccurate', ref: { kind: 'person', id: 'yezhov' } }]);
  });

  it('throws after writing the report when --strict finds something inaccurate', async () => {
    const ctx = fakeCtx(kb);
    await expect(check(undefined, { text: 'Yezhov was shot in 1939. Kirov was born in 1886.', strict: true }, ctx)).rejects.toThrow(
      new StrictCheckError('1 inaccurate statement (--strict)'),
    );
    expect(ctx.out.text).toMatch(/2 statements checked: 1 inaccurate, 0 disputed, 0 unsupported, 1 accurate\.\n$/);
  });

  it('wants exactly one of a file and --text', async () => {
    await expect(check(undefined, {}, fakeCtx(kb))).rejects.toBeInstanceOf(UsageError);
    await expect(check('a.txt', { text: 'x' }, fakeCtx(kb))).rejects.toBeInstanceOf(UsageError);
  });
});

const finding = (over: Partial<Finding>): Finding => ({
  start: 0,
  end: 4,
  line: 1,
  column: 1,
  verdict: 'inaccurate',
  explanation: 'The record: shot on 4 February 1940.',
  ref: { kind: 'person', id: 'yezhov' },
  sources: ['jansen-petrov-2002'],
  ...over,
});

describe('check renderers', () => {
  it('counts in the order inaccurate, disputed, unsupported, accurate, in the singular for one', () => {
    expect(checkSummary([finding({})])).toBe('1 statement checked: 1 inaccurate, 0 disputed, 0 unsupported, 0 accurate.');
    expect(checkSummary([], [])).toBe(
      '0 statements checked: 0 inaccurate, 0 disputed, 0 unsupported, 0 accurate; 0 sentences not checked.',
    );
  });

  it('escapes Markdown in quoted text and keeps control characters out', () => {
    const text = '*Ye*_z_\u001b[31m [x](y)';
    const md = renderCheckMarkdown({
      text,
      findings: [finding({ end: text.length })],
      label: 'essay.txt',
      source: (id) => kb.source(id),
      cite: () => 'Jansen & Petrov 2002',
    });
    expect(md).toContain('“\\*Ye\\*\\_z\\_ \\[x\\](y)”');
    expect(md).not.toContain('\u001b');
    expect(md).toMatch(/^# Fact-check report: essay\.txt\n/);
    expect(md).toContain('## Sources\n\n- Jansen, Marc, and Nikita Petrov.');
  });
});

describe('invalidUtf8At', () => {
  it.each([
    ['plain ASCII', [0x41, 0x42], -1],
    ['Cyrillic and an emoji', [...Buffer.from('Ежов 😀')], -1],
    ['a Latin-1 byte', [0x41, 0xe9, 0x41], 1],
    ['a truncated sequence at the end', [0x41, 0xd0], 1],
    ['an overlong encoding', [0xe0, 0x80, 0xaf], 0],
    ['a surrogate half', [0xed, 0xa0, 0x80], 0],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
  ])('%s', (_label, bytes, offset) => {
    expect(invalidUtf8At(Uint8Array.from(bytes))).toBe(offset);
  });
});
