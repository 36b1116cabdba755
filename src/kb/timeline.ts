import type { Era, Event } from './schema.js';
import { type Kb, mergeByDate } from './model.js';
import { overlaps, startDay, endDay, yearOf } from './dates.js';
import { EVENT_CATEGORIES, type EventCategory } from './vocab.js';

/** What `purges timeline` asks for; every field optional. */
export interface TimelineQuery {
  from?: string;
  to?: string;
  categories?: readonly EventCategory[];
  personId?: string;
  limit?: number;
}

/** Events in date order that overlap [from, to] and match the filters. */
export function selectEvents(kb: Kb, q: TimelineQuery): Event[] {
  const cats = q.categories && q.categories.length > 0 ? new Set(q.categories) : undefined;
  const out: Event[] = [];
  for (const e of kb.events) {
    if (!overlaps(e.date, e.endDate, q.from, q.to)) continue;
    if (cats && !cats.has(e.category)) continue;
    if (q.personId && !e.people.includes(q.personId)) continue;
    out.push(e);
    if (q.limit !== undefined && out.length >= q.limit) break;
  }
  if (kb.indexed.length === 0) return out;
  // Indexed packs answer the same question from their date order, and the lists merge.
  const fromDay = q.from === undefined ? undefined : startDay(q.from);
  const toDay = q.to === undefined ? undefined : endDay(q.to);
  const lists = kb.indexed.map((pack) =>
    q.personId === undefined
      ? pack.eventsIn(fromDay, toDay, (i) => !cats || cats.has(EVENT_CATEGORIES[i]!), q.limit)
      : pack
          .eventsOf(q.personId)
          .filter(({ event: e }) => overlaps(e.date, e.endDate, q.from, q.to) && (!cats || cats.has(e.category)))
          .slice(0, q.limit),
  );
  return mergeByDate(out, lists, q.limit);
}

/** A run of events under one era and one year, as the timeline draws them. */
export interface TimelineGroup {
  era?: Era;
  year: number;
  events: Event[];
}

/** The era whose span holds the start of a date (eras do not overlap). */
export function eraOf(eras: readonly Era[], date: string): Era | undefined {
  const day = startDay(date);
  return eras.find((era) => startDay(era.from) <= day && day <= endDay(era.to));
}

/** Groups date-ordered events by era, then by year. */
export function groupTimeline(eras: readonly Era[], events: readonly Event[]): TimelineGroup[] {
  const groups: TimelineGroup[] = [];
  for (const e of events) {
    const era = eraOf(eras, e.date);
    const year = yearOf(e.date);
    const last = groups.at(-1);
    if (last && last.era === era && last.year === year) last.events.push(e);
    else groups.push({ era, year, events: [e] });
  }
  return groups;
}
