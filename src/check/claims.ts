/**
 * Recognises the knowledge base's checked claims in free text by their wording patterns
 * (claims[].patterns, see kb/schema.ts): a sentence matches a pattern when each `all` group
 * has a term in it and no `none` term is. Terms are lowercase words or phrases; a trailing
 * `*` matches any ending; a number in digits matches the number however the text writes it.
 */
import type { Kb } from '../kb/model.js';
import type { Claim } from '../kb/schema.js';
import { tokenize, type Token } from './tokens.js';

/** One word of a term: a word (as written or spelling-folded), a prefix, or a number. */
type TermWord = { kind: 'word'; low: string; key: string } | { kind: 'prefix'; stem: string } | { kind: 'num'; value: number };
type Term = TermWord[];

interface CompiledPattern {
  all: Term[][];
  none: Term[];
}

interface CompiledClaim {
  claim: Claim;
  patterns: CompiledPattern[];
  /** The debunking words this claim's own wording does not use ("was a pack of lies" uses "lies"). */
  debunking: Term[];
}

// A writer who calls a statement a myth, false or unproven is not making it.
const DEBUNKING = [
  'myth',
  'myths',
  'mythical',
  'legend',
  'legendary',
  'falsely',
  'false',
  'wrongly',
  'wrong',
  'mistaken',
  'mistakenly',
  'erroneous',
  'erroneously',
  'misconception',
  'untrue',
  'not true',
  'contrary to',
  'debunk*',
  'apocryphal',
  'misattribut*',
  'no evidence',
  'never said',
  'did not say',
  'no record',
  'no such',
  'incorrect',
  'inaccurate',
  'exaggerat*',
  'disproved',
  'refuted',
  'unfounded',
  'baseless',
  'unproven',
  'fabricated',
  'fabrication',
  'hoax',
  'rumour',
  'rumours',
  'rumor',
  'rumors',
  'overstat*',
  'understat*',
  'dubious',
  'doubtful',
  'unconfirmed',
  'unverified',
  'uncorroborated',
  'unsubstantiated',
  'whether',
  'not',
  'never',
  'no longer',
  'nor',
  "didn't",
  "wasn't",
  "weren't",
  "isn't",
  'believe',
  'believed',
  'believes',
  'belief',
  'allegedly',
  'supposedly',
  'purportedly',
  'estimat*',
  'writes',
  'wrote',
  'argues',
  'argued',
  'according to',
  // A belief reported, not made: "the story that", "the image of".
  'the claim that',
  'the idea that',
  'the notion that',
  'the story that',
  'the stories that',
  'stories that',
  'the belief that',
  'the image of',
  'the legend that',
  'the myth that',
  'the rumour that',
];

const cache = new WeakMap<Kb, CompiledClaim[]>();

/** Reads a term as the tokenizer reads text, so both sides agree on words and numbers. */
export function compileTerm(term: string): Term {
  const tokens = tokenize(term).flatMap((s) => s.tokens);
  const out: Term = [];
  tokens.forEach((t, i) => {
    if (t.kind === 'num' && !t.vague) out.push({ kind: 'num', value: t.value! });
    else if (t.kind === 'word') {
      if (tokens[i + 1]?.low === '*' && tokens[i + 1]!.start === t.end) out.push({ kind: 'prefix', stem: t.low });
      else out.push({ kind: 'word', low: t.low, key: t.key });
    } else if (t.kind === 'date') out.push({ kind: 'word', low: t.low, key: t.low });
  });
  return out;
}

function compiled(kb: Kb): CompiledClaim[] {
  let list = cache.get(kb);
  if (!list) {
    list = kb.claims
      .filter((c) => c.patterns && c.patterns.length > 0)
      .map((claim) => {
        // Words the claim's own wording uses ("did not know" uses "not") do not debunk it.
        const own = claim.patterns!.flatMap((p) => p.all.flat().flatMap((t) => [t, ...t.split(/\s+/)]));
        const overlaps = (d: string) =>
          own.some(
            (t) => t === d || (d.endsWith('*') && t.startsWith(d.slice(0, -1))) || (t.endsWith('*') && d.startsWith(t.slice(0, -1))),
          );
        return {
          claim,
          patterns: claim.patterns!.map((p) => ({
            all: p.all.map((group) => group.map(compileTerm)),
            none: (p.none ?? []).map(compileTerm),
          })),
          debunking: DEBUNKING.filter((d) => !overlaps(d)).map(compileTerm),
        };
      });
    cache.set(kb, list);
  }
  return list;
}

/** The words and numbers of a sentence, without marks, with sets for quick look-ups. */
export interface Stream {
  tokens: Token[];
  lows: Set<string>;
  /** Spelling-folded keys of capitalised words (names). */
  keys: Set<string>;
  nums: Set<number>;
}

/** What terms are matched against: a sentence's words, numbers and dates. */
export function termStream(tokens: readonly Token[]): Stream {
  const stream: Stream = { tokens: [], lows: new Set(), keys: new Set(), nums: new Set() };
  for (const t of tokens) {
    if (t.kind === 'mark' || (t.kind === 'num' && t.vague)) continue;
    stream.tokens.push(t);
    if (t.kind === 'num') stream.nums.add(t.value!);
    else stream.lows.add(t.low);
    if (t.kind === 'word' && t.cap) stream.keys.add(t.key);
  }
  return stream;
}

function wordMatches(w: TermWord, t: Token | undefined): boolean {
  if (!t) return false;
  switch (w.kind) {
    case 'num':
      return t.kind === 'num' && t.value === w.value;
    case 'prefix':
      return t.kind === 'word' && t.low.startsWith(w.stem);
    case 'word':
      // Spelling-folded keys only for capitalised words (names): "Yezhov" meets "Ezhov", "died" never meets "ded".
      return (t.kind === 'word' || t.kind === 'date') && (t.low === w.low || (t.kind === 'word' && t.cap && t.key === w.key));
  }
}

/** True when the term occurs in the stream. */
export function hasTerm(stream: Stream, term: Term): boolean {
  const first = term[0];
  if (!first) return false;
  if (first.kind === 'num' && !stream.nums.has(first.value)) return false;
  if (first.kind === 'word' && !stream.lows.has(first.low) && !stream.keys.has(first.key)) return false;
  if (term.length === 1 && first.kind !== 'prefix') return true;
  const { tokens } = stream;
  for (let i = 0; i + term.length <= tokens.length; i++) if (term.every((w, n) => wordMatches(w, tokens[i + n]))) return true;
  return false;
}

/** True when the stream matches the pattern. */
function matchesPattern(stream: Stream, p: CompiledPattern): boolean {
  return p.all.every((group) => group.some((term) => hasTerm(stream, term))) && !p.none.some((term) => hasTerm(stream, term));
}

/** The claims a sentence makes, by their patterns; none in a sentence that debunks. */
export function matchClaims(kb: Kb, tokens: readonly Token[]): Claim[] {
  const list = compiled(kb);
  if (list.length === 0) return [];
  const stream = termStream(tokens);
  return list
    .filter((c) => c.patterns.some((p) => matchesPattern(stream, p)) && !c.debunking.some((term) => hasTerm(stream, term)))
    .map((c) => c.claim);
}
