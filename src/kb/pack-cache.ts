/**
 * Remembers which data packs passed every check, so an unchanged pack is not checked again
 * on every run. A pack is "unchanged" when each of its files has the same path, inode, size
 * and modification time, on the same base data (bundled data or earlier packs): any edit,
 * or a new version of purges, checks it afresh. `purges validate` never uses the cache.
 */
import { existsSync, mkdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot } from './cache-dir.js';
import { hashHex } from './index/hash.js';

/** A fingerprint of files: changes whenever any of them is edited, replaced or moved. */
export function filesFingerprint(paths: readonly string[]): string {
  return paths
    .map((p) => {
      const s = statSync(p, { bigint: true });
      return `${realpathSync(p)}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
    })
    .join('|');
}

/** The record of packs known to be valid. */
export interface PackCache {
  isValid(key: string): boolean;
  rememberValid(key: string): void;
}

/** A cache in a folder: one empty marker file per valid pack, named by a hash of its key. */
export function folderCache(dir: string): PackCache {
  const file = (key: string) => join(dir, `${hashHex(key)}.ok`);
  return {
    isValid: (key) => existsSync(file(key)),
    rememberValid: (key) => {
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(file(key), '');
      } catch {
        // A read-only or full disk only costs the next run a re-check.
      }
    },
  };
}

/** Where the cache lives: $PURGES_HOME/cache/packs, else `packs` in the user's cache folder. */
export function defaultCacheDir(env: Record<string, string | undefined>): string {
  return join(cacheRoot(env), 'packs');
}
