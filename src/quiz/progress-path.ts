/**
 * Where progress lives, apart from storage.ts: every quiz mode needs the path, but only the
 * ones that read or write progress should load the lock and atomic-write libraries (~30 ms).
 */
import { isAbsolute, join, resolve } from 'node:path';
import { importExternal } from '../external.js';
import { sanitizeLine } from '../render/sanitize.js';
import { StorageError } from './storage-errors.js';

/** Where progress lives: $PURGES_HOME, else the user's data folder (XDG on Linux); always an absolute path. */
export async function progressPath(env: Record<string, string | undefined>): Promise<string> {
  if (env.PURGES_HOME) return join(absolute(env.PURGES_HOME), 'progress.json');
  const { default: envPaths } = await importExternal<typeof import('env-paths')>('env-paths');
  return join(absolute(envPaths('purges', { suffix: '' }).data), 'progress.json');
}

/**
 * A relative folder (PURGES_HOME=quiz/home, or a relative XDG_DATA_HOME) made absolute against
 * the current folder. When that folder has been deleted, Node's recursive mkdir of a nested
 * relative path loops for ever: refused here in one line instead.
 */
function absolute(folder: string): string {
  if (isAbsolute(folder)) return folder;
  try {
    return resolve(folder);
  } catch {
    throw new StorageError(
      `cannot use the relative folder ${sanitizeLine(folder)} for quiz progress: the current folder no longer exists`,
      'ENOENT',
      'Change to a folder that exists, or set PURGES_HOME to an absolute path.',
    );
  }
}
