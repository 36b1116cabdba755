/**
 * Saved quiz progress on disk. Every change is made under a lock on the file, on a fresh
 * read of it, and written atomically (a temporary file, fsync, rename): two quizzes on one
 * home both keep their answers, `--reset` is never undone by a quiz still open, and a crash
 * leaves the old file or the new one. A file that cannot be read is moved aside, never
 * overwritten; a file from a newer purges is never written to.
 */
import { closeSync, constants, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type Lockfile from 'proper-lockfile';
import type WriteFileAtomic from 'write-file-atomic';
import { sanitizeLine } from '../render/sanitize.js';
export { progressPath } from './progress-path.js';
import { emptyProgress, listIds, type Progress, parseProgress } from './progress.js';
import { StorageError, storageError } from './storage-errors.js';

/** The largest progress file read (a year of daily quizzes is well under 1 MB). */
export const MAX_PROGRESS_BYTES = 64 * 1024 * 1024;

/** Timestamp for a file name: 20261126T201500Z. */
function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** The file's text, or undefined when there is none. Only a regular file is read, and only up to the size limit. */
export function readProgressText(path: string): string | undefined {
  let fd: number;
  try {
    // Non-blocking, so that a FIFO in its place is refused instead of waited on for ever.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw storageError(e, 'read quiz progress from', path);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      throw new StorageError(
        `cannot read quiz progress from ${sanitizeLine(path)}: it is not a regular file`,
        'ENOTFILE',
        'Move it away, or set PURGES_HOME to another folder.',
      );
    if (st.size > MAX_PROGRESS_BYTES)
      throw new StorageError(
        `cannot read quiz progress from ${sanitizeLine(path)}: it is larger than ${MAX_PROGRESS_BYTES / 1024 / 1024} MB`,
        'EFBIG',
        'It cannot be quiz progress: move it away.',
      );
    const buffer = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, buffer, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read).toString('utf8');
  } catch (e) {
    throw storageError(e, 'read quiz progress from', path);
  } finally {
    closeSync(fd);
  }
}

/**
 * The lock and atomic-write libraries, loaded the first time progress is locked or written:
 * reading progress needs neither, and loading them (graceful-fs, signal-exit, Node's crypto and
 * worker_threads behind them) was ~10 ms before the quiz's first question.
 */
let libraries: { lockfile: typeof Lockfile; writeFileAtomic: typeof WriteFileAtomic } | undefined;
async function writers(): Promise<NonNullable<typeof libraries>> {
  if (!libraries) {
    const [lockfile, writeFileAtomic] = await Promise.all([import('proper-lockfile'), import('write-file-atomic')]);
    libraries = { lockfile: lockfile.default, writeFileAtomic: writeFileAtomic.default };
  }
  return libraries;
}

const LOCK_OPTIONS = {
  realpath: false,
  // A lock not refreshed for 5 s belongs to a process that died: it is taken over.
  stale: 5000,
  // If our lock is taken over (we stalled past `stale`), the save still completes atomically.
  onCompromised: () => undefined,
};

/** How long to wait for another purges to finish its save before giving up. */
const LOCK_PATIENCE_MS = 8000;

/**
 * Takes the lock. Only "held by another" is retried (with a growing pause): proper-lockfile's
 * own retries would retry a read-only disk or a missing folder too, for seconds.
 */
async function acquire(path: string): Promise<() => Promise<void>> {
  const { lockfile } = await writers();
  const end = Date.now() + LOCK_PATIENCE_MS;
  for (let pause = 5; ; pause = Math.min(150, pause * 1.5)) {
    try {
      return await lockfile.lock(path, { ...LOCK_OPTIONS, lockfilePath: `${path}.lock` });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ELOCKED' || Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, pause * (0.5 + Math.random())));
    }
  }
}

/** Runs `work` holding the lock on the progress file (a `progress.json.lock` folder beside it). */
export async function withLock<T>(path: string, action: string, work: () => T | Promise<T>): Promise<T> {
  let release: () => Promise<void>;
  try {
    mkdirSync(dirname(path), { recursive: true });
    release = await acquire(path);
  } catch (e) {
    throw storageError(e, action, path);
  }
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}

/** What loading found: the progress, notices to show once, and why it must not be written, if so. */
export interface Loaded {
  progress: Progress;
  notices: string[];
  /**
   * Set when saving would lose something, as a sentence to show once: a file from a newer
   * purges, a damaged file that could not be set aside, damaged cards that could not be kept.
   */
  readOnly?: string;
  /** The file was saved by a newer purges (its format number). */
  newer?: number;
}

