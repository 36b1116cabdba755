/**
 * Where compiled pack indexes live (`<cache>/index/<hash of the pack's key>/`) and how one is
 * built safely on first use. A build writes into a folder of its own and renames it into
 * place only when complete, so a killed build or a full disk never leaves a broken index; a
 * lock file (its owner's pid, touched as the build goes) makes a second process wait for the
 * first instead of building the same index again. A pack refused once is remembered, so an
 * unchanged bad pack fails at once on the next run instead of after minutes.
 */
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { DataError } from '../../errors.js';
import { formatProblem, type Problem, refusal } from '../problems.js';
import { pathError, type OpenFile, openRegular } from '../files.js';
import type { Progress } from '../progress.js';
import { hashHex } from './hash.js';
import { INDEX_FORMAT, type IndexMeta, type NdjsonCollection } from './layout.js';
import { IndexedPack } from './reader.js';

/** What to open or build. */
export interface IndexRequest {
  /** The pack's NDJSON files (real paths). */
  files: Partial<Record<NdjsonCollection, string>>;
  /** The fingerprint of those files (see pack-cache.ts): any change builds a new index. */
  fingerprint: string;
  /** `<cache>/index`. */
  cacheDir: string;
  purges: string;
  progress: Progress;
  /** How many problems refuse a pack before checking stops. */
  maxProblems: number;
  /** The pack as the user named it, for messages. */
  packPath: string;
}

/** A lock older than this (not touched by a live build) belongs to a build that died. */
const STALE_LOCK_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Opens the pack's index, building it first if there is none yet. */
export async function openIndex(r: IndexRequest): Promise<IndexedPack> {
  const key = `${INDEX_FORMAT} ${r.purges} ${r.fingerprint}`;
  const name = hashHex(key);
  const dir = join(r.cacheDir, name);
  for (let waited = false; ; ) {
    const ready = tryOpen(dir, key, r.files);
    if (ready) {
      if (waited) r.progress.end();
      return ready;
    }
    if (waited) r.progress.end();
    refusedBefore(dir, key, r.packPath);
    const lock = takeLock(r.cacheDir, `${dir}.lock`);
    if (lock === undefined) {
      r.progress.phase('waiting for another purges to finish indexing this pack', 0);
      waited = true;
      await sleep(250);
      continue;
    }
    try {
      // The lock is ours: whatever stands at `dir` now is an index of ours that did not pass tryOpen.
      const again = tryOpen(dir, key, r.files);
      if (again) return again;
      await build(dir, key, r);
      const built = tryOpen(dir, key, r.files);
      if (!built) throw new DataError(`${dir}: the index just built cannot be read`, [], 'Remove the folder and try again.');
      return built;
    } finally {
      closeSync(lock);
      rmSync(`${dir}.lock`, { force: true });
    }
  }
}

/**
 * The index at `dir` if it is there and for this key, else undefined. (Its files' sizes are
 * checked against meta.json as each is opened: see reader.ts.)
 */
function tryOpen(dir: string, key: string, files: IndexRequest['files']): IndexedPack | undefined {
  let meta: IndexMeta;
  try {
    meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as IndexMeta;
    if (meta.key !== key || meta.format !== INDEX_FORMAT) return undefined;
  } catch {
    return undefined;
  }
  const sources: Partial<Record<NdjsonCollection, OpenFile>> = {};
  for (const [c, path] of Object.entries(files) as Array<[NdjsonCollection, string]>) sources[c] = openRegular(path);
  return new IndexedPack(dir, meta, sources);
}

/** Throws the remembered refusal of an unchanged pack. */
function refusedBefore(dir: string, key: string, packPath: string): void {
  let refused: { key: string; problems: string[]; truncated: boolean };
  try {
    refused = JSON.parse(readFileSync(`${dir}.refused.json`, 'utf8'));
  } catch {
    return;
  }
  if (refused.key === key) throw refusal(refused.problems, refused.truncated, packPath);
}

