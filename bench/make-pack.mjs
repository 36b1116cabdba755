#!/usr/bin/env node
// Writes a synthetic, schema-valid data pack, deterministically (a seeded generator, no network).
//
//   node bench/make-pack.mjs 10000 bench/packs/10k
//       JSON files: 10,000 people, 10,000 events, 1,000 sources (read whole, as today's packs).
//   node bench/make-pack.mjs 3000000 DIR --ndjson --events 100000
//       NDJSON lists: people.ndjson and events.ndjson (one record a line, written as a stream,
//       so any size fits in memory) and a sources.json of at most 1,000 sources.
//
// The records are obviously synthetic ("Generated Person ..."), for timing only.
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  return value ?? '';
};
const ndjson = args.includes('--ndjson');
if (ndjson) args.splice(args.indexOf('--ndjson'), 1);
const eventsArg = flag('--events');
const [countArg = '10000', outDir = `bench/packs/${countArg}`] = args;
const count = Number(countArg);
const eventCount = eventsArg === undefined ? count : Number(eventsArg);
if (!Number.isInteger(count) || count < 10 || !Number.isInteger(eventCount) || eventCount < 0) {
  console.error('usage: make-pack.mjs COUNT [DIR] [--ndjson] [--events N]');
  process.exit(2);
}

let state = 0x9e3779b9 ^ count;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pad = (n, w = 2) => String(n).padStart(w, '0');
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'sov', 'tin', 'vel', 'zar', 'nik', 'dor', 'gan', 'pet', 'rov', 'lev', 'sha', 'kin'];
const word = (n) => Array.from({ length: n }, () => SYLLABLES[int(0, SYLLABLES.length - 1)]).join('');
const cap = (s) => s[0].toUpperCase() + s.slice(1);
const FATES = ['executed', 'died-in-custody', 'suicide', 'survived', 'natural-death'];
const CATEGORIES = ['party', 'trial', 'military', 'nkvd', 'mass-operation', 'gulag', 'culture'];
const id = (prefix, i) => `${prefix}-${String(i).padStart(7, '0')}`;

const sourceCount = Math.max(1, Math.min(ndjson ? 1000 : Infinity, Math.floor(count / 10)));
const sources = Array.from({ length: sourceCount }, (_, i) => ({
  id: id('gen-source', i),
  authors: [`${cap(word(2))} ${cap(word(3))}`],
  title: `Generated Source ${i}: ${cap(word(3))} ${word(2)}`,
  year: int(1950, 2020),
  publisher: 'Synthetic Press',
  kind: 'scholarly',
}));
const cite = () => [sources[int(0, sourceCount - 1)].id];

function person(i) {
  const bornYear = int(1870, 1915);
  const diedYear = int(bornYear + 20, 1990);
  const fate = FATES[int(0, FATES.length - 1)];
  const born = `${bornYear}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
  const died = `${diedYear}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
  const p = {
    id: id('gen-person', i),
    name: `Generated ${cap(word(2))} ${cap(word(3))}${i}`,
    aliases: [`${cap(word(3))}${i}`],
    born,
    died,
    fate,
    roles: [{ title: `Generated role ${word(2)}`, from: `${bornYear + 18}`, to: `${diedYear}` }],
    summary: `A synthetic person generated for benchmarks (${word(4)}).`,
    sources: cite(),
  };
  if (fate === 'executed') p.repression = { arrested: `${diedYear}`, executed: died };
  return p;
}

const event = (i) => ({
  id: id('gen-event', i),
  date: `${int(1922, 1991)}-${pad(int(1, 12))}-${pad(int(1, 28))}`,
  title: `Generated event ${i}: ${word(3)}`,
  summary: `A synthetic event generated for benchmarks (${word(4)}).`,
  category: CATEGORIES[int(0, CATEGORIES.length - 1)],
  people: [id('gen-person', int(0, count - 1))],
  sources: cite(),
});

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'sources.json'), JSON.stringify(sources));
let last;
if (ndjson) {
  // A line at a time through a 1 MiB buffer: memory stays flat at any size.
  const stream = (name, n, make) => {
    const fd = openSync(join(outDir, name), 'w');
    let chunk = '';
    for (let i = 0; i < n; i++) {
      const r = make(i);
      if (name.startsWith('people')) last = r;
      chunk += `${JSON.stringify(r)}\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
    closeSync(fd);
  };
  stream('people.ndjson', count, person);
  stream('events.ndjson', eventCount, event);
} else {
  const people = Array.from({ length: count }, (_, i) => person(i));
  last = people[count - 1];
  writeFileSync(join(outDir, 'people.json'), JSON.stringify(people));
  writeFileSync(join(outDir, 'events.json'), JSON.stringify(Array.from({ length: eventCount }, (_, i) => event(i))));
}
console.log(
  `${outDir}: ${count} people, ${eventCount} events, ${sourceCount} sources${ndjson ? ' (NDJSON)' : ''}; try: purges --data ${outDir} person "${last.name}"`,
);
