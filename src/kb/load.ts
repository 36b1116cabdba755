/** Loading the knowledge base a run uses: the bundled data, then any data packs on top. */
import { join } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { bundledFingerprint, bundledKb, loadBundled, loadBundledIndex } from './bundled.js';
import { cacheRoot } from './cache-dir.js';
import { Kb } from './model.js';
import { type Progress, quietProgress } from './progress.js';
import type { KnowledgeBase, ReadonlyKnowledgeBase } from './schema.js';
import { buildSearchIndex, type IndexEntry } from './search.js';
import type { Collection } from './vocab.js';

/**
 * Bundled data (or a PURGES_BASE folder in its place), then each pack on top. Packs that
 * passed their checks before, unchanged, are not checked again (PURGES_NO_CACHE=1: always
 * check). NDJSON lists are read through an index built on first use in the cache folder.
 */
export async function loadKb(
  env: Record<string, string | undefined>,
  paths: readonly string[],
  progress: Progress = quietProgress,
): Promise<Kb> {
  const basePath = env.PURGES_BASE;
  if (!basePath && paths.length === 0) return bundledKb();
  // zod and the checks load only when a pack is not known to be valid.
  const { loadPack, packKey, EMPTY } = await import('./pack.js');
  const { folderCache } = await import('./pack-cache.js');
  const root = cacheRoot(env);
  const cache = env.PURGES_NO_CACHE ? undefined : folderCache(join(root, 'packs'));
  const options = { cache, indexDir: join(root, 'index'), purges: pkg.version, progress };
  // Each pack is checked against everything loaded before it, so that is part of its key.
  let baseKey = `purges ${pkg.version} ${basePath ? `base ${packKey(basePath)}` : `bundled ${bundledFingerprint()}`}`;
  const bundled = loadBundled();
  let loaded = basePath
    ? await loadPack(basePath, EMPTY, { ...options, baseKey: `purges ${pkg.version}` })
    : { data: bundled, indexed: [] };
  for (const path of paths) {
    loaded = await loadPack(path, loaded, { ...options, baseKey });
    baseKey = `${baseKey} + ${packKey(path)}`;
  }
  const { data } = loaded;
  return new Kb({
    // Merged arrays are new and never shared, so the Kb may own them.
    read: <C extends Collection>(c: C) => data[c] as unknown as KnowledgeBase[C],
    indexed: loaded.indexed,
    // The build's index of the bundled data, and the packs' records indexed here.
    searchIndex: basePath ? undefined : () => withPacks(bundled, data),
  });
}

/** The search index of the bundled data plus the packs' records after it. */
function withPacks(bundled: KnowledgeBase, data: ReadonlyKnowledgeBase): IndexEntry[] | undefined {
  const own = loadBundledIndex();
  if (!own) return undefined;
  const after = <C extends Collection>(c: C) => data[c].slice(bundled[c].length) as KnowledgeBase[C];
  return [
    ...own,
    ...buildSearchIndex({
      people: after('people'),
      events: after('events'),
      statistics: after('statistics'),
      claims: after('claims'),
      sources: after('sources'),
    }),
  ];
}
