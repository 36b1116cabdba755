#!/usr/bin/env node
// `npm run bench`: times whole `purges` processes as a user runs them, interleaved with bare
// `node -e 0` (A B C ... A B C ..., the order rotating each round, after a warm-up), and
// reports medians, milliseconds over bare node, the ratio to it, and peak RSS; then the same
// for data packs of 100k, 1M and 3M people (NDJSON, with 100,000 events), including the first
// use that builds each pack's index. Writes bench/results.json.
//
//   BENCH_RUNS=15          rounds of the start-up cases (default 15)
//   BENCH_PACK_RUNS=5      rounds of each pack case (default 5)
//   BENCH_SCALE=100k,1M    which pack sizes (default 100k,1M,3M; 0 for none)
//   BENCH_PACKS_DIR=DIR    where the generated packs are kept between runs (default: a folder
//                          in bench/ that is removed at the end; a 3M pack is ~1.2 GB)
//
// Both sides run without NODE_EXTRA_CA_CERTS and NODE_OPTIONS: a CA bundle set there costs
// every Node process ~30 ms, which a user's machine does not pay and which would hide the gap.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'purges.js');
const PROBE = join(ROOT, 'bench', 'rss-probe.cjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PACK_RUNS = Number(process.env.BENCH_PACK_RUNS ?? 5);
const MEMORY_RUNS = 3;
const WORK = join(ROOT, 'bench', 'work');
const PACKS = process.env.BENCH_PACKS_DIR ?? join(WORK, 'packs');
const HOME = join(WORK, 'home');
rmSync(HOME, { recursive: true, force: true });
mkdirSync(HOME, { recursive: true });

const removed = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'].filter((k) => process.env[k] !== undefined);
const ENV = { ...process.env, PURGES_HOME: HOME };
for (const k of ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS', 'PURGES_BASE', 'PURGES_DATA', 'PURGES_NO_CACHE', 'NO_COLOR', 'FORCE_COLOR'])
  delete ENV[k];
ENV.TERM ??= 'xterm-256color';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;
const quote = (s) => `'${s.replace(/'/g, "'\\''")}'`;

// The pseudo-terminal's size: script(1) gives 0x0 when its input is not a terminal.
const TTY_ROWS = 40;
const TTY_COLS = 100;
/** A shell command for script(1): size the terminal, then run node with `args`. */
const onTerminal = (args) => `stty rows ${TTY_ROWS} cols ${TTY_COLS}; exec ${[process.execPath, ...args].map(quote).join(' ')}`;

/** Runs a case to completion, output to a pipe (or a pseudo-terminal via script(1)); wall ms. */
function timeRun(c) {
  const [file, args] = c.terminal ? ['script', ['-qec', onTerminal(c.args), '/dev/null']] : [process.execPath, c.args];
  const t = process.hrtime.bigint();
  const r = spawnSync(file, args, { env: { ...ENV, ...c.env }, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0 && !c.mayFail) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** Peak RSS in MiB, via the preloaded probe (in a pipe). */
function peakRss(c) {
  const file = join(HOME, 'rss');
  rmSync(file, { force: true });
  spawnSync(process.execPath, ['-r', PROBE, ...c.args], { env: { ...ENV, ...c.env, BENCH_RSS_FILE: file }, stdio: 'ignore' });
  return Number(readFileSync(file, 'utf8')) / 1024;
}

/**
 * Time until a terminal shows what a user waits for, via script(1): the quiz's first question
 * (`until` a pattern), or a command's first screen (`TTY_ROWS - 1` lines, which the pager
 * shows before it waits for a key; or the whole output, if the command ends sooner). Timed
 * runs are killed there; `finish` lets the run end as a user's does (the quiz answered, the
 * pager quit), so that it leaves its code cache (the warm-up).
 */
function timeOnScreen(c, finish = false) {
  return new Promise((resolve, reject) => {
    const t = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', onTerminal(c.args), '/dev/null'], {
      env: ENV,
      stdio: ['pipe', 'pipe', 'ignore'],
      detached: true,
    });
    child.stdin.on('error', () => undefined);
    let seen = '';
    let lines = 0;
    let ms;
    let exited = false;
    const end = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      end();
      reject(new Error(`${c.name}: nothing on the screen within 10 s: ${seen}`));
    }, 10000);
    const shown = () => {
      if (ms !== undefined) return;
      ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (finish && !exited) {
        child.stdin.write(c.until ? '1' : 'q');
        return;
      }
      clearTimeout(timer);
      end();
      resolve(ms);
    };
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      for (const b of chunk) if (b === 10) lines++;
      if (c.until ? seen.includes(c.until) : lines >= TTY_ROWS - 1) shown();
    });
    child.on('exit', () => {
      exited = true;
      clearTimeout(timer);
      // A command whose output ends within the screen is timed to its end; a quiz that ends
      // before its question is a failure, not a time.
      if (ms === undefined && c.until) return reject(new Error(`${c.name}: ended before ${c.until}: ${seen}`));
      if (ms === undefined) shown();
      resolve(ms);
    });
  });
}

