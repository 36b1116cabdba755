/**
 * `purges check` on the real knowledge base: a fixture of sentences with expected verdicts
 * (recall on the inaccurate ones, no false alarm on the others), and self-consistency (every
 * text in the knowledge base, checked against the knowledge base, is never "inaccurate").
 * Written against whatever data/ holds, so it keeps working as the data grows.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check-text.js';
import type { Finding } from '../../src/kb/finding.js';
import type { Kb } from '../../src/kb/model.js';
import { bundledKb } from '../helpers.js';

interface Case {
  text: string;
  expect: 'accurate' | 'inaccurate' | 'disputed' | 'unsupported';
  ref: string;
}

const CASES: Case[] = JSON.parse(readFileSync('tests/fixtures/check/sentences.json', 'utf8'));
const refOf = (f: Finding) => `${f.ref.kind}:${f.ref.id}`;
const show = (text: string, findings: readonly Finding[]) =>
  findings.map((f) => `${f.verdict} ${refOf(f)} "${text.slice(f.start, f.end)}": ${f.explanation}`).join('; ') || 'nothing';

let kb: Kb;
beforeAll(async () => {
  kb = await bundledKb();
});

describe('the fixture of sentences', () => {
  it('has at least 80 sentences, half of them accurate', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
    const accurate = CASES.filter((c) => c.expect === 'accurate').length;
    expect(Math.abs(accurate * 2 - CASES.length)).toBeLessThanOrEqual(2);
  });

  it('raises no false "inaccurate" on a sentence that is not inaccurate', () => {
    const alarms = CASES.filter((c) => c.expect !== 'inaccurate').flatMap((c) => {
      const findings = checkText(kb, c.text).findings;
      return findings.some((f) => f.verdict === 'inaccurate') ? [`${c.text} -> ${show(c.text, findings)}`] : [];
    });
    expect(alarms).toEqual([]);
  });

  it('finds at least 85% of the inaccurate sentences, by the right record', () => {
    const wrong = CASES.filter((c) => c.expect === 'inaccurate');
    const missed = wrong.flatMap((c) => {
      const findings = checkText(kb, c.text).findings;
      return findings.some((f) => f.verdict === 'inaccurate' && refOf(f) === c.ref) ? [] : [`${c.text} -> ${show(c.text, findings)}`];
    });
    const recall = 1 - missed.length / wrong.length;
    expect(recall, `missed:\n${missed.join('\n')}`).toBeGreaterThanOrEqual(0.85);
  });

  it('gives most sentences the expected verdict for the expected record', () => {
    const off = CASES.flatMap((c) => {
      const findings = checkText(kb, c.text).findings;
      return findings.some((f) => f.verdict === c.expect && refOf(f) === c.ref)
        ? []
        : [`[${c.expect} ${c.ref}] ${c.text} -> ${show(c.text, findings)}`];
    });
    expect(off.length / CASES.length, off.join('\n')).toBeLessThanOrEqual(0.1);
  });
});

describe('self-consistency', () => {
  it("finds nothing inaccurate in the knowledge base's own texts", () => {
    const texts: Array<[string, string]> = [
      ...kb.people.map((p): [string, string] => [`people ${p.id}`, p.summary]),
      ...kb.events.map((e): [string, string] => [`events ${e.id}`, e.summary]),
      ...kb.claims.map((c): [string, string] => [`claims ${c.id}`, c.explanation]),
      ...kb.statistics.flatMap((s): Array<[string, string]> => (s.note ? [[`statistics ${s.id}`, s.note]] : [])),
      ...kb.eras.map((e): [string, string] => [`eras ${e.id}`, e.summary]),
    ];
    const contradictions = texts.flatMap(([where, text]) =>
      checkText(kb, text)
        .findings.filter((f) => f.verdict === 'inaccurate')
        .map((f) => `${where}: "${text.slice(f.start, f.end)}" -> ${refOf(f)}: ${f.explanation}`),
    );
    expect(contradictions).toEqual([]);
  });

  it('recognises every claim with patterns in its own wording', () => {
    const unrecognised = kb.claims
      .filter((c) => c.patterns && c.patterns.length > 0)
      .filter((c) => !checkText(kb, c.claim).findings.some((f) => f.ref.kind === 'claim' && f.ref.id === c.id))
      .map((c) => `${c.id}: ${c.claim}`);
    expect(unrecognised).toEqual([]);
  });
});
