/**
 * Reads the text `purges check` is given, refusing what is not text before reading it:
 * a directory, a FIFO or device (which could block for ever), a file over the size limit,
 * binary data and invalid UTF-8 each get a one-line error.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { fsError, InputError } from '../errors.js';
import { formatNumber } from '../render/figures.js';

/** The largest text `purges check` reads: about 170,000 words, a long book, far beyond any essay. */
export const MAX_TEXT_BYTES = 1024 * 1024;
const LIMIT = '1 MB';

/** Reads a regular file as UTF-8 text (see the module comment). */
export function readTextFile(path: string): string {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw fsError(e, `cannot read ${path}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputError(`${path}: is a directory`, 'Give a text file, or - to read standard input.');
    if (!stat.isFile()) throw new InputError(`${path}: not a regular file`, `Pipe it in instead: purges check - < ${path}`);
    if (stat.size > MAX_TEXT_BYTES) throw tooLarge(path, stat.size);
    const buffer = Buffer.alloc(stat.size + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_TEXT_BYTES) throw tooLarge(path, length);
    return decode(buffer.subarray(0, length), path);
  } catch (e) {
    throw e instanceof InputError ? e : fsError(e, `cannot read ${path}`);
  } finally {
    closeSync(fd);
  }
}

/** Reads standard input to its end as UTF-8 text, stopping at the size limit. */
export async function readTextStream(stream: AsyncIterable<Uint8Array>, label = 'standard input'): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    length += chunk.length;
    if (length > MAX_TEXT_BYTES) throw tooLarge(label, length, true);
    chunks.push(Buffer.from(chunk));
  }
  return decode(Buffer.concat(chunks, length), label);
}

/** Checks a `--text` argument against the same limit. */
export function checkTextArgument(text: string): string {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_TEXT_BYTES) throw tooLarge('--text', bytes);
  return text.replace(/^\uFEFF/, '');
}

function tooLarge(label: string, bytes: number, more = false): InputError {
  return new InputError(
    `${label}: too large: ${more ? 'over ' : ''}${formatNumber(bytes)} bytes, and the limit is ${LIMIT}`,
    'Check a chapter at a time.',
  );
}

/** UTF-8 bytes to text: refuses NUL bytes (binary data) and invalid UTF-8, saying where. */
function decode(bytes: Buffer, label: string): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new InputError(`${label}: not a text file: a NUL byte at offset ${nul}`, 'purges check reads UTF-8 text.');
  const bad = invalidUtf8At(bytes);
  if (bad !== -1)
    throw new InputError(`${label}: not valid UTF-8: an invalid byte at offset ${bad}`, 'Save the text as UTF-8 and try again.');
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/** Offset of the first byte that breaks UTF-8, or -1. */
export function invalidUtf8At(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= b.length) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    // Overlong, surrogate and out-of-range forms.
    const d = b[i + 1]!;
    if ((c === 0xe0 && d < 0xa0) || (c === 0xed && d > 0x9f) || (c === 0xf0 && d < 0x90) || (c === 0xf4 && d > 0x8f)) return i;
    i += n + 1;
  }
  return -1;
}
