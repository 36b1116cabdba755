import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseQuestions } from '../../src/commands/quiz-interactive.js';
import { InterruptError } from '../../src/errors.js';
import type { Kb } from '../../src/kb/model.js';
import { generateQuestions, kindsFor, questionFromId, spreadSubjects } from '../../src/quiz/generate.js';
import { hasArithmeticTriple } from '../../src/quiz/kinds/figure.js';
import { samePost } from '../../src/quiz/kinds/who.js';
import { emptyProgress, parseProgress, type SavedCard } from '../../src/quiz/progress.js';
import type { Prompter } from '../../src/quiz/prompter.js';
import { QUESTION_KINDS, type Question } from '../../src/quiz/question.js';
import { seededRandom } from '../../src/quiz/random.js';
import { recallChance, recordAnswer } from '../../src/quiz/schedule.js';
import { inPlace, isCorrect, validateOrder, validateYear } from '../../src/quiz/score.js';
import { renderSummary, runSession, type SessionResult } from '../../src/quiz/session.js';
import { loadProgress, resetProgress, updateProgress } from '../../src/quiz/storage.js';
import { dueCards, progressByTopic } from '../../src/quiz/summary.js';
import { firstSentence } from '../../src/quiz/text.js';
import { plainStyle } from '../../src/render/style.js';
import { bundledKb, fixtureKb } from '../helpers.js';

