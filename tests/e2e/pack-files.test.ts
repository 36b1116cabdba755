/**
 * A data pack's "files" may be anything a path can name: FIFOs, devices, folders, links that
 * loop or lead nowhere, files too big to read whole, folders that cannot be read. Each gets one
 * line that names the file and says what to do, exit 1, promptly, in bounded memory, never a
 * stack trace or a hang.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, purges } from './run.js';

const TMP = mkdtempSync(join(tmpdir(), 'purges-packfiles-'));
afterAll(() => {
  try {
    chmodSync(join(TMP, 'locked'), 0o755);
  } catch {}
  rmSync(TMP, { recursive: true, force: true });
});
let n = 0;
const folder = () => {
  const dir = join(TMP, `pack-${n++}`);
  mkdirSync(dir);
  return dir;
};
const fifo = (path: string) => execFileSync('mkfifo', [path]);

/** Runs purges on a pack both ways it is read (loaded with --data, and validated). */
function expectRefused(pack: string, message: RegExp) {
  for (const args of [
    ['--data', pack, 'person', 'kirov'],
    ['validate', pack],
  ]) {
    const started = Date.now();
    const r = purges(args, { timeout: 10000 });
    expect(r.signal, `${args.join(' ')} hung`).toBeNull();
    expect(Date.now() - started).toBeLessThan(8000);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(1);
  }
}

describe('pack files that are not regular files', () => {
  it.each(['people.json', 'events.json', 'people.ndjson', 'events.ndjson', 'sources.json'])(
    'refuses a FIFO named %s without waiting',
    (name) => {
      const dir = folder();
      fifo(join(dir, name));
      expectRefused(dir, new RegExp(`${name}: a named pipe \\(FIFO\\), not a regular file\\. A data pack holds regular files only`));
    },
  );

  it.each(['/dev/zero', '/dev/urandom', '/dev/null'])('refuses a people file linked to %s', (device) => {
    for (const name of ['people.json', 'people.ndjson']) {
      const dir = folder();
      symlinkSync(device, join(dir, name));
      expectRefused(dir, new RegExp(`${name}: a character device, not a regular file`));
    }
  });

  it('refuses a folder named like a data file, and a FIFO given as the pack itself', () => {
    const dir = folder();
    mkdirSync(join(dir, 'people.json'));
    expectRefused(dir, /people\.json: a folder, not a regular file/);
    const lone = join(folder(), 'people.json');
    fifo(lone);
    expectRefused(lone, /people\.json: a named pipe \(FIFO\), not a regular file/);
  });
});

describe('pack files too big to read whole', () => {
  it('refuses a JSON file over the limit by its size, before reading it, and names the way out', () => {
    for (const name of ['people.json', 'events.json', 'sources.json']) {
      const dir = folder();
      writeFileSync(join(dir, name), '[');
      truncateSync(join(dir, name), 300 * 2 ** 20); // sparse: no disk used
      expectRefused(dir, new RegExp(`${name}: 300 MiB, over the 256 MiB limit for a file read whole`));
    }
    const dir = folder();
    writeFileSync(join(dir, 'people.json'), '[');
    truncateSync(join(dir, 'people.json'), 300 * 2 ** 20);
    expect(purges(['validate', dir]).stderr).toMatch(/Write long lists as people\.ndjson, one record a line/);
  });

  it('refuses an NDJSON line that never ends, in bounded memory', () => {
    const dir = folder();
    writeFileSync(join(dir, 'people.ndjson'), '{"id": "x", "name": "');
    truncateSync(join(dir, 'people.ndjson'), 64 * 2 ** 20); // a 64 MiB line of NUL bytes
    expectRefused(dir, /people\.ndjson:1: a line longer than 4\.0 MiB\. Write one record a line/);
  });
});

