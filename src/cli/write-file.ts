/**
 * Writes a file the user named on the command line (`quiz --worksheet --key FILE`) as a shell
 * redirect would, without its dangers. A regular file, or a new name, is replaced atomically
 * (temporary file, fsync, rename; a symbolic link is followed and kept), so a failure leaves the
 * old file whole. Anything else already there (a FIFO, a device such as /dev/null) is written
 * in place and never replaced: renaming over it would swap a device node for a plain file, and
 * as root that breaks /dev/null for the whole machine. A FIFO with no reader fails at once
 * (ENXIO) instead of waiting for one.
 */
import { closeSync, constants, fstatSync, openSync, type Stats, statSync, writeSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';

/** Writes `text` to `path` (see the module comment); throws the file system's error. */
export function writeUserFile(path: string, text: string): void {
  const target = statOrUndefined(path);
  if (target === undefined || target.isFile()) {
    writeFileAtomic.sync(path, text, { fsync: true });
    return;
  }
  if (target.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
  const fd = openSync(path, constants.O_WRONLY | (constants.O_NONBLOCK ?? 0));
  try {
    writeAllSync(fd, Buffer.from(text));
  } finally {
    closeSync(fd);
  }
}

/** True when `path` is the file standard output goes to (`--key /dev/stdout`, or `--key sheet.md > sheet.md`). */
export function isStandardOutput(path: string): boolean {
  const target = statOrUndefined(path);
  if (target === undefined) return false;
  try {
    const out = fstatSync(1);
    return out.dev === target.dev && out.ino === target.ino;
  } catch {
    return false;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** A pipe opened without blocking may be full for a moment: wait a little and write on. */
function writeAllSync(fd: number, buffer: Buffer): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let offset = 0; offset < buffer.length; ) {
    try {
      offset += writeSync(fd, buffer, offset);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 10);
    }
  }
}
