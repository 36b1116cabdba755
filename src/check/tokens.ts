/**
 * The words, numbers and marks of a text, each located by its offsets, grouped into
 * sentences. Everything `purges check` matches works on these tokens, never on the raw
 * string, so every quoted span maps back to the exact characters of the input.
 */
import { latinLower, normalize } from '../kb/normalize.js';
import { mergeNumbers } from './numbers.js';

/** What a token is: a word, a number (digits or words, merged), a written date, or a mark. */
export type TokenKind = 'word' | 'num' | 'date' | 'mark';

/** One token of the input. */
export interface Token {
  kind: TokenKind;
  /** UTF-16 offsets in the whole input. */
  start: number;
  end: number;
  /** Words: lowercase Latin letters as written (diacritics and apostrophes dropped). Marks: the character. */
  low: string;
  /** Words: the spelling-folded key people's names are matched on (see normalize). */
  key: string;
  /** Starts with a capital letter (names are only matched on capitalised words). */
  cap: boolean;
  /** A word written with a possessive 's: `Kirov's`. */
  poss?: boolean;
  /** Numbers: the value. */
  value?: number;
  /** Numbers: written as a plain integer of four digits (a possible year). */
  year?: boolean;
  /** Numbers: written with an ordinal ending (17th). */
  ordinal?: boolean;
  /** Numbers: "hundreds of thousands", "millions": a magnitude, not a figure. */
  vague?: boolean;
  /** Numbers: followed by "%" or "per cent". */
  percent?: boolean;
  /** Dates written as digits (1938-03-15, 15.03.1938): the ISO date. */
  iso?: string;
}

/** A sentence: its span and its tokens. */
export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
}

// Each kind of token has its own pattern, chosen by the first character (much faster than
// one alternation tried at every position).
const SPACE = /\s+/y;
const DATE = /\d{4}-\d{2}-\d{2}\b|\d{1,2}\.\d{1,2}\.\d{4}\b/y;
const NUMBER = /(\d{1,3}(?:(?:,|\u00a0|\u202f|\u2009|\u2007| )\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+|,\d{1,2}(?!\d))?)((?:st|nd|rd|th)\b)?/y;
const WORD = /\p{L}(?:[\p{L}\p{M}]|['’](?=\p{L}))*/uy;
const LETTER = /\p{L}/u;
const WHITE = /\s/;

const MAX_SENTENCE_TOKENS = 300;
// A quotation longer than this is prose in quotes, split into its sentences after all.
const MAX_QUOTED_TOKENS = 80;
const BULLET = /^(?:[-*•#>|]|\d{1,3}[.)]\s)/;

function at(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}

/** Splits a text into tokens and sentences (see sentenceBreak for where sentences end). */
export function tokenize(text: string): Sentence[] {
  const raw: Array<Token | 'break'> = [];
  let lineStart = 0;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    const ch = c >= 0xd800 && c <= 0xdbff ? text.slice(i, i + 2) : text.charAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || (c > 127 && WHITE.test(ch))) {
      const space = at(SPACE, text, i)![0];
      const end = i + space.length;
      // A blank line, a list item or a heading starts a new sentence whatever the punctuation.
      if (space.includes('\n')) {
        const heading = text.charCodeAt(lineStart) === 35; // '#'
        if (/\n[^\S\n]*\n/.test(space) || BULLET.test(text.slice(end, end + 5)) || heading) raw.push('break');
        lineStart = i + space.lastIndexOf('\n') + 1;
      }
      i = end;
    } else if (c >= 48 && c <= 57) {
      const date = at(DATE, text, i);
      if (date) {
        raw.push({ kind: 'date', start: i, end: i + date[0].length, low: date[0], key: date[0], cap: false, iso: isoOf(date[0]) });
        i += date[0].length;
        continue;
      }
      const m = at(NUMBER, text, i)!;
      const written = m[1]!;
      const digits = written.replace(/[,\u00a0\u202f\u2009\u2007 ]/g, (sep, k: number) =>
        sep === ',' && !/\d{3}/.test(written.slice(k + 1, k + 4)) ? '.' : '',
      );
      raw.push({
        kind: 'num',
        start: i,
        end: i + m[0].length,
        low: written,
        key: written,
        cap: false,
        value: Number(digits),
        year: /^\d{4}$/.test(written) && m[2] === undefined,
        ordinal: m[2] !== undefined,
      });
      i += m[0].length;
    } else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 127 && LETTER.test(ch))) {
      const w = at(WORD, text, i)![0];
      raw.push(word(w, i, i + w.length));
      i += w.length;
    } else {
      raw.push({ kind: 'mark', start: i, end: i + ch.length, low: ch, key: ch, cap: false });
      i += ch.length;
    }
  }
  return sentences(raw);
}

