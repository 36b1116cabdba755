/**
 * `purges pack import`: a CSV list of people streamed into a pack's people.ndjson, a row at a
 * time (constant memory at any size), each row checked as a pack's records are. All or
 * nothing: one bad row and nothing is written, unless the caller skips bad rows, which are
 * then listed in import-report.txt beside the pack. Parsing is csv-parse's (quotes, embedded
 * newlines and byte-order marks are its business, and it counts lines for the report).
 */
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { DataError } from '../errors.js';
import { importExternal } from '../external.js';
import { orderProblems } from './check.js';
import { type ColumnMap, planColumns, type RowDefaults, rowToPerson, slug } from './csv-people.js';
import { pathError, openRegular } from './files.js';
import { IdTable } from './index/ids.js';
import type { Progress } from './progress.js';
import { personSchema } from './schema.js';

/** What to import, and how. */
export interface ImportOptions {
  file: string;
  out: string;
  map?: ColumnMap;
  defaults: Omit<RowDefaults, 'idPrefix'> & { idPrefix?: string };
  /** Write the good rows and report the bad ones, instead of refusing the whole file. */
  skipBad: boolean;
  progress: Progress;
}

/** One row that could not be imported. */
export interface BadRow {
  line: number;
  reason: string;
}

/** What an import did. */
export interface ImportResult {
  written: number;
  bad: number;
  /** The first bad rows (all of them are in the report). */
  firstBad: BadRow[];
  /** Columns no field took. */
  ignored: string[];
  /** The pack file written, and the report of skipped rows (when there were any). */
  output: string;
  report?: string;
}

/** Lines appended to a file as they come, flushed in chunks. */
class LineWriter {
  private readonly fd: number;
  private chunk = '';
  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }
  line(text: string): void {
    this.chunk += `${text}\n`;
    if (this.chunk.length > 1 << 20) this.flush();
  }
  private flush(): void {
    try {
      writeSync(this.fd, this.chunk);
    } catch (e) {
      // A full disk while writing the pack is about the output, not the CSV being read.
      throw pathError(e, this.path.replace(/\.\d+\.tmp$/, ''));
    }
    this.chunk = '';
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
  /** Closes without writing what is left (the file is about to be removed). */
  abort(): void {
    this.chunk = '';
    try {
      closeSync(this.fd);
    } catch {}
  }
}

/** Streams the CSV into `<out>/people.ndjson`. */
export async function importCsv(o: ImportOptions): Promise<ImportResult> {
  const input = openRegular(o.file);
  const output = join(o.out, 'people.ndjson');
  for (const existing of ['people.ndjson', 'people.json'])
    if (existsSync(join(o.out, existing)))
      throw new DataError(`${join(o.out, existing)}: already there`, [], 'Import into a new folder (--out), or move that file away first.');
  try {
    mkdirSync(o.out, { recursive: true });
  } catch (e) {
    throw pathError(e, o.out);
  }
  const tmp = `${output}.${process.pid}.tmp`;
  const reportPath = join(o.out, 'import-report.txt');
  const reportTmp = `${reportPath}.${process.pid}.tmp`;
  let out: LineWriter;
  let report: LineWriter;
  try {
    out = new LineWriter(tmp);
    report = new LineWriter(reportTmp);
  } catch (e) {
    throw pathError(e, o.out);
  }
  const defaults: RowDefaults = { ...o.defaults, idPrefix: o.defaults.idPrefix ?? (slug(basename(o.file).replace(/\.\w+$/, '')) || 'row') };
  const schema = personSchema as z.ZodType;
  const ids = new IdTable();
  const firstBad: BadRow[] = [];
  let written = 0;
  let bad = 0;
  let ignored: string[] = [];
  const reject = (line: number, reason: string) => {
    bad++;
    if (firstBad.length < 20) firstBad.push({ line, reason });
    report.line(`${o.file}:${line}: ${reason}`);
  };
  // Nothing half-written is left behind: the pack appears whole, by rename, or not at all.
  const finish = (keep: boolean) => {
    if (keep) {
      try {
        out.close();
        report.close();
        renameSync(tmp, output);
        if (bad > 0) renameSync(reportTmp, reportPath);
        else rmSync(reportTmp, { force: true });
        return;
      } catch (e) {
        finish(false);
        throw e instanceof DataError ? e : pathError(e, o.out);
      }
    }
    out.abort();
    report.abort();
    rmSync(tmp, { force: true });
    rmSync(reportTmp, { force: true });
  };

  const { parse } = await importExternal<typeof import('csv-parse')>('csv-parse');
  const parser = createReadStream('', { fd: input.fd, start: 0, end: Math.max(0, input.size - 1), autoClose: true }).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  o.progress.phase(`importing ${basename(o.file)}`, input.size);
  let plan: ReturnType<typeof planColumns> | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
      const line = info.lines;
      if (!plan) {
        plan = planColumns(record, o.map);
        ignored = plan.ignored;
        if (!plan.columns.some((c) => c.field === 'name'))
          throw new DataError(
            `${o.file}: no column gives the names (the header row has: ${record.join(', ')})`,
            [],
            `Map one with --map, e.g. --map "${record[0] ?? 'Surname'}=name".`,
          );
        continue;
      }
      o.progress.tick(info.bytes, written);
      const r = rowToPerson(record, plan, defaults, line);
      if ('error' in r) {
        reject(line, r.error);
        continue;
      }
      const checked = schema.safeParse(r.person);
      if (!checked.success) {
        const issue = checked.error.issues[0]!;
        reject(line, `${issue.path.join('.') || 'row'}: ${issue.message}`);
        continue;
      }
      const order = orderProblems('people', r.person);
      if (order.length > 0) {
        reject(line, `${order[0]!.field}: ${order[0]!.message}`);
        continue;
      }
      if (ids.add(r.person.id, line) !== undefined) {
        reject(line, `duplicate id "${r.person.id}"`);
        continue;
      }
      out.line(JSON.stringify(r.person));
      written++;
    }
  } catch (e) {
    finish(false);
    if (e instanceof DataError) throw e;
    const err = e as Error & { code?: string; lines?: number };
    if (err.code?.startsWith('CSV_') || err.name === 'CsvError')
      throw new DataError(`${o.file}:${err.lines ?? '?'}: not valid CSV (${err.message})`, [], 'Check the quoting on that line.');
    if (e instanceof Error && 'code' in e) throw pathError(e, o.file);
    throw e;
  } finally {
    o.progress.end();
  }
  if (!plan) {
    finish(false);
    throw new DataError(`${o.file}: the file is empty`, [], 'A CSV list starts with a header row naming its columns.');
  }
  if (bad > 0 && !o.skipBad) {
    finish(false);
    throw new DataError(
      `${o.file}: ${bad} row${bad === 1 ? '' : 's'} cannot be imported (first: line ${firstBad[0]!.line}: ${firstBad[0]!.reason}); nothing was written`,
      firstBad.map((b) => `${o.file}:${b.line}: ${b.reason}`),
      'Fix them, or add --skip-bad to import the other rows and list these in import-report.txt.',
    );
  }
  if (written === 0) {
    finish(false);
    throw new DataError(`${o.file}: no row could be imported`, [], 'Check the column mapping (--map) and the rows.');
  }
  finish(true);
  return { written, bad, firstBad, ignored, output, report: bad > 0 ? reportPath : undefined };
}
