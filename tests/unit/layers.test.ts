/**
 * Imports run one way: commands -> quiz | check | render -> kb -> errors. Nothing in quiz/,
 * check/, render/ or kb/ imports cli/ or commands/; the worksheet renderer and quiz/ do not import each other
 * (the question type both need lives in render/question-view.ts, below both).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every local import of a file (static, type-only and dynamic), as paths under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((m) => m[1]!);
  return specs.map((s) => relative('src', resolve(join(file, '..'), s)).replace(/\.js$/, '.ts'));
}

const SRC = files('src').map((f) => relative('.', f));

describe('layers', () => {
  it.each([
    ['quiz', ['cli/', 'commands/', 'render/worksheet.ts', 'check/']],
    ['render', ['cli/', 'commands/', 'quiz/', 'check/']],
    ['check', ['cli/', 'commands/', 'quiz/', 'render/']],
    ['kb', ['cli/', 'commands/', 'quiz/', 'render/', 'check/']],
  ])('nothing in %s/ imports %j', (layer, forbidden) => {
    const bad = SRC.filter((f) => f.startsWith(`src/${layer}/`)).flatMap((f) =>
      importsOf(f)
        .filter((i) => forbidden.some((x) => i.startsWith(x)))
        .map((i) => `${f} -> ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('the quiz command body lives in commands/, not quiz/', () => {
    expect(SRC.filter((f) => f.startsWith('src/commands/quiz'))).toEqual(
      expect.arrayContaining(['src/commands/quiz.ts', 'src/commands/quiz-run.ts', 'src/commands/quiz-interactive.ts']),
    );
    expect(SRC).not.toContain('src/quiz/run.ts');
  });
});
