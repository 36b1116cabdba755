/**
 * Data packs: finding their files, reading them, and loading them on top of what is loaded
 * already. A pack's JSON files are read whole (up to a size limit); its NDJSON files (big lists
 * of people or events, one record a line) are read through an index compiled on first use.
 * No zod here: a pack that passed its checks before, unchanged, is loaded without the schema
 * (the checks live in pack-check.ts).
 */
import { closeSync, realpathSync } from 'node:fs';
import { basename, join } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import { DataError } from '../errors.js';
import { cacheRoot } from './cache-dir.js';
import { pathError, isFolder, listFolder, openRegular, readWhole } from './files.js';
import type { IndexedPack } from './index/reader.js';
import { NDJSON_COLLECTIONS, type NdjsonCollection } from './index/layout.js';
import { parseJson } from './json.js';
import { emptyKb, fillDefaults, mergePack } from './merge.js';
import { filesFingerprint, type PackCache } from './pack-cache.js';
import { formatProblem, refusal } from './problems.js';
import { type Progress, quietProgress } from './progress.js';
import type { KnowledgeBase, ReadonlyKnowledgeBase } from './schema.js';
import { COLLECTIONS, type Collection } from './vocab.js';

/** What is loaded so far: records in memory, and packs read through their index. */
export interface Loaded {
  data: ReadonlyKnowledgeBase;
  indexed: readonly IndexedPack[];
}

/** Nothing loaded: the base of a pack that stands alone. */
export const EMPTY: Loaded = { data: emptyKb(), indexed: [] };

/** A pack's files: JSON collections, read whole, and NDJSON ones, read through an index. */
export interface PackFiles {
  json: Partial<Record<Collection, string>>;
  ndjson: Partial<Record<NdjsonCollection, string>>;
}

const FILE_NAMES = `${COLLECTIONS.map((c) => `${c}.json`).join(', ')}, ${NDJSON_COLLECTIONS.map((c) => `${c}.ndjson`).join(', ')}`;
const isNdjson = (c: string): c is NdjsonCollection => (NDJSON_COLLECTIONS as readonly string[]).includes(c);

/**
 * Finds a pack's data files: a folder holding `<collection>.json` (or `.ndjson`) files, or one
 * such file. `missing` is the hint for a path that does not exist.
 */
export function packFiles(path: string, missing = 'Check the path given to --data or PURGES_DATA.'): PackFiles {
  const files: PackFiles = { json: {}, ndjson: {} };
  if (isFolder(path, missing)) {
    const names = new Set(listFolder(path));
    for (const c of COLLECTIONS) {
      if (names.has(`${c}.json`)) files.json[c] = join(path, `${c}.json`);
      if (isNdjson(c) && names.has(`${c}.ndjson`)) {
        if (files.json[c])
          throw new DataError(
            `${path}: holds both ${c}.json and ${c}.ndjson`,
            [],
            `Keep one: ${c}.ndjson for long lists, ${c}.json for short ones.`,
          );
        files.ndjson[c] = join(path, `${c}.ndjson`);
      }
    }
    if (Object.keys(files.json).length + Object.keys(files.ndjson).length === 0)
      throw new DataError(`${path}: no data files found`, [], `A data pack is a folder holding any of ${FILE_NAMES}.`);
    return files;
  }
  const [, name = '', ext] = /^(.*)\.(json|ndjson)$/.exec(basename(path)) ?? [];
  if (ext === 'ndjson' && isNdjson(name)) files.ndjson[name] = path;
  else if (ext === 'json' && (COLLECTIONS as readonly string[]).includes(name)) files.json[name as Collection] = path;
  else throw new DataError(`${path}: not a data file`, [], `Name it after its collection: one of ${FILE_NAMES}.`);
  return files;
}

/** The raw, parsed contents of a pack's JSON files, keyed by collection. */
export type RawPack = Partial<Record<Collection, { file: string; data: unknown }>>;

