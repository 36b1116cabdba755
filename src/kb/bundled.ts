import { readFileSync, statSync } from 'node:fs';
import { PurgesError } from '../errors.js';
import type { KnowledgeBase } from './schema.js';
import type { IndexEntry } from './search.js';

/** The checked knowledge base written by the build (`dist/kb.json`): trusted, so not re-validated. */
export const BUNDLED_KB_FILE = 'kb.json';
/** The search index of the bundled data, written by the build beside kb.json. */
export const BUNDLED_INDEX_FILE = 'search-index.json';

// The built CLI sits beside kb.json in dist/; sources run by the tests sit two folders down.
const dist = (file: string) => [new URL(`./${file}`, import.meta.url), new URL(`../../dist/${file}`, import.meta.url)];
const CANDIDATES = dist(BUNDLED_KB_FILE);

/** Size and modification time of the bundled file: part of the key of packs checked against it. */
export function bundledFingerprint(): string {
  for (const url of CANDIDATES) {
    try {
      const s = statSync(url);
      return `${s.size}:${s.mtimeMs}`;
    } catch {}
  }
  return 'missing';
}

/** Reads the bundled knowledge base that `npm run build` checked and wrote. */
export function loadBundled(): KnowledgeBase {
  for (const url of CANDIDATES) {
    let text: string;
    try {
      text = readFileSync(url, 'utf8');
    } catch {
      continue;
    }
    return JSON.parse(text) as KnowledgeBase;
  }
  throw new PurgesError('the bundled knowledge base is missing (dist/kb.json)', 1, "Run 'npm run build' in the purges folder.");
}

/** The bundled search index, or undefined when it is missing (search then builds its own). */
export function loadBundledIndex(): IndexEntry[] | undefined {
  for (const url of dist(BUNDLED_INDEX_FILE)) {
    try {
      return JSON.parse(readFileSync(url, 'utf8')) as IndexEntry[];
    } catch {}
  }
  return undefined;
}
