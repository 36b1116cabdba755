/**
 * `purges check` output: the judged statements in order, each with where it is, the quoted
 * span, the verdict, the record's value and short citations; then a summary line. A
 * terminal report, a Markdown report a teacher can hand back, and the JSON findings.
 */
import type { ChalkInstance } from 'chalk';
import type { Finding, Unchecked } from '../kb/finding.js';
import type { Source } from '../kb/schema.js';
import { VERDICTS, type Verdict } from '../kb/vocab.js';
import { formatCitation, MARKDOWN_CITE } from './bibliography.js';
import { hanging } from './card.js';
import { sanitizeLine } from './sanitize.js';

/** What the renderers need: the checked text, what was found, and how to cite. */
export interface CheckView {
  text: string;
  findings: readonly Finding[];
  /** Listed as "not checked" when given (`--all`). */
  unchecked?: readonly Unchecked[];
  /** Where the text came from: a file name or "standard input" (none for --text). */
  label?: string;
  source: (id: string) => Source;
  cite: (ids: readonly string[]) => string;
}

const MARK: Record<Verdict, string> = { accurate: '✔', inaccurate: '✘', disputed: '≈', unsupported: '?' };
const NOT_CHECKED = 'not checked';

type Row = { start: number; line: number; column: number; finding?: Finding; span: string };

function rows(view: CheckView): Row[] {
  const quote = (start: number, end: number) => sanitizeLine(view.text.slice(start, end)).replace(/\s+/g, ' ').trim();
  const out: Row[] = view.findings.map((f) => ({
    start: f.start,
    line: f.line,
    column: f.column,
    finding: f,
    span: quote(f.start, f.end),
  }));
  for (const u of view.unchecked ?? []) out.push({ start: u.start, line: u.line, column: u.column, span: quote(u.start, u.end) });
  return out.sort((a, b) => a.start - b.start || (a.finding ? 0 : 1) - (b.finding ? 0 : 1));
}

/** "12 statements checked: 3 inaccurate, 1 disputed, 0 unsupported, 8 accurate." */
export function checkSummary(findings: readonly Finding[], unchecked?: readonly Unchecked[]): string {
  const count = (v: Verdict) => findings.filter((f) => f.verdict === v).length;
  const n = findings.length;
  const counts = ['inaccurate', 'disputed', 'unsupported', 'accurate'].map((v) => `${count(v as Verdict)} ${v}`).join(', ');
  const more = unchecked ? `; ${unchecked.length} ${unchecked.length === 1 ? 'sentence' : 'sentences'} not checked` : '';
  return `${n} ${n === 1 ? 'statement' : 'statements'} checked: ${counts}${more}.`;
}

function paint(style: ChalkInstance, verdict: Verdict | undefined): ChalkInstance {
  if (verdict === 'accurate') return style.green;
  if (verdict === 'inaccurate') return style.red;
  if (verdict === undefined) return style.dim;
  return style.yellow;
}

/** The terminal (or plain pipe) report. */
export function renderCheck(view: CheckView, { style, width }: { style: ChalkInstance; width: number }): string {
  const list = rows(view);
  const where = (r: Row) => `${r.line}:${r.column}`;
  const pad = Math.max(0, ...list.map((r) => where(r).length)) + 2;
  // "✘ inaccurate", "· not checked": a mark, a space, the verdict, and a space after the widest.
  const verdictWidth = Math.max(...[...VERDICTS, NOT_CHECKED].map((v) => v.length)) + 3;
  const blocks = list.map((r) => {
    const f = r.finding;
    const color = paint(style, f?.verdict);
    const label = f ? `${MARK[f.verdict]} ${f.verdict}` : `· ${NOT_CHECKED}`;
    const head = `${where(r).padEnd(pad)}${color(label.padEnd(verdictWidth))}`;
    const indent = pad + verdictWidth + 1; // under the first word after the opening quote
    const lines = [hanging(head, indent, color.bold(`“${r.span}”`), width)];
    const body = ' '.repeat(pad);
    if (f) {
      lines.push(hanging(body, pad, sanitizeLine(f.explanation), width));
      if (f.sources.length > 0) lines.push(hanging(body, pad, style.dim(`Sources: ${sanitizeLine(view.cite(f.sources))}`), width));
    }
    return lines.join('\n');
  });
  const summary = style.bold(checkSummary(view.findings, view.unchecked));
  return `${[...blocks, summary].join(blocks.length > 0 ? '\n\n' : '')}\n`;
}

/** Markdown special characters escaped, so a quoted sentence stays text. */
function mdEscape(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, '\\$1');
}

/** A Markdown report a teacher can hand back: the summary, each statement, then the full references. */
export function renderCheckMarkdown(view: CheckView): string {
  const title = view.label ? `# Fact-check report: ${mdEscape(sanitizeLine(view.label))}` : '# Fact-check report';
  const out = [title, '', `**${checkSummary(view.findings, view.unchecked)}**`, ''];
  const cited: string[] = [];
  rows(view).forEach((r, i) => {
    const f = r.finding;
    const verdict = f ? f.verdict.charAt(0).toUpperCase() + f.verdict.slice(1) : 'Not checked';
    out.push(`${i + 1}. **${verdict}** (line ${r.line}, column ${r.column}): “${mdEscape(r.span)}”`);
    if (f) {
      out.push(`   ${mdEscape(sanitizeLine(f.explanation))}`);
      if (f.sources.length > 0) out.push(`   Sources: ${mdEscape(sanitizeLine(view.cite(f.sources)))}.`);
      for (const id of f.sources) if (!cited.includes(id)) cited.push(id);
    }
    out.push('');
  });
  if (cited.length > 0) {
    out.push('## Sources', '');
    for (const id of cited) out.push(`- ${formatCitation(view.source(id), 'chicago', MARKDOWN_CITE)}`);
    out.push('');
  }
  out.push('Checked against the purges knowledge base, offline (`purges check`).');
  return `${out.join('\n')}\n`;
}

/** The `--json` findings: line, column, text, verdict, explanation, expected, ref, sources. */
export function checkJson(view: CheckView): object[] {
  return rows(view).map((r) => {
    const f = r.finding;
    const text = view.text.slice(f?.start ?? r.start, f ? f.end : view.unchecked!.find((u) => u.start === r.start)!.end);
    if (!f)
      return {
        line: r.line,
        column: r.column,
        text,
        verdict: NOT_CHECKED,
        explanation: 'Nothing in it matches a record the knowledge base can judge.',
        ref: null,
        sources: [],
      };
    return {
      line: f.line,
      column: f.column,
      text,
      verdict: f.verdict,
      explanation: f.explanation,
      expected: f.expected,
      ref: f.ref,
      sources: f.sources,
    };
  });
}
