/**
 * "When did this happen?" and "In what year?": a date is right anywhere within the event's
 * span [date, endDate] at the precision shown, and no distractor falls inside the span. An
 * event whose title gives its date away is asked under an alias that does not, or not at all.
 */
import { daysInMonth, endDay, formatDate, formatSpan, MONTHS, MONTHS_LONG, parseDate, startDay, yearOf } from '../../kb/dates.js';
import type { Event } from '../../kb/schema.js';
import { shuffle, type Random } from '../random.js';
import { inPeriod } from '../scope.js';
import { firstSentence, yearsIn } from '../text.js';
import { cardId, fourChoices, type Kind } from './kind.js';

/** True when a text gives away when the event happened: a year of its span, or a month and day of it. */
export function givesAwayDate(text: string, e: Event): boolean {
  const first = yearOf(e.date);
  const last = yearOf(e.endDate ?? e.date);
  // Any year from a year before to a year after: "1936" in a stem narrows a 1937 event too much.
  if (yearsIn(text).some((y) => y >= first - 1 && y <= last + 1)) return true;
  const named = datesNamed(text);
  for (const iso of [e.date, e.endDate]) {
    const d = iso ? parseDate(iso) : undefined;
    if (!d?.month) continue;
    if (d.day ? named.days.has(`${d.month}-${d.day}`) : named.months.has(d.month)) return true;
  }
  return false;
}

// Month names as the dates are written ("June", "Jun"), matched whole and in any case.
const MONTH_WORD = new RegExp(`\\b(${[...MONTHS_LONG, ...MONTHS].join('|')})\\b`, 'gi');
const MONTH_NUMBER = new Map([...MONTHS_LONG, ...MONTHS].map((m, i) => [m.toLowerCase(), (i % 12) + 1]));
const namedCache = new Map<string, { months: Set<number>; days: Set<string> }>();

/**
 * The months a text names, and the days it names with them ("7 August", "7th Aug", "August 7"),
 * from one scan of the text, remembered: generation asks this of every event's title and
 * aliases, and a pattern compiled per event and day was most of the time to the first question.
 */
function datesNamed(text: string): { months: Set<number>; days: Set<string> } {
  let found = namedCache.get(text);
  if (found) return found;
  found = { months: new Set(), days: new Set() };
  for (const m of text.matchAll(MONTH_WORD)) {
    const month = MONTH_NUMBER.get(m[1]!.toLowerCase())!;
    found.months.add(month);
    const before = /(?:^|\D)(\d{1,2})(?:st|nd|rd|th)? $/.exec(text.slice(Math.max(0, m.index - 6), m.index));
    const after = /^ (\d{1,2})(?!\d)/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 4));
    for (const day of [before?.[1], after?.[1]]) if (day) found.days.add(`${month}-${Number(day)}`);
  }
  namedCache.set(text, found);
  return found;
}

/** The name to ask an event by: its title, else the first alias that does not give the date away. */
export function askedTitle(e: Event): string | undefined {
  return [e.title, ...(e.aliases ?? [])].find((t) => !givesAwayDate(t, e));
}

/** "5 Aug 1937" / "Aug 1937" / "1937" back to the ISO date it shows. */
export function shownToIso(text: string): string | undefined {
  const m = /^(?:(\d{1,2}) )?(?:([A-Z][a-z]{2}) )?(\d{4})$/.exec(text);
  if (!m || (m[1] && !m[2])) return undefined;
  if (!m[2]) return m[3];
  const month = MONTHS.indexOf(m[2]) + 1;
  if (month === 0) return undefined;
  const iso = `${m[3]}-${String(month).padStart(2, '0')}${m[1] ? `-${m[1].padStart(2, '0')}` : ''}`;
  return parseDate(iso) ? iso : undefined;
}

/** True when a date (at its own precision) meets the event's span. */
export function withinSpan(iso: string, e: Event): boolean {
  return startDay(iso) <= endDay(e.endDate ?? e.date) && startDay(e.date) <= endDay(iso);
}

