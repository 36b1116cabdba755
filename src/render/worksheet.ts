/**
 * A printable worksheet in CommonMark: numbered questions with their choices as a list under
 * each, then the answer key on a page of its own (or in a file of its own). Text from the
 * knowledge base is cleaned of escape sequences and of Markdown syntax.
 */
import { LETTERS, type QuestionView, shownAnswer } from './question-view.js';
import { sanitizeLine } from './sanitize.js';

/** What a worksheet shows besides its questions. */
export interface WorksheetMeta {
  seed: string;
  topic: string;
  from?: string;
  to?: string;
  /** The command that prints this worksheet again, every option included. */
  command: string;
  cite: (ids: readonly string[]) => string;
}

/** Text from data, safe in Markdown: cleaned of escapes, and every character CommonMark reads as inline syntax escaped. */
export function markdownText(text: string): string {
  return sanitizeLine(text).replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}

/** A code span that holds `text` whatever backticks it contains. */
function codeSpan(text: string): string {
  const clean = sanitizeLine(text);
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${longest > 0 ? ' ' : ''}${clean}${longest > 0 ? ' ' : ''}${fence}`;
}

const BLANK = '\\_'.repeat(12);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function answerLine(q: QuestionView): string {
  if (q.answerMode === 'choice') return `${LETTERS[q.choices.indexOf(q.answer)]}. ${q.answer}`;
  if (q.answerMode === 'year') return shownAnswer(q);
  return `${q.order} (${q.answer})`;
}

function header(questions: readonly QuestionView[], meta: WorksheetMeta, title: string): string[] {
  const period = meta.from || meta.to ? ` · period: ${meta.from ?? '…'} to ${meta.to ?? '…'}` : '';
  return [
    `# ${title}`,
    '',
    markdownText(`${plural(questions.length, 'question')} · topic: ${meta.topic}${period} · seed: ${meta.seed}`),
    '',
    `To print this sheet again: ${codeSpan(meta.command)}`,
    '',
  ];
}

/** The answer key as Markdown lines: one numbered item per question, with the deciding fact and sources. */
function keyLines(questions: readonly QuestionView[], meta: WorksheetMeta): string[] {
  return questions.map(
    (q, i) => `${i + 1}. **${markdownText(answerLine(q))}**: ${markdownText(q.explanation)} (${markdownText(meta.cite(q.sources))})`,
  );
}

// An HTML block: CommonMark passes it through, and printing from a browser or pandoc's HTML starts a new page.
const PAGE_BREAK = '<div style="break-before: page; page-break-before: always"></div>';

/** The worksheet: numbered questions, then (unless `keySeparate`) the answer key on its own page. */
export function renderWorksheet(questions: readonly QuestionView[], meta: WorksheetMeta, keySeparate = false): string {
  const out = header(questions, meta, "Stalin's purges: quiz worksheet");
  questions.forEach((q, i) => {
    // A list item's content is indented by its marker's width: "1. " is 3 columns, "10. " 4.
    const pad = ' '.repeat(String(i + 1).length + 2);
    out.push(`${i + 1}. ${markdownText(q.prompt)}`, '');
    if (q.answerMode !== 'year') {
      for (const [j, c] of q.choices.entries()) out.push(`${pad}- ${LETTERS[j]}. ${markdownText(c)}`);
      out.push('');
    }
    if (q.answerMode === 'order') out.push(`${pad}Order: ${BLANK}`, '');
    if (q.answerMode === 'year') out.push(`${pad}Year: ${BLANK}`, '');
  });
  if (!keySeparate) out.push(PAGE_BREAK, '', '## Answer key', '', ...keyLines(questions, meta), '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** The answer key alone, for `--key FILE`. */
export function renderAnswerKey(questions: readonly QuestionView[], meta: WorksheetMeta): string {
  return `${[...header(questions, meta, "Stalin's purges: quiz worksheet, answer key"), ...keyLines(questions, meta)].join('\n')}\n`;
}

/** The worksheet as JSON: the questions with their answers, for sharing or other tools. */
export function worksheetJson(
  questions: ReadonlyArray<QuestionView & { id: string; kind: string; topic: string }>,
  meta: WorksheetMeta,
): object {
  return {
    command: meta.command,
    seed: meta.seed,
    topic: meta.topic,
    ...(meta.from ? { from: meta.from } : {}),
    ...(meta.to ? { to: meta.to } : {}),
    questions: questions.map((q, i) => ({
      number: i + 1,
      id: q.id,
      kind: q.kind,
      topic: q.topic,
      prompt: q.prompt,
      choices: q.choices,
      answer: shownAnswer(q),
      ...(q.order ? { order: q.order } : {}),
      explanation: q.explanation,
      sources: q.sources,
    })),
  };
}
