/**
 * Opening the files of a data pack safely. A pack is user data: its "files" may be FIFOs
 * (which block a reader for ever), devices (/dev/zero never ends), symlink loops, or far too
 * big to read whole. Every file is opened without blocking and checked with fstat before a
 * byte is read; whole-file reads are capped; every filesystem error becomes one line with a
 * hint (a DataError, exit 1), never a stack trace.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, type Stats, statSync } from 'node:fs';
import { DataError } from '../errors.js';

/** The largest JSON file read whole: V8 strings stop at ~512 MiB, and parsing one needs several times its size. */
export const MAX_JSON_BYTES = 256 * 2 ** 20;

/** `1.5 GiB`, `300 MiB`, `12 KiB`. */
export function formatBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return i === 0 ? `${n} bytes` : `${n.toFixed(n < 10 ? 1 : 0)} ${units[i]}`;
}

function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * A filesystem error as one line that says what went wrong with which path, and what to do:
 * for a pack's files, named by path (errors.ts's fsError names an action, for files purges
 * writes).
 * `hints.missing` replaces the hint for a path that does not exist, `hints.other` the hint
 * for the rest (a loop of links keeps its own: nothing else is the way out).
 */
export function pathError(e: unknown, path: string, hints: { missing?: string; other?: string } = {}): DataError {
  const err = e as NodeJS.ErrnoException;
  const code = err.code;
  if (code === 'ENOENT') {
    // A dangling symlink stats as missing: say so, with where it points.
    try {
      if (lstatSync(path).isSymbolicLink())
        return new DataError(
          `${path}: a broken symbolic link, to ${readlinkSync(path)}, which does not exist`,
          [],
          'Fix or remove the link.',
        );
    } catch {}
    return new DataError(`${path}: no such file or directory`, [], hints.missing ?? 'Check the path.');
  }
  const reasons: Record<string, [string, string]> = {
    ELOOP: ['a loop of symbolic links', 'A link points back to itself: fix or remove it.'],
    EACCES: ['permission denied', 'Check the permissions of the file and of its folders (ls -l).'],
    EPERM: ['operation not permitted', 'Check the permissions of the file and of its folders (ls -l).'],
    ENOTDIR: ['a part of the path is not a folder', 'Check the path.'],
    EISDIR: ['is a folder, not a file', 'Give the folder of a data pack, or one of its files.'],
    EMFILE: ['too many open files', 'Close other programs, or raise the limit (ulimit -n).'],
    ENFILE: ['too many open files on the system', 'Close other programs and try again.'],
    ENAMETOOLONG: ['the path is too long', 'Use a shorter path.'],
    EIO: ['an input/output error (a failing disk or a lost network drive?)', 'Check the disk, then try again.'],
    ENOSPC: ['no space left on the disk', 'Free some space, then try again.'],
    EROFS: ['the disk is read-only', 'Use a writable folder.'],
    EEXIST: ['a file is in the way where a folder belongs', 'Move that file away, or choose another folder.'],
    EDQUOT: ['the disk quota is used up', 'Free some space, then try again.'],
    ENXIO: ['a device or FIFO with nothing behind it', 'Give a regular file or folder.'],
  };
  const [reason, defaultHint] = (code && reasons[code]) || [err.message ?? String(e), 'Check the path.'];
  return new DataError(`${path}: ${reason}`, [], (code !== 'ELOOP' && hints.other) || defaultHint);
}

/** Whether a path is a folder (following links); a one-line DataError when it cannot be reached. */
export function isFolder(path: string, missing?: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch (e) {
    throw pathError(e, path, { missing });
  }
}

/** The names in a folder; a one-line DataError when it cannot be listed (unreadable, a loop). */
export function listFolder(path: string): string[] {
  try {
    return readdirSync(path);
  } catch (e) {
    throw pathError(e, path);
  }
}

/** An open regular file: its descriptor and its size when opened. */
export interface OpenFile {
  fd: number;
  size: number;
  path: string;
}

/**
 * Opens a file for reading, refusing anything that is not a regular file. The open does not
 * block (O_NONBLOCK: a FIFO would otherwise wait for a writer for ever), and the check is on
 * the opened descriptor, so the file cannot be swapped between check and read.
 */
export function openRegular(path: string): OpenFile {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw pathError(e, path);
  }
  try {
    const s = fstatSync(fd);
    if (!s.isFile())
      throw new DataError(
        `${path}: ${kindOf(s)}, not a regular file`,
        [],
        'A data pack holds regular files only: copy the data into a file.',
      );
    return { fd, size: s.size, path };
  } catch (e) {
    closeSync(fd);
    throw e instanceof DataError ? e : pathError(e, path);
  }
}

/** Reads up to `length` bytes at `position`; fs errors become one-line DataErrors. */
export function readAt(file: OpenFile, buffer: Buffer, offset: number, length: number, position: number): number {
  try {
    return readSync(file.fd, buffer, offset, length, position);
  } catch (e) {
    throw pathError(e, file.path);
  }
}

/**
 * Reads a whole regular file as UTF-8 (a leading byte-order mark dropped), at most `maxBytes`:
 * a bigger file is refused with its size and the limit. Only the size fstat saw is read, so a
 * file that keeps growing cannot grow the memory.
 */
export function readWhole(path: string, maxBytes = MAX_JSON_BYTES, hint?: string): string {
  const file = openRegular(path);
  try {
    if (file.size > maxBytes)
      throw new DataError(
        `${path}: ${formatBytes(file.size)}, over the ${formatBytes(maxBytes)} limit for a file read whole`,
        [],
        hint ?? 'Split it into smaller files.',
      );
    const buffer = Buffer.allocUnsafe(file.size);
    let read = 0;
    while (read < file.size) {
      const n = readAt(file, buffer, read, file.size - read, read);
      if (n === 0) break;
      read += n;
    }
    const start = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
    return buffer.toString('utf8', start, read);
  } finally {
    closeSync(file.fd);
  }
}