function iso(year: number, month?: number, day?: number): string {
  const mm = month === undefined ? '' : `-${String(month).padStart(2, '0')}`;
  const dd = day === undefined ? '' : `-${String(day).padStart(2, '0')}`;
  return `${year}${mm}${dd}`;
}

/** Dates at the event's precision near its span but outside it, nearest first, shuffled within a distance. */
function datesOutside(e: Event, random: Random): string[] {
  const d = parseDate(e.date)!;
  const candidates: Array<[number, string]> = [];
  if (d.month === undefined) {
    for (let dy = -6; dy <= 6 + yearOf(e.endDate ?? e.date) - d.year; dy++) candidates.push([Math.abs(dy), iso(d.year + dy)]);
  } else {
    for (let dm = -60; dm <= 60; dm++) {
      const total = d.year * 12 + (d.month - 1) + dm;
      const year = Math.floor(total / 12);
      const month = (total % 12) + 1;
      // Months and years apart, so that a choice differs from the answer at a glance.
      if (dm % 12 !== 0 && Math.abs(dm) % 2 === 1) continue;
      const day = d.day === undefined ? undefined : Math.min(d.day, daysInMonth(year, month));
      candidates.push([Math.abs(dm), iso(year, month, day)]);
    }
  }
  const outside = candidates.filter(([, c]) => !withinSpan(c, e));
  const near = outside.filter(([dist]) => dist <= (d.month === undefined ? 4 : 30)).map(([, c]) => c);
  return shuffle(random, near.length >= 3 ? near : outside.map(([, c]) => c));
}

function span(e: Event): string {
  return formatSpan(e.date, e.endDate);
}

export const eventDate: Kind = {
  topic: 'events',
  subjects: (kb, scope) =>
    kb.events.filter((e) => e.date.length >= 7 && inPeriod(scope, e.date, e.endDate ?? e.date) && askedTitle(e)).map((e) => e.id),
  inScope(kb, key, scope) {
    const e = kb.event(key);
    return !!e && inPeriod(scope, e.date, e.endDate ?? e.date);
  },
  isRight(kb, key, choice) {
    const e = kb.event(key);
    const date = shownToIso(choice);
    return !!e && !!date && withinSpan(date, e);
  },
  make(kb, key, random) {
    const e = kb.event(key);
    const title = e && askedTitle(e);
    if (!e || !title) return undefined;
    return fourChoices(
      {
        id: cardId('event-date', e.id),
        kind: 'event-date',
        topic: 'events',
        subjects: [`event:${e.id}`],
        prompt: e.endDate ? `When did this begin? ${title}` : `When did this happen? ${title}`,
        answer: formatDate(e.date),
        explanation: `${span(e)}: ${firstSentence(e.summary)}`,
        sources: e.sources,
      },
      datesOutside(e, random).map((x) => formatDate(x)),
      random,
      (choice) => eventDate.isRight!(kb, key, choice),
    );
  },
};

export const year: Kind = {
  topic: 'events',
  subjects: (kb, scope) => kb.events.filter((e) => inPeriod(scope, e.date, e.endDate ?? e.date) && askedTitle(e)).map((e) => e.id),
  inScope: eventDate.inScope,
  make(kb, key) {
    const e = kb.event(key);
    const title = e && askedTitle(e);
    if (!e || !title) return undefined;
    const multi = yearOf(e.endDate ?? e.date) !== yearOf(e.date);
    return {
      id: cardId('year', e.id),
      kind: 'year',
      topic: 'events',
      subjects: [`event:${e.id}`],
      prompt: multi ? `In what year? (any year it lasted) ${title}` : `In what year? ${title}`,
      answerMode: 'year',
      choices: [],
      answer: e.date,
      ...(e.endDate ? { answerEnd: e.endDate } : {}),
      explanation: `${span(e)}: ${firstSentence(e.summary)}`,
      sources: e.sources,
    };
  },
};
