/** Spaced review with FSRS (ts-fsrs): a right answer is rated Good, a wrong one Again. */
import { createEmptyCard, fsrs, Rating, type Card } from 'ts-fsrs';
import type { SavedCard, SavedSchedule } from './progress.js';
import type { Question } from './question.js';

const scheduler = fsrs();

function toCard(s: SavedSchedule): Card {
  return { ...s, due: new Date(s.due), last_review: s.last_review ? new Date(s.last_review) : undefined } as Card;
}

function toSaved(c: Card): SavedSchedule {
  return {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    reps: c.reps,
    lapses: c.lapses,
    learning_steps: c.learning_steps,
    state: c.state,
    ...(c.last_review ? { last_review: c.last_review.toISOString() } : {}),
  };
}

/** The card after an answer: counts updated and the next review scheduled. */
export function recordAnswer(previous: SavedCard | undefined, q: Question, correct: boolean, now: Date): SavedCard {
  const card = previous ? toCard(previous.schedule) : createEmptyCard(now);
  const next = scheduler.next(card, now, correct ? Rating.Good : Rating.Again).card;
  return {
    id: q.id,
    topic: q.topic,
    seen: (previous?.seen ?? 0) + 1,
    correct: (previous?.correct ?? 0) + (correct ? 1 : 0),
    lastAnswered: now.toISOString(),
    schedule: toSaved(next),
  };
}

/** The scheduler's estimate of the chance a card would be recalled at `now` (0-1). */
export function recallChance(card: SavedCard, now: Date): number {
  return scheduler.get_retrievability(toCard(card.schedule), now, false);
}
