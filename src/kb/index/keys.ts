import { hashA } from './hash.js';

/**
 * The key of a person id in `events.people`: 29 bits of its hash, so that (key, position)
 * packs into one exact float for sorting. Records under a key are checked for the id itself.
 */
export function personKey(id: string): number {
  return hashA(id) >>> 3;
}
