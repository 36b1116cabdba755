/** File-system failures of saved progress, as one line with a hint (never a stack trace). */
import { PurgesError } from '../errors.js';
import { sanitizeLine } from '../render/sanitize.js';

/** Why, and what to do; `elsewhere` is the way out ("set PURGES_HOME to another folder"). */
const WHY: Record<string, (elsewhere: string) => [string, string]> = {
  EROFS: (x) => ['the file system is read-only', `${cap(x)}.`],
  EACCES: (x) => ['permission denied', `Check the permissions of the folder, or ${x}.`],
  EPERM: (x) => ['the operation is not permitted', `Check the permissions of the folder, or ${x}.`],
  ENOSPC: (x) => ['the disk is full', `Free some space on the disk, or ${x}.`],
  EDQUOT: (x) => ['the disk quota is used up', `Free some space, or ${x}.`],
  ENOTDIR: (x) => ['part of the path is a file, not a folder', `Make that part a folder, or ${x}.`],
  EISDIR: (x) => ['it is a folder, not a file', `Move that folder away, or ${x}.`],
  ELOOP: (x) => ['the path has a loop of symbolic links', `Fix the link, or ${x}.`],
  ENOENT: (x) => ['a folder on the path does not exist', `Create it, or ${x}.`],
  ENAMETOOLONG: (x) => ['the path is too long', `${cap(x)}.`],
  ENXIO: (x) => ['no program is reading from it', `Start the reader first, or ${x}.`],
  EIO: (x) => ['the disk reported an input/output error', `Check the disk, or ${x}.`],
  EMFILE: () => ['too many files are open', 'Close some programs and try again.'],
  ELOCKED: () => [
    'another purges is saving progress and did not finish',
    'Try again; if no other purges is running, delete the progress.json.lock folder beside the file.',
  ],
};

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A progress file could not be read or written: exit 1, with why and what to do. */
export class StorageError extends PurgesError {
  constructor(
    message: string,
    readonly code: string,
    hint?: string,
    /** Why, alone: "the disk is full (ENOSPC)". */
    readonly why = message,
  ) {
    super(message, 1, hint);
    this.name = 'StorageError';
  }
}

/** Wraps a file-system error (or passes a StorageError through) as one line: "cannot <action> <path>: <why>". */
export function storageError(e: unknown, action: string, path: string, elsewhere = 'set PURGES_HOME to another folder'): StorageError {
  if (e instanceof StorageError) return e;
  const code = (e as NodeJS.ErrnoException)?.code ?? 'UNKNOWN';
  const [why, hint] = WHY[code]?.(elsewhere) ?? [`${sanitizeLine((e as Error)?.message ?? String(e))}`, `Try again, or ${elsewhere}.`];
  const reason = `${why}${WHY[code] ? ` (${code})` : ''}`;
  return new StorageError(`cannot ${action} ${sanitizeLine(path)}: ${reason}${WHY[code] ? '.' : ''}`, code, hint, reason);
}

/** The error as one line with its hint: "cannot save ...: the disk is full (ENOSPC). Free some space ...". */
export function oneLine(e: StorageError): string {
  const message = /[.?!]$/.test(e.message) ? e.message : `${e.message}.`;
  return e.hint ? `${message} ${e.hint}` : message;
}
