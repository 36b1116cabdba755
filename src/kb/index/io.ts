/** Writing and reading the typed arrays an index is made of, as raw little-endian files. */
import { closeSync, openSync, writeSync } from 'node:fs';
import { type OpenFile, readAt } from '../files.js';

/** Buffered sequential writes to one file: the index is written in one pass, never held whole. */
export class FileWriter {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  /** Bytes written so far (flushed or not). */
  bytes = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  /** Appends bytes. */
  write(bytes: Uint8Array): void {
    if (this.used + bytes.length > this.buffer.length) this.flush();
    if (bytes.length > this.buffer.length) writeSync(this.fd, bytes);
    else {
      this.buffer.set(bytes, this.used);
      this.used += bytes.length;
    }
    this.bytes += bytes.length;
  }

  /** Appends one unsigned 32-bit number. */
  u32(n: number): void {
    if (this.used + 4 > this.buffer.length) this.flush();
    this.buffer.writeUInt32LE(n, this.used);
    this.used += 4;
    this.bytes += 4;
  }

  /** Appends ASCII text (the index's words are ASCII). */
  ascii(text: string): void {
    if (this.used + text.length > this.buffer.length) this.flush();
    if (text.length > this.buffer.length) writeSync(this.fd, Buffer.from(text, 'latin1'));
    else this.used += this.buffer.write(text, this.used, 'latin1');
    this.bytes += text.length;
  }

  private flush(): void {
    let done = 0;
    while (done < this.used) done += writeSync(this.fd, this.buffer, done, this.used - done);
    this.used = 0;
  }

  /** Flushes and closes. */
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Writes a whole typed array to a new file. */
export function writeArray(path: string, array: ArrayBufferView): void {
  const w = new FileWriter(path);
  w.write(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  w.close();
}

/** Reads `count` little-endian unsigned 32-bit numbers starting at element `index`. */
export function readU32(file: OpenFile, index: number, count: number): Uint32Array {
  const buffer = Buffer.allocUnsafe(count * 4);
  const n = readAt(file, buffer, 0, buffer.length, index * 4);
  return new Uint32Array(buffer.buffer, buffer.byteOffset, Math.floor(n / 4));
}

/** Reads `count` 64-bit floats starting at element `index`. */
export function readF64(file: OpenFile, index: number, count: number): Float64Array {
  const buffer = Buffer.allocUnsafe(count * 8);
  const n = readAt(file, buffer, 0, buffer.length, index * 8);
  // A Buffer's offset into its pool may not be 8-aligned: copy into an aligned array.
  return new Float64Array(Uint8Array.prototype.slice.call(buffer, 0, n - (n % 8)).buffer);
}

/** Reads `count` 32-bit signed integers starting at element `index`. */
export function readI32(file: OpenFile, index: number, count: number): Int32Array {
  const u = readU32(file, index, count);
  return new Int32Array(u.buffer, u.byteOffset, u.length);
}

/** Reads bytes [start, end) as text. */
export function readText(file: OpenFile, start: number, end: number, encoding: BufferEncoding = 'utf8'): string {
  const buffer = Buffer.allocUnsafe(end - start);
  const n = readAt(file, buffer, 0, buffer.length, start);
  return buffer.toString(encoding, 0, n);
}

/** A growable typed array of numbers, for counts not known in advance. */
export class Growable<T extends Float64Array | Uint32Array | Int32Array | Uint8Array> {
  length = 0;
  constructor(
    private array: T,
    private readonly make: (n: number) => T,
  ) {}

  push(n: number): void {
    if (this.length === this.array.length) {
      const bigger = this.make(this.array.length * 2);
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = n;
  }

  get(i: number): number {
    return this.array[i]!;
  }

  set(i: number, n: number): void {
    this.array[i] = n;
  }

  /** The filled part (a view, not a copy). */
  view(): T {
    return this.array.subarray(0, this.length) as T;
  }
}
