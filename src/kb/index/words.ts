/**
 * The word index of a pack: every normalised word of the records' names (see normalize),
 * sorted, each with the records it occurs in. Three files: `<name>.words` (the words, ASCII,
 * back to back), `<name>.wordidx` (per word: where it starts in .words and where its records
 * start in .postings; one entry more marks the ends) and `<name>.postings` (record numbers).
 * Words of one prefix are neighbours, so the records of every word starting with "ivan" are
 * one slice of .postings, found by two binary searches.
 *
 * Built by an external sort: (word, record) pairs are sorted in runs of bounded size written
 * to disk, then merged, so memory stays flat however many names a pack holds.
 */
import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenFile } from '../files.js';
import { FileWriter, readText, readU32 } from './io.js';

const SEPARATOR = '\u0001'; // sorts before every word character ([a-z0-9])
const RUN_ENTRIES = 250_000;

/** Collects (word, record) pairs and writes them as a merged word index. */
export class WordIndexWriter {
  private entries: string[] = [];
  private runs: string[] = [];
  /** Pairs added so far. */
  count = 0;

  constructor(
    private readonly dir: string,
    private readonly name: string,
    /** Pairs sorted in memory at a time: small runs sort faster and keep memory flat. */
    private readonly runEntries = RUN_ENTRIES,
  ) {}

  /** Adds the words of one record (each word once per record). */
  add(words: Iterable<string>, record: number): void {
    const suffix = SEPARATOR + record.toString(36);
    for (const w of words) {
      this.entries.push(w + suffix);
      this.count++;
    }
    if (this.entries.length >= this.runEntries) this.flushRun();
  }

  private flushRun(): void {
    if (this.entries.length === 0) return;
    // Plain string sort: grouped by word (the separator sorts first); records are sorted later.
    this.entries.sort();
    const path = join(this.dir, `${this.name}.run${this.runs.length}`);
    const w = new FileWriter(path);
    for (const e of this.entries) w.ascii(`${e}\n`);
    w.close();
    this.runs.push(path);
    this.entries = [];
  }

  /** Merges the runs into the three index files; `onProgress` hears the pairs merged. Returns the word count. */
  finish(onProgress?: (done: number) => void): number {
    this.flushRun();
    const readers = this.runs.map((p) => new RunReader(p));
    const heap = new MinHeap(readers);
    const words = new FileWriter(join(this.dir, `${this.name}.words`));
    const index = new FileWriter(join(this.dir, `${this.name}.wordidx`));
    const postings = new FileWriter(join(this.dir, `${this.name}.postings`));
    let current: string | undefined;
    let records: number[] = [];
    let wordCount = 0;
    let merged = 0;
    const emit = () => {
      if (current === undefined) return;
      index.u32(words.bytes);
      index.u32(postings.bytes / 4);
      words.ascii(current);
      records.sort((a, b) => a - b);
      let last = -1;
      for (const r of records) if (r !== last) postings.u32((last = r));
      wordCount++;
    };
    for (let top = heap.peek(); top; top = heap.peek()) {
      const entry = top.line!;
      const cut = entry.indexOf(SEPARATOR);
      const word = entry.slice(0, cut);
      if (word !== current) {
        emit();
        current = word;
        records = [];
      }
      records.push(Number.parseInt(entry.slice(cut + 1), 36));
      top.next();
      heap.fix();
      if (++merged % 1_000_000 === 0) onProgress?.(merged);
    }
    emit();
    index.u32(words.bytes);
    index.u32(postings.bytes / 4);
    words.close();
    index.close();
    postings.close();
    for (const r of readers) r.close();
    for (const p of this.runs) rmSync(p, { force: true });
    return wordCount;
  }
}

/** Reads a sorted run line by line. */
class RunReader {
  private readonly fd: number;
  private buffer = '';
  private at = 0;
  private position = 0;
  private readonly chunk = Buffer.allocUnsafe(1 << 18);
  line: string | undefined;

  constructor(path: string) {
    this.fd = openSync(path, 'r');
    this.next();
  }

  next(): void {
    for (;;) {
      const nl = this.buffer.indexOf('\n', this.at);
      if (nl >= 0) {
        this.line = this.buffer.slice(this.at, nl);
        this.at = nl + 1;
        return;
      }
      const n = readSync(this.fd, this.chunk, 0, this.chunk.length, this.position);
      if (n === 0) {
        this.line = undefined;
        return;
      }
      this.position += n;
      this.buffer = this.buffer.slice(this.at) + this.chunk.toString('latin1', 0, n);
      this.at = 0;
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** A binary min-heap of run readers, ordered by their current line. */
class MinHeap {
  private readonly items: RunReader[];
  constructor(readers: RunReader[]) {
    this.items = readers.filter((r) => r.line !== undefined);
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.down(i);
  }
  peek(): RunReader | undefined {
    return this.items[0];
  }
  /** Restores order after the top reader moved on (or ran out). */
  fix(): void {
    if (this.items[0]!.line === undefined) {
      const last = this.items.pop()!;
      if (this.items.length === 0) return;
      this.items[0] = last;
    }
    this.down(0);
  }
  private down(i: number): void {
    const a = this.items;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && a[l]!.line! < a[m]!.line!) m = l;
      if (r < a.length && a[r]!.line! < a[m]!.line!) m = r;
      if (m === i) return;
      [a[i], a[m]] = [a[m]!, a[i]!];
      i = m;
    }
  }
}

/** A word index opened for look-ups, read with pread: nothing is loaded whole. */
export class WordIndex {
  /** Number of distinct words. */
  readonly count: number;

  constructor(
    private readonly words: OpenFile,
    private readonly index: OpenFile,
    private readonly postings: OpenFile,
  ) {
    this.count = index.size / 8 - 1;
  }

  private word(i: number): string {
    const [start, , end] = readU32(this.index, i * 2, 3);
    return readText(this.words, start!, end!, 'latin1');
  }

  /** The first word position whose word is >= `key`. */
  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.word(mid) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Where the records of the words starting with `prefix` lie in .postings: [start, end). */
  prefixRange(prefix: string): [number, number] {
    const lo = this.lowerBound(prefix);
    const hi = this.lowerBound(`${prefix}{`); // '{' follows 'z': every word with the prefix sorts before
    if (lo >= hi) return [0, 0];
    const [start] = readU32(this.index, lo * 2 + 1, 1);
    const [end] = readU32(this.index, hi * 2 + 1, 1);
    return [start!, end!];
  }

  /** The record numbers in [start, end) of .postings, without repeats, ascending. */
  records(start: number, end: number): Uint32Array {
    const out = readU32(this.postings, start, end - start);
    out.sort();
    let n = 0;
    for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i]!;
    return out.subarray(0, n);
  }

  /** Closes the files. */
  close(): void {
    for (const f of [this.words, this.index, this.postings]) closeSync(f.fd);
  }
}
