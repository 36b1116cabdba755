/** The launcher runs the bundle through V8's code cache; a missing or bad cache must never matter. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function copyOfDist(): string {
  const dist = join(mkdtempSync(join(tmpdir(), 'purges-launch-')), 'dist');
  mkdirSync(dist);
  for (const f of ['launch.js', 'cli.js', 'kb.json', 'search-index.json']) copyFileSync(join('dist', f), join(dist, f));
  return dist;
}

const run = (dist: string) =>
  spawnSync(process.execPath, [join(dist, 'launch.js'), 'person', 'kirov'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('the code-cache launcher', () => {
  it('writes a cache on the first run and uses it after', () => {
    const dist = copyOfDist();
    const first = run(dist);
    expect(first.status).toBe(0);
    expect(first.stderr).toBe('');
    expect(existsSync(join(dist, 'cli.js.cache'))).toBe(true);
    const cache = readFileSync(join(dist, 'cli.js.cache'));
    const second = run(dist);
    expect(second.stdout).toBe(first.stdout);
    expect(readFileSync(join(dist, 'cli.js.cache')).equals(cache)).toBe(true);
  });

  it('ignores a damaged cache and replaces it', () => {
    const dist = copyOfDist();
    writeFileSync(join(dist, 'cli.js.cache'), 'not a V8 code cache');
    const r = run(dist);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Sergei Kirov/);
    expect(readFileSync(join(dist, 'cli.js.cache'), 'utf8')).not.toBe('not a V8 code cache');
  });
});
