// time-ordered runs of top-of-our-code frames (scratch)
import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (id) => { const chain = []; let x = id; while (x !== undefined) { const c = byId.get(x).callFrame; chain.push(`${c.functionName || 'anon'}@${c.url.replace(/.*\//, '')}:${c.lineNumber}`); x = parent.get(x); } chain.reverse(); return chain.slice(1, Number(process.argv[3] ?? 6)).join(' > '); };
let t = 0, cur = null, start = 0; const out = [];
p.samples.forEach((id, i) => { t += p.timeDeltas[i]; const l = label(id); if (l !== cur) { if (cur !== null) out.push([start, t, cur]); cur = l; start = t; } });
out.push([start, t, cur]);
// merge consecutive same label already; print runs >= threshold
const thr = Number(process.argv[4] ?? 300);
for (const [a, b, l] of out) if (b - a >= thr) console.log(((a)/1000).toFixed(1).padStart(6), ((b - a) / 1000).toFixed(2).padStart(6), l);
