/**
 * Two independent 32-bit hashes of a string (FNV-1a and a multiply-xorshift), each finished
 * with murmur3's avalanche. An index stores the first to find a slot and checks the second
 * (or the record itself) before trusting a match.
 */

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The first hash (FNV-1a over UTF-16 code units). */
export function hashA(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix(h);
}

/** The second hash, independent of the first. */
export function hashB(text: string): number {
  let h = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  return fmix(h);
}

/** A 64-bit hash as 16 hex digits: a name for a cache entry, without loading node:crypto (~3 ms). */
export function hashHex(text: string): string {
  return hashA(text).toString(16).padStart(8, '0') + hashB(text).toString(16).padStart(8, '0');
}
