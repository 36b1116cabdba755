import type { Kb } from './model.js';
import type { Event, Person } from './schema.js';
import { parseDate } from './dates.js';
import { byText } from './compare.js';

/** Something that happened on a month and day: an event, a birth or a death. */
export interface Anniversary {
  kind: 'event' | 'born' | 'died';
  date: string;
  event?: Event;
  person?: Person;
}

/** All day-precise anniversaries in the knowledge base. */
function anniversaries(kb: Kb): Anniversary[] {
  const out: Anniversary[] = [];
  for (const e of kb.events) out.push({ kind: 'event', date: e.date, event: e });
  for (const p of kb.people) {
    out.push({ kind: 'born', date: p.born, person: p });
    if (p.died) out.push({ kind: 'died', date: p.died, person: p });
  }
  return out.filter((a) => parseDate(a.date)!.precision === 'day');
}

// Day of a (leap) year, so 29 February has a place and the distance wraps round the year end.
function dayOfYear(month: number, day: number): number {
  const starts = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335];
  return starts[month - 1]! + day;
}

/**
 * What happened on this month and day in any year; when nothing did, the nearest
 * day (either side, across the year's end) that has something.
 */
export function onThisDay(kb: Kb, month: number, day: number): { month: number; day: number; exact: boolean; items: Anniversary[] } {
  const all = anniversaries(kb);
  const target = dayOfYear(month, day);
  let bestDistance = Infinity;
  for (const a of all) {
    const d = parseDate(a.date)!;
    const diff = Math.abs(dayOfYear(d.month!, d.day!) - target);
    bestDistance = Math.min(bestDistance, diff, 366 - diff);
  }
  const items = all
    .filter((a) => {
      const d = parseDate(a.date)!;
      const diff = Math.abs(dayOfYear(d.month!, d.day!) - target);
      return Math.min(diff, 366 - diff) === bestDistance;
    })
    .sort((a, b) => byText(a.date.slice(5), b.date.slice(5)) || byText(a.date, b.date));
  const first = items[0] ? parseDate(items[0].date)! : undefined;
  return { month: first?.month ?? month, day: first?.day ?? day, exact: bestDistance === 0, items };
}
