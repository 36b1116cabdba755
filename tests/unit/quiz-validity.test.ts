/**
 * The quiz teaches only truths: thousands of generated questions over the real bundled data
 * (every topic, the whole range and each era and several single years, many seeds), each
 * judged against the knowledge base by an independent judge (tests/quiz-judge.ts). The data
 * grows; the rules are judged from the data, never from lists of ids.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Kb } from '../../src/kb/model.js';
import { generateQuestions } from '../../src/quiz/generate.js';
import { QUESTION_KINDS, type Question, TOPICS } from '../../src/quiz/question.js';
import { seededRandom } from '../../src/quiz/random.js';
import { isCorrect } from '../../src/quiz/score.js';
import { bundledKb } from '../helpers.js';
import { type JudgeScope, judge, RULES, subjectsOf } from '../quiz-judge.js';

let kb: Kb;
beforeAll(async () => {
  kb = await bundledKb();
});

function periods(kb: Kb): JudgeScope[] {
  const eras = kb.eras.map((e) => ({ from: e.from, to: e.to }));
  const years = ['1929', '1934', '1937', '1938', '1941', '1949', '1953'].map((y) => ({ from: y, to: y }));
  return [{}, ...eras, ...years, { from: '1936-08', to: '1938-11' }, { to: '1930' }, { from: '1945' }];
}

const show = (q: Question) =>
  [
    `${q.id} (${q.kind})`,
    `  ${q.prompt}`,
    ...q.choices.map((c) => `  - ${c}${c === q.answer ? '   <- answer' : ''}`),
    `  answer: ${q.answer}${q.answerEnd ? ` to ${q.answerEnd}` : ''}${q.order ? ` (${q.order})` : ''}`,
    `  explanation: ${q.explanation}`,
  ].join('\n');

describe('every generated question has exactly one defensible answer', () => {
  it('judges at least 5,000 questions, every kind, and finds no violation', { timeout: 180_000 }, () => {
    let judged = 0;
    const kinds = new Map<string, number>();
    let first: string | undefined;
    const all = periods(kb);
    // QUIZ_SEEDS=N judges more seeds (a deeper run before a release); 4 keep the suite quick.
    for (let seed = 0; seed < Number(process.env.QUIZ_SEEDS ?? 4); seed++)
      for (const topic of TOPICS)
        for (const period of all) {
          const qs = generateQuestions(kb, { topic, ...period }, 20, seededRandom(`validity-${seed}-${topic}-${JSON.stringify(period)}`));
          qs.forEach((q, i) => {
            judged++;
            kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
            const problems = judge(kb, q, period, (x, typed) => isCorrect(x as Question, typed));
            if (topic !== 'all' && q.topic !== topic) problems.push(`topic: a ${q.topic} question in a ${topic} quiz`);
            const prev = qs[i - 1];
            const shared = prev && subjectsOf(q).filter((s) => subjectsOf(prev).includes(s));
            if (shared && shared.length > 0) problems.push(`two-in-a-row: ${shared.join(', ')} after ${prev!.id}`);
            if (problems.length > 0 && !first)
              first = `${show(q)}\n  scope: ${topic} ${JSON.stringify(period)}\n  broke:\n${problems.map((p) => `    ${p}`).join('\n')}`;
          });
        }
    console.log(
      `quiz validity: judged ${judged} questions (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}) against ${Object.keys(RULES).length} rules`,
    );
    expect(first, first).toBeUndefined();
    expect(judged).toBeGreaterThanOrEqual(5000);
    for (const kind of QUESTION_KINDS) expect(kinds.get(kind) ?? 0, kind).toBeGreaterThan(50);
  });

  it('asks nothing outside a period with no data, as for an empty topic', () => {
    expect(generateQuestions(kb, { topic: 'all', from: '2050' }, 10, seededRandom('x'))).toEqual([]);
    for (const topic of TOPICS)
      expect(generateQuestions(kb, { topic, from: '1800', to: '1801' }, 10, seededRandom('x')), topic).toEqual([]);
  });
});
