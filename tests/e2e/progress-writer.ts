/**
 * Test helper, run as a child process: saves ever larger progress records in a loop with
 * the real storage code, printing the card count after each save, until it is killed.
 */
import { emptyProgress } from '../../src/quiz/storage.js';
import { saveProgress } from '../../src/quiz/save.js';
import { recordAnswer } from '../../src/quiz/schedule.js';
import type { Question } from '../../src/quiz/question.js';

const path = process.argv[2]!;
const progress = emptyProgress();
const now = new Date('2026-11-26T12:00:00Z');
for (let i = 0; ; i++) {
  for (let k = 0; k < 50; k++) {
    const id = `fate:person-${i}-${k}`;
    progress.cards[id] = recordAnswer(undefined, { id, topic: 'people' } as Question, k % 2 === 0, now);
  }
  saveProgress(path, progress);
  process.stdout.write(`${Object.keys(progress.cards).length}\n`);
}
