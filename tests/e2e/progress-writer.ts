/**
 * Test helper, run as a child process, with the real storage code.
 *   progress-writer.mjs grow PATH        saves ever larger records in a loop until killed,
 *                                        printing the card count after each save;
 *   progress-writer.mjs answer PATH ID N records N answers as a quiz does (lock, re-read,
 *                                        merge, atomic write), cards ID-0 .. ID-(N-1).
 */
import { recordAnswer } from '../../src/quiz/schedule.js';
import { updateProgress } from '../../src/quiz/storage.js';
import type { Question } from '../../src/quiz/question.js';

const [mode, path, id, count] = process.argv.slice(2) as [string, string, string, string];
const now = new Date('2026-11-26T12:00:00Z');
const question = (key: string) => ({ id: key, topic: 'people' }) as Question;

if (mode === 'grow') {
  for (let i = 0; ; i++) {
    const saved = await updateProgress(path, (p) => {
      for (let k = 0; k < 50; k++)
        p.cards[`fate:person-${i}-${k}`] = recordAnswer(undefined, question(`fate:person-${i}-${k}`), k % 2 === 0, now);
    });
    process.stdout.write(`${Object.keys(saved.cards).length}\n`);
  }
} else {
  for (let i = 0; i < Number(count); i++) {
    const key = `fate:${id}-${i}`;
    await updateProgress(path, (p) => {
      p.cards[key] = recordAnswer(p.cards[key], question(key), i % 3 !== 0, now);
      // One card every process answers each time: its `seen` count must add up across processes.
      p.cards['fate:shared'] = recordAnswer(p.cards['fate:shared'], question('fate:shared'), true, now);
    });
  }
  process.stdout.write('done\n');
}