const TMP = mkdtempSync(join(tmpdir(), 'purges-quiz-unit-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
let n = 0;
const dir = () => mkdtempSync(join(TMP, `h${n++}-`));

let kb: Kb;
beforeAll(async () => {
  kb = await bundledKb();
});

describe('question generation over the bundled data', () => {
  it('is deterministic for a seed: same questions, order and choices', () => {
    const a = generateQuestions(kb, { topic: 'all' }, 10, seededRandom('class-9b'));
    const b = generateQuestions(kb, { topic: 'all' }, 10, seededRandom('class-9b'));
    const c = generateQuestions(kb, { topic: 'all' }, 10, seededRandom('class-9c'));
    expect(a).toEqual(b);
    expect(a.map((q) => q.id)).not.toEqual(c.map((q) => q.id));
    expect(new Set(a.map((q) => q.id)).size).toBe(10);
  });

  it('makes every kind, each in its own topic', () => {
    for (const kind of QUESTION_KINDS) {
      const topic = (['people', 'events', 'stats', 'claims'] as const).find((t) => kindsFor(t).includes(kind))!;
      const qs = generateQuestions(kb, { topic }, 30, seededRandom(kind));
      expect(
        qs.some((q) => q.kind === kind),
        kind,
      ).toBe(true);
      expect(qs.every((q) => q.topic === topic)).toBe(true);
    }
  });

  it('rebuilds a saved card from its id', () => {
    const [q] = generateQuestions(kb, { topic: 'people' }, 1, seededRandom('r'));
    const again = questionFromId(kb, q!.id, seededRandom('other'))!;
    expect(again.id).toBe(q!.id);
    expect(again.answer).toBe(q!.answer);
    expect(questionFromId(kb, 'fate:nobody-at-all', seededRandom('x'))).toBeUndefined();
  });

  it('never puts two questions on one subject in a row, dropping one that cannot be placed apart', () => {
    const q = (id: string, subjects: string[]) => ({ id, subjects }) as Question;
    const out = spreadSubjects([q('a', ['person:x']), q('b', ['person:x']), q('c', ['person:y']), q('d', ['person:x'])]);
    expect(out.map((x) => x.id)).toEqual(['a', 'c', 'b']);
    expect(spreadSubjects([q('a', ['event:e'])], q('z', ['event:e']))).toEqual([]);
  });

  it('"who" titles that name one post are the same post, and different posts are not', () => {
    expect(
      samePost(
        'Head of the Political Directorate of the Red Army',
        "Head of the Political Administration of the Red Army and Deputy People's Commissar of Defence",
      ),
    ).toBe(true);
    expect(
      samePost(
        "People's Commissar for Military and Naval Affairs",
        "People's Commissar for Military and Naval Affairs, then for Defence, of the USSR",
      ),
    ).toBe(true);
    expect(samePost('Chairman of the Moscow Soviet', 'Commander, Moscow Military District')).toBe(false);
  });

  it('spots evenly spaced figures, the pattern that gave answers away', () => {
    expect(hasArithmeticTriple([10_000_000, 20_000_000, 30_000_000, 40_000_000])).toBe(true);
    expect(hasArithmeticTriple([49_991, 66_655, 83_318, 111_091])).toBe(true);
    expect(hasArithmeticTriple([353_074, 201_500, 612_930, 998_002])).toBe(true); // 201,500 612,930 998,002
    expect(hasArithmeticTriple([353_074, 201_500, 572_930, 998_002])).toBe(false);
  });
});

describe('choosing a quiz from saved progress', () => {
  const t0 = new Date('2026-11-20T10:00:00Z');
  const now = new Date('2026-12-01T12:00:00Z');
  const fates = () => generateQuestions(kb, { topic: 'people' }, 6, seededRandom('due')).filter((q) => q.kind === 'fate');

  it('--review asks due cards first, counts them, and then only cards never seen', () => {
    const p = emptyProgress();
    const [a, b, c] = fates();
    p.cards[a!.id] = recordAnswer(undefined, a!, false, t0);
    p.cards[b!.id] = recordAnswer(undefined, b!, false, t0);
    p.cards[c!.id] = recordAnswer(undefined, c!, true, new Date(now.getTime() - 30_000));
    const { review, fresh, due } = chooseQuestions(kb, { review: true, count: 5 }, { topic: 'all' }, seededRandom('x'), p, now);
    expect(due).toBe(2);
    expect(review.map((q) => q.id).sort()).toEqual([a!.id, b!.id].sort());
    expect(fresh).toHaveLength(3);
    expect(fresh.map((q) => q.id)).not.toContain(c!.id);
  });

  it('a card answered today is not new in an ordinary quiz either', () => {
    const p = emptyProgress();
    const qs = generateQuestions(kb, { topic: 'claims' }, 50, seededRandom('c'));
    for (const q of qs.slice(0, -2)) p.cards[q.id] = recordAnswer(undefined, q, true, new Date(now.getTime() - 60_000));
    const { fresh } = chooseQuestions(kb, { count: 10 }, { topic: 'claims' }, seededRandom('x'), p, now);
    expect(fresh.map((q) => q.id).sort()).toEqual(
      qs
        .slice(-2)
        .map((q) => q.id)
        .sort(),
    );
  });
});

describe('scoring', () => {
  const yearQ = { answerMode: 'year', answer: '1937-08-05', choices: [], prompt: '', explanation: '', sources: [] } as unknown as Question;

  it('accepts a typed date anywhere within the span, at its own precision', () => {
    expect(isCorrect(yearQ, '1937')).toBe(true);
    expect(isCorrect(yearQ, ' 1937 ')).toBe(true);
    expect(isCorrect(yearQ, '1937-08')).toBe(true);
    expect(isCorrect(yearQ, '1937-07')).toBe(false);
    expect(isCorrect(yearQ, '1938')).toBe(false);
    const famine = { ...yearQ, answer: '1932', answerEnd: '1933' };
    expect(isCorrect(famine, '1933')).toBe(true);
    expect(isCorrect(famine, '1932')).toBe(true);
    expect(isCorrect(famine, '1934')).toBe(false);
    expect(isCorrect({ ...yearQ, answer: '1937-08-21', answerEnd: '1937-10-25' }, '1937-10')).toBe(true);
  });

  it('validates typed answers, and counts an order answer`s items in place', () => {
    expect(validateYear('1937')).toBe(true);
    expect(validateYear('19x7')).toMatch(/Type a year/);
    expect(validateOrder('b d a c')).toBe(true);
    expect(validateOrder('ABCA')).toMatch(/four letters/);
    const q = { answerMode: 'order', order: 'CADB' } as Question;
    expect(inPlace(q, 'CADB')).toBe(4);
    expect(inPlace(q, 'c a b d')).toBe(2);
    expect(inPlace(q, 'ABCD')).toBe(0);
  });
});

describe('scheduling and progress by topic, with a fake clock', () => {
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

  it('lists due cards most overdue first, and per topic: seen, due, next due and retention', () => {
    const p = emptyProgress();
    const card = (id: string, topic: string, right: boolean, at: Date) => recordAnswer(undefined, { id, topic } as Question, right, at);
    p.cards.a = card('a', 'people', false, t0);
    p.cards.b = card('b', 'people', false, new Date(t0.getTime() - 3600_000));
    p.cards.c = card('c', 'events', true, t0);
    const later = new Date(t0.getTime() + 300_000);
    expect(dueCards(p, later).map((c) => c.id)).toEqual(['b', 'a']);
    const rows = progressByTopic(p, later, (c: SavedCard) => recallChance(c, later));
    expect(rows.map((r) => r.topic)).toEqual(['events', 'people', 'all']);
    expect(rows.at(-1)).toMatchObject({ cards: 3, due: 2, answered: 3, correct: 1, nextDue: p.cards.c!.schedule.due });
    expect(rows[0]!.retention).toBeGreaterThan(0.5);
    expect(rows[0]!.retention).toBeLessThanOrEqual(1);
  });
});

describe('storage', () => {
  const now = new Date('2026-11-26T20:15:00Z');
  const card = (id: string) => recordAnswer(undefined, { id, topic: 'people' } as Question, true, now);

  it('round-trips progress and leaves no temporary files or locks', async () => {
    const d = dir();
    const path = join(d, 'sub', 'progress.json');
    await updateProgress(path, (p) => {
      p.cards['fate:yezhov'] = card('fate:yezhov');
    });
    const { progress, notices } = await loadProgress(path, now);
    expect(Object.keys(progress.cards)).toEqual(['fate:yezhov']);
    expect(notices).toEqual([]);
    expect(readdirSync(join(d, 'sub'))).toEqual(['progress.json']);
  });

  it('merges under the lock: 40 saves at once from separate copies all land', async () => {
    const path = join(dir(), 'progress.json');
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        updateProgress(path, (p) => {
          p.cards[`fate:p${i}`] = card(`fate:p${i}`);
        }),
      ),
    );
    expect(Object.keys((await loadProgress(path, now)).progress.cards)).toHaveLength(40);
  });

  it.each([
    ['truncated', '{"version":1,"cards":{"a":'],
    ['empty', ''],
    ['unknown old version', '{"version":0,"cards":{}}'],
    ['not JSON', 'hello'],
    ['an array', '[1,2]'],
    ['cards not an object', '{"version":1,"cards":7}'],
  ])('keeps a %s file aside and starts fresh', async (_, content) => {
    const d = dir();
    const path = join(d, 'progress.json');
    writeFileSync(path, content);
    const { progress, notices, readOnly } = await loadProgress(path, now);
    expect(progress).toEqual(emptyProgress());
    expect(readOnly).toBeUndefined();
    expect(notices[0]).toMatch(/could not be read .* kept as .*progress\.json\.corrupt-20261126T201500Z-\d+ and the quiz starts fresh/);
    const aside = readdirSync(d).find((f) => f.startsWith('progress.json.corrupt-'))!;
    expect(readFileSync(join(d, aside), 'utf8')).toBe(content);
  });

  it('reads a file that starts with a byte-order mark', async () => {
    const path = join(dir(), 'progress.json');
    writeFileSync(path, `\uFEFF${JSON.stringify({ version: 1, cards: { 'fate:a': card('fate:a') } })}`);
    const { progress, notices } = await loadProgress(path, now);
    expect(Object.keys(progress.cards)).toEqual(['fate:a']);
    expect(notices).toEqual([]);
  });

  it.each([
    ['a card missing its schedule', { id: 'fate:bad', topic: 'people' }],
    ['a card whose id differs from its key', { ...card('fate:other') }],
    ['a card that is null', null],
    ['a card with a bad due date', { ...card('fate:bad'), schedule: { ...card('fate:bad').schedule, due: 'soon' } }],
  ])('drops %s alone, says so, and keeps it in a file of its own', async (_, bad) => {
    const d = dir();
    const path = join(d, 'progress.json');
    writeFileSync(path, JSON.stringify({ version: 1, cards: { 'fate:a': card('fate:a'), 'fate:bad': bad, 'fate:c': card('fate:c') } }));
    const { progress, notices, readOnly } = await loadProgress(path, now);
    expect(Object.keys(progress.cards).sort()).toEqual(['fate:a', 'fate:c']);
    expect(readOnly).toBeUndefined();
    expect(notices[0]).toMatch(
      /one card of your quiz progress could not be read \("fate:bad"\) and was left out; it is kept in .*damaged-cards-.* The other 2 are fine\./,
    );
    const kept = readdirSync(d).find((f) => f.includes('damaged-cards'))!;
    expect(JSON.parse(readFileSync(join(d, kept), 'utf8'))).toEqual({ 'fate:bad': bad });
    expect(readdirSync(d).some((f) => f.includes('corrupt'))).toBe(false);
  });

  it.each([2, 7, 100])('refuses to write over progress from a newer version (format %i), with a message', async (version) => {
    const path = join(dir(), 'progress.json');
    const content = JSON.stringify({ version, cards: { x: { anything: true } }, more: 'fields' });
    writeFileSync(path, content);
    const { notices, readOnly, newer } = await loadProgress(path, now);
    expect(notices).toEqual([]);
    expect(newer).toBe(version);
    expect(readOnly).toMatch(new RegExp(`saved by a newer version of purges \\(format ${version}\\).*Update purges\\.$`));
    await expect(updateProgress(path, () => undefined)).rejects.toThrow(/will not save .* newer version of purges/);
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('card ids in notices are cleaned of escape sequences', async () => {
    const path = join(dir(), 'progress.json');
    writeFileSync(path, JSON.stringify({ version: 1, cards: { '\u001b]0;pwned\u0007x': null, '\u009b31mred': 1 } }));
    const { notices } = await loadProgress(path, now);
    expect(notices.join('')).not.toMatch(/[\u001b\u0007\u009b]/);
    expect(notices[0]).toMatch(/2 cards/);
  });

  it('reset takes the lock and counts cards; a later save does not bring them back', async () => {
    const path = join(dir(), 'progress.json');
    await updateProgress(path, (p) => {
      p.cards.a = card('a');
      p.cards.b = card('b');
    });
    expect(await resetProgress(path)).toBe(2);
    await updateProgress(path, (p) => {
      p.cards.c = card('c');
    });
    expect(
      Object.keys(parseProgress(readFileSync(path, 'utf8')).kind === 'ok' ? (await loadProgress(path, now)).progress.cards : {}),
    ).toEqual(['c']);
    expect(await resetProgress(join(dir(), 'none.json'))).toBe(0);
  });
});

/** A prompter that answers from a script; it throws InterruptError when the script says so. */
function scripted(answers: Array<string | 'INTERRUPT'>): Prompter & { asked: string[]; marks: boolean[] } {
  const asked: string[] = [];
  const marks: boolean[] = [];
  const next = async (message: string, judge?: (v: string) => boolean) => {
    asked.push(message);
    const a = answers.shift();
    if (a === undefined || a === 'INTERRUPT') throw new InterruptError('Quiz interrupted.');
    if (judge) marks.push(judge(a));
    return a;
  };
  return {
    asked,
    marks,
    select: (m, _c, judge) => next(m, judge),
    input: (m, _v, judge) => next(m, judge),
    confirm: async () => true,
    close: async () => undefined,
  };
}

function session(qs: Question[], answers: string[], cite = (ids: readonly string[]) => ids.join('; ')) {
  let out = '';
  let t = 0;
  const recorded: Array<[string, boolean]> = [];
  const prompter = scripted(answers);
  const result: SessionResult = { asked: 0, correct: 0, missed: [], startedAt: new Date(0) };
  const run = runSession(
    qs,
    {
      prompter,
      write: (s) => (out += s),
      style: plainStyle,
      now: () => new Date((t += 30_000)),
      cite,
      onAnswer: (q, c) => void recorded.push([q.id, c]),
      width: 60,
    },
    result,
  );
  return { run, out: () => out, recorded, result, prompter };
}

describe('session with a scripted prompter', () => {
  it('judges, marks the answered prompt, teaches the deciding fact and its source, and summarises', async () => {
    const fkb = await fixtureKb();
    const qs = generateQuestions(fkb, { topic: 'people' }, 2, seededRandom('s'));
    const s = session(qs, [qs[0]!.answer, qs[1]!.choices.find((c) => c !== qs[1]!.answer)!]);
    await s.run;
    expect(s.recorded).toEqual([
      [qs[0]!.id, true],
      [qs[1]!.id, false],
    ]);
    expect(s.prompter.marks).toEqual([true, false]);
    expect(s.out()).toContain('✔ Right.');
    expect(s.out()).toContain(`✘ Not quite. The answer: ${qs[1]!.answer}`);
    expect(s.out()).toContain('Source: ');
    expect(s.out()).toContain(qs[1]!.explanation.slice(0, 20));
    expect(renderSummary(s.result, new Date(0), plainStyle)).toMatch(/^Score: 1\/2 right \(50%\) in 0:30\nTo review:/);
  });

  it('says how many items of an order answer were in place', async () => {
    const qs = generateQuestions(kb, { topic: 'events' }, 30, seededRandom('o')).filter((q) => q.kind === 'order');
    const q = qs[0]!;
    const swapped = `${q.order![1]}${q.order![0]}${q.order!.slice(2)}`;
    const s = session([q, qs[1]!], [swapped, qs[1]!.order!]);
    await s.run;
    expect(s.out()).toMatch(/✘ 2 of 4 in place\. The answer: [A-D]{4} \(/);
    expect(s.out()).toMatch(/✔ Right: all four in place\./);
  });

  it('stops on an interruption with what was answered recorded', async () => {
    const fkb = await fixtureKb();
    const qs = generateQuestions(fkb, { topic: 'people' }, 3, seededRandom('s'));
    const s = session(qs, [qs[0]!.answer, 'INTERRUPT']);
    await expect(s.run).rejects.toBeInstanceOf(InterruptError);
    expect(s.recorded.map(([id]) => id)).toEqual([qs[0]!.id]);
    expect(s.result.asked).toBe(1);
  });

  it('wraps the "To review" list at word boundaries, and adds the notes', () => {
    const q = {
      prompt: 'What figure does the archival count give (Popov)? People sentenced to death in secret-police cases, 1938-1949',
      answerMode: 'choice',
      answer: '1,234,567',
      choices: [],
    } as unknown as Question;
    const text = renderSummary(
      { asked: 1, correct: 0, missed: [q], startedAt: new Date(0), endedAt: new Date(0) },
      new Date(0),
      plainStyle,
      40,
      ["2 cards are due for review now: run 'purges quiz --review'."],
    );
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(text).toContain('1938-1949');
    expect(text).toMatch(/run\s+'purges quiz --review'/);
  });
});

describe('hostile text never reaches the terminal from a session', () => {
  const HOSTILE = [
    '\u001b]0;owned\u0007', // OSC 0: window and icon title
    '\u001b]2;owned\u001b\\', // OSC 2, ended by ST
    '\u001b]52;c;ZXZpbA==\u0007', // OSC 52: write the clipboard
    '\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007', // OSC 8: hyperlink
    '\u001b[2J\u001b[5m', // CSI: clear screen, blink
    '\u009b31m\u0090x\u009c', // C1: one-byte CSI, DCS and ST
  ];

  it.each(HOSTILE.map((h, i) => [i, h]))('variant %i: prompt, choices, answer, explanation and source are cleaned', async (_, h) => {
    const q: Question = {
      id: 'fate:x',
      kind: 'fate',
      topic: 'people',
      subjects: [],
      prompt: `What was the fate of ${h}Evil?`,
      choices: [`A${h}`, `B${h}`, `C${h}`, `D${h}`],
      answerMode: 'choice',
      answer: `A${h}`,
      explanation: `Because ${h} said so`,
      sources: ['x'],
    };
    const s = session([q, { ...q, id: 'fate:y' }], [`B${h}`, `A${h}`], () => `Author ${h} 1990`);
    await s.run;
    const shown = s.out() + s.prompter.asked.join('\n') + renderSummary(s.result, new Date(0), plainStyle);
    expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(shown).toContain('The answer: A');
    expect(shown).toContain('Source: Author');
  });
});

describe('firstSentence', () => {
  it('stops at the end of the first sentence, not at an initial', () => {
    expect(firstSentence('Tabulated in 1953 and first published by V. P. Popov in 1992. More text.')).toBe(
      'Tabulated in 1953 and first published by V. P. Popov in 1992.',
    );
    expect(firstSentence('One sentence only')).toBe('One sentence only');
    expect(firstSentence('Shot in 1938. Rehabilitated in 1988.')).toBe('Shot in 1938.');
  });
});
