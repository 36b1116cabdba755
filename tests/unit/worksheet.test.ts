/**
 * The worksheet is CommonMark that renders as teachers print it: each question an item of
 * one ordered list with its choices as a list under it, the key after a heading on a new
 * page. Rendered with the reference CommonMark parser (commonmark.js), then walked.
 */
import { HtmlRenderer, type Node, Parser } from 'commonmark';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Kb } from '../../src/kb/model.js';
import { generateQuestions } from '../../src/quiz/generate.js';
import type { Question } from '../../src/quiz/question.js';
import { seededRandom } from '../../src/quiz/random.js';
import { markdownText, renderAnswerKey, renderWorksheet, type WorksheetMeta } from '../../src/render/worksheet.js';
import { bundledKb } from '../helpers.js';

let kb: Kb;
beforeAll(async () => {
  kb = await bundledKb();
});

const meta = (over: Partial<WorksheetMeta> = {}): WorksheetMeta => ({
  seed: 's',
  topic: 'all',
  command: 'purges quiz --worksheet --count 12 --topic all --seed s',
  cite: (ids) => ids.join('; '),
  ...over,
});

const children = (n: Node): Node[] => {
  const out: Node[] = [];
  for (let c = n.firstChild; c; c = c.next) out.push(c);
  return out;
};
const textOf = (n: Node): string => {
  let s = '';
  const w = n.walker();
  for (let e = w.next(); e; e = w.next()) if (e.entering && (e.node.type === 'text' || e.node.type === 'code')) s += e.node.literal;
  return s;
};

function checkSheet(questions: Question[], markdown: string) {
  const doc = new Parser().parse(markdown);
  const top = children(doc);
  const lists = top.filter((n) => n.type === 'list' && n.listType === 'ordered');
  // The questions, then the key: two ordered lists, each one item per question.
  expect(lists).toHaveLength(2);
  const [sheet, key] = lists as [Node, Node];
  const items = children(sheet);
  expect(items).toHaveLength(questions.length);
  items.forEach((item, i) => {
    const q = questions[i]!;
    const [para, ...rest] = children(item);
    expect(para!.type, q.id).toBe('paragraph');
    expect(textOf(para!), q.id).toBe(q.prompt);
    if (q.answerMode === 'year') return expect(textOf(rest[0]!)).toMatch(/^Year: _+$/);
    const choices = rest.find((n) => n.type === 'list');
    expect(choices?.listType, q.id).toBe('bullet');
    expect(children(choices!).map(textOf), q.id).toEqual(q.choices.map((c, j) => `${'ABCD'[j]}. ${c}`));
  });
  const heading = top.find((n) => n.type === 'heading' && n.level === 2)!;
  expect(textOf(heading)).toBe('Answer key');
  expect(heading.prev?.type).toBe('html_block');
  expect(heading.prev?.literal).toMatch(/break-before: page/);
  expect(top.indexOf(heading)).toBeLessThan(top.indexOf(key));
  expect(children(key)).toHaveLength(questions.length);
  // The HTML renders without raw Markdown markers left in the question text.
  expect(new HtmlRenderer({ safe: true }).render(doc)).not.toMatch(/<p>\d+\. /);
}

describe('the worksheet is valid CommonMark', () => {
  it.each(['class-9b', 'a', 'b', 'c', 'd'])(
    'seed %s: questions with their choices as a list under each, the key after a heading',
    (seed) => {
      const questions = generateQuestions(kb, { topic: 'all' }, 12, seededRandom(seed));
      checkSheet(questions, renderWorksheet(questions, meta()));
    },
  );

  it('keeps Markdown syntax in the data as text', () => {
    const evil: Question = {
      id: 'fate:x',
      kind: 'fate',
      topic: 'people',
      subjects: [],
      prompt: 'What was the *fate* of `x` <b>_Bold_</b> [link](http://x) & ~~y~~ | z \\?',
      choices: ['1. list?', '- dash', '# heading', '> quote'],
      answerMode: 'choice',
      answer: '1. list?',
      explanation: '**no**',
      sources: ['a'],
    };
    checkSheet([evil], renderWorksheet([evil], meta()));
    expect(markdownText('a*b_c`d')).toBe('a\\*b\\_c\\`d');
  });

  it('with --key, the sheet has no key and the key file is CommonMark of its own', () => {
    const questions = generateQuestions(kb, { topic: 'all' }, 5, seededRandom('k'));
    const sheet = new Parser().parse(renderWorksheet(questions, meta(), true));
    expect(children(sheet).some((n) => n.type === 'heading' && n.level === 2)).toBe(false);
    const key = new Parser().parse(renderAnswerKey(questions, meta()));
    const list = children(key).find((n) => n.type === 'list')!;
    expect(children(list)).toHaveLength(5);
  });

  it('the reprint command sits in a code span whatever it holds', () => {
    const doc = new Parser().parse(renderWorksheet([], meta({ command: "purges --data 'my `pack`' quiz --worksheet --seed s" })));
    const code: string[] = [];
    const w = doc.walker();
    for (let e = w.next(); e; e = w.next()) if (e.entering && e.node.type === 'code') code.push(e.node.literal!);
    expect(code).toEqual(["purges --data 'my `pack`' quiz --worksheet --seed s"]);
  });
});