/** Creates the lock file (its descriptor), or undefined while a live build holds it. */
function takeLock(cacheDir: string, path: string): number | undefined {
  try {
    mkdirSync(cacheDir, { recursive: true });
  } catch (e) {
    const [error, where] = whyNoFolder(e, cacheDir);
    throw pathError(error, where, { other: 'The pack index is kept there: set PURGES_HOME to a writable folder.' });
  }
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeFileSync(fd, String(process.pid));
      return fd;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
        throw pathError(e, path, { other: 'The pack index is kept there: set PURGES_HOME to a writable folder.' });
    }
    try {
      const pid = Number(readFileSync(path, 'utf8'));
      const age = Date.now() - statSync(path).mtimeMs;
      if (pid > 0 && alive(pid) && age < STALE_LOCK_MS) return undefined;
      // Its builder died: the lock (and the builder's unfinished folder) go.
      rmSync(path, { force: true });
      rmSync(`${path.slice(0, -'.lock'.length)}.tmp-${pid}`, { recursive: true, force: true });
    } catch {
      // Gone between our attempts: try again.
    }
  }
}

/**
 * The real reason a folder could not be made. Node's recursive mkdir says ENOENT on a
 * read-only disk; the nearest folder that exists tells whether it is read-only or not ours.
 */
function whyNoFolder(e: unknown, folder: string): [unknown, string] {
  if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return [e, folder];
  let up = dirname(folder);
  while (!existsSync(up) && dirname(up) !== up) up = dirname(up);
  try {
    accessSync(up, constants.W_OK);
  } catch (denied) {
    return [denied, up];
  }
  return [e, folder];
}

/** Builds into a folder of its own, then renames it into place. */
async function build(dir: string, key: string, r: IndexRequest): Promise<void> {
  const { buildIndex } = await import('./build.js');
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  // The lock's time is the build's heartbeat: a waiting process sees it is still alive.
  let beat = Date.now();
  const progress: Progress = {
    phase: (label, total) => r.progress.phase(label, total),
    tick: (done, records) => {
      r.progress.tick(done, records);
      if (Date.now() - beat > 5000) {
        beat = Date.now();
        try {
          utimesSync(`${dir}.lock`, new Date(), new Date());
        } catch {}
      }
    },
    end: () => r.progress.end(),
  };
  try {
    const result = buildIndex({ files: r.files, out: tmp, maxProblems: r.maxProblems, progress, purges: r.purges, key });
    if (result.problems.length > 0) {
      const problems = result.problems.map((p: Problem) => formatProblem(p));
      writeAtomic(`${dir}.refused.json`, JSON.stringify({ key, problems, truncated: result.truncated }));
      throw refusal(problems, result.truncated, r.packPath);
    }
    // No fsync: meta.json records every file's size, so an index cut short by a crash is rebuilt.
    renameSync(tmp, dir);
    rmSync(`${dir}.refused.json`, { force: true });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (e instanceof DataError) throw e;
    // Another process (that took a lock it thought stale) put the same index in place first.
    const code = (e as NodeJS.ErrnoException).code;
    if ((code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EPERM') && existsSync(join(dir, 'meta.json'))) return;
    throw pathError(e, tmp, { other: 'The pack index is kept there: free some space, or set PURGES_HOME to another folder.' });
  }
  removeOlderIndexes(r.cacheDir, dir, r.files);
}

function writeAtomic(path: string, text: string): void {
  try {
    writeFileSync(`${path}.${process.pid}`, text);
    renameSync(`${path}.${process.pid}`, path);
  } catch {
    // Only a speed-up for the next run.
  }
}

/** Indexes of earlier versions of the same pack files are dead weight (each may be hundreds of MiB). */
function removeOlderIndexes(cacheDir: string, keep: string, files: IndexRequest['files']): void {
  const ours = JSON.stringify(Object.values(files).sort());
  for (const name of readdirSync(cacheDir)) {
    const dir = join(cacheDir, name);
    if (dir === keep || /\.(lock|json)$/.test(name) || name.includes('.tmp-')) continue;
    try {
      const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as IndexMeta;
      const theirs = JSON.stringify([meta.people?.file, meta.events?.file].filter(Boolean).sort());
      if (theirs === ours) rmSync(dir, { recursive: true, force: true });
    } catch {}
  }
}
