/**
 * Checking a data pack against what it extends: the schema of every record, unique ids,
 * references that resolve, dates in order. NDJSON files are checked as a stream, a record a
 * line, with problems located by line number. Loads zod: only for packs not known to be valid.
 */
import { checkIntegrity, checkShapes } from './check.js';
import type { IdTable } from './index/ids.js';
import { hashA } from './index/hash.js';
import { NDJSON_COLLECTIONS, type IndexMeta, type NdjsonCollection } from './index/layout.js';
import type { IndexedPack } from './index/reader.js';
import { type Loaded, type PackFiles, packFiles, readJsonFiles } from './pack.js';
import { ALSO_LOADED, MAX_PROBLEMS, type Problem } from './problems.js';
import { type Progress, quietProgress } from './progress.js';
import type { KnowledgeBase } from './schema.js';
import { COLLECTIONS, type Collection } from './vocab.js';
import pkg from '../../package.json' with { type: 'json' };

/** What a check found: the valid JSON records, every problem (up to the limit), record counts. */
export interface CheckResult {
  pack: Partial<KnowledgeBase>;
  problems: Problem[];
  truncated: boolean;
  /** Records per collection, NDJSON ones included. */
  counts: Partial<Record<Collection, number>>;
}

/** Checks the pack at `path` (`purges validate`; the build checks the bundled data this way). */
export async function checkPack(
  path: string,
  base: Loaded,
  maxProblems = MAX_PROBLEMS,
  progress: Progress = quietProgress,
): Promise<CheckResult> {
  // A path given to validate, not to --data.
  return checkFiles(packFiles(path, 'Give the folder of a data pack, or one of its files.'), base, { maxProblems, progress });
}

/**
 * Checks a pack's files. Its NDJSON part is checked through its index when one is given (the
 * index build checked each record), else streamed here. Then everything that depends on the
 * rest of the data: references out of the pack, and ids it shares with the data loaded.
 */
export async function checkFiles(
  files: PackFiles,
  base: Loaded,
  options: { maxProblems: number; index?: IndexedPack; progress?: Progress },
): Promise<CheckResult> {
  const { maxProblems } = options;
  const problems: Problem[] = [];
  const counts: CheckResult['counts'] = {};
  // The NDJSON part: its own problems, the ids it cites, and a way to ask for its ids.
  let refs: IndexMeta['refs'] = { sources: {}, people: {} };
  let has: (c: NdjsonCollection, id: string) => boolean = () => false;
  let hashes: (c: NdjsonCollection) => ((h: number) => boolean) | undefined = () => undefined;
  if (options.index) {
    const index = options.index;
    refs = index.meta.refs;
    has = (c, id) => index.has(c, id);
    hashes = (c) => (index.meta[c] ? (h) => index.mayHave(c, h) : undefined);
    for (const c of NDJSON_COLLECTIONS) if (index.meta[c]) counts[c] = index.count(c);
  } else if (Object.keys(files.ndjson).length > 0) {
    const { buildIndex } = await import('./index/build.js');
    const r = buildIndex({ files: files.ndjson, maxProblems, progress: options.progress ?? quietProgress, purges: pkg.version, key: '' });
    problems.push(...r.problems);
    if (r.truncated) return { pack: {}, problems, truncated: true, counts: r.counts };
    refs = r.refs;
    const tables: Partial<Record<NdjsonCollection, IdTable>> = r.ids;
    has = (c, id) => tables[c]?.has(id) ?? false;
    hashes = (c) => (tables[c] ? (h) => tables[c]!.hasHash(h) : undefined);
    Object.assign(counts, r.counts);
  }

  // The JSON part, with references into the NDJSON part and into earlier indexed packs.
  const external = (c: Collection, id: string) =>
    ((c === 'people' || c === 'events') && (has(c, id) || base.indexed.some((p) => p.has(c, id)))) || false;
  const raw = await readJsonFiles(files);
  const shapes = checkShapes(raw, maxProblems - problems.length);
  problems.push(...shapes.problems);
  for (const [c, records] of Object.entries(shapes.pack)) counts[c as Collection] = records.length;
  if (shapes.truncated) return { pack: shapes.pack, problems: problems.slice(0, maxProblems), truncated: true, counts };
  problems.push(...checkIntegrity(shapes.pack, files.json, base.data, shapes.invalidIds, shapes.invalidRefs, external));

  // What the NDJSON part cites must exist in the pack or in the data loaded before it.
  const where = (location: string) => {
    const cut = location.lastIndexOf(':');
    return { file: location.slice(0, cut), line: location.slice(cut + 1) };
  };
  for (const c of ['sources', 'people'] as const) {
    const ids = new Set([...(shapes.pack[c] ?? []), ...base.data[c]].map((r) => r.id));
    for (const [id, location] of Object.entries(refs[c])) {
      if (ids.has(id) || (c === 'people' && base.indexed.some((p) => p.has('people', id)))) continue;
      const { file, line } = where(location);
      problems.push({ file: `${file}:${line}`, path: c, message: `unknown ${c === 'people' ? 'person' : 'source'} "${id}"` });
    }
  }

  // Ids the NDJSON part shares with the data loaded before it, or with this pack's JSON files.
  for (const c of NDJSON_COLLECTIONS) {
    const maybe = hashes(c);
    if (!maybe) continue;
    const file = files.ndjson[c]!;
    for (const r of [...base.data[c], ...(shapes.pack[c] ?? [])])
      if (maybe(hashA(r.id)) && has(c, r.id)) problems.push({ file, path: 'id', message: `duplicate id "${r.id}" ${ALSO_LOADED}` });
    for (const other of base.indexed)
      for (const id of other.idsWhere(c, maybe))
        if (has(c, id)) problems.push({ file, path: 'id', message: `duplicate id "${id}" (also in ${other.meta[c]?.file})` });
  }
  const ordered: CheckResult['counts'] = {};
  for (const c of COLLECTIONS) if (counts[c] !== undefined) ordered[c] = counts[c];
  return { pack: shapes.pack, problems: problems.slice(0, maxProblems), truncated: problems.length > maxProblems, counts: ordered };
}
