import { readFileSync, statSync } from 'node:fs';
import { DataError } from '../errors.js';
import { importExternal } from '../external.js';

/** Line and column (both 1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Parses JSON text; on failure says where (`line 3, column 12`) and what, using
 * jsonc-parser to locate the first error, because V8's messages do not always carry a position.
 */
export async function parseJson(text: string, file: string): Promise<unknown> {
  if (text.trim() === '') throw new DataError(`${file}: the file is empty (expected a JSON array)`);
  if (text.includes('\u0000')) throw new DataError(`${file}: not a text file (it contains NUL bytes); expected a JSON array`);
  try {
    return JSON.parse(text);
  } catch {
    const { parse, printParseErrorCode } = await importExternal<typeof import('jsonc-parser')>('jsonc-parser');
    const errors: import('jsonc-parser').ParseError[] = [];
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (!first) throw new DataError(`${file}: invalid JSON`);
    const { line, column } = lineColumn(text, first.offset);
    throw new DataError(`${file}:${line}:${column}: invalid JSON (${describe(printParseErrorCode(first.error))})`);
  }
}

function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Reads a file as UTF-8, turning fs errors into one-line data errors. */
export function readText(path: string, label = path): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new DataError(`${label}: ${fsReason(e)}`);
  }
}

/** True when the path is a directory; a DataError when it does not exist. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch (e) {
    throw new DataError(`${path}: ${fsReason(e)}`, [], 'Check the path given to --data or PURGES_DATA.');
  }
}

function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (e as Error).message;
}
