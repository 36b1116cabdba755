/**
 * Look-ups in a pack through its compiled index (see layout.ts): each reads the few index
 * entries and records it needs with pread, so a look-up in 3 million people costs about what
 * it costs in 3 thousand, in time and in memory.
 */
import { closeSync, fstatSync, openSync, rmSync } from 'node:fs';
import { DataError } from '../../errors.js';
import { join } from 'node:path';
import { type OpenFile, readAt } from '../files.js';
import { fillDefaults } from '../merge.js';
import type { Event, Person } from '../schema.js';
import { allIds, byHash, candidates } from './ids.js';
import { readF64, readI32, readText, readU32 } from './io.js';
import type { IndexMeta, NdjsonCollection } from './layout.js';
import { personKey } from './keys.js';
import { WordIndex } from './words.js';

/** An event read through an index, with its place in date order (for merging with others). */
export interface DatedEvent {
  event: Event;
  /** Start day x 4 + precision: the order sortByDate gives. */
  key: number;
  /** Position in this pack's date order (ties keep file order). */
  position: number;
}

/** Records matched by words: at most the cap, and whether more matched. */
export interface WordMatches<T> {
  records: T[];
  more: boolean;
}

/** The most postings read for one word of a query (16 MiB). */
const MAX_POSTINGS = 4_000_000;
/** The most records read for one query matched by words. */
export const MAX_WORD_MATCHES = 5000;
const CHUNK = 8192;

/** A pack's NDJSON collections, opened through their index. */
export class IndexedPack {
  private readonly files = new Map<string, OpenFile>();
  private readonly wordIndexes = new Map<string, WordIndex>();

  constructor(
    /** The index folder. */
    readonly dir: string,
    readonly meta: IndexMeta,
    /** The NDJSON files the records are read from. */
    private readonly sources: Partial<Record<NdjsonCollection, OpenFile>>,
  ) {}

  /** Number of records of a collection. */
  count(c: NdjsonCollection): number {
    return this.meta[c]?.records ?? 0;
  }

  private file(name: string): OpenFile {
    let f = this.files.get(name);
    if (!f) {
      const path = join(this.dir, name);
      let fd: number;
      try {
        fd = openSync(path, 'r');
      } catch (e) {
        throw damaged(this.dir, e);
      }
      f = { fd, size: fstatSync(fd).size, path };
      // The build records each file's size: another size means a crash cut it short.
      if (f.size !== this.meta.sizes[name]) {
        closeSync(fd);
        throw damaged(this.dir);
      }
      this.files.set(name, f);
    }
    return f;
  }

  private words(c: NdjsonCollection): WordIndex {
    let w = this.wordIndexes.get(c);
    if (!w) {
      w = new WordIndex(this.file(`${c}.words`), this.file(`${c}.wordidx`), this.file(`${c}.postings`));
      this.wordIndexes.set(c, w);
    }
    return w;
  }

  /** Record number `r` of a collection, as read (defaults filled). */
  record<C extends NdjsonCollection>(c: C, r: number): C extends 'people' ? Person : Event {
    const [start, end] = readF64(this.file(`${c}.offsets`), r, 2);
    const text = readText(this.sources[c]!, start!, end!);
    return fillDefaults(c, JSON.parse(text)) as C extends 'people' ? Person : Event;
  }

  private byId<C extends NdjsonCollection>(c: C, id: string) {
    if (!this.meta[c]) return undefined;
    for (const r of candidates(this.file(`${c}.ids`), id)) {
      const rec = this.record(c, r);
      if (rec.id === id) return rec;
    }
    return undefined;
  }

  /** Whether a person or an event with this id is here. */
  has(c: NdjsonCollection, id: string): boolean {
    return this.byId(c, id) !== undefined;
  }

  /** Whether some record's id has this first hash (see hash.ts): a cheap "maybe". */
  mayHave(c: NdjsonCollection, hash: number): boolean {
    if (!this.meta[c]) return false;
    return !byHash(this.file(`${c}.ids`), hash).next().done;
  }

  /** The ids of the records whose id hash passes `maybe` (each read from its record). */
  *idsWhere(c: NdjsonCollection, maybe: (hash: number) => boolean): Generator<string> {
    if (!this.meta[c]) return;
    for (const [hash, r] of allIds(this.file(`${c}.ids`))) if (maybe(hash)) yield this.record(c, r).id;
  }

  /** A person by id. */
  person(id: string): Person | undefined {
    return this.byId('people', id) as Person | undefined;
  }

  /** An event by id. */
  event(id: string): Event | undefined {
    return this.byId('events', id) as Event | undefined;
  }

