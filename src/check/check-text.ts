/**
 * `purges check` as one pure function: a text in, the judged statements out, each located
 * by line and column. Deterministic; no network, no model: the knowledge base's records,
 * the claims' wording patterns and the readers in this folder are all it uses.
 */
import type { Finding, Unchecked } from '../kb/finding.js';
import type { Kb } from '../kb/model.js';
import type { Claim } from '../kb/schema.js';
import { endDay, formatSpan, startDay } from '../kb/dates.js';
import { matchClaims } from './claims.js';
import { eventFacts } from './events.js';
import { figureFacts } from './figures.js';
import { compareDate, judgePersonFact, type Judgement } from './judge-person.js';
import { findMentions, newContext } from './names.js';
import { type PersonFact, personFacts } from './person-facts.js';
import { tokenize, type Sentence } from './tokens.js';
import { type DateMention, findDates } from './when.js';

/** Everything `purges check` found in a text. */
export interface CheckReport {
  findings: Finding[];
  /** Sentences with nothing judged in them, for `--all`. */
  unchecked: Unchecked[];
}

/** Checks a text against the knowledge base. */
export function checkText(kb: Kb, text: string): CheckReport {
  const locate = locator(text);
  const findings: Finding[] = [];
  const unchecked: Unchecked[] = [];
  const context = newContext();
  for (const sentence of tokenize(text)) {
    const found = checkSentence(kb, sentence, context);
    for (const f of found) findings.push({ ...f, ...locate(f.start) });
    if (found.length === 0) unchecked.push({ start: sentence.start, end: sentence.end, ...locate(sentence.start) });
  }
  return { findings, unchecked };
}

type Located = Omit<Finding, 'line' | 'column'>;

function checkSentence(kb: Kb, sentence: Sentence, context: ReturnType<typeof newContext>): Located[] {
  const { tokens } = sentence;
  const span = (at: number, end: number) => ({ start: tokens[at]!.start, end: tokens[end - 1]!.end });
  const out: Located[] = [];

  const claims = matchClaims(kb, tokens);
  for (const c of claims)
    out.push({ start: sentence.start, end: sentence.end, ...claimJudgement(c), ref: { kind: 'claim', id: c.id }, sources: c.sources });

  const mentions = findMentions(kb, tokens, context);
  const dates = findDates(tokens);
  const usedDates = new Set<number>();
  const facts = personFacts(tokens, mentions, dates);
  const judged = facts.map((fact) => ({ fact, judgement: judgePersonFact(fact) }));
  for (const { fact, judgement } of judged) {
    if (!judgement) continue;
    // A surname read by context may mean someone else of that name: wrong only if wrong for all of them.
    if (judgement.verdict === 'inaccurate' && fact.others?.some((p) => judgePersonFact({ ...fact, person: p })?.verdict !== 'inaccurate'))
      continue;
    // "Stalin (1922-1953)": years far from a life's are a term of office, not a life span.
    if (fact.lifeSpan && !plausibleLifeSpan(facts.filter((f) => f.lifeSpan && f.person === fact.person && f.at === fact.at))) continue;
    const s = span(fact.at, fact.end);
    if (out.some((f) => f.ref.id === fact.person.id && f.start === s.start && f.end === s.end && f.explanation === judgement.explanation))
      continue;
    if (fact.date) usedDates.add(fact.date.at);
    out.push({ ...s, ...judgement, ref: { kind: 'person', id: fact.person.id }, sources: fact.person.sources });
  }

  for (const fact of eventFacts(kb, tokens, dates)) {
    if (usedDates.has(fact.date.at)) continue;
    const e = fact.event;
    const record = fact.part === 'end' ? (e.endDate ?? undefined) : fact.part === 'start' ? e.date : undefined;
    if (fact.part === 'end' && !record) continue;
    const judgement = judgeEventDate(fact.date, e.date, e.endDate, record, `${e.title}, ${formatSpan(e.date, e.endDate)}`);
    if (judgement) out.push({ ...span(fact.at, fact.end), ...judgement, ref: { kind: 'event', id: e.id }, sources: e.sources });
  }

  // A matched claim already says what the record says about its figures.
  if (claims.length === 0) {
    for (const f of figureFacts(kb, tokens, dates)) {
      out.push({
        ...span(f.at, f.end),
        verdict: f.verdict,
        explanation: f.explanation,
        expected: f.expected,
        ref: { kind: 'statistic', id: f.stat.id },
        sources: f.sources,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The verdict on an event's date: the whole span, or its start or end ("began in", "ended in"). */
function judgeEventDate(
  stated: DateMention,
  from: string,
  to: string | undefined,
  part: string | undefined,
  label: string,
): Judgement | undefined {
  const record = `The record: ${label}.`;
  let result: ReturnType<typeof compareDate>;
  if (part) result = compareDate(stated, part);
  else if (!to) result = compareDate(stated, from);
  else if (startDay(stated.from) <= endDay(to) && endDay(stated.to) >= startDay(from)) result = 'same';
  else result = [compareDate(stated, from), compareDate(stated, to)].includes('near') ? 'near' : 'differs';
  switch (result) {
    case 'same':
    case 'calendar':
      return { verdict: 'accurate', explanation: record };
    case 'finer':
      return {
        verdict: 'unsupported',
        explanation: `The record dates it only to ${formatSpan(from, to)}, so the day cannot be checked.`,
        expected: label,
      };
    case 'near':
      return {
        verdict: 'disputed',
        explanation: `${record.slice(0, -1)}, a day from the text's date; sources often differ by a day.`,
        expected: label,
      };
    default:
      return { verdict: 'inaccurate', explanation: record, expected: label };
  }
}

function plausibleLifeSpan(pair: readonly PersonFact[]): boolean {
  return pair.every((f) => {
    const record = f.what === 'born' ? f.person.born : f.person.died;
    return record !== undefined && f.date !== undefined && Math.abs(Number(f.date.from.slice(0, 4)) - Number(record.slice(0, 4))) <= 5;
  });
}

function claimJudgement(c: Claim): Judgement {
  const what = c.figure ?? firstSentence(c.explanation);
  const explanation = `Checked claim "${c.claim.replace(/[.!?]$/, '')}": ${what.replace(/[.!?]$/, '')}.`;
  return c.verdict === 'accurate' ? { verdict: c.verdict, explanation } : { verdict: c.verdict, explanation, expected: c.figure };
}

function firstSentence(text: string): string {
  const first = tokenize(text)[0];
  return first ? text.slice(first.start, first.end) : text;
}

/**
 * Line and column (1-based; the column counts characters, not UTF-16 units) of an offset.
 * Offsets come mostly in order, so counting resumes from the last one on the same line:
 * a text that is one long line costs one pass, not one per finding.
 */
function locator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  let last = { line: -1, offset: 0, column: 1 };
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    let from = starts[lo]!;
    let column = 1;
    if (last.line === lo && last.offset <= offset) [from, column] = [last.offset, last.column];
    for (let i = from; i < offset; i++) {
      const c = text.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) column++;
    }
    last = { line: lo, offset, column };
    return { line: lo + 1, column };
  };
}
