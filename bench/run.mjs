#!/usr/bin/env node
// `npm run bench`: times whole `purges` processes side by side with bare `node -e 0`,
// interleaved (A B C ... A B C ...) after a warm-up, and reports medians, ratios to bare
// node measured in the same run, and peak RSS. Writes bench/results.json.
//
//   BENCH_RUNS=15     runs per case (default 15)
//   BENCH_SCALE=0     skip the 10k/100k data-pack cases
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'purges.js');
const PROBE = join(ROOT, 'bench', 'rss-probe.mjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const MEMORY_RUNS = 3;
const HOME = mkdtempSync(join(tmpdir(), 'purges-bench-'));
const ENV = { ...process.env, NO_COLOR: '1', PURGES_HOME: HOME, PURGES_DATA: '', PURGES_BASE: '' };
delete ENV.PURGES_BASE;
delete ENV.PURGES_DATA;
// A user's machine has neither: an extra CA store costs every Node process ~30 ms, which
// would hide differences on both sides. Removed from bare node and purges alike.
const REMOVED = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'].filter((k) => k in ENV);
for (const k of REMOVED) delete ENV[k];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs a command to completion; returns wall milliseconds. Output is discarded. */
function timeRun(args, env = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env: { ...ENV, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/**
 * Runs a command in a pseudo-terminal made by script(1), as a user at a terminal runs it:
 * stdout is a terminal, so tables are boxes (cli-table3) and colour is on. 80 columns, no pager.
 */
function timeTerminal(args, env = {}) {
  const cmd = [process.execPath, ...args].map((a) => `'${a}'`).join(' ');
  const full = { ...ENV, ...env, COLUMNS: '80', TERM: 'xterm-256color' };
  delete full.NO_COLOR;
  const t = process.hrtime.bigint();
  const r = spawnSync('script', ['-qfec', cmd, '/dev/null'], { env: full, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} in a terminal exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** Peak RSS in MiB, via the preloaded probe. */
function peakRss(args, env = {}) {
  const file = join(HOME, 'rss');
  rmSync(file, { force: true });
  spawnSync(process.execPath, ['--import', PROBE, ...args], { env: { ...ENV, ...env, BENCH_RSS_FILE: file }, stdio: 'ignore' });
  return Number(readFileSync(file, 'utf8')) / 1024;
}

const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;

/** Time until the quiz's first question is on a (pseudo-)terminal's screen, via `script`. */
function timeFirstPrompt() {
  return new Promise((resolve, reject) => {
    const t = process.hrtime.bigint();
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} quiz --count 1 --seed bench`;
    const child = spawn('script', ['-qfec', cmd, '/dev/null'], { env: ENV, stdio: ['pipe', 'pipe', 'ignore'], detached: true });
    let seen = '';
    const timer = setTimeout(() => {
      process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`no prompt within 10 s: ${seen}`));
    }, 10000);
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      if (seen.includes('(1/1)')) {
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        clearTimeout(timer);
        process.kill(-child.pid, 'SIGKILL');
        resolve(ms);
      }
    });
  });
}

/** A case: a name, node's arguments, and options. */
const node0 = { name: 'node -e 0 (baseline)', args: ['-e', '0'] };
const bundled = [
  { name: 'purges --help', args: [BIN, '--help'] },
  { name: 'purges person kirov', args: [BIN, 'person', 'kirov'] },
  { name: 'purges timeline', args: [BIN, 'timeline'] },
  { name: 'purges timeline --from 1937 --to 1938 --json', args: [BIN, 'timeline', '--from', '1937', '--to', '1938', '--json'] },
  { name: 'purges stats', args: [BIN, 'stats'] },
  { name: 'purges search yezhov', args: [BIN, 'search', 'yezhov'] },
  { name: 'purges claims', args: [BIN, 'claims'] },
];
/** A 5,000-word text made of the knowledge base's own summaries: what `purges check` is timed on. */
function essay() {
  const kb = JSON.parse(readFileSync(join(ROOT, 'dist', 'kb.json'), 'utf8'));
  const texts = [
    ...kb.people.map((p) => p.summary),
    ...kb.events.map((e) => e.summary),
    ...kb.claims.map((c) => c.explanation),
    ...kb.eras.map((e) => e.summary),
  ];
  const words = [];
  for (let i = 0; words.length < 5000; i++) words.push(...texts[i % texts.length].split(/\s+/));
  const file = join(HOME, 'essay-5000-words.txt');
  writeFileSync(file, `${words.slice(0, 5000).join(' ')}\n`);
  return file;
}
const checkEssay = { name: 'purges check ESSAY (5,000 words)', args: [BIN, 'check', essay()] };
// In a terminal, beside bare node in a terminal (script itself costs a few ms on both sides).
const terminal = HAS_SCRIPT
  ? [
      { name: 'node -e 0 in a terminal (baseline)', args: ['-e', '0'], tty: true },
      { name: 'purges stats in a terminal', args: [BIN, 'stats', '--no-pager'], tty: true },
      { name: 'purges people in a terminal', args: [BIN, 'people', '--no-pager'], tty: true },
      { name: 'purges timeline in a terminal', args: [BIN, 'timeline', '--no-pager'], tty: true },
    ]
  : [];
const quiz = HAS_SCRIPT
  ? { name: 'purges quiz: first prompt on a pty', first: true }
  : { name: 'purges quiz --worksheet --count 10 (no pty tool)', args: [BIN, 'quiz', '--worksheet', '--count', '10'] };

async function measure(cases) {
  const times = new Map(cases.map((c) => [c, []]));
  const once = (c) => (c.first ? timeFirstPrompt() : c.tty ? timeTerminal(c.args, c.env) : timeRun(c.args, c.env));
  for (const c of cases) await once(c); // warm-up
  for (let i = 0; i < RUNS; i++) {
    // Rotate the order each round, so no case always runs right after another.
    const order = cases.map((_, k) => cases[(k + i) % cases.length]);
    for (const c of order) times.get(c).push(await once(c));
  }
  return cases.map((c) => ({
    name: c.name,
    tty: c.tty,
    medianMs: median(times.get(c)),
    minMs: Math.min(...times.get(c)),
    runs: times.get(c).length,
    rssMiB: c.first || c.tty ? undefined : median(Array.from({ length: MEMORY_RUNS }, () => peakRss(c.args, c.env))),
  }));
}

function packs() {
  const made = {};
  for (const [label, count] of [
    ['10k', 10000],
    ['100k', 100000],
  ]) {
    const dir = join(ROOT, 'bench', 'packs', label);
    if (!existsSync(join(dir, 'people.json')))
      spawnSync(process.execPath, [join(ROOT, 'bench', 'make-pack.mjs'), String(count), dir], { stdio: 'inherit' });
    const people = JSON.parse(readFileSync(join(dir, 'people.json'), 'utf8'));
    made[label] = { dir, name: people[Math.floor(people.length / 2)].name };
  }
  return made;
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

function table(rows, base, ttyBase) {
  const lines = [
    `${pad('case', 52)} ${lpad('median', 9)} ${lpad('x node', 7)} ${lpad('+ms', 7)} ${lpad('peak RSS', 10)} ${lpad('x node', 7)}`,
  ];
  for (const r of rows) {
    // Terminal cases are compared with bare node in a terminal.
    const b = r.tty && ttyBase ? ttyBase : base;
    const ratio = r.medianMs / b.medianMs;
    r.overMs = r.medianMs - b.medianMs;
    const rss = r.rssMiB === undefined ? '' : `${r.rssMiB.toFixed(1)} MiB`;
    const rssRatio = r.rssMiB === undefined ? '' : (r.rssMiB / base.rssMiB).toFixed(2);
    lines.push(
      `${pad(r.name, 52)} ${lpad(`${r.medianMs.toFixed(1)} ms`, 9)} ${lpad(ratio.toFixed(2), 7)} ${lpad(r.overMs.toFixed(1), 7)} ${lpad(rss, 10)} ${lpad(rssRatio, 7)}`,
    );
    r.ratio = ratio;
    if (r.rssMiB !== undefined) r.rssRatio = r.rssMiB / base.rssMiB;
  }
  return lines.join('\n');
}

const checks = [];
const check = (ok, text) => checks.push(`${ok ? 'PASS' : 'FAIL'}  ${text}`);

console.log(
  `purges benchmark: ${RUNS} interleaved runs per case after a warm-up; Node ${process.version}; ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${new Date().toISOString()}`,
);
console.log(`Removed from the environment of every run (both sides): ${REMOVED.length ? REMOVED.join(', ') : 'nothing (not set)'}\n`);
const small = await measure([node0, ...bundled, checkEssay, ...terminal, quiz]);
const base = small[0];
const ttyBase = small.find((r) => r.name.startsWith('node -e 0 in a terminal'));
console.log(table(small, base, ttyBase));
for (const r of small.slice(1)) {
  if (r === ttyBase) continue;
  if (r.name.includes('first prompt')) check(r.ratio <= 2, `${r.name}: ${r.ratio.toFixed(2)}x node (target <= 2x)`);
  else if (r.name.startsWith('purges check')) check(r.medianMs <= 1000, `${r.name}: ${r.medianMs.toFixed(0)} ms (target <= 1 s)`);
  else if (r.name.includes('in a terminal'))
    check(r.ratio <= 1.3, `${r.name}: ${r.ratio.toFixed(2)}x node in a terminal, +${r.overMs.toFixed(1)} ms (target <= 1.3x)`);
  else {
    check(r.ratio <= 1.3, `${r.name}: ${r.ratio.toFixed(2)}x node time (target <= 1.3x)`);
    check(r.rssRatio <= 1.3, `${r.name}: ${r.rssRatio.toFixed(2)}x node RSS (target <= 1.3x)`);
  }
}

let scale = [];
if (process.env.BENCH_SCALE !== '0') {
  const p = packs();
  const scaleCases = [];
  for (const label of ['10k', '100k']) {
    const { dir, name } = p[label];
    scaleCases.push(
      { name: `${label}: person "<generated name>"`, args: [BIN, '--data', dir, 'person', name], label, kind: 'person' },
      {
        name: `${label}: person, pack checked afresh (no cache)`,
        args: [BIN, '--data', dir, 'person', name],
        env: { PURGES_NO_CACHE: '1' },
        label,
        kind: 'person-cold',
      },
      {
        name: `${label}: timeline --from 1937 --to 1937 --json`,
        args: [BIN, '--data', dir, 'timeline', '--from', '1937', '--to', '1937', '--json'],
        label,
        kind: 'timeline',
      },
      { name: `${label}: validate PACK`, args: [BIN, 'validate', dir], label, kind: 'validate' },
    );
  }
  console.log(`\nData packs (${RUNS} runs each; '--data' packs remembered as valid after their first check unless noted):`);
  scale = await measure([node0, ...scaleCases]);
  console.log(table(scale, scale[0]));
  const by = (label, kind) => scale.find((r) => r.name.startsWith(`${label}:`) && scaleCases.find((c) => c.name === r.name).kind === kind);
  for (const kind of ['person', 'person-cold', 'timeline', 'validate']) {
    const big = by('100k', kind);
    const ratio = big.medianMs / by('10k', kind).medianMs;
    const limit = kind === 'validate' ? 2000 : 1000;
    check(big.medianMs <= limit, `${big.name}: ${(big.medianMs / 1000).toFixed(2)} s (target <= ${limit / 1000} s)`);
    if (kind !== 'validate') check(big.rssMiB <= 400, `${big.name}: ${big.rssMiB.toFixed(0)} MiB peak RSS (target <= 400 MiB)`);
    check(ratio <= 12, `${kind}: 100k/10k cost ratio ${ratio.toFixed(1)} (target <= 12)`);
  }
}

console.log(`\n${checks.join('\n')}`);
writeFileSync(
  join(ROOT, 'bench', 'results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, runs: RUNS, cases: small, scale, checks }, null, 2)}\n`,
);
console.log('\nwrote bench/results.json');
rmSync(HOME, { recursive: true, force: true });