// Texts repeat their words: each spelling is folded once.
const spellings = new Map<string, { low: string; key: string; cap: boolean; poss?: boolean }>();

function word(text: string, start: number, end: number): Token {
  let known = spellings.get(text);
  if (!known) {
    let w = text;
    let poss: boolean | undefined;
    if (/['’]s$/i.test(w)) {
      w = w.slice(0, -2);
      poss = true;
    }
    const low = latinLower(w).replace(/['’]/g, '');
    const first = w.charAt(0);
    known = { low, key: normalize(low), cap: first !== first.toLowerCase(), poss };
    if (spellings.size < 200_000) spellings.set(text, known);
  }
  return { kind: 'word', start, end, ...known };
}

function isoOf(text: string): string | undefined {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (!m) return text;
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set(
  'mr mrs ms dr st gen col lt capt maj cmdr adm prof rev jan feb mar apr jun jul aug sep sept oct nov dec no nos vol pp p c ca approx cf vs fig ed eds'.split(
    ' ',
  ),
);

/** True when the full stop at `i` ends a sentence: not after an initial or an abbreviation. */
function sentenceBreak(tokens: Array<Token | 'break'>, i: number): boolean {
  const mark = tokens[i] as Token;
  if (mark.low === '!' || mark.low === '?') return true;
  if (mark.low !== '.') return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev && prev !== 'break' && prev.kind === 'word') {
    if (ABBREVIATIONS.has(prev.low) || (prev.low.length === 1 && prev.cap)) return false;
    if (prev.low === 'e' || prev.low === 'i') return false; // e.g. i.e.
  }
  if (!next || next === 'break') return true;
  // "c. 1938", "No. 00447": the next word starts small or is a number after an abbreviation.
  return next.kind !== 'word' || next.cap || !/^[a-z]/.test(next.low);
}

function sentences(raw: Array<Token | 'break'>): Sentence[] {
  const out: Sentence[] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.some((t) => t.kind !== 'mark'))
      out.push({ start: current[0]!.start, end: current.at(-1)!.end, tokens: mergeNumbers(current) });
    current = [];
  };
  // Inside a quotation a full stop does not end the sentence: 'Stalin said: "A single death... statistic."'
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    if (t === 'break') {
      flush();
      quoted = false;
      continue;
    }
    current.push(t);
    if (t.low === '"') quoted = !quoted;
    else if (t.low === '“') quoted = true;
    else if (t.low === '”') quoted = false;
    if (quoted && current.length < MAX_QUOTED_TOKENS && t.kind === 'mark' && sentenceBreak(raw, i) && raw[i + 1] !== undefined) continue;
    // A "sentence" longer than any real one (a list, a table, a text without full stops) is cut,
    // so the readers' work stays linear in the text's length.
    if (current.length >= MAX_SENTENCE_TOKENS) flush();
    else if (t.kind === 'mark' && sentenceBreak(raw, i)) {
      // Closing quotes and brackets after the full stop belong to the sentence.
      while (raw[i + 1] && raw[i + 1] !== 'break' && /^["'”’)\]]$/.test((raw[i + 1] as Token).low)) current.push(raw[++i] as Token);
      flush();
      quoted = false;
    }
  }
  flush();
  return out;
}
