/**
 * Putting checked records together: no zod here, so a pack known to be valid is read and
 * merged without loading the schema (~35 ms).
 */
import type { KnowledgeBase, ReadonlyKnowledgeBase } from './schema.js';
import { COLLECTIONS, type Collection } from './vocab.js';

/** Array fields that may be left out of a record and mean "none" (the schema's defaults). */
export const DEFAULT_EMPTY: Record<Collection, readonly string[]> = {
  sources: [],
  people: ['aliases', 'roles'],
  events: ['people'],
  statistics: [],
  eras: ['sources'],
  claims: [],
};

/** Sets the array fields a record left out to [], as the schema's defaults say. */
export function fillDefaults(name: Collection, record: Record<string, unknown>): Record<string, unknown> {
  for (const key of DEFAULT_EMPTY[name]) if (record[key] === undefined) record[key] = [];
  return record;
}

/** A knowledge base with nothing in it. */
export const emptyKb = (): KnowledgeBase => ({ sources: [], people: [], events: [], statistics: [], eras: [], claims: [] });

/**
 * Merges a checked pack into a base, returning a new knowledge base. Each collection is
 * joined when first read, so a base that reads its collections on demand (the bundled data)
 * is read no further than the command needs.
 */
export function mergePack(base: ReadonlyKnowledgeBase, pack: Partial<KnowledgeBase>): KnowledgeBase {
  const out = {} as KnowledgeBase;
  for (const name of COLLECTIONS) {
    let joined: unknown[] | undefined;
    Object.defineProperty(out, name, {
      enumerable: true,
      get: () => (joined ??= [...base[name], ...(pack[name] ?? [])]),
    });
  }
  return out;
}

/** A knowledge base whose collections are read when first used. */
export function lazyKb(read: (c: Collection) => unknown[]): KnowledgeBase {
  const out = {} as KnowledgeBase;
  for (const name of COLLECTIONS) {
    let items: unknown[] | undefined;
    Object.defineProperty(out, name, { enumerable: true, get: () => (items ??= read(name)) });
  }
  return out;
}
