import { LETTERS, shownAnswer, type Question } from '../quiz/question.js';
import { sanitizeLine } from './sanitize.js';

/** What a worksheet shows besides its questions. */
export interface WorksheetMeta {
  seed: string;
  topic: string;
  cite: (ids: readonly string[]) => string;
}

function answerLine(q: Question): string {
  if (q.answerMode === 'choice') return `${LETTERS[q.choices.indexOf(q.answer)]}. ${q.answer}`;
  if (q.answerMode === 'year') return shownAnswer(q);
  return `${q.order} (${q.answer})`;
}

/** A printable Markdown worksheet: numbered questions, then the answer key with explanations and sources. */
export function renderWorksheet(questions: readonly Question[], meta: WorksheetMeta): string {
  const out = [
    `# Stalin's purges: quiz worksheet`,
    '',
    `${questions.length} questions · topic: ${meta.topic} · seed: ${meta.seed} (run \`purges quiz --worksheet --seed ${meta.seed}\` to print it again)`,
    '',
  ];
  questions.forEach((q, i) => {
    out.push(`${i + 1}. ${q.prompt}`);
    if (q.answerMode === 'choice') q.choices.forEach((c, j) => out.push(`   ${LETTERS[j]}. ${c}`));
    if (q.answerMode === 'order') {
      q.choices.forEach((c, j) => out.push(`   ${LETTERS[j]}. ${c}`));
      out.push('', '   Order: ____________');
    }
    if (q.answerMode === 'year') out.push('', '   Year: ____________');
    out.push('');
  });
  out.push('## Answer key', '');
  questions.forEach((q, i) => {
    out.push(`${i + 1}. **${answerLine(q)}**: ${q.explanation} (${meta.cite(q.sources)})`);
  });
  return `${out.map(sanitizeLine).join('\n')}\n`;
}

/** The worksheet as JSON: the questions with their answers, for sharing or other tools. */
export function worksheetJson(questions: readonly Question[], meta: WorksheetMeta): object {
  return {
    seed: meta.seed,
    topic: meta.topic,
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
