/**
 * The launcher runs the bundle through a V8 code cache kept in the user's cache folder: it
 * never writes into the installed package, never carries the build machine's paths, and a
 * missing, damaged or unwritable cache never matters.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const TMP = mkdtempSync(join(tmpdir(), 'purges-launch-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

let copies = 0;
/** A copy of dist/ (an "installed package") and an empty home for its caches. */
function install(): { dist: string; home: string } {
  const root = join(TMP, String(copies++));
  cpSync('dist', join(root, 'dist'), { recursive: true });
  return { dist: join(root, 'dist'), home: join(root, 'home') };
}

const run = (dist: string, home: string, args = ['person', 'kirov'], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(dist, 'launch.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', PURGES_HOME: home, NODE_DISABLE_COMPILE_CACHE: undefined, ...env },
  });

const listing = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();
const cacheFiles = (home: string) => {
  try {
    return readdirSync(join(home, 'cache', 'code')).filter((f) => f.endsWith('.bin'));
  } catch {
    return [];
  }
};

describe('the code-cache launcher', () => {
  it('writes its cache in the cache folder, never in the package, and reuses it', () => {
    const { dist, home } = install();
    const before = listing(dist);
    const first = run(dist, home);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(listing(dist)).toEqual(before);
    const [name] = cacheFiles(home);
    expect(name).toMatch(new RegExp(`^cli-${process.version}-${process.arch}-\\w+-\\w{16}\\.bin$`));
    const file = join(home, 'cache', 'code', name!);
    const written = statSync(file).mtimeMs;
    const second = run(dist, home);
    expect(second.stdout).toBe(first.stdout);
    expect(statSync(file).mtimeMs).toBe(written);
  });

  it('keeps a cache for each kind of run (command, options named, terminal or not), written once', () => {
    const { dist, home } = install();
    run(dist, home);
    run(dist, home, ['timeline', '--from', '1937']);
    const files = cacheFiles(home);
    expect(files).toHaveLength(2);
    const times = files.map((f) => statSync(join(home, 'cache', 'code', f)).mtimeMs);
    run(dist, home, ['timeline', '--from', '1934']);
    run(dist, home, ['person', 'yezhov']);
    expect(cacheFiles(home)).toEqual(files);
    expect(files.map((f) => statSync(join(home, 'cache', 'code', f)).mtimeMs)).toEqual(times);
    run(dist, home, ['timeline', '--to', '1934']);
    expect(cacheFiles(home)).toHaveLength(3);
  });

  it('holds the path of the installed copy, not the path of the build', () => {
    const { dist, home } = install();
    run(dist, home);
    const data = readFileSync(join(home, 'cache', 'code', cacheFiles(home)[0]!));
    expect(data.includes(Buffer.from(join(dist, 'cli.js')))).toBe(true);
    expect(data.includes(Buffer.from(join(process.cwd(), 'dist', 'cli.js')))).toBe(false);
  });

  it('ignores a damaged or truncated cache and replaces it', () => {
    for (const damage of ['not a V8 code cache', '', '\u0000\u0000\u0000\u0007["x"]garbage']) {
      const { dist, home } = install();
      run(dist, home);
      const file = join(home, 'cache', 'code', cacheFiles(home)[0]!);
      writeFileSync(file, damage);
      const r = run(dist, home);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^Sergei Kirov/);
      expect(readFileSync(file).length).toBeGreaterThan(1000);
    }
  });

  it('runs with an unwritable cache folder, and writes nothing when caching is off', () => {
    const { dist, home } = install();
    writeFileSync(join(TMP, 'a-file'), '');
    const blocked = run(dist, join(TMP, 'a-file'));
    expect(blocked.status).toBe(0);
    expect(blocked.stderr).toBe('');
    const off = run(dist, home, ['person', 'kirov'], { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(off.status).toBe(0);
    expect(() => statSync(join(home, 'cache', 'code'))).toThrow();
  });

  // CI runs the end-to-end tests on Node 22 and 24 as well.
  it.skipIf(Number(process.versions.node.split('.')[0]) < 22)("turns on Node's compile cache, in the same folder", () => {
    const { dist, home } = install();
    expect(run(dist, home).status).toBe(0);
    expect(readdirSync(join(home, 'cache', 'code', 'node')).length).toBeGreaterThan(0);
  });

  it('never creates a missing home folder, and keeps no temporary file when it cannot write', () => {
    const { dist } = install();
    for (const env of [
      { PURGES_HOME: '', HOME: join(TMP, 'no-such-home'), XDG_CACHE_HOME: '' },
      { PURGES_HOME: '', HOME: join(TMP, 'no-such-home'), XDG_CACHE_HOME: join(TMP, 'no-such-home', 'cache') },
    ]) {
      const r = spawnSync(process.execPath, [join(dist, 'launch.js'), 'person', 'kirov'], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', NODE_DISABLE_COMPILE_CACHE: undefined, ...env },
      });
      expect(r.status).toBe(0);
      expect(() => statSync(join(TMP, 'no-such-home'))).toThrow();
    }
    // A cache folder whose files cannot be written (a read-only bind is not available everywhere;
    // a folder named like the cache file stops the rename): no *.tmp stays behind.
    const { home } = install();
    expect(run(dist, home).status).toBe(0);
    const [file] = cacheFiles(home);
    const codeDir = join(home, 'cache', 'code');
    rmSync(join(codeDir, file!));
    mkdirSync(join(codeDir, file!));
    expect(run(dist, home).status).toBe(0);
    expect(readdirSync(codeDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('does not record a run that failed', () => {
    const { dist, home } = install();
    expect(run(dist, home, ['person']).status).toBe(2);
    expect(cacheFiles(home)).toEqual([]);
  });
});
