/**
 * Checks a data pack: shape (zod schema), unique ids, references and the order of dates.
 * Every problem is reported, not only the first, as `file: path: message`.
 */
import type { z } from 'zod';
import { recordSchemas, type KnowledgeBase, type ReadonlyKnowledgeBase } from './schema.js';
import { emptyKb, fillDefaults } from './merge.js';

export { emptyKb, fillDefaults, mergePack } from './merge.js';
export { formatProblem, MAX_PROBLEMS, type Problem } from './problems.js';
import { ALSO_LOADED, MAX_PROBLEMS, type Problem } from './problems.js';
import { endDay, startDay } from './dates.js';

/** True when `later` certainly lies before `earlier` (partial dates: only if the spans cannot overlap in order). */
function before(later: string, earlier: string): boolean {
  return endDay(later) < startDay(earlier);
}
import { COLLECTIONS, type Collection } from './vocab.js';

/** The raw, parsed contents of a pack's files, keyed by collection. */
export type RawPack = Partial<Record<Collection, { file: string; data: unknown }>>;

function jsonPath(collection: string, path: readonly PropertyKey[]): string {
  let out = collection;
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return out;
}

/** Result of the shape check: the valid records, the problems, and the ids of invalid records. */
export interface ShapeResult {
  pack: Partial<KnowledgeBase>;
  problems: Problem[];
  /** Ids of records that failed their schema, so references to them are not reported twice. */
  invalidIds: Set<string>;
  /** References made by records that failed their schema: still checked, so every problem is found. */
  invalidRefs: Array<{ file: string; path: string; kind: 'sources' | 'people'; id: string; owner: string }>;
  /** True when checking stopped at the problem limit: there may be more. */
  truncated: boolean;
}