/** Moves an unreadable file aside (under the lock, after reading it again: another purges may have fixed it already). */
async function setAside(path: string, now: Date, problem: string): Promise<Loaded> {
  const aside = `${path}.corrupt-${stamp(now)}-${process.pid}`;
  try {
    return await withLock(path, 'set aside quiz progress at', () => {
      const again = readProgressText(path);
      const parsed = again === undefined ? undefined : parseProgress(again);
      if (!parsed || parsed.kind === 'ok' || parsed.kind === 'newer') return load(path, now, false);
      renameSync(path, aside);
      return {
        progress: emptyProgress(),
        notices: [
          `purges: your quiz progress could not be read (${problem}); it was kept as ${sanitizeLine(aside)} and the quiz starts fresh.`,
        ],
      };
    });
  } catch (e) {
    const err = storageError(e, 'set aside', path);
    return {
      progress: emptyProgress(),
      notices: [],
      readOnly: `your quiz progress could not be read (${problem}), and it could not be set aside: ${err.why}; nothing will be saved over it.`,
    };
  }
}

async function load(path: string, now: Date, fix: boolean): Promise<Loaded> {
  const text = readProgressText(path);
  if (text === undefined) return { progress: emptyProgress(), notices: [] };
  const parsed = parseProgress(text);
  if (parsed.kind === 'newer') {
    return {
      progress: emptyProgress(),
      notices: [],
      readOnly: `your quiz progress was saved by a newer version of purges (format ${parsed.version}); this one will not change it. Update purges.`,
      newer: parsed.version,
    };
  }
  if (parsed.kind === 'unreadable')
    return fix ? setAside(path, now, parsed.problem) : { progress: emptyProgress(), notices: [], readOnly: parsed.problem };
  const ids = Object.keys(parsed.dropped);
  if (ids.length === 0) return { progress: parsed.progress, notices: [] };
  // The damaged cards are kept in a file of their own, then left out; the rest stays.
  const kept = `${path}.damaged-cards-${stamp(now)}-${process.pid}`;
  const { writeFileAtomic } = await writers();
  try {
    writeFileAtomic.sync(kept, `${JSON.stringify(parsed.dropped, null, 1)}\n`, { fsync: true });
  } catch (e) {
    const err = storageError(e, 'keep damaged cards in', kept);
    return {
      progress: parsed.progress,
      notices: [
        `purges: ${ids.length === 1 ? 'one card' : `${ids.length} cards`} of your quiz progress could not be read (${listIds(ids)}), and could not be kept aside (${err.code}).`,
      ],
      readOnly: `damaged cards could not be kept aside (${err.code})`,
    };
  }
  return {
    progress: parsed.progress,
    notices: [
      `purges: ${ids.length === 1 ? 'one card' : `${ids.length} cards`} of your quiz progress could not be read (${listIds(ids)}) and ${ids.length === 1 ? 'was' : 'were'} left out; ${ids.length === 1 ? 'it is' : 'they are'} kept in ${sanitizeLine(kept)}. The other ${Object.keys(parsed.progress.cards).length} are fine.`,
    ],
  };
}

/**
 * Loads progress. A missing file is a fresh start; an unreadable one is moved aside; damaged
 * cards are left out and kept in a file of their own. Throws StorageError when the file
 * cannot be read at all (permissions, not a file).
 */
export function loadProgress(path: string, now: Date): Promise<Loaded> {
  return load(path, now, true);
}

/**
 * Changes saved progress: under the lock, reads the file as it is now, applies `change` to
 * it, and writes it back atomically. Another quiz's answers saved meanwhile are kept.
 * Returns the progress as saved. Throws StorageError when it cannot.
 */
export function updateProgress(path: string, change: (p: Progress) => void): Promise<Progress> {
  return withLock(path, 'save quiz progress to', async () => {
    const { writeFileAtomic } = await writers();
    let progress = emptyProgress();
    try {
      const text = readProgressText(path);
      const parsed = text === undefined ? undefined : parseProgress(text);
      if (parsed?.kind === 'newer')
        throw new StorageError(
          `will not save quiz progress to ${sanitizeLine(path)}: it was saved by a newer version of purges (format ${parsed.version})`,
          'ENEWER',
          'Update purges.',
        );
      if (parsed?.kind === 'unreadable')
        throw new StorageError(
          `will not save quiz progress over ${sanitizeLine(path)}: ${parsed.problem}`,
          'EDAMAGED',
          'Move the file away.',
        );
      if (parsed?.kind === 'ok') progress = parsed.progress;
      change(progress);
      writeFileAtomic.sync(path, `${JSON.stringify(progress, null, 1)}\n`, { fsync: true });
    } catch (e) {
      throw storageError(e, 'save quiz progress to', path);
    }
    return progress;
  });
}

/** Deletes saved progress, under the same lock; returns how many cards it held. */
export async function resetProgress(path: string): Promise<number> {
  if (readProgressText(path) === undefined) return 0;
  return withLock(path, 'delete quiz progress at', () => {
    const text = readProgressText(path);
    if (text === undefined) return 0;
    const parsed = parseProgress(text);
    try {
      rmSync(path, { force: true });
    } catch (e) {
      throw storageError(e, 'delete quiz progress at', path);
    }
    return parsed.kind === 'ok' ? Object.keys(parsed.progress.cards).length : 0;
  });
}
