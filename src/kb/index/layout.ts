/** What a compiled pack index holds, file by file (see build.ts for how, reader.ts for use). */
import type { Collection } from '../vocab.js';

/**
 * Bumped whenever the files change shape or their keys are spelled otherwise: an index of
 * another format is rebuilt. 2: name keys are normalize's fixed point (it was one pass of folds).
 */
export const INDEX_FORMAT = 2;

/** The collections a pack may hold as NDJSON (one record a line). */
export const NDJSON_COLLECTIONS = ['people', 'events'] as const satisfies readonly Collection[];
export type NdjsonCollection = (typeof NDJSON_COLLECTIONS)[number];

/**
 * Per collection: `<c>.offsets` (Float64, where each record's line starts, and the end),
 * `<c>.ids` (see ids.ts), `<c>.words`/`.wordidx`/`.postings` (see words.ts). Events also:
 * `events.order` (Uint32: record number by date order), `events.keys` (Float64: start day x 4
 * + precision, by date order), `events.ends` (Int32: last day, by date order), `events.cats`
 * (Uint8: category, by date order) and `events.people` (Uint32 pairs: hash of a person id,
 * date position), sorted.
 */
export interface IndexMeta {
  format: number;
  /** The purges version that built it. */
  purges: string;
  /** The pack files it was built from, as fingerprinted (see pack-cache.ts). */
  key: string;
  people?: CollectionMeta;
  events?: CollectionMeta & { maxSpanDays: number };
  /** Ids the records cite that the NDJSON files do not define: checked against the rest of the data at load. */
  refs: {
    sources: Record<string, string>;
    people: Record<string, string>;
  };
  /** Byte sizes of the index files, to tell a whole index from a damaged one. */
  sizes: Record<string, number>;
}

/** One collection's counts and source file. */
export interface CollectionMeta {
  file: string;
  records: number;
  words: number;
}

/** Where a record's line is, for problems: `people.ndjson:12`. */
export const at = (file: string, line: number) => `${file}:${line}`;