async function measure(cases, runs) {
  const times = new Map(cases.map((c) => [c, []]));
  for (const c of cases) c.screen ? await timeOnScreen(c, true) : timeRun(c); // warm-up (and code cache)
  for (let i = 0; i < runs; i++) {
    const order = cases.map((_, k) => cases[(k + i) % cases.length]);
    for (const c of order) times.get(c).push(c.screen ? await timeOnScreen(c) : timeRun(c));
  }
  return cases.map((c) => ({
    name: c.name,
    terminal: Boolean(c.terminal || c.screen),
    medianMs: median(times.get(c)),
    minMs: Math.min(...times.get(c)),
    runs: times.get(c).length,
    rssMiB: c.screen || c.terminal ? undefined : median(Array.from({ length: MEMORY_RUNS }, () => peakRss(c))),
  }));
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

/** A table of results against a pipe baseline and a terminal baseline. */
function table(rows, base, ttyBase) {
  const lines = [`${pad('case', 58)} ${lpad('median', 10)} ${lpad('+ms', 7)} ${lpad('x node', 7)} ${lpad('peak RSS', 10)}`];
  for (const r of rows) {
    const b = r.terminal ? ttyBase : base;
    r.overMs = r.medianMs - b.medianMs;
    r.ratio = r.medianMs / b.medianMs;
    const ms = r.medianMs >= 1000 ? `${(r.medianMs / 1000).toFixed(2)} s` : `${r.medianMs.toFixed(1)} ms`;
    const rss = r.rssMiB === undefined ? '' : `${r.rssMiB.toFixed(1)} MiB`;
    lines.push(`${pad(r.name, 58)} ${lpad(ms, 10)} ${lpad(r.overMs.toFixed(1), 7)} ${lpad(r.ratio.toFixed(2), 7)} ${lpad(rss, 10)}`);
  }
  return lines.join('\n');
}

const checks = [];
const check = (ok, text) => checks.push(`${ok ? 'PASS' : 'FAIL'}  ${text}`);

console.log(
  `purges benchmark: Node ${process.version}; ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${new Date().toISOString()}`,
);
console.log(
  `Environment of both sides: NODE_EXTRA_CA_CERTS and NODE_OPTIONS removed${removed.length ? ` (${removed.join(' and ')} ${removed.length > 1 ? 'were' : 'was'} set here)` : ' (neither was set)'}; PURGES_HOME in bench/work.`,
);
console.log(
  `Start-up: ${RUNS} interleaved rounds after a warm-up; medians; a pipe unless marked (terminal: a ${TTY_ROWS}x${TTY_COLS} pseudo-terminal through script(1), against node -e 0 run the same way).\n`,
);

const node0 = { name: 'node -e 0 (baseline, pipe)', args: ['-e', '0'] };
const tty0 = { name: 'node -e 0 (baseline, terminal)', args: ['-e', '0'], terminal: true };
const startup = [
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
  const read = (c) => JSON.parse(readFileSync(join(ROOT, 'dist', 'data', `${c}.json`), 'utf8'));
  const texts = [
    ...read('people').map((p) => p.summary),
    ...read('events').map((e) => e.summary),
    ...read('claims').map((c) => c.explanation),
    ...read('eras').map((e) => e.summary),
  ];
  const words = [];
  for (let i = 0; words.length < 5000; i++) words.push(...texts[i % texts.length].split(/\s+/));
  const file = join(HOME, 'essay-5000-words.txt');
  writeFileSync(file, `${words.slice(0, 5000).join(' ')}\n`);
  return file;
}
const checkEssay = { name: 'purges check ESSAY (5,000 words)', args: [BIN, 'check', essay()] };
// On a terminal: the first screen (through the pager, as a user sees it), and the whole
// table drawn to the terminal with --no-pager (every row through cli-table3).
const terminal = HAS_SCRIPT
  ? [
      { name: 'purges stats: first screen (terminal)', args: [BIN, 'stats'], screen: true },
      { name: 'purges people: first screen (terminal)', args: [BIN, 'people'], screen: true },
      { name: 'purges timeline: first screen (terminal)', args: [BIN, 'timeline'], screen: true },
      { name: 'purges person kirov (terminal)', args: [BIN, 'person', 'kirov'], terminal: true },
      { name: 'purges stats --no-pager: whole table (terminal)', args: [BIN, 'stats', '--no-pager'], terminal: true },
      { name: 'purges people --no-pager: whole table (terminal)', args: [BIN, 'people', '--no-pager'], terminal: true },
      {
        name: 'purges quiz: first question (terminal)',
        args: [BIN, 'quiz', '--count', '1', '--seed', 'bench'],
        screen: true,
        until: '(1/1)',
      },
    ]
  : [];
const small = await measure([node0, ...(HAS_SCRIPT ? [tty0] : []), ...startup, checkEssay, ...terminal], RUNS);
console.log(table(small, small[0], HAS_SCRIPT ? small[1] : small[0]));
for (const r of small.slice(HAS_SCRIPT ? 2 : 1)) {
  if (r.name.includes('quiz')) check(r.ratio <= 2, `${r.name}: ${r.ratio.toFixed(2)}x node, +${r.overMs.toFixed(1)} ms (target <= 2x)`);
  else if (r.name.startsWith('purges check')) check(r.medianMs <= 1000, `${r.name}: ${r.medianMs.toFixed(0)} ms (target <= 1 s)`);
  else check(r.ratio <= 1.3, `${r.name}: ${r.ratio.toFixed(2)}x node, +${r.overMs.toFixed(1)} ms (target <= 1.3x)`);
}

/** Makes (or reuses) an NDJSON pack of `people` people and 100,000 events. */
function pack(label, people) {
  const dir = join(PACKS, `ndjson-${label}`);
  if (!existsSync(join(dir, 'events.ndjson'))) {
    console.log(`writing the ${label} pack to ${dir} ...`);
    const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'make-pack.mjs'), String(people), dir, '--ndjson', '--events', '100000'], {
      stdio: 'inherit',
    });
    if (r.status !== 0) throw new Error('make-pack failed');
  }
  // The second person's name, from the first few KiB (the file may be far bigger than a string).
  const fd = openSync(join(dir, 'people.ndjson'), 'r');
  const head = Buffer.alloc(8192);
  readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const second = JSON.parse(head.toString('utf8').split('\n')[1]);
  return { dir, id: `gen-person-${String(Math.floor(people * 0.7)).padStart(7, '0')}`, name: second.name };
}

