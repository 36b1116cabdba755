import type { Progress, SavedCard } from './storage.js';
import { byText } from '../kb/compare.js';

/** One row of `purges quiz --progress`. */
export interface TopicProgress {
  topic: string;
  cards: number;
  due: number;
  answered: number;
  correct: number;
  /** Share of answers that were right, 0-1; undefined before any answer. */
  accuracy?: number;
}

/** What has been learned, by topic, with a total row last. */
export function progressByTopic(progress: Progress, now: Date): TopicProgress[] {
  const rows = new Map<string, TopicProgress>();
  const total: TopicProgress = { topic: 'all', cards: 0, due: 0, answered: 0, correct: 0 };
  for (const c of Object.values(progress.cards)) {
    const row = rows.get(c.topic) ?? { topic: c.topic, cards: 0, due: 0, answered: 0, correct: 0 };
    for (const r of [row, total]) {
      r.cards += 1;
      r.due += Date.parse(c.schedule.due) <= now.getTime() ? 1 : 0;
      r.answered += c.seen;
      r.correct += c.correct;
    }
    rows.set(c.topic, row);
  }
  const list = [...[...rows.values()].sort((a, b) => byText(a.topic, b.topic)), total];
  for (const r of list) if (r.answered > 0) r.accuracy = r.correct / r.answered;
  return list;
}

/** Cards due at `now`, most overdue first. */
export function dueCards(progress: Progress, now: Date): SavedCard[] {
  return Object.values(progress.cards)
    .filter((c) => Date.parse(c.schedule.due) <= now.getTime())
    .sort((a, b) => Date.parse(a.schedule.due) - Date.parse(b.schedule.due));
}
