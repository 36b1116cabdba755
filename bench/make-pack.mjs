#!/usr/bin/env node
// Writes a synthetic, schema-valid data pack of N people, N events and N/10 sources,
// deterministically (a seeded generator, no network): `node bench/make-pack.mjs 10000 bench/packs/10k`.
// The records are obviously synthetic ("Generated Person ..."), for timing only.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [, , countArg = '10000', outDir = `bench/packs/${countArg}`] = process.argv;
const count = Number(countArg);
if (!Number.isInteger(count) || count < 10) {
  console.error('usage: make-pack.mjs COUNT [DIR]');
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
const id = (prefix, i) => `${prefix}-${String(i).padStart(6, '0')}`;

const sourceCount = Math.max(1, Math.floor(count / 10));
const sources = Array.from({ length: sourceCount }, (_, i) => ({
  id: id('gen-source', i),
  authors: [`${cap(word(2))} ${cap(word(3))}`],
  title: `Generated Source ${i}: ${cap(word(3))} ${word(2)}`,
  year: int(1950, 2020),
  publisher: 'Synthetic Press',
  kind: 'scholarly',
}));
const cite = () => [sources[int(0, sourceCount - 1)].id];

const people = Array.from({ length: count }, (_, i) => {
  const bornYear = int(1870, 1915);
  const diedYear = int(bornYear + 20, 1990);
  const fate = FATES[int(0, FATES.length - 1)];
  const born = `${bornYear}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
  const died = `${diedYear}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
  const person = {
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
  if (fate === 'executed') person.repression = { arrested: `${diedYear}`, executed: died };
  return person;
});

const events = Array.from({ length: count }, (_, i) => ({
  id: id('gen-event', i),
  date: `${int(1922, 1991)}-${pad(int(1, 12))}-${pad(int(1, 28))}`,
  title: `Generated event ${i}: ${word(3)}`,
  summary: `A synthetic event generated for benchmarks (${word(4)}).`,
  category: CATEGORIES[int(0, CATEGORIES.length - 1)],
  people: [people[int(0, count - 1)].id],
  sources: cite(),
}));

mkdirSync(outDir, { recursive: true });
for (const [name, data] of Object.entries({ sources, people, events })) writeFileSync(join(outDir, `${name}.json`), JSON.stringify(data));
console.log(
  `${outDir}: ${count} people, ${count} events, ${sourceCount} sources; try: purges --data ${outDir} person "${people[count - 1].name}"`,
);