  /**
   * Records with, for every word given, a word starting with it (the caller scores them: this
   * only narrows millions down to a few). Reads the rarest word's records, intersecting with
   * the next rarest while there are too many.
   */
  byWords<C extends NdjsonCollection>(c: C, words: readonly string[]): WordMatches<C extends 'people' ? Person : Event> {
    if (!this.meta[c] || words.length === 0) return { records: [], more: false };
    const index = this.words(c);
    const ranges = words.map((w) => index.prefixRange(w)).sort((a, b) => a[1] - a[0] - (b[1] - b[0]));
    if (ranges[0]![1] === ranges[0]![0]) return { records: [], more: false };
    let found: Uint32Array | undefined;
    for (const [start, end] of ranges) {
      if (found && found.length <= MAX_WORD_MATCHES) break;
      if (end - start > MAX_POSTINGS) break;
      const records = index.records(start, end);
      found = found ? intersect(found, records) : records;
    }
    if (!found) found = index.records(ranges[0]![0], Math.min(ranges[0]![1], ranges[0]![0] + MAX_POSTINGS));
    const more = found.length > MAX_WORD_MATCHES;
    const records = Array.from(found.subarray(0, MAX_WORD_MATCHES), (r) => this.record(c, r));
    return { records: records as Array<C extends 'people' ? Person : Event>, more };
  }

  /** The events naming a person, in date order. */
  eventsOf(personId: string): DatedEvent[] {
    if (!this.meta.events) return [];
    const pairs = this.file('events.people');
    const n = pairs.size / 8;
    const key = personKey(personId);
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (readU32(pairs, mid * 2, 1)[0]! < key) lo = mid + 1;
      else hi = mid;
    }
    const positions: number[] = [];
    for (let i = lo; i < n; i += CHUNK) {
      const chunk = readU32(pairs, i * 2, CHUNK * 2);
      let j = 0;
      for (; j < chunk.length && chunk[j] === key; j += 2) positions.push(chunk[j + 1]!);
      if (j < chunk.length) break;
    }
    return this.atPositions(positions).filter((d) => d.event.people.includes(personId));
  }

  /**
   * Events overlapping [fromDay, toDay] (day numbers; either may be open) in date order, whose
   * category passes `category` (by index in EVENT_CATEGORIES), at most `limit`.
   */
  eventsIn(fromDay: number | undefined, toDay: number | undefined, category: (index: number) => boolean, limit = Infinity): DatedEvent[] {
    const meta = this.meta.events;
    if (!meta) return [];
    const keys = this.file('events.keys');
    const n = keys.size / 8;
    const lowerBound = (key: number) => {
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (readF64(keys, mid, 1)[0]! < key) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    // An event starting more than the longest span before `from` cannot reach it.
    const lo = fromDay === undefined ? 0 : lowerBound((fromDay - meta.maxSpanDays) * 4);
    const hi = toDay === undefined ? n : lowerBound((toDay + 1) * 4);
    const positions: number[] = [];
    for (let p = lo; p < hi && positions.length < limit; p += CHUNK) {
      const count = Math.min(CHUNK, hi - p);
      const ends = readI32(this.file('events.ends'), p, count);
      const cats = readBytes(this.file('events.cats'), p, count);
      for (let i = 0; i < count && positions.length < limit; i++)
        if ((fromDay === undefined || ends[i]! >= fromDay) && category(cats[i]!)) positions.push(p + i);
    }
    return this.atPositions(positions);
  }

  private atPositions(positions: readonly number[]): DatedEvent[] {
    const keys = this.file('events.keys');
    const order = this.file('events.order');
    return positions.map((position) => ({
      position,
      key: readF64(keys, position, 1)[0]!,
      event: this.record('events', readU32(order, position, 1)[0]!),
    }));
  }

  /** Closes every file. */
  close(): void {
    for (const w of this.wordIndexes.values()) w.close();
    for (const f of this.files.values()) closeSync(f.fd);
    this.files.clear();
    this.wordIndexes.clear();
  }
}

/** A damaged index is removed, so that the next run builds it again. */
function damaged(dir: string, cause?: unknown): DataError {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {}
  const why = cause ? ` (${(cause as Error).message})` : '';
  return new DataError(`the index of this pack was damaged and has been removed${why}`, [], 'Run the command again to rebuild it.');
}

function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out[n++] = a[i]!;
      i++;
      j++;
    }
  }
  return out.subarray(0, n);
}

function readBytes(file: OpenFile, index: number, count: number): Uint8Array {
  const buffer = Buffer.allocUnsafe(count);
  return buffer.subarray(0, readAt(file, buffer, 0, count, index));
}
