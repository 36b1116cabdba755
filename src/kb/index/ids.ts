/**
 * Ids of a pack's records as an open-addressing hash table. Built in memory (two hashes per
 * id, so duplicates are found without keeping millions of strings), then written as
 * `<name>.ids`: per slot the first hash and the record number + 1 (0: empty). A look-up reads
 * a slot or two with pread and then the record itself, which has the final word.
 */
import type { OpenFile } from '../files.js';
import { hashA, hashB } from './hash.js';
import { readU32, writeArray } from './io.js';

/** The in-memory table of a build. */
export class IdTable {
  private a: Uint32Array;
  private b: Uint32Array;
  private records: Uint32Array;
  private mask: number;
  /** Ids added. */
  size = 0;

  constructor(expected = 1024) {
    let slots = 1024;
    while (slots < expected * 2) slots *= 2;
    this.a = new Uint32Array(slots);
    this.b = new Uint32Array(slots);
    this.records = new Uint32Array(slots);
    this.mask = slots - 1;
  }

  /**
   * Adds an id for a record; when an id with both hashes equal is already there, returns that
   * record's number instead (the caller compares the ids: equal hashes are nearly always equal ids).
   */
  add(id: string, record: number, same: (other: number) => boolean = () => true): number | undefined {
    if ((this.size + 1) * 2 > this.records.length) this.grow();
    const ha = hashA(id);
    const hb = hashB(id);
    let slot = ha & this.mask;
    while (this.records[slot] !== 0) {
      if (this.a[slot] === ha && this.b[slot] === hb && same(this.records[slot]! - 1)) return this.records[slot]! - 1;
      slot = (slot + 1) & this.mask;
    }
    this.a[slot] = ha;
    this.b[slot] = hb;
    this.records[slot] = record + 1;
    this.size++;
    return undefined;
  }

  /** Whether an id is in the table (by both hashes: a false "yes" has odds of about 2^-64 per look-up). */
  has(id: string): boolean {
    const ha = hashA(id);
    const hb = hashB(id);
    for (let slot = ha & this.mask; this.records[slot] !== 0; slot = (slot + 1) & this.mask)
      if (this.a[slot] === ha && this.b[slot] === hb) return true;
    return false;
  }

  /** Whether some id with this first hash is in the table. */
  hasHash(ha: number): boolean {
    for (let slot = ha & this.mask; this.records[slot] !== 0; slot = (slot + 1) & this.mask) if (this.a[slot] === ha) return true;
    return false;
  }

  private grow(): void {
    const { a, b, records } = this;
    const slots = records.length * 2;
    this.a = new Uint32Array(slots);
    this.b = new Uint32Array(slots);
    this.records = new Uint32Array(slots);
    this.mask = slots - 1;
    for (let i = 0; i < records.length; i++) {
      if (records[i] === 0) continue;
      let slot = a[i]! & this.mask;
      while (this.records[slot] !== 0) slot = (slot + 1) & this.mask;
      this.a[slot] = a[i]!;
      this.b[slot] = b[i]!;
      this.records[slot] = records[i]!;
    }
  }

  /** Writes the table as (first hash, record + 1) pairs. */
  write(path: string): void {
    const out = new Uint32Array(this.records.length * 2);
    for (let i = 0; i < this.records.length; i++) {
      out[2 * i] = this.a[i]!;
      out[2 * i + 1] = this.records[i]!;
    }
    writeArray(path, out);
  }
}

/** Record numbers whose id may be `id`, from a written table (the caller reads each to be sure). */
export function candidates(file: OpenFile, id: string): Generator<number> {
  return byHash(file, hashA(id));
}

/** Record numbers whose id has this first hash, from a written table. */
export function* byHash(file: OpenFile, ha: number): Generator<number> {
  const slots = file.size / 8;
  if (slots === 0) return;
  const mask = slots - 1;
  let slot = ha & mask;
  // Read a few slots at a time: probes are short, as the table is at most half full.
  for (;;) {
    const pairs = readU32(file, slot * 2, Math.min(16, (slots - slot) * 2));
    for (let i = 0; i < pairs.length; i += 2) {
      const record = pairs[i + 1]!;
      if (record === 0) return;
      if (pairs[i] === ha) yield record - 1;
    }
    slot = (slot + pairs.length / 2) & mask;
  }
}

/** Every (first hash, record number) of a written table, a chunk at a time. */
export function* allIds(file: OpenFile): Generator<[number, number]> {
  const slots = file.size / 8;
  for (let s = 0; s < slots; s += 65536) {
    const pairs = readU32(file, s * 2, Math.min(65536, slots - s) * 2);
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i + 1] !== 0) yield [pairs[i]!, pairs[i + 1]! - 1];
  }
}