const SIZES = { '100k': 100_000, '1M': 1_000_000, '3M': 3_000_000 };
const wanted = (process.env.BENCH_SCALE ?? '100k,1M,3M')
  .split(',')
  .map((s) => s.trim())
  .filter((s) => s in SIZES);
const scale = [];
if (process.env.BENCH_SCALE !== '0' && wanted.length > 0) {
  console.log(`\nData packs (NDJSON, 100,000 events each; ${PACK_RUNS} interleaved rounds per case; the first use timed once, alone):`);
  for (const label of wanted) {
    const p = pack(label, SIZES[label]);
    const data = ['--data', p.dir];
    // First use: builds the index (and checks every record) into the bench's cache folder.
    const build = { name: `${label}: first use (index build)`, args: [BIN, ...data, 'person', p.id] };
    rmSync(join(HOME, 'cache', 'index'), { recursive: true, force: true });
    const t = process.hrtime.bigint();
    const rssFile = join(HOME, 'rss');
    spawnSync(process.execPath, ['-r', PROBE, ...build.args], { env: { ...ENV, BENCH_RSS_FILE: rssFile }, stdio: 'ignore' });
    const buildMs = Number(process.hrtime.bigint() - t) / 1e6;
    const buildRss = Number(readFileSync(rssFile, 'utf8')) / 1024;
    const cases = [
      { ...node0 },
      { name: `${label}: person <id>`, args: [BIN, ...data, 'person', p.id], label, kind: 'person' },
      { name: `${label}: person "<full name>"`, args: [BIN, ...data, 'person', p.name], label, kind: 'name' },
      { name: `${label}: search "<full name>"`, args: [BIN, ...data, 'search', p.name], label, kind: 'search' },
      {
        name: `${label}: timeline --from 1937-08 --to 1937-08 --limit 20`,
        args: [BIN, ...data, 'timeline', '--from', '1937-08', '--to', '1937-08', '--limit', '20'],
        label,
        kind: 'timeline',
      },
    ];
    const rows = await measure(cases, PACK_RUNS);
    rows.splice(1, 0, { name: build.name, medianMs: buildMs, minMs: buildMs, runs: 1, rssMiB: buildRss, label, kind: 'build' });
    console.log(table(rows, rows[0], rows[0]));
    for (const [i, r] of rows.entries()) if (i > 0) scale.push({ ...r, label, kind: r.kind ?? cases[i - 1]?.kind });
  }
  const targets = {
    build: [300_000, 'first use'],
    person: [150, 'person <id>'],
    search: [500, 'search "<full name>"'],
    timeline: [300, 'timeline of a month, 20 events'],
  };
  for (const r of scale.filter((r) => r.label === '3M')) {
    const t = targets[r.kind];
    if (!t) continue;
    const ms = r.medianMs >= 10_000 ? `${(r.medianMs / 1000).toFixed(0)} s` : `${r.medianMs.toFixed(0)} ms`;
    check(r.medianMs <= t[0], `3M: ${t[1]}: ${ms} (target <= ${t[0] >= 10_000 ? `${t[0] / 1000} s` : `${t[0]} ms`})`);
    if (r.kind === 'person') check(r.rssMiB <= 200, `3M: person <id>: ${r.rssMiB.toFixed(0)} MiB peak RSS (target <= 200 MiB)`);
  }
  const byKind = (kind) => wanted.map((l) => scale.find((r) => r.label === l && r.kind === kind)?.rssMiB);
  const person = byKind('person');
  if (person.length > 1)
    check(
      person.at(-1) <= person[0] * 1.5,
      `memory stays flat: person <id> peak RSS ${person.map((m) => `${m.toFixed(0)} MiB`).join(' -> ')}`,
    );
}

console.log(`\n${checks.join('\n')}`);
writeFileSync(
  join(ROOT, 'bench', 'results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, removed, runs: RUNS, cases: small, scale, checks }, null, 2)}\n`,
);
console.log('\nwrote bench/results.json');
// The packs stay only where BENCH_PACKS_DIR keeps them; the indexes and caches never stay.
const keepPacks = process.env.BENCH_PACKS_DIR !== undefined && PACKS.startsWith(WORK);
rmSync(keepPacks ? HOME : WORK, { recursive: true, force: true });
