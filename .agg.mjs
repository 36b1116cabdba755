// aggregate inclusive time of selected frames across profiles (scratch): node .agg.mjs dir
import { readFileSync, readdirSync } from 'node:fs';
const dir = process.argv[2]; const files = readdirSync(dir).map((f) => `${dir}/${f}`);
const incl = new Map(); const self = new Map();
for (const f of files) {
  const p = JSON.parse(readFileSync(f, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n])); const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const s = new Map(); p.samples.forEach((id, i) => s.set(id, (s.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  for (const [id, us] of s) {
    const seen = new Set(); let x = id; let first = true;
    while (x !== undefined) { const c = byId.get(x).callFrame; const k = `${c.functionName || 'anon'}@${c.url.replace(/.*\//, '')}:${c.lineNumber}`; if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + us); } if (first) { self.set(k, (self.get(k) ?? 0) + us); first = false; } x = parent.get(x); }
  }
}
const n = files.length; const re = new RegExp(process.argv[3] ?? '.');
console.log('runs', n);
for (const [k, us] of [...incl].filter(([k]) => re.test(k)).sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[4] ?? 40))) console.log((us / n / 1000).toFixed(2).padStart(7), ((self.get(k) ?? 0) / n / 1000).toFixed(2).padStart(6), k);
