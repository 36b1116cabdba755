import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PurgesError } from '../errors.js';
import { lazyKb } from './merge.js';
import { Kb } from './model.js';
import type { KnowledgeBase } from './schema.js';
import type { IndexEntry } from './search.js';
import { COLLECTIONS, type Collection } from './vocab.js';

/**
 * The build writes the checked bundled data to `dist/data/`, one file per collection (events
 * and eras already in date order), so that a command parses only the collections it reads.
 * Trusted, so not re-validated at run time.
 */
export const BUNDLED_DIR = 'data';
/** The search index of the bundled data, written by the build beside the collections. */
export const BUNDLED_INDEX_FILE = 'search-index.json';

// The built CLI sits beside data/ in dist/; sources run by the tests sit two folders down.
const CANDIDATES = [new URL('./', import.meta.url), new URL('../../dist/', import.meta.url)];
let found: string | undefined;

function bundledFile(name: string): string {
  if (!found) {
    for (const url of CANDIDATES) {
      const dir = fileURLToPath(url);
      try {
        if (statSync(join(dir, BUNDLED_DIR, 'people.json')).isFile()) {
          found = dir;
          break;
        }
      } catch {}
    }
    if (!found) throw new PurgesError('the bundled knowledge base is missing (dist/data)', 1, "Run 'npm run build' in the purges folder.");
  }
  return join(found, name);
}

function readCollection<C extends Collection>(collection: C): KnowledgeBase[C] {
  return JSON.parse(readFileSync(bundledFile(`${BUNDLED_DIR}/${collection}.json`), 'utf8')) as KnowledgeBase[C];
}

/** Size and modification time of the bundled files: part of the key of packs checked against them. */
export function bundledFingerprint(): string {
  try {
    return COLLECTIONS.map((c) => {
      const s = statSync(bundledFile(`${BUNDLED_DIR}/${c}.json`));
      return `${s.size}:${s.mtimeMs}`;
    }).join(',');
  } catch {
    return 'missing';
  }
}

/** The bundled knowledge base that `npm run build` checked and wrote, each collection read on first use. */
export function loadBundled(): KnowledgeBase {
  bundledFile(BUNDLED_DIR); // a missing build fails here, with its hint, not mid-command
  return lazyKb(readCollection);
}

/** The bundled search index, or undefined when it is missing (search then builds its own). */
export function loadBundledIndex(): IndexEntry[] | undefined {
  try {
    return JSON.parse(readFileSync(bundledFile(BUNDLED_INDEX_FILE), 'utf8')) as IndexEntry[];
  } catch {
    return undefined;
  }
}

/** The bundled knowledge base, each collection read when first used. */
export function bundledKb(): Kb {
  bundledFile(BUNDLED_INDEX_FILE); // a missing build fails here, with its hint, not mid-command
  return new Kb({ read: readCollection, sorted: true, searchIndex: loadBundledIndex });
}
