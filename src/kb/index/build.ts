/**
 * One pass over a pack's NDJSON files that checks every record (the schema, the order of its
 * dates, duplicate ids, references) and, unless it is only checking, writes the index that
 * later look-ups read (see layout.ts). Memory stays flat as the pack grows, apart from a few
 * bytes per record in typed arrays (offsets, hashes, dates).
 */
import { closeSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { orderProblems } from '../check.js';
import type { Problem } from '../problems.js';
import { startDay, endDay } from '../dates.js';
import { type OpenFile, openRegular, readAt } from '../files.js';
import { personNames } from '../find-person.js';
import { fillDefaults } from '../merge.js';
import { eachLine, type Line } from '../ndjson.js';
import { normalize } from '../normalize.js';
import type { Progress } from '../progress.js';
import { type Event, type Person, recordSchemas } from '../schema.js';
import { EVENT_CATEGORIES } from '../vocab.js';
import { IdTable } from './ids.js';
import { personKey } from './keys.js';
import { Growable, writeArray } from './io.js';
import { at, INDEX_FORMAT, type IndexMeta, type NdjsonCollection } from './layout.js';
import { WordIndexWriter } from './words.js';

/** What to build from, and where to. */
export interface BuildOptions {
  files: Partial<Record<NdjsonCollection, string>>;
  /** The folder to write the index into; without it the records are only checked. */
  out?: string;
  maxProblems: number;
  progress: Progress;
  /** The purges version and the files' fingerprint, kept in meta.json. */
  purges: string;
  key: string;
}

/** What a build found: its problems (empty when the index was written) and the record counts. */
export interface BuildResult {
  problems: Problem[];
  truncated: boolean;
  counts: Partial<Record<NdjsonCollection, number>>;
  refs: IndexMeta['refs'];
  /** The ids read, for checking the rest of the pack against them. */
  ids: Partial<Record<NdjsonCollection, IdTable>>;
}

/** The largest events file: dates are sorted as (key, record) packed into one exact float. */
const MAX_EVENTS = 2 ** 24 - 1;

/** The words a person is found by: the words of their normalised names (see personNames). */
export function personWords(p: Person): Set<string> {
  const words = new Set<string>();
  for (const n of personNames(p)) for (const w of n.split(' ')) if (w) words.add(w);
  return words;
}

/** The words an event is found by: the words of its title, id, aliases, place and summary. */
export function eventWords(e: Event): Set<string> {
  const words = new Set<string>();
  for (const text of [e.title, e.id, e.place, e.summary, ...(e.aliases ?? [])])
    if (text) for (const w of normalize(text).split(' ')) if (w) words.add(w);
  return words;
}

/** Checks the files and (with `out`) writes the index. */
export function buildIndex(o: BuildOptions): BuildResult {
  const problems: Problem[] = [];
  const refs: IndexMeta['refs'] = { sources: {}, people: {} };
  const counts: BuildResult['counts'] = {};
  const full = () => problems.length >= o.maxProblems;
  const meta: IndexMeta = { format: INDEX_FORMAT, purges: o.purges, key: o.key, refs, sizes: {} };
  const ids: BuildResult['ids'] = {};
  try {
    if (o.files.people) {
      const r = pass('people', o.files.people, o, problems, refs, undefined, full);
      ids.people = r.ids;
      counts.people = r.records;
      meta.people = { file: o.files.people, records: r.records, words: r.words };
    }
    if (o.files.events && !full()) {
      const r = pass('events', o.files.events, o, problems, refs, ids.people, full);
      ids.events = r.ids;
      counts.events = r.records;
      meta.events = { file: o.files.events, records: r.records, words: r.words, maxSpanDays: r.maxSpanDays };
    }
  } finally {
    o.progress.end();
  }
  const truncated = problems.length >= o.maxProblems;
  if (o.out && problems.length === 0) {
    for (const f of readdirSync(o.out)) meta.sizes[f] = statSync(join(o.out, f)).size;
    writeFileSync(join(o.out, 'meta.json'), JSON.stringify(meta));
  }
  return { problems: problems.slice(0, o.maxProblems), truncated, counts, refs, ids };
}

interface PassResult {
  ids: IdTable;
  records: number;
  words: number;
  maxSpanDays: number;
}

/** Reads one NDJSON file, checking each record and collecting what the index needs. */
function pass(
  name: NdjsonCollection,
  path: string,
  o: BuildOptions,
  problems: Problem[],
  refs: IndexMeta['refs'],
  peopleIds: IdTable | undefined,
  full: () => boolean,
): PassResult {
  const file = openRegular(path);
  const schema = recordSchemas[name] as z.ZodType;
  const offsets = new Growable(new Float64Array(1 << 16), (n) => new Float64Array(n));
  const lines = new Growable(new Uint32Array(1 << 16), (n) => new Uint32Array(n));
  const ids = new IdTable(file.size / 300);
  const words = o.out ? new WordIndexWriter(o.out, name) : undefined;
  // Events only: sort keys, last days, categories, and (person hash, record) pairs.
  const keys = new Growable(new Float64Array(1 << 12), (n) => new Float64Array(n));
  const ends = new Growable(new Int32Array(1 << 12), (n) => new Int32Array(n));
  const cats = new Growable(new Uint8Array(1 << 12), (n) => new Uint8Array(n));
  const pairs = new Growable(new Float64Array(1 << 12), (n) => new Float64Array(n));
  let maxSpanDays = 0;
  const label = path.split(/[\\/]/).pop()!;
  const problem = (line: Line, field: string, message: string) => problems.push({ file: at(path, line.number), path: field, message });
  const idOf = (record: number) => {
    const start = offsets.get(record);
    const end = record + 1 < offsets.length ? offsets.get(record + 1) : file.size;
    try {
      return (JSON.parse(readText(file, start, end)) as { id?: unknown }).id;
    } catch {
      return undefined;
    }
  };

  o.progress.phase(o.out ? `indexing ${label}` : `checking ${label}`, file.size);
  try {
    eachLine(
      file,
      (line) => {
        if (full()) return false;
        const record = offsets.length;
        if (name === 'events' && record >= MAX_EVENTS) {
          problem(line, '', `more than ${MAX_EVENTS} events in one file: split it`);
          return false;
        }
        offsets.push(line.start);
        lines.push(line.number);
        if (name === 'events') {
          keys.push(Number.NaN);
          ends.push(0);
          cats.push(0);
        }
        let value: unknown;
        try {
          value = JSON.parse(line.text);
        } catch (e) {
          // V8: "Expected ',' ... in JSON at position 12 (line 1 column 13)": keep the what, say the column.
          const message = (e as Error).message;
          const position = / at position (\d+)/.exec(message)?.[1];
          const what = message.replace(/ in JSON at position.*/s, '').replace(/^Unexpected token.*/s, 'unexpected character');
          problem(line, '', `invalid JSON (${what}${position === undefined ? '' : ` at column ${Number(position) + 1}`})`);
          return true;
        }
        const id = (value as { id?: unknown } | null)?.id;
        if (typeof id === 'string') {
          const other = ids.add(id, record, (r) => idOf(r) === id);
          if (other !== undefined) problem(line, 'id', `duplicate id "${id}" (also on line ${lines.get(other)})`);
        }
        const suffix = typeof id === 'string' ? ` (id "${id}")` : '';
        const result = schema.safeParse(value);
        if (!result.success) {
          for (const issue of result.error.issues)
            problem(
              line,
              issue.path
                .map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`))
                .join('')
                .replace(/^\./, ''),
              issue.message + suffix,
            );
          return true;
        }
        const r = fillDefaults(name, value as Record<string, unknown>) as Person | Event;
        for (const p of orderProblems(name, r)) problem(line, p.field, p.message + suffix);
        for (const s of r.sources) if (!(s in refs.sources)) refs.sources[s] = at(path, line.number);
        if (name === 'people') words?.add(personWords(r as Person), record);
        else {
          const e = r as Event;
          for (const p of e.people) {
            if (!peopleIds?.has(p) && !(p in refs.people)) refs.people[p] = at(path, line.number);
            pairs.push(personKey(p) * 2 ** 24 + record);
          }
          const start = startDay(e.date);
          const end = endDay(e.endDate ?? e.date);
          keys.set(record, start * 4 + (e.date.length - 4) / 3);
          ends.set(record, end);
          cats.set(record, EVENT_CATEGORIES.indexOf(e.category));
          maxSpanDays = Math.max(maxSpanDays, end - start);
          words?.add(eventWords(e), record);
        }
        return true;
      },
      { onProgress: (bytes) => o.progress.tick(bytes, offsets.length) },
    );
    const records = offsets.length;
    let wordCount = 0;
    if (o.out && problems.length === 0) {
      writeArray(join(o.out, `${name}.offsets`), Float64Array.from([...offsets.view(), file.size]));
      ids.write(join(o.out, `${name}.ids`));
      if (name === 'events') writeEventOrder(o.out, records, keys, ends, cats, pairs);
      o.progress.phase(`sorting the words of ${label}`, words!.count);
      wordCount = words!.finish((done) => o.progress.tick(done));
    }
    return { ids, records, words: wordCount, maxSpanDays };
  } finally {
    closeSync(file.fd);
  }
}

/** Writes the date order of events and what a range look-up reads along it. */
function writeEventOrder(
  out: string,
  n: number,
  keys: Growable<Float64Array>,
  ends: Growable<Int32Array>,
  cats: Growable<Uint8Array>,
  pairs: Growable<Float64Array>,
): void {
  // (key, record) in one exact float, as sortByDate does: the same order, ties in file order.
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) sorted[i] = keys.get(i) * 2 ** 24 + i;
  sorted.sort();
  const order = new Uint32Array(n);
  const position = new Uint32Array(n);
  const byKey = new Float64Array(n);
  const byEnd = new Int32Array(n);
  const byCat = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    const r = sorted[p]! % 2 ** 24;
    order[p] = r;
    position[r] = p;
    byKey[p] = keys.get(r);
    byEnd[p] = ends.get(r);
    byCat[p] = cats.get(r);
  }
  writeArray(join(out, 'events.order'), order);
  writeArray(join(out, 'events.keys'), byKey);
  writeArray(join(out, 'events.ends'), byEnd);
  writeArray(join(out, 'events.cats'), byCat);
  // (person key, date position), sorted: a person's events are one run, in date order.
  const byPerson = pairs.view().map((v) => Math.floor(v / 2 ** 24) * 2 ** 24 + position[v % 2 ** 24]!);
  byPerson.sort();
  const flat = new Uint32Array(byPerson.length * 2);
  for (let i = 0; i < byPerson.length; i++) {
    flat[2 * i] = Math.floor(byPerson[i]! / 2 ** 24);
    flat[2 * i + 1] = byPerson[i]! % 2 ** 24;
  }
  writeArray(join(out, 'events.people'), flat);
}

function readText(file: OpenFile, start: number, end: number): string {
  const buffer = Buffer.allocUnsafe(end - start);
  const n = readAt(file, buffer, 0, buffer.length, start);
  return buffer.toString('utf8', 0, n);
}