describe('paths that cannot be followed or read', () => {
  it('refuses a symlink loop, as the pack or as one of its files', () => {
    const dir = folder();
    symlinkSync(join(dir, 'loop'), join(dir, 'loop'));
    expectRefused(join(dir, 'loop'), /loop: a loop of symbolic links\. A link points back to itself/);
    const inner = folder();
    symlinkSync(join(inner, 'people.json'), join(inner, 'people.json'));
    expectRefused(inner, /people\.json: a loop of symbolic links/);
    const pair = folder();
    symlinkSync(join(pair, 'b'), join(pair, 'a'));
    symlinkSync(join(pair, 'a'), join(pair, 'b'));
    expectRefused(join(pair, 'a'), /a: a loop of symbolic links/);
  });

  it('refuses a broken symlink, saying where it points', () => {
    const dir = folder();
    symlinkSync('/nonexistent/people.json', join(dir, 'people.json'));
    expectRefused(
      dir,
      /people\.json: a broken symbolic link, to \/nonexistent\/people\.json, which does not exist\. Fix or remove the link/,
    );
    const pack = join(folder(), 'pack');
    symlinkSync('/nonexistent/pack', pack);
    expectRefused(pack, /pack: a broken symbolic link/);
  });

  it('refuses a path through a file, and a missing path', () => {
    const dir = folder();
    writeFileSync(join(dir, 'file'), '');
    expectRefused(join(dir, 'file', 'pack'), /pack: a part of the path is not a folder/);
    expectRefused(
      join(dir, 'missing'),
      /missing: no such file or directory\. (Check the path given to --data or PURGES_DATA|Give the folder of a data pack, or one of its files)/,
    );
  });

  // Root reads every folder whatever its mode: as root, the test runs purges as nobody (where
  // nobody can run this Node at all: one installed under /root cannot be).
  const asNobody = process.getuid?.() === 0;
  const nobodyCanRun = !asNobody || spawnSync(process.execPath, ['-e', '0'], { uid: 65534, gid: 65534 }).status === 0;
  it.skipIf(!nobodyCanRun)('refuses a folder it may not read, and a file it may not read', () => {
    const home = join(TMP, 'nobody-home');
    mkdirSync(home, { mode: 0o777 });
    chmodSync(home, 0o777);
    const run = (pack: string) =>
      spawnSync(process.execPath, [BIN, 'validate', pack], {
        encoding: 'utf8',
        timeout: 10000,
        env: { ...process.env, NO_COLOR: '1', PURGES_HOME: home, PURGES_BASE: undefined, PURGES_DATA: undefined },
        ...(asNobody ? { uid: 65534, gid: 65534 } : {}),
      });
    const locked = join(TMP, 'locked');
    mkdirSync(locked);
    // nobody must reach the folder: temporary folders are made private (0700).
    // (The suite's own scratch root only, never a shared /tmp.)
    if (asNobody) for (const dir of [tmpdir(), TMP]) if (/purges-/.test(basename(dir))) chmodSync(dir, 0o755);
    writeFileSync(join(locked, 'people.json'), '[]');
    chmodSync(locked, 0o000);
    const folderRun = run(locked);
    expect(folderRun.stderr).toBe(`purges: ${locked}: permission denied. Check the permissions of the file and of its folders (ls -l).\n`);
    expect(folderRun.status).toBe(1);
    chmodSync(locked, 0o755);
    chmodSync(join(locked, 'people.json'), 0o000);
    const fileRun = run(locked);
    expect(fileRun.stderr).toMatch(/people\.json: permission denied/);
    expect(fileRun.status).toBe(1);
  });
});

describe('an NDJSON pack whose index folder cannot be made', () => {
  const ndjsonPack = () => {
    const dir = folder();
    spawnSync(process.execPath, ['bench/make-pack.mjs', '20', dir, '--ndjson', '--events', '5'], { stdio: 'ignore' });
    return dir;
  };
  const expectLine = (home: string, pack: string, message: RegExp) => {
    const r = purges(['--data', pack, 'timeline', '--limit', '2'], { env: { PURGES_HOME: home } });
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/set PURGES_HOME to a writable folder/);
    expect(r.stderr).not.toMatch(/EEXIST|ENOENT|\n\s+at /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.code).toBe(1);
  };

  it('says a file is in the way, in words (no raw EEXIST)', () => {
    for (const blocked of ['cache', join('cache', 'index')]) {
      const home = folder();
      mkdirSync(join(home, 'cache'), { recursive: true });
      if (blocked === 'cache') rmSync(join(home, 'cache'), { recursive: true });
      writeFileSync(join(home, blocked), '');
      expectLine(home, ndjsonPack(), /a (file is in the way where a folder belongs|part of the path is not a folder)/);
    }
  });

  it('says the disk is read-only, not "no such file or directory"', () => {
    const home = folder();
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k,ro', 'tmpfs', home]).status !== 0) return;
    try {
      expectLine(home, ndjsonPack(), /the disk is read-only/);
    } finally {
      spawnSync('umount', ['-l', home]);
    }
  });
});

describe('a relative cache folder in a deleted current folder', () => {
  it('gives one line instead of hanging (Node loops making a relative path there)', () => {
    const pack = folder();
    spawnSync(process.execPath, ['bench/make-pack.mjs', '20', pack, '--ndjson', '--events', '5'], { stdio: 'ignore' });
    const gone = join(TMP, `gone-${n++}`);
    for (const env of [{ PURGES_HOME: 'rel/home' }, { PURGES_HOME: '', XDG_CACHE_HOME: 'rel/cache' }]) {
      const r = spawnSync(
        'sh',
        ['-c', `mkdir -p ${gone} && cd ${gone} && rmdir ${gone} && exec node ${BIN} --data ${pack} timeline --limit 1`],
        {
          encoding: 'utf8',
          timeout: 10000,
          env: { ...process.env, NO_COLOR: '1', PURGES_BASE: undefined, ...env },
        },
      );
      expect(r.signal, 'hung').toBeNull();
      expect(r.stderr).toMatch(/^purges: cannot use the relative cache folder .*: the current folder no longer exists\. .+\n$/);
      expect(r.status).toBe(1);
    }
  });
});
