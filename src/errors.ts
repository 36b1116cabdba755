/** Exit codes shared by every command: the contract scripts rely on. */
export const ExitCode = {
  ok: 0,
  notFound: 1,
  invalidData: 1,
  usage: 2,
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
