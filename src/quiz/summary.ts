import { byText } from '../kb/compare.js';
import type { Progress, SavedCard } from './progress.js';

/** One row of `purges quiz --progress`. */
export interface TopicProgress {
  topic: string;
  /** Cards seen (answered at least once). */
  cards: number;
  /** Cards due for review now. */
  due: number;
  /** When the next card not yet due comes due (ISO), if any. */
  nextDue?: string;
  answered: number;
  correct: number;
  /** Share of answers that were right, 0-1; undefined before any answer. */
  accuracy?: number;
  /** The scheduler's average chance of recalling the topic's cards now, 0-1. */
  retention?: number;
}

/** What has been learned, by topic, with a total row last. `recall` gives a card's chance of recall now. */
export function progressByTopic(progress: Progress, now: Date, recall: (c: SavedCard) => number): TopicProgress[] {
  const rows = new Map<string, TopicProgress & { recallSum: number }>();
  const total = { topic: 'all', cards: 0, due: 0, answered: 0, correct: 0, recallSum: 0 } as TopicProgress & { recallSum: number };
  for (const c of Object.values(progress.cards)) {
    const row = rows.get(c.topic) ?? { topic: c.topic, cards: 0, due: 0, answered: 0, correct: 0, recallSum: 0 };
    const due = Date.parse(c.schedule.due);
    const chance = recall(c);
    for (const r of [row, total]) {
      r.cards += 1;
      if (due <= now.getTime()) r.due += 1;
      else if (!r.nextDue || due < Date.parse(r.nextDue)) r.nextDue = c.schedule.due;
      r.answered += c.seen;
      r.correct += c.correct;
      r.recallSum += Number.isFinite(chance) ? chance : 0;
    }
    rows.set(c.topic, row);
  }
  const list = [...[...rows.values()].sort((a, b) => byText(a.topic, b.topic)), total];
  return list.map(({ recallSum, ...r }) => ({
    ...r,
    ...(r.answered > 0 ? { accuracy: r.correct / r.answered } : {}),
    ...(r.cards > 0 ? { retention: recallSum / r.cards } : {}),
  }));
}

/** Cards due at `now`, most overdue first. */
export function dueCards(progress: Progress, now: Date): SavedCard[] {
  return Object.values(progress.cards)
    .filter((c) => Date.parse(c.schedule.due) <= now.getTime())
    .sort((a, b) => Date.parse(a.schedule.due) - Date.parse(b.schedule.due));
}

/** "2 Dec 2026 14:05", in the local time zone. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
