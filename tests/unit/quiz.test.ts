import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledKb, fixtureKb } from '../helpers.js';
import type { Kb } from '../../src/kb/model.js';
import { generateQuestions, kindsFor, questionFromId } from '../../src/quiz/generate.js';
import { seededRandom } from '../../src/quiz/random.js';
import { isCorrect, validateOrder, validateYear } from '../../src/quiz/score.js';
import { recordAnswer } from '../../src/quiz/schedule.js';
import { dueCards, progressByTopic } from '../../src/quiz/summary.js';
import { emptyProgress, loadProgress } from '../../src/quiz/storage.js';
import { saveProgress } from '../../src/quiz/save.js';
import { runSession, renderSummary, type SessionResult } from '../../src/quiz/session.js';
import type { Prompter } from '../../src/quiz/prompter.js';
import { QUESTION_KINDS, type Question } from '../../src/quiz/question.js';
import { InterruptError } from '../../src/errors.js';

let kb: Kb;
beforeAll(async () => {
  kb = await bundledKb();
});

describe('question generation over the bundled data', () => {
  it.each(QUESTION_KINDS)('every %s question is answerable, with distinct choices and wrong distractors', (kind) => {
    let made = 0;
    for (let seed = 0; seed < 25; seed++) {
      const random = seededRandom(`kind-${kind}-${seed}`);
      const topic = kindsFor('people').includes(kind)
        ? 'people'
        : kindsFor('stats').includes(kind)
          ? 'stats'
          : kindsFor('claims').includes(kind)
            ? 'claims'
            : 'events';
      for (const q of generateQuestions(kb, { topic }, 12, random).filter((x) => x.kind === kind)) {
        made++;
        expect(new Set(q.choices).size, q.id).toBe(q.choices.length);
        if (q.answerMode === 'choice') {
          expect(q.choices, q.id).toContain(q.answer);
          expect(q.choices.length, q.id).toBeGreaterThanOrEqual(2);
          expect(
            q.choices.filter((c) => c === q.answer),
            q.id,
          ).toHaveLength(1);
        }
        if (q.answerMode === 'order') {
          expect(q.choices).toHaveLength(4);
          expect(isCorrect(q, q.order!)).toBe(true);
        }
        if (q.answerMode === 'year') expect(isCorrect(q, q.answer.slice(0, 4))).toBe(true);
        expect(q.sources.length).toBeGreaterThan(0);
        q.sources.forEach((s) => expect(kb.source(s), s).toBeDefined());
      }
    }
    expect(made).toBeGreaterThan(0);
  });

  it('never offers a distractor that is also true: fates differ, who-distractors never held the post', () => {
    for (let seed = 0; seed < 40; seed++) {
      for (const q of generateQuestions(kb, { topic: 'people' }, 20, seededRandom(`p${seed}`))) {
        if (q.kind !== 'who') continue;
        const [pid, index] = q.id.slice(4).split('/');
        const title = kb.person(pid!)!.roles[Number(index)]!.title;
        for (const name of q.choices.filter((c) => c !== q.answer)) {
          const other = kb.people.find((p) => p.name === name)!;
          expect(
            other.roles.map((r) => r.title),
            `${q.id}: ${name}`,
          ).not.toContain(title);
        }
      }
    }
  });

  it('is deterministic for a seed: same questions, order and choices', () => {
    const a = generateQuestions(kb, { topic: 'all' }, 10, seededRandom('class-9b'));
    const b = generateQuestions(kb, { topic: 'all' }, 10, seededRandom('class-9b'));
    const c = generateQuestions(kb, { topic: 'all' }, 10, seededRandom('class-9c'));
    expect(a).toEqual(b);
    expect(a.map((q) => q.id)).not.toEqual(c.map((q) => q.id));
    expect(new Set(a.map((q) => q.id)).size).toBe(10);
  });

  it('keeps to the topic and the period', () => {
    const qs = generateQuestions(kb, { topic: 'events', from: '1937', to: '1937' }, 15, seededRandom('x'));
    expect(qs.every((q) => q.topic === 'events')).toBe(true);
    for (const q of qs.filter((x) => x.kind === 'year')) expect(q.answer.slice(0, 4) <= '1937').toBe(true);
  });

  it('rebuilds a saved card from its id', () => {
    const [q] = generateQuestions(kb, { topic: 'people' }, 1, seededRandom('r'));
    const again = questionFromId(kb, q!.id, seededRandom('other'))!;
    expect(again.id).toBe(q!.id);
    expect(again.answer).toBe(q!.answer);
    expect(questionFromId(kb, 'fate:nobody-at-all', seededRandom('x'))).toBeUndefined();
  });
});