/** Reads and parses a pack's JSON files. JSON syntax errors stop here, with line and column. */
export async function readJsonFiles(files: PackFiles): Promise<RawPack> {
  const raw: RawPack = {};
  for (const c of COLLECTIONS) {
    const file = files.json[c];
    if (!file) continue;
    const hint = isNdjson(c)
      ? `Write long lists as ${c}.ndjson, one record a line: it has no size limit.`
      : 'Split the pack into smaller ones.';
    raw[c] = { file, data: await parseJson(readWhole(file, undefined, hint), file) };
  }
  return raw;
}

/** Every file of a pack. */
export function allFiles(files: PackFiles): string[] {
  return [...Object.values(files.json), ...Object.values(files.ndjson)];
}

/** Identifies a pack's files as they are now: any edit, replacement or move changes it. */
export function packKey(path: string): string {
  return fingerprint(allFiles(packFiles(path)));
}

function fingerprint(paths: string[]): string {
  try {
    return filesFingerprint(paths);
  } catch (e) {
    throw pathError(e, paths.join(', '));
  }
}

/** Options for loading a pack. */
export interface LoadOptions {
  /** A record of packs known to be valid (none: check every time). */
  cache?: PackCache;
  /** Identifies the data the pack is checked against (part of the cache key). */
  baseKey?: string;
  /** Where NDJSON indexes are kept (default `index` in the cache folder). */
  indexDir?: string;
  /** The purges version (part of an index's key). */
  purges?: string;
  progress?: Progress;
}

/** A checked-before pack's JSON files: parsed, with defaults filled, but not checked again. */
async function readTrusted(files: PackFiles): Promise<Partial<KnowledgeBase>> {
  const raw = await readJsonFiles(files);
  const pack: Record<string, unknown[]> = {};
  for (const c of COLLECTIONS) {
    const data = raw[c]?.data;
    if (Array.isArray(data)) pack[c] = data.map((r) => fillDefaults(c, r as Record<string, unknown>));
  }
  return pack as Partial<KnowledgeBase>;
}

/**
 * Loads a pack on top of what is loaded, all or nothing: any problem refuses the whole pack.
 * NDJSON files are indexed on first use (which also checks each record); the rest of the
 * checks run unless the cache says this pack passed them before, on this same base.
 */
export async function loadPack(path: string, base: Loaded, options: LoadOptions = {}): Promise<Loaded> {
  const files = packFiles(path);
  const key = options.cache ? `${options.baseKey ?? ''}>${fingerprint(allFiles(files))}` : '';
  let index: IndexedPack | undefined;
  if (Object.keys(files.ndjson).length > 0) {
    const { openIndex } = await import('./index/store.js');
    const real: PackFiles['ndjson'] = {};
    for (const [c, f] of Object.entries(files.ndjson) as Array<[NdjsonCollection, string]>) {
      closeSync(openRegular(f).fd); // refused here, under the name the user gave, if not a regular file
      real[c] = realpathSync(f);
    }
    index = await openIndex({
      files: real,
      fingerprint: fingerprint(Object.values(real)),
      cacheDir: options.indexDir ?? join(cacheRoot(process.env), 'index'),
      purges: options.purges ?? pkg.version,
      packPath: path,
      progress: options.progress ?? quietProgress,
      maxProblems: 100,
    });
  }
  const indexed = index ? [...base.indexed, index] : base.indexed;
  if (options.cache?.isValid(key)) return { data: mergePack(base.data, await readTrusted(files)), indexed };
  // Loading needs only to know that a pack is bad: stop early on a large bad file.
  const { checkFiles } = await import('./pack-check.js');
  const { pack, problems, truncated } = await checkFiles(files, base, { maxProblems: 100, index });
  if (problems.length > 0) {
    index?.close();
    throw refusal(problems.map(formatProblem), truncated, path);
  }
  options.cache?.rememberValid(key);
  return { data: mergePack(base.data, pack), indexed };
}
