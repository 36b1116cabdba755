/**
 * Partial ISO dates: `1934`, `1934-12`, `1934-12-01`. A date keeps its precision:
 * `1934` is the whole year, never 1 January 1934.
 */
export type Precision = 'year' | 'month' | 'day';

/** A parsed partial date. `month` and `day` are 1-based and present per precision. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  precision: Precision;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
/** Month names as dates are shown ("Aug") and written out ("August"). */
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Days in a month of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// Parsing is memoised: a large pack repeats the same dates many times, and sorting compares
// each date many times. Results are frozen, so sharing them is safe.
const parsed = new Map<string, PartialDate | undefined>();

/** Parses a partial ISO date; returns undefined when it is not one (e.g. `1934-13-01`). */
export function parseDate(text: string): PartialDate | undefined {
  let d = parsed.get(text);
  if (d === undefined && !parsed.has(text)) {
    d = parseUncached(text);
    if (d) Object.freeze(d);
    parsed.set(text, d);
  }
  return d;
}

function parseUncached(text: string): PartialDate | undefined {
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year, precision: 'year' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day, precision: 'day' };
}

/** True when `text` is a valid partial ISO date. */
export function isValidDate(text: string): boolean {
  return parseDate(text) !== undefined;
}

function must(text: string): PartialDate {
  const d = parseDate(text);
  if (!d) throw new Error(`invalid date: ${text}`);
  return d;
}

/** Day number (days since 0000-03-01, proleptic Gregorian) of a full date. */
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe;
}

const starts = new Map<string, number>();
const ends = new Map<string, number>();

/** First day covered by a partial date, as a day number. */
export function startDay(text: string): number {
  let n = starts.get(text);
  if (n === undefined) {
    const d = must(text);
    n = dayNumber(d.year, d.month ?? 1, d.day ?? 1);
    starts.set(text, n);
  }
  return n;
}

/** Last day covered by a partial date, as a day number. */
export function endDay(text: string): number {
  let n = ends.get(text);
  if (n === undefined) {
    const d = must(text);
    const month = d.month ?? 12;
    n = dayNumber(d.year, month, d.day ?? daysInMonth(d.year, month));
    ends.set(text, n);
  }
  return n;
}

/** Orders dates by the first day they cover; a vaguer date sorts before a precise one on the same start. */
export function compareDates(a: string, b: string): number {
  return startDay(a) - startDay(b) || a.length - b.length;
}

/** True when the span [date, endDate] overlaps [from, to]; open bounds are allowed. */
export function overlaps(date: string, endDate: string | undefined, from?: string, to?: string): boolean {
  if (from !== undefined && endDay(endDate ?? date) < startDay(from)) return false;
  if (to !== undefined && startDay(date) > endDay(to)) return false;
  return true;
}

/** Formats for people: `1934`, `Dec 1934`, `1 Dec 1934` (long month names with `long`). */
export function formatDate(text: string, style: 'short' | 'long' = 'short'): string {
  const d = must(text);
  const names = style === 'long' ? MONTHS_LONG : MONTHS;
  if (d.precision === 'year') return String(d.year);
  const month = names[d.month! - 1]!;
  if (d.precision === 'month') return `${month} ${d.year}`;
  return `${d.day} ${month} ${d.year}`;
}

/** Formats a span, collapsing what the ends share: `19-24 Aug 1936`, `Aug-Sep 1937`, `1937-1938`. */
export function formatSpan(date: string, endDate?: string): string {
  if (!endDate || endDate === date) return formatDate(date);
  const a = must(date);
  const b = must(endDate);
  if (a.precision === 'day' && b.precision === 'day' && a.year === b.year && a.month === b.month) {
    return `${a.day}-${b.day} ${MONTHS[a.month! - 1]} ${a.year}`;
  }
  if (a.precision === 'month' && b.precision === 'month' && a.year === b.year) {
    return `${MONTHS[a.month! - 1]}-${MONTHS[b.month! - 1]} ${a.year}`;
  }
  if (a.precision === 'day' && b.precision === 'day' && a.year === b.year) {
    return `${a.day} ${MONTHS[a.month! - 1]} - ${formatDate(endDate)}`;
  }
  return `${formatDate(date)} - ${formatDate(endDate)}`;
}

type Ymd = [number, number, number];

function firstDay(d: PartialDate): Ymd {
  return [d.year, d.month ?? 1, d.day ?? 1];
}

function lastDay(d: PartialDate): Ymd {
  const month = d.month ?? 12;
  return [d.year, month, d.day ?? daysInMonth(d.year, month)];
}

function age([by, bm, bd]: Ymd, [ty, tm, td]: Ymd): number {
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/**
 * Whole years between two dates (an age). With partial dates the age may be one of two
 * values: `years` is the lower one and `approx` says the other is possible.
 */
export function yearsBetween(from: string, to: string): { years: number; approx: boolean } {
  const a = must(from);
  const b = must(to);
  const low = age(lastDay(a), firstDay(b));
  const high = age(firstDay(a), lastDay(b));
  return { years: low, approx: high !== low };
}

/** The year of a partial date. */
export function yearOf(text: string): number {
  return must(text).year;
}