describe('scoring', () => {
  const yearQ = {
    id: 'year:x',
    kind: 'year',
    topic: 'events',
    prompt: '',
    choices: [],
    answerMode: 'year',
    answer: '1937-08-05',
    explanation: '',
    sources: [],
  } as Question;

  it('accepts a typed year within the precision of the date', () => {
    expect(isCorrect(yearQ, '1937')).toBe(true);
    expect(isCorrect(yearQ, ' 1937 ')).toBe(true);
    expect(isCorrect(yearQ, '1937-08')).toBe(true);
    expect(isCorrect(yearQ, '1937-07')).toBe(false);
    expect(isCorrect(yearQ, '1938')).toBe(false);
    expect(isCorrect({ ...yearQ, answer: '1937' }, '1937-03')).toBe(true);
  });

  it('validates typed answers', () => {
    expect(validateYear('1937')).toBe(true);
    expect(validateYear('19x7')).toMatch(/Type a year/);
    expect(validateOrder('b d a c')).toBe(true);
    expect(validateOrder('ABCA')).toMatch(/four letters/);
  });
});

describe('scheduling with a fake clock', () => {
  const q = { id: 'fate:yezhov', topic: 'people' } as Question;
  const t0 = new Date('2026-01-01T10:00:00Z');

  it('brings a missed card back sooner than a right one, and counts answers', () => {
    const right = recordAnswer(undefined, q, true, t0);
    const wrong = recordAnswer(undefined, q, false, t0);
    expect(Date.parse(wrong.schedule.due)).toBeLessThan(Date.parse(right.schedule.due));
    expect(right).toMatchObject({ seen: 1, correct: 1 });
    expect(wrong).toMatchObject({ seen: 1, correct: 0 });
  });

  it('spaces a card further each time it is right', () => {
    let card = recordAnswer(undefined, q, true, t0);
    let now = new Date(card.schedule.due);
    const intervals: number[] = [];
    for (let i = 0; i < 4; i++) {
      card = recordAnswer(card, q, true, now);
      intervals.push(Date.parse(card.schedule.due) - now.getTime());
      now = new Date(card.schedule.due);
    }
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]!).toBeGreaterThan(intervals[i - 1]!);
  });

  it('lists due cards, most overdue first', () => {
    const p = emptyProgress();
    p.cards.a = { ...recordAnswer(undefined, { ...q, id: 'a' } as Question, false, t0) };
    p.cards.b = { ...recordAnswer(undefined, { ...q, id: 'b' } as Question, false, new Date(t0.getTime() - 3600_000)) };
    p.cards.c = { ...recordAnswer(undefined, { ...q, id: 'c' } as Question, true, t0) };
    expect(dueCards(p, new Date(t0.getTime() + 300_000)).map((c) => c.id)).toEqual(['b', 'a']);
    const rows = progressByTopic(p, new Date(t0.getTime() + 300_000));
    expect(rows.at(-1)).toMatchObject({ topic: 'all', cards: 3, due: 2, answered: 3, correct: 1 });
  });
});

