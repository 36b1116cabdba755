/** Reading and checking data packs: the zod-using path, loaded only when a pack is given. */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DataError } from '../errors.js';
import {
  checkIntegrity,
  checkShapes,
  emptyKb,
  fillDefaults,
  formatProblem,
  MAX_PROBLEMS,
  mergePack,
  type Problem,
  type RawPack,
} from './check.js';
import { filesFingerprint, type PackCache } from './pack-cache.js';
import { isDirectory, parseJson, readText } from './json.js';
import type { KnowledgeBase, ReadonlyKnowledgeBase } from './schema.js';
import { COLLECTIONS, type Collection } from './vocab.js';

/** A knowledge base with nothing in it: the base of a pack that stands alone. */
export const EMPTY_KB: ReadonlyKnowledgeBase = emptyKb();

const FILE_NAMES = COLLECTIONS.map((c) => `${c}.json`).join(', ');

/** Finds a pack's data files: a directory holding `<collection>.json` files, or one such file. */
export function packFiles(path: string): Partial<Record<Collection, string>> {
  const files: Partial<Record<Collection, string>> = {};
  if (isDirectory(path)) {
    const names = new Set(readdirSync(path));
    for (const c of COLLECTIONS) if (names.has(`${c}.json`)) files[c] = join(path, `${c}.json`);
    if (Object.keys(files).length === 0)
      throw new DataError(`${path}: no data files found`, [], `A data pack is a folder holding any of ${FILE_NAMES}.`);
    return files;
  }
  const name = basename(path).replace(/\.json$/, '') as Collection;
  if (!COLLECTIONS.includes(name))
    throw new DataError(`${path}: not a data file`, [], `Name it after its collection: one of ${FILE_NAMES}.`);
  files[name] = path;
  return files;
}

/** Reads and parses a pack's files. JSON syntax errors stop here, with line and column. */
export async function readPack(path: string): Promise<{ raw: RawPack; files: Partial<Record<Collection, string>> }> {
  const files = packFiles(path);
  const raw: RawPack = {};
  for (const c of COLLECTIONS) {
    const file = files[c];
    if (file) raw[c] = { file, data: await parseJson(readText(file), file) };
  }
  return { raw, files };
}

/**
 * Every problem in a pack (up to MAX_PROBLEMS; `truncated` says checking stopped there),
 * checked against the knowledge base it would extend. A pack whose records fail their schema
 * stops there: its references would only repeat the trouble.
 */
export async function checkPack(
  path: string,
  base: ReadonlyKnowledgeBase,
  maxProblems = MAX_PROBLEMS,
): Promise<{ pack: Partial<KnowledgeBase>; problems: Problem[]; truncated: boolean }> {
  const { raw, files } = await readPack(path);
  const { pack, problems, invalidIds, invalidRefs, truncated } = checkShapes(raw, maxProblems);
  if (truncated) return { pack, problems, truncated };
  problems.push(...checkIntegrity(pack, files, base, invalidIds, invalidRefs));
  return { pack, problems: problems.slice(0, maxProblems), truncated: problems.length > maxProblems };
}

/** Identifies a pack's files as they are now: any edit, replacement or move changes it. */
export function packKey(path: string): string {
  return filesFingerprint(Object.values(packFiles(path)));
}

/** A checked-before pack: read and parsed, with defaults filled, but not checked again. */
async function readTrusted(path: string): Promise<Partial<KnowledgeBase>> {
  const { raw } = await readPack(path);
  const pack: Record<string, unknown[]> = {};
  for (const c of COLLECTIONS) {
    const data = raw[c]?.data;
    if (Array.isArray(data)) pack[c] = data.map((r) => fillDefaults(c, r as Record<string, unknown>));
  }
  return pack as Partial<KnowledgeBase>;
}

/** Options for loading a pack: a cache of packs known to be valid, and what the base is. */
export interface LoadOptions {
  cache?: PackCache;
  /** Identifies the base data the pack is checked against (part of the cache key). */
  baseKey?: string;
}

/** Loads a pack on top of a base, all or nothing: any problem refuses the whole pack. */
export async function loadPack(path: string, base: ReadonlyKnowledgeBase, options: LoadOptions = {}): Promise<KnowledgeBase> {
  const key = options.cache ? `${options.baseKey ?? ''}>${packKey(path)}` : '';
  if (options.cache?.isValid(key)) return mergePack(base, await readTrusted(path));
  // Loading needs only to know that a pack is bad: stop early on a large bad file.
  const { pack, problems, truncated } = await checkPack(path, base, 100);
  if (problems.length > 0) {
    const others = problems.length - 1;
    const more = others > 0 ? ` (and ${others}${truncated ? '+' : ''} more problem${others > 1 ? 's' : ''})` : '';
    throw new DataError(
      `data pack refused: ${formatProblem(problems[0]!)}${more}`,
      problems.map(formatProblem),
      `Run 'purges validate ${path}' to list the problems.`,
    );
  }
  options.cache?.rememberValid(key);
  return mergePack(base, pack);
}
