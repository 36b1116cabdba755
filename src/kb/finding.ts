/**
 * What `purges check` says about one statement of a text: where it is, the verdict, the
 * record's value when the text differs, and the record it was judged against.
 */
import type { Verdict } from './vocab.js';

/** The kind of record a statement was judged against. */
export type RefKind = 'claim' | 'person' | 'event' | 'statistic';

/** One judged statement. `start`/`end` are UTF-16 offsets in the checked text. */
export interface Finding {
  start: number;
  end: number;
  /** 1-based line and column (in characters) where the statement starts. */
  line: number;
  column: number;
  verdict: Verdict;
  /** One sentence; gives the record's value when it differs from the text. */
  explanation: string;
  /** The record's value, when the text differs from it. */
  expected?: string;
  ref: { kind: RefKind; id: string };
  sources: readonly string[];
}

/** A sentence nothing was judged in (listed by `--all` as "not checked"). */
export interface Unchecked {
  start: number;
  end: number;
  line: number;
  column: number;
}
