import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { PurgesError } from '../errors.js';

/**
 * The folder for purges' caches (compiled code, pack indexes, packs known to be valid):
 * `$PURGES_HOME/cache` when set, else the user's cache folder as env-paths names it
 * (`~/.cache/purges` or `$XDG_CACHE_HOME/purges`, `~/Library/Caches/purges`,
 * `%LOCALAPPDATA%\purges\Cache`). Computed here rather than by env-paths because the
 * launcher needs it before anything else loads, and env-paths is an ES module (a dynamic
 * import costs ~2 ms of every start); a test checks that both agree.
 */
function namedCacheRoot(env: Record<string, string | undefined>, platform: string): string {
  if (env.PURGES_HOME) return join(env.PURGES_HOME, 'cache');
  // What os.homedir() returns where HOME is set, without loading node:os (~0.2 ms).
  const home = (platform !== 'win32' && env.HOME) || homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'purges');
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'purges', 'Cache');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'purges');
}

/**
 * The cache folder, always absolute. A relative PURGES_HOME or XDG_CACHE_HOME is taken from
 * the current folder; when that folder has been deleted, Node's recursive mkdir of a relative
 * path loops for ever, so that is refused in one line instead.
 */
export function cacheRoot(env: Record<string, string | undefined>, platform: string = process.platform): string {
  const root = namedCacheRoot(env, platform);
  if (isAbsolute(root)) return root;
  try {
    return resolve(root);
  } catch {
    throw new PurgesError(
      `cannot use the relative cache folder ${root}: the current folder no longer exists`,
      1,
      'Change to a folder that exists, or set PURGES_HOME to an absolute path.',
    );
  }
}
