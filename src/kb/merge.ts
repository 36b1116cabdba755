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

/** Merges a checked pack into a base, returning a new knowledge base. */
export function mergePack(base: ReadonlyKnowledgeBase, pack: Partial<KnowledgeBase>): KnowledgeBase {
  const out = emptyKb();
  for (const name of COLLECTIONS) (out as unknown as Record<string, unknown[]>)[name] = [...base[name], ...(pack[name] ?? [])];
  return out;
}
