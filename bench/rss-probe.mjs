// Preloaded with `node --import` in the benchmark's memory runs: at exit, writes the
// process's peak resident set size (VmHWM, in KiB) to the file named by BENCH_RSS_FILE.
import { readFileSync, writeFileSync } from 'node:fs';

process.on('exit', () => {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kib = /VmHWM:\s+(\d+)/.exec(status)?.[1];
  if (kib && process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, kib);
});
