/** Exit codes shared by every command: the contract scripts rely on. */
export const ExitCode = {
  ok: 0,
  notFound: 1,
  invalidData: 1,
  usage: 2,
  /** A bug in purges (BSD's EX_SOFTWARE). */
  internal: 70,
  hangup: 129,
  interrupted: 130,
  terminated: 143,
} as const;

/** A user-facing failure: one line on stderr, an optional hint, and an exit code. */
export class PurgesError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.notFound,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'PurgesError';
  }
}

/** Bad arguments or options: exit 2, like commander's own usage errors. */
export class UsageError extends PurgesError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.usage, hint);
    this.name = 'UsageError';
  }
}

/** Nothing matched the query: exit 1. */
export class NotFoundError extends PurgesError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.notFound, hint);
    this.name = 'NotFoundError';
  }
}

/** A data pack (or a saved file) failed its checks: exit 1, listing every problem. */
export class DataError extends PurgesError {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
    hint?: string,
  ) {
    super(message, ExitCode.invalidData, hint);
    this.name = 'DataError';
  }
}

/** The user pressed Ctrl+C (130) or the process got SIGTERM (143): exit quietly after cleanup. */
export class InterruptError extends PurgesError {
  constructor(message = 'Interrupted.', exitCode: number = ExitCode.interrupted) {
    super(message, exitCode);
    this.name = 'InterruptError';
  }
}

const FS_REASONS: Record<string, [string, string]> = {
  ENOENT: ['does not exist', 'Check the path.'],
  EACCES: ['permission denied', 'Check the permissions, or choose another location.'],
  EPERM: ['operation not permitted', 'Check the permissions, or choose another location.'],
  EROFS: ['the file system is read-only', 'Choose a writable location.'],
  ENOSPC: ['no space left on the device', 'Free some space and try again.'],
  EDQUOT: ['disk quota exceeded', 'Free some space and try again.'],
  ELOOP: ['symbolic links that form a link loop', 'Fix the symbolic link.'],
  EISDIR: ['is a folder, not a file', 'Name a file.'],
  ENOTDIR: ['a part of the path is not a folder', 'Check the path.'],
  EMFILE: ['too many open files', 'Close some programs and try again.'],
  EIO: ['an input/output error', 'Check the disk.'],
  EFBIG: ['the file is too large', 'Free some space or choose another location.'],
  EBUSY: ['the file is busy', 'Try again.'],
  ENAMETOOLONG: ['the path is too long', 'Use a shorter path.'],
  ENXIO: ['no program is reading from it', 'Start the reader first, or name a regular file.'],
};

/**
 * A file-system failure as one line with a hint ("cannot save progress.json (ENOSPC): no space
 * left on the device. Free some space and try again."); errors that are not from the file system, or
 * not listed above, are returned as they are, to surface as bugs.
 */
export function fsError(error: unknown, action: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason = code ? FS_REASONS[code] : undefined;
  if (!reason) return error;
  return new PurgesError(`${action} (${code}): ${reason[0]}`, ExitCode.notFound, reason[1]);
}

/** A text given to `purges check` cannot be read as text: missing, not a file, binary, too large. Exit 1. */
export class InputError extends PurgesError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.notFound, hint);
    this.name = 'InputError';
  }
}

/** `purges check --strict` found inaccurate statements: exit 1 after the report is printed. */
export class StrictCheckError extends PurgesError {
  constructor(message: string) {
    super(message, ExitCode.notFound);
    this.name = 'StrictCheckError';
  }
}
