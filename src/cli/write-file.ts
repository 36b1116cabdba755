/**
 * Writes a file the user named on the command line (`quiz --worksheet --key FILE`) as a shell
 * redirect would, without its dangers. A regular file, or a new name, is replaced atomically
 * (temporary file, fsync, rename; a symbolic link is followed and kept), so a failure leaves the
 * old file whole. Anything else already there (a FIFO, a device such as /dev/null) is written
 * in place and never replaced: renaming over it would swap a device node for a plain file, and
 * as root that breaks /dev/null for the whole machine. A FIFO waits up to 2 s for a reader
 * (`purges ... --key fifo & lpr < fifo` may start the reader second), then fails (ENXIO)
 * instead of waiting for ever.
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
  const fd = openForWriting(path);
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

/** How long a FIFO is given to find a reader. */
const READER_PATIENCE_MS = 2000;

const pauseCell = new Int32Array(new SharedArrayBuffer(4));
const pause = (ms: number) => Atomics.wait(pauseCell, 0, 0, ms);

/** Opens without blocking (a FIFO with no reader would block for ever), retrying ENXIO for a while. */
function openForWriting(path: string): number {
  const end = Date.now() + READER_PATIENCE_MS;
  for (;;) {
    try {
      return openSync(path, constants.O_WRONLY | (constants.O_NONBLOCK ?? 0));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENXIO' || Date.now() > end) throw e;
      pause(50);
    }
  }
}

/** A pipe opened without blocking may be full for a moment: wait a little and write on. */
function writeAllSync(fd: number, buffer: Buffer): void {
  for (let offset = 0; offset < buffer.length; ) {
    try {
      offset += writeSync(fd, buffer, offset);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      pause(10);
    }
  }
}
