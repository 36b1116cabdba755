/** Loading the knowledge base a run uses: the bundled data, then any data packs on top. */
import pkg from '../../package.json' with { type: 'json' };
import { bundledFingerprint, bundledKb, loadBundled } from './bundled.js';
import { Kb } from './model.js';

/**
 * Bundled data (or a PURGES_BASE folder in its place), then each pack on top. Packs that
 * passed their checks before, unchanged, are not checked again (PURGES_NO_CACHE=1: always check).
 */
export async function loadKb(env: Record<string, string | undefined>, paths: readonly string[]): Promise<Kb> {
  const basePath = env.PURGES_BASE;
  if (!basePath && paths.length === 0) return bundledKb();
  // zod and the checks load only when user data needs them.
  const { loadPack, packKey, EMPTY_KB } = await import('./pack.js');
  const { defaultCacheDir, folderCache } = await import('./pack-cache.js');
  const cache = env.PURGES_NO_CACHE ? undefined : folderCache(defaultCacheDir(env));
  // Each pack is checked against everything loaded before it, so that is part of its key.
  let baseKey = `purges ${pkg.version} ${basePath ? `base ${packKey(basePath)}` : `bundled ${bundledFingerprint()}`}`;
  let data = basePath ? await loadPack(basePath, EMPTY_KB, { cache, baseKey: `purges ${pkg.version}` }) : loadBundled();
  for (const path of paths) {
    data = await loadPack(path, data, { cache, baseKey });
    baseKey = `${baseKey} + ${packKey(path)}`;
  }
  return new Kb(data);
}