describe('storage', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'purges-home-'));
  const now = new Date('2026-11-26T20:15:00Z');

  it('round-trips progress and leaves no temporary files', () => {
    const d = dir();
    const path = join(d, 'sub', 'progress.json');
    const p = emptyProgress();
    p.cards['fate:yezhov'] = recordAnswer(undefined, { id: 'fate:yezhov', topic: 'people' } as Question, true, now);
    saveProgress(path, p);
    expect(loadProgress(path, now)).toEqual({ progress: p });
    expect(readdirSync(join(d, 'sub'))).toEqual(['progress.json']);
  });

  it.each([
    ['truncated', '{"version":1,"cards":{"a":'],
    ['empty', ''],
    ['wrong version', '{"version":99,"cards":{}}'],
    ['not JSON', 'hello'],
    ['damaged card', '{"version":1,"cards":{"a":{"id":"a"}}}'],
  ])('keeps a %s file aside and starts fresh', (_, content) => {
    const d = dir();
    const path = join(d, 'progress.json');
    writeFileSync(path, content);
    const { progress, notice } = loadProgress(path, now);
    expect(progress).toEqual(emptyProgress());
    expect(notice).toMatch(/could not be read .* kept as .*progress\.json\.corrupt-20261126T201500Z/);
    expect(readFileSync(join(d, 'progress.json.corrupt-20261126T201500Z'), 'utf8')).toBe(content);
  });
});

/** A prompter that answers from a script; it throws InterruptError when the script says so. */
function scripted(answers: Array<string | 'INTERRUPT'>): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const next = async (message: string) => {
    asked.push(message);
    const a = answers.shift();
    if (a === undefined || a === 'INTERRUPT') throw new InterruptError('Quiz interrupted.');
    return a;
  };
  return { asked, select: (m) => next(m), input: (m) => next(m), confirm: async () => true };
}

describe('session with a scripted prompter', () => {
  it('judges, explains, records each answer and summarises', async () => {
    const fkb = await fixtureKb();
    const qs = generateQuestions(fkb, { topic: 'people' }, 2, seededRandom('s'));
    const answers = [qs[0]!.answer, 'wrong answer'];
    const recorded: Array<[string, boolean]> = [];
    let out = '';
    let t = 0;
    const result: SessionResult = { asked: 0, correct: 0, missed: [], startedAt: new Date(0) };
    await runSession(
      qs,
      {
        prompter: scripted(answers),
        write: (s) => (out += s),
        style: new Chalk({ level: 0 }),
        now: () => new Date((t += 30_000)),
        cite: (ids) => ids.join('; '),
        onAnswer: (q, c) => void recorded.push([q.id, c]),
        width: 80,
      },
      result,
    );
    expect(recorded).toEqual([
      [qs[0]!.id, true],
      [qs[1]!.id, false],
    ]);
    expect(out).toContain('✔ Right.');
    expect(out).toContain(`✘ Not quite. The answer: ${qs[1]!.answer}`);
    expect(out).toContain('Source: ');
    expect(renderSummary(result, new Date(0), new Chalk({ level: 0 }))).toMatch(/^Score: 1\/2 right \(50%\) in 0:30\nTo review:/);
  });

  it('stops on an interruption with what was answered recorded', async () => {
    const fkb = await fixtureKb();
    const qs = generateQuestions(fkb, { topic: 'people' }, 3, seededRandom('s'));
    const recorded: string[] = [];
    const result: SessionResult = { asked: 0, correct: 0, missed: [], startedAt: new Date(0) };
    await expect(
      runSession(
        qs,
        {
          prompter: scripted([qs[0]!.answer, 'INTERRUPT']),
          write: () => undefined,
          style: new Chalk({ level: 0 }),
          now: () => new Date(0),
          cite: () => '',
          onAnswer: (q) => void recorded.push(q.id),
          width: 80,
        },
        result,
      ),
    ).rejects.toBeInstanceOf(InterruptError);
    expect(recorded).toEqual([qs[0]!.id]);
    expect(result.asked).toBe(1);
  });
});

describe('firstSentence', () => {
  it('stops at the end of the first sentence, not at an initial', async () => {
    const { firstSentence } = await import('../../src/quiz/generate.js');
    expect(firstSentence('Tabulated in 1953 and first published by V. P. Popov in 1992. More text.')).toBe(
      'Tabulated in 1953 and first published by V. P. Popov in 1992.',
    );
    expect(firstSentence('One sentence only')).toBe('One sentence only');
    expect(firstSentence('Shot in 1938. Rehabilitated in 1988.')).toBe('Shot in 1938.');
  });
});
