/**
 * Saved quiz progress: where it lives, reading it, and resetting it. Saving is in save.ts.
 * A file that cannot be read is moved aside with a timestamp, never overwritten.
 */
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { importExternal } from '../external.js';

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

/** Where progress lives: $PURGES_HOME, else the user's data folder (XDG on Linux). */
export async function progressPath(env: Record<string, string | undefined>): Promise<string> {
  if (env.PURGES_HOME) return join(env.PURGES_HOME, 'progress.json');
  const { default: envPaths } = await importExternal<typeof import('env-paths')>('env-paths');
  return join(envPaths('purges', { suffix: '' }).data, 'progress.json');
}

const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isDate = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** Why a parsed progress file is not usable, or undefined when it is. */
export function progressProblem(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'not a progress record';
  const d = data as { version?: unknown; cards?: unknown };
  if (d.version !== PROGRESS_VERSION) return `unknown version ${JSON.stringify(d.version)} (expected ${PROGRESS_VERSION})`;
  if (typeof d.cards !== 'object' || d.cards === null || Array.isArray(d.cards)) return 'no cards';
  for (const [id, card] of Object.entries(d.cards as Record<string, unknown>)) {
    const c = card as Partial<SavedCard> | null;
    const s = c?.schedule as Partial<SavedSchedule> | undefined;
    const ok =
      c &&
      c.id === id &&
      typeof c.topic === 'string' &&
      isNum(c.seen) &&
      isNum(c.correct) &&
      isDate(c.lastAnswered) &&
      s &&
      isDate(s.due) &&
      isNum(s.stability) &&
      isNum(s.difficulty) &&
      isNum(s.reps) &&
      isNum(s.lapses) &&
      isNum(s.state);
    if (!ok) return `card "${id}" is damaged`;
  }
  return undefined;
}

/** Timestamp for a file name: 20261126T201500Z. */
function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** Loads progress. A missing file is a fresh start; an unreadable one is moved aside and reported in `notice`. */
export function loadProgress(path: string, now: Date): { progress: Progress; notice?: string } {
  if (!existsSync(path)) return { progress: emptyProgress() };
  let problem: string | undefined;
  try {
    const text = readFileSync(path, 'utf8');
    if (text.trim() === '') problem = 'the file is empty';
    else {
      const data: unknown = JSON.parse(text);
      problem = progressProblem(data);
      if (!problem) return { progress: data as Progress };
    }
  } catch (e) {
    problem = e instanceof SyntaxError ? 'it is not valid JSON (perhaps cut short)' : (e as Error).message;
  }
  const aside = `${path}.corrupt-${stamp(now)}`;
  renameSync(path, aside);
  return {
    progress: emptyProgress(),
    notice: `purges: your quiz progress could not be read (${problem}); it was kept as ${aside} and the quiz starts fresh.`,
  };
}

/** Deletes saved progress; returns how many cards it held. */
export function resetProgress(path: string, now: Date): number {
  if (!existsSync(path)) return 0;
  const { progress } = loadProgress(path, now);
  rmSync(path, { force: true });
  return Object.keys(progress.cards).length;
}