/** Validates every record of every collection; a bad record does not hide the next one's problems. */
export function checkShapes(raw: RawPack, maxProblems = MAX_PROBLEMS): ShapeResult {
  const pack: Partial<KnowledgeBase> = {};
  const problems: Problem[] = [];
  const invalidIds = new Set<string>();
  const invalidRefs: ShapeResult['invalidRefs'] = [];
  for (const name of COLLECTIONS) {
    const entry = raw[name];
    if (!entry) continue;
    if (!Array.isArray(entry.data)) {
      problems.push({ file: entry.file, path: name, message: `expected a JSON array of ${name}, got ${describeJson(entry.data)}` });
      continue;
    }
    const schema = recordSchemas[name] as z.ZodType;
    const valid: unknown[] = [];
    entry.data.every((record: unknown, i: number) => {
      if (problems.length >= maxProblems) return false;
      const result = schema.safeParse(record);
      if (result.success) {
        // Keep the record as read (zod's copy would double the memory of a large pack).
        valid.push(fillDefaults(name, record as Record<string, unknown>));
        return true;
      }
      const id = (record as { id?: unknown } | null)?.id;
      if (typeof id === 'string') invalidIds.add(id);
      for (const kind of ['sources', 'people'] as const) {
        const refs = (record as Record<string, unknown> | null)?.[kind];
        if (kind === 'people' && name !== 'events') continue;
        if (Array.isArray(refs))
          refs.forEach(
            (ref, j) =>
              typeof ref === 'string' &&
              invalidRefs.push({ file: entry.file, path: `${name}[${i}].${kind}[${j}]`, kind, id: ref, owner: String(id) }),
          );
      }
      const suffix = typeof id === 'string' ? ` (id "${id}")` : '';
      for (const issue of result.error.issues) {
        problems.push({ file: entry.file, path: jsonPath(`${name}[${i}]`, issue.path), message: issue.message + suffix });
      }
      return true;
    });
    (pack as Record<string, unknown>)[name] = valid;
  }
  const truncated = problems.length >= maxProblems;
  return { pack, problems: problems.slice(0, maxProblems), invalidIds, invalidRefs, truncated };
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Checks ids and references of a typed pack against a base knowledge base it extends
 * (the bundled data, or nothing). Sets and maps keep it linear in the pack's size.
 */
export function checkIntegrity(
  pack: Partial<KnowledgeBase>,
  files: Partial<Record<Collection, string>>,
  base: ReadonlyKnowledgeBase = emptyKb(),
  invalidIds: ReadonlySet<string> = new Set(),
  invalidRefs: ShapeResult['invalidRefs'] = [],
  /** Ids held outside memory (packs read through an index): whether one exists. */
  external: (kind: Collection, id: string) => boolean = () => false,
): Problem[] {
  const problems: Problem[] = [];
  const ids = {} as Record<Collection, Set<string>>;
  for (const name of COLLECTIONS) {
    const seen = new Set(base[name].map((r) => r.id));
    const fresh = new Set<string>();
    (pack[name] ?? []).forEach((r, i) => {
      if (seen.has(r.id) || external(name, r.id)) {
        const also = fresh.has(r.id) ? '(also earlier in this file)' : ALSO_LOADED;
        problems.push({ file: files[name]!, path: `${name}[${i}].id`, message: `duplicate id "${r.id}" ${also}` });
      }
      seen.add(r.id);
      fresh.add(r.id);
    });
    ids[name] = seen;
  }
  const resolve = (file: string, path: string, kind: Collection, id: string, owner: string) => {
    if (!ids[kind].has(id) && !invalidIds.has(id) && !external(kind, id)) {
      const noun = kind === 'people' ? 'person' : kind === 'sources' ? 'source' : kind.replace(/s$/, '');
      problems.push({ file, path, message: `unknown ${noun} "${id}" (id "${owner}")` });
    }
  };
  const ref = (name: Collection, i: number, field: string, kind: Collection, id: string, owner: string) =>
    resolve(files[name]!, `${name}[${i}].${field}`, kind, id, owner);
  for (const name of COLLECTIONS) {
    (pack[name] ?? []).forEach((r, i) => {
      if ('sources' in r) r.sources.forEach((s, j) => ref(name, i, `sources[${j}]`, 'sources', s, r.id));
    });
  }
  for (const r of invalidRefs) resolve(r.file, r.path, r.kind, r.id, r.owner);
  (pack.events ?? []).forEach((e, i) => {
    e.people.forEach((p, j) => ref('events', i, `people[${j}]`, 'people', p, e.id));
    for (const o of orderProblems('events', e))
      problems.push({ file: files.events!, path: `events[${i}].${o.field}`, message: `${o.message} (id "${e.id}")` });
  });
  (pack.claims ?? []).forEach((c, i) => {
    if (c.originSource) ref('claims', i, 'originSource', 'sources', c.originSource, c.id);
  });
  (pack.people ?? []).forEach((p, i) => {
    for (const o of orderProblems('people', p))
      problems.push({ file: files.people!, path: `people[${i}].${o.field}`, message: `${o.message} (id "${p.id}")` });
  });
  (pack.eras ?? []).forEach((e, i) => {
    if (before(e.to, e.from))
      problems.push({ file: files.eras!, path: `eras[${i}].to`, message: `ends (${e.to}) before it starts (${e.from}) (id "${e.id}")` });
  });
  (pack.statistics ?? []).forEach((s, i) => {
    if (before(s.period.to, s.period.from))
      problems.push({
        file: files.statistics!,
        path: `statistics[${i}].period.to`,
        message: `period ends (${s.period.to}) before it starts (${s.period.from}) (id "${s.id}")`,
      });
  });
  return problems;
}

/**
 * The problems one person or event has on its own, whatever it is checked against: dates out
 * of order, a part for someone not listed. `field` is the JSON path within the record.
 */
export function orderProblems(
  name: 'people' | 'events',
  record: KnowledgeBase['people'][number] | KnowledgeBase['events'][number],
): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  if (name === 'events') {
    const e = record as KnowledgeBase['events'][number];
    for (const id of Object.keys(e.parts ?? {}))
      if (!e.people.includes(id)) out.push({ field: `parts.${id}`, message: `"${id}" has a part but is not in people` });
    if (e.endDate && before(e.endDate, e.date)) out.push({ field: 'endDate', message: `ends (${e.endDate}) before it starts (${e.date})` });
    return out;
  }
  const p = record as KnowledgeBase['people'][number];
  if (p.died && before(p.died, p.born)) out.push({ field: 'died', message: `died (${p.died}) before being born (${p.born})` });
  const r = p.repression;
  if (r?.arrested && r.sentenced && before(r.sentenced, r.arrested))
    out.push({ field: 'repression.sentenced', message: `sentenced (${r.sentenced}) before arrest (${r.arrested})` });
  if (r?.sentenced && r.executed && before(r.executed, r.sentenced))
    out.push({ field: 'repression.executed', message: `executed (${r.executed}) before sentence (${r.sentenced})` });
  return out;
}
