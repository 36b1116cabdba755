import { readFileSync, statSync } from 'node:fs';
import { PurgesError } from '../errors.js';
import type { KnowledgeBase } from './schema.js';

/** The checked knowledge base written by the build (`dist/kb.json`): trusted, so not re-validated. */
export const BUNDLED_KB_FILE = 'kb.json';

// The built CLI sits beside kb.json in dist/; sources run by the tests sit two folders down.
const CANDIDATES = [new URL(`./${BUNDLED_KB_FILE}`, import.meta.url), new URL(`../../dist/${BUNDLED_KB_FILE}`, import.meta.url)];

/** Size and modification time of the bundled file: part of the key of packs checked against it. */
export function bundledFingerprint(): string {
  for (const url of CANDIDATES) {
    try {
      const s = statSync(url);
      return `${s.size}:${s.mtimeMs}`;
    } catch {
      continue;
    }
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
