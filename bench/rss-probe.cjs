// Preloaded with `node -r` in the benchmark's memory runs: at exit, writes the process's peak
// resident set size (KiB) to the file named by BENCH_RSS_FILE. CommonJS, so that measuring
// does not load the ES module loader into the process measured.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
