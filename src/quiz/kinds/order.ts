/** "Put these in order": four events, each ending before the next begins, none naming a year. */
import { endDay, formatSpan, startDay } from '../../kb/dates.js';
import type { Event } from '../../kb/schema.js';
import { LETTERS } from '../../render/question-view.js';
import { sample, shuffle } from '../random.js';
import { inPeriod } from '../scope.js';
import { yearsIn } from '../text.js';
import { cardId, type Kind } from './kind.js';

/** Four events in a strict order with distinct titles and no years in them, so the answer is certain and not given away. */
function orderable(events: readonly Event[]): boolean {
  if (new Set(events.map((e) => e.title)).size !== events.length) return false;
  if (events.some((e) => yearsIn(e.title).length > 0)) return false;
  const sorted = [...events].sort((a, b) => startDay(a.date) - startDay(b.date));
  for (let i = 1; i < sorted.length; i++)
    if (endDay(sorted[i - 1]!.endDate ?? sorted[i - 1]!.date) >= startDay(sorted[i]!.date)) return false;
  return true;
}

export const order: Kind = {
  topic: 'events',
  subjects(kb, scope, random) {
    const pool = kb.events.filter((e) => inPeriod(scope, e.date, e.endDate ?? e.date) && yearsIn(e.title).length === 0);
    const keys = new Set<string>();
    for (let tries = 0; tries < 300 && keys.size < 40 && pool.length >= 4; tries++) {
      const four = sample(random, pool, 4);
      if (orderable(four))
        keys.add(
          four
            .map((e) => e.id)
            .sort()
            .join('+'),
        );
    }
    return [...keys];
  },
  inScope(kb, key, scope) {
    return key.split('+').every((id) => {
      const e = kb.event(id);
      return !!e && inPeriod(scope, e.date, e.endDate ?? e.date);
    });
  },
  make(kb, key, random) {
    const events = key.split('+').map((id) => kb.event(id));
    if (events.length !== 4 || events.some((e) => !e) || !orderable(events as Event[])) return undefined;
    const shown = shuffle(random, events as Event[]);
    const sorted = [...shown].sort((a, b) => startDay(a.date) - startDay(b.date));
    return {
      id: cardId('order', key),
      kind: 'order',
      topic: 'events',
      subjects: sorted.map((e) => `event:${e.id}`),
      prompt: 'Put these events in chronological order (earliest first):',
      answerMode: 'order',
      choices: shown.map((e) => e.title),
      answer: sorted.map((e) => e.title).join(' → '),
      order: sorted.map((e) => LETTERS[shown.indexOf(e)]).join(''),
      explanation: sorted.map((e) => `${formatSpan(e.date, e.endDate)} ${e.title}`).join('; '),
      sources: [...new Set(sorted.flatMap((e) => e.sources))],
    };
  },
};
