/**
 * Where progress lives, apart from storage.ts: every quiz mode needs the path, but only the
 * ones that read or write progress should load the lock and atomic-write libraries (~30 ms).
 */
import { join } from 'node:path';
import { importExternal } from '../external.js';

/** Where progress lives: $PURGES_HOME, else the user's data folder (XDG on Linux). */
export async function progressPath(env: Record<string, string | undefined>): Promise<string> {
  if (env.PURGES_HOME) return join(env.PURGES_HOME, 'progress.json');
  const { default: envPaths } = await importExternal<typeof import('env-paths')>('env-paths');
  return join(envPaths('purges', { suffix: '' }).data, 'progress.json');
}
