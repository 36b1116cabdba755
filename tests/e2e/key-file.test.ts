/**
 * `quiz --worksheet --key FILE` writes where a shell redirect would, without replacing what is
 * not a regular file: a FIFO or a device (/dev/null) is written in place, never renamed over
 * (as root, write-file-atomic's rename turned /dev/null into a plain file), a FIFO with no
 * reader fails at once, and a key that would land on the worksheet's own output is refused.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURE_KB, purges } from './run.js';

const TMP = mkdtempSync(join(tmpdir(), 'purges-key-file-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const sheet = (key: string) => ['quiz', '--worksheet', '--count', '2', '--seed', 'key', '--key', key];
const fresh = (name: string) => {
  const dir = join(TMP, name);
  mkdirSync(dir, { recursive: true });
  return dir;
};
const isRoot = process.getuid?.() === 0;
/** A device like /dev/null or /dev/full: as root our own node (a bug must not break the machine's), else the real one. */
function device(name: string, minor: number, real: string): string {
  if (!isRoot) return real;
  const path = join(fresh('devices'), name);
  rmSync(path, { force: true });
  expect(spawnSync('mknod', ['-m', '666', path, 'c', '1', String(minor)]).status).toBe(0);
  return path;
}

describe('what is not a regular file is written in place, never replaced', () => {
  it('a FIFO with no reader: one line within seconds, the FIFO kept', () => {
    const fifo = join(fresh('fifo'), 'key');
    spawnSync('mkfifo', [fifo]);
    const started = Date.now();
    const r = purges(sheet(fifo));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^purges: cannot write the answer key to .*key: no program is reading from it \(ENXIO\)\. .+\n$/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a FIFO whose reader starts a second after the writer: the reader gets the key', async () => {
    const fifo = join(fresh('fifo-late'), 'key');
    spawnSync('mkfifo', [fifo]);
    const writer = spawn(process.execPath, [BIN, ...sheet(fifo)], {
      env: { ...process.env, NO_COLOR: '1', PURGES_BASE: FIXTURE_KB, PURGES_HOME: TMP },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const writerDone = new Promise((r) => writer.on('exit', r));
    await new Promise((r) => setTimeout(r, 1000));
    const reader = spawnSync('cat', [fifo], { encoding: 'utf8', timeout: 5000 });
    expect(await writerDone).toBe(0);
    expect(reader.stdout).toMatch(/answer key/i);
  });

  it('a FIFO with a reader: the reader gets the key', async () => {
    const fifo = join(fresh('fifo-read'), 'key');
    spawnSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'inherit'] });
    const readerDone = new Promise((r) => reader.on('close', r));
    let got = '';
    reader.stdout.on('data', (d) => (got += d));
    await new Promise((r) => setTimeout(r, 200));
    const writer = spawn(process.execPath, [BIN, ...sheet(fifo)], {
      env: { ...process.env, NO_COLOR: '1', PURGES_BASE: FIXTURE_KB, PURGES_HOME: TMP },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const code = await new Promise((r) => writer.on('exit', r));
    // A writer that did not open the FIFO leaves the reader waiting: end it, so the test fails instead of hanging.
    const timer = setTimeout(() => reader.kill(), 3000);
    await readerDone;
    clearTimeout(timer);
    expect(code).toBe(0);
    expect(got).toMatch(/answer key/i);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it.each([
    ['a null device', 'null', 3, '/dev/null', 0, /^$/],
    ['a full device', 'full', 7, '/dev/full', 1, /^purges: cannot write the answer key to .*: the disk is full \(ENOSPC\)\. .+\n$/],
  ])('%s: written to, the device kept', (_, name, minor, real, code, stderr) => {
    const path = device(name, minor, real);
    const r = purges(sheet(path));
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(stderr);
    expect(statSync(path).isCharacterDevice()).toBe(true);
  });

  it('a folder: one line', () => {
    const r = purges(sheet(fresh('folder')));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^purges: cannot write the answer key to .*: it is a folder, not a file \(EISDIR\)\. .+\n$/);
  });
});

describe('a regular file is replaced whole', () => {
  it('an existing file: replaced, no temporary file left', () => {
    const dir = fresh('existing');
    writeFileSync(join(dir, 'key.md'), 'old\n');
    expect(purges(sheet(join(dir, 'key.md'))).code).toBe(0);
    expect(readFileSync(join(dir, 'key.md'), 'utf8')).toMatch(/answer key/i);
    expect(readdirSync(dir)).toEqual(['key.md']);
  });

  it('a symbolic link: its target is written, the link kept', () => {
    const dir = fresh('link');
    writeFileSync(join(dir, 'target.md'), 'old\n');
    symlinkSync('target.md', join(dir, 'key.md'));
    expect(purges(sheet(join(dir, 'key.md'))).code).toBe(0);
    expect(lstatSync(join(dir, 'key.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.md'), 'utf8')).toMatch(/answer key/i);
  });
});

describe('a key that names no file, or the worksheet itself, is refused', () => {
  it.each([
    ['an empty name', ''],
    ['a blank name', '  '],
    ['-', '-'],
    ['/dev/stdout (a pipe here)', '/dev/stdout'],
  ])('%s: exit 2, one line', (_, key) => {
    const r = purges(sheet(key), { cwd: fresh('names') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^purges: --key (needs a file name|names standard output).+\n$/);
    expect(readdirSync(join(TMP, 'names'))).toEqual([]);
  });

  it('the file the worksheet is redirected to: refused, the file left to the sheet', () => {
    const dir = fresh('same');
    const out = join(dir, 'sheet.md');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${sheet(out).join(' ')} > "${out}"`], {
      env: { ...process.env, NO_COLOR: '1', PURGES_BASE: FIXTURE_KB, PURGES_HOME: TMP },
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/names standard output/);
    expect(existsSync(out)).toBe(true);
  });
});
