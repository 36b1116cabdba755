import { it } from 'vitest';
import { bundledKb } from '../helpers.js';
import { generateQuestions } from '../../src/quiz/generate.js';
import { seededRandom } from '../../src/quiz/random.js';
import { isCorrect } from '../../src/quiz/score.js';
import { judge } from '../quiz-judge.js';
import { TOPICS } from '../../src/quiz/question.js';
it('new', async () => {
  const kb = await bundledKb();
  const periods = [
    {},
    { from: '1934', to: '1938' },
    { from: '1920', to: '1933' },
    { from: '1939', to: '1956' },
    { from: '1937', to: '1937' },
  ];
  let n = 0,
    bad = 0;
  const byRule = new Map<string, number>();
  const byKind = new Map<string, [number, number]>();
  const examples = new Map<string, string>();
  for (let seed = 0; seed < 20; seed++)
    for (const topic of TOPICS)
      for (const p of periods) {
        const qs = generateQuestions(kb, { topic, ...p }, 20, seededRandom(`j${seed}-${topic}-${JSON.stringify(p)}`));
        for (const q of qs) {
          n++;
          const v = judge(kb, q, p, (qq, y) => isCorrect(qq as any, y));
          const k = byKind.get(q.kind) ?? [0, 0];
          k[0]++;
          if (v.length) k[1]++;
          byKind.set(q.kind, k);
          if (v.length) bad++;
          for (const r of new Set(v.map((x) => x.split(':')[0]!))) {
            byRule.set(r, (byRule.get(r) ?? 0) + 1);
            if (!examples.has(r)) examples.set(r, `${q.id} | ${q.prompt} | ${q.choices.join(' / ')} | ${v.find((x) => x.startsWith(r))}`);
          }
        }
      }
  console.log(`judged ${n}, bad ${bad} (${((100 * bad) / n).toFixed(1)}%)`);
  console.log([...byKind].map(([k, [a, b]]) => `${k}: ${b}/${a}`).join('\n'));
  console.log([...byRule].map(([k, c]) => `${k}: ${c}`).join('\n'));
  console.log([...examples.values()].join('\n'));
}, 120000);
