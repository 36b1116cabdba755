/**
 * The progress record: its shape, and reading it from text. Pure: the file itself is handled
 * in storage.ts. A record is read card by card, so one damaged card costs only that card.
 */
import { sanitizeLine } from '../render/sanitize.js';

/** The scheduler's state of one card, as ts-fsrs keeps it (dates as ISO strings). */
export interface SavedSchedule {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  reps: number;
  lapses: number;
  learning_steps: number;
  state: number;
  last_review?: string;
}

/** One question's history. */
export interface SavedCard {
  id: string;
  topic: string;
  seen: number;
  correct: number;
  lastAnswered: string;
  schedule: SavedSchedule;
}

/** The progress file. */
export interface Progress {
  version: 1;
  cards: Record<string, SavedCard>;
}

export const PROGRESS_VERSION = 1;

/** An empty progress record. */
export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, cards: {} };
}

const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isDate = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** True when a saved card has every field the quiz reads, well typed. */
export function cardIsSound(id: string, card: unknown): card is SavedCard {
  const c = card as Partial<SavedCard> | null;
  const s = c?.schedule as Partial<SavedSchedule> | undefined;
  return !!(
    c &&
    typeof c === 'object' &&
    c.id === id &&
    typeof c.topic === 'string' &&
    isNum(c.seen) &&
    isNum(c.correct) &&
    isDate(c.lastAnswered) &&
    s &&
    typeof s === 'object' &&
    isDate(s.due) &&
    isNum(s.stability) &&
    isNum(s.difficulty) &&
    isNum(s.reps) &&
    isNum(s.lapses) &&
    isNum(s.state)
  );
}

/** What reading a progress file's text gave. */
export type Parsed =
  | { kind: 'ok'; progress: Progress; dropped: Record<string, unknown> }
  /** Written by a newer purges: readable by it only, so never written over here. */
  | { kind: 'newer'; version: number }
  /** Not a progress record at all (empty, cut short, not JSON, no cards). */
  | { kind: 'unreadable'; problem: string };

/**
 * Reads progress from text. A byte-order mark is skipped; a card that is damaged is left out
 * (in `dropped`), the rest kept.
 */
export function parseProgress(text: string): Parsed {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { kind: 'unreadable', problem: 'the file is empty' };
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return { kind: 'unreadable', problem: 'it is not valid JSON (perhaps cut short)' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { kind: 'unreadable', problem: 'it is not a progress record' };
  const d = data as { version?: unknown; cards?: unknown };
  if (typeof d.version === 'number' && Number.isInteger(d.version) && d.version > PROGRESS_VERSION)
    return { kind: 'newer', version: d.version };
  if (d.version !== PROGRESS_VERSION)
    return { kind: 'unreadable', problem: `unknown version ${sanitizeLine(JSON.stringify(d.version) ?? 'none')}` };
  if (typeof d.cards !== 'object' || d.cards === null || Array.isArray(d.cards))
    return { kind: 'unreadable', problem: 'it holds no cards' };
  const progress = emptyProgress();
  const dropped: Record<string, unknown> = {};
  for (const [id, card] of Object.entries(d.cards as Record<string, unknown>)) {
    if (cardIsSound(id, card)) progress.cards[id] = card;
    else dropped[id] = card;
  }
  return { kind: 'ok', progress, dropped };
}

/** Card ids as a notice shows them: cleaned of escapes, at most a few, with the count. */
export function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, 3).map((id) => `"${sanitizeLine(id).slice(0, 60)}"`);
  return ids.length > 3 ? `${shown.join(', ')} and ${ids.length - 3} more` : shown.join(', ');
}
