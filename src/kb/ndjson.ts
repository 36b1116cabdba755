/**
 * Reading NDJSON (one JSON record a line) as a stream of lines: a fixed buffer read with
 * pread, so a file of any size is read in constant memory, never as one string.
 */
import { DataError } from '../errors.js';
import { formatBytes, type OpenFile, readAt } from './files.js';

/** The longest line accepted: a record is a few KiB; a line without end is not a record. */
export const MAX_LINE_BYTES = 4 * 2 ** 20;

/** One line of a file: its text, its number (1-based) and where its bytes start and end. */
export interface Line {
  text: string;
  number: number;
  start: number;
  end: number;
}

/**
 * Calls `onLine` for each non-blank line of the file's first `file.size` bytes (what fstat
 * saw: a file that keeps growing is not followed), in order, until it returns false. A `\r` before the newline and a
 * leading byte-order mark are dropped. `onProgress` hears the bytes read so far.
 */
export function eachLine(
  file: OpenFile,
  onLine: (line: Line) => boolean | undefined,
  options: { onProgress?: (bytes: number) => void; maxLine?: number; chunk?: number } = {},
): number {
  const maxLine = options.maxLine ?? MAX_LINE_BYTES;
  let buffer = Buffer.allocUnsafe(options.chunk ?? 2 ** 20);
  let filled = 0; // bytes in buffer
  let base = 0; // file position of buffer[0]
  let number = 0;
  let position = 0;
  const line: Line = { text: '', number: 0, start: 0, end: 0 };
  for (;;) {
    const room = buffer.length - filled;
    const n = position < file.size ? readAt(file, buffer, filled, Math.min(room, file.size - position), position) : 0;
    position += n;
    filled += n;
    const eof = n === 0;
    let from = 0;
    for (;;) {
      let nl = buffer.indexOf(10, from);
      if (nl < 0 || nl >= filled) {
        if (!eof || from >= filled) break;
        nl = filled; // the last line has no newline
      }
      number++;
      let s = from;
      let e = nl;
      if (base + s === 0 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) s = 3;
      if (e > s && buffer[e - 1] === 13) e--;
      if (e > s && !isBlank(buffer, s, e)) {
        line.text = buffer.toString('utf8', s, e);
        line.number = number;
        line.start = base + s;
        line.end = base + e;
        if (onLine(line) === false) return number;
      }
      from = nl + 1;
    }
    if (eof) return number;
    // Keep the unfinished line at the start of the buffer; grow it for a long line.
    const rest = filled - from;
    if (rest >= maxLine)
      throw new DataError(`${file.path}:${number + 1}: a line longer than ${formatBytes(maxLine)}`, [], 'Write one record a line.');
    if (from === 0 && rest === buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxLine + 1));
      buffer.copy(bigger, 0, 0, rest);
      buffer = bigger;
    } else buffer.copy(buffer, 0, from, filled);
    base += from;
    filled = rest;
    options.onProgress?.(position);
  }
}

function isBlank(buffer: Buffer, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = buffer[i]!;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
