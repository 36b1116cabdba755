/**
 * Sourcing and consistency rules for the knowledge base, as pure functions. Each takes the
 * data and returns a list of problems (empty when the rule holds), so a failing test prints
 * every offending record at once. They check rules, not ids: they must keep holding as the
 * data grows.
 */
import { endDay, startDay, yearOf } from '../../src/kb/dates.js';
import type { Event, Person, Source } from '../../src/kb/schema.js';

/** The parts of a knowledge base the rules read. */
export interface RuleData {
  readonly sources: readonly Source[];
  readonly people: readonly Person[];
  readonly events: readonly Event[];
}

/** Records allowed to rest on one source (each with a `sourceNote` saying why). */
export const MAX_SINGLE_SOURCE = 5;

/** True when partial date `d` overlaps the span [start, end] at their shared precision. */
export function agrees(d: string, start: string, end?: string): boolean {
  return endDay(d) >= startDay(start) && startDay(d) <= endDay(end ?? start);
}

/** Two independent sources per person and event, unless a `sourceNote` says why not (at most 5). */
export function sourcingProblems(data: RuleData): string[] {
  const problems: string[] = [];
  const byId = new Map(data.sources.map((s) => [s.id, s]));
  let single = 0;
  for (const [kind, records] of [
    ['person', data.people],
    ['event', data.events],
  ] as const) {
    for (const r of records) {
      const ids = [...new Set(r.sources)];
      // The same work under two ids is not two sources.
      const works = new Set(ids.map((id) => workKey(byId.get(id)) ?? id));
      if (works.size < 2) {
        single++;
        if (!r.sourceNote) problems.push(`${kind} ${r.id}: one source (${ids.join(', ')}) and no sourceNote saying why`);
      } else if (r.sourceNote) {
        problems.push(`${kind} ${r.id}: has ${works.size} sources but keeps a sourceNote for a single source`);
      }
    }
  }
  if (single > MAX_SINGLE_SOURCE) problems.push(`${single} people and events rest on one source (at most ${MAX_SINGLE_SOURCE})`);
  return problems;
}

function workKey(s: Source | undefined): string | undefined {
  return s && `${s.authors.join('; ').toLowerCase()}|${s.title.toLowerCase()}|${s.year ?? ''}`;
}

/**
 * No record rests only on works published before the fact: a person who died and an event
 * each need at least one source from that year or later (for a span, its last year). A source
 * without a year does not count as later.
 */
export function laterSourceProblems(data: RuleData): string[] {
  const years = new Map(data.sources.map((s) => [s.id, s.year]));
  const problems: string[] = [];
  const check = (what: string, date: string | undefined, ids: readonly string[]) => {
    if (!date) return;
    const fact = yearOf(date);
    const published = ids.map((id) => years.get(id));
    if (!published.some((y) => y !== undefined && y >= fact))
      problems.push(`${what}: fact of ${fact} cited only to works of ${published.map((y) => y ?? 'n.d.').join(', ')}`);
  };
  for (const p of data.people) check(`person ${p.id} (death)`, p.died, p.sources);
  for (const e of data.events) check(`event ${e.id}`, e.endDate ?? e.date, e.sources);
  return problems;
}

const DEATH_IDS = /-(assassination|execution|death|suicide|murder|killing)$/;
const DEATH_TITLE = /\b(shot|executed|execution|killed|murdered|assassinat\w*|dies|died|death|suicide)\b/i;
const ARREST_TITLE = /\barrest(ed)?\b/i;
const REHAB_TITLE = /rehabilitat|\b(quash|annul)/i;
const VICTIM_PARTS = new Set(['victim', 'subject', 'defendant']);

/** Whether an event is about this person as its victim or subject (by id prefix or by `parts`). */
function isAbout(e: Event, p: Person, ids: RegExp, title: RegExp): boolean {
  if (e.id.startsWith(`${p.id}-`) && ids.test(e.id.slice(p.id.length))) return true;
  const part = e.parts?.[p.id];
  return part !== undefined && VICTIM_PARTS.has(part) && title.test(e.title) && victims(e).length === 1;
}

const VIOLENT_FATES = new Set(['executed', 'assassinated', 'killed', 'died-in-custody']);

/** Whether a death event names this person in its title ("Kosior, Chubar and Postyshev shot"; not "Yezhov's list"). */
function namedVictim(e: Event, p: Person): boolean {
  if (!VIOLENT_FATES.has(p.fate) || !DEATH_TITLE.test(e.title)) return false;
  const part = e.parts?.[p.id];
  if (part !== undefined && !VICTIM_PARTS.has(part)) return false;
  const surname = p.name
    .split(' ')
    .at(-1)!
    .replace(/[^\p{L}'-]/gu, '');
  return surname !== '' && new RegExp(`(^|[^\\p{L}])${surname}(?!['’]s)([^\\p{L}]|$)`, 'u').test(e.title);
}

function victims(e: Event): string[] {
  return Object.entries(e.parts ?? {})
    .filter(([, part]) => VICTIM_PARTS.has(part))
    .map(([id]) => id);
}

/**
 * A person's death, arrest, sentence and rehabilitation agree with the events about them:
 * the death on the day of their execution or killing, the arrest within their arrest event,
 * a defendant's sentence within the trial, and a rehabilitation no later than the event that
 * rehabilitated them. Dates agree when they overlap at their shared precision.
 */
export function personEventProblems(data: RuleData): string[] {
  const problems: string[] = [];
  const people = new Map(data.people.map((p) => [p.id, p]));
  for (const e of data.events) {
    const span = e.endDate ? `${e.date}..${e.endDate}` : e.date;
    for (const id of e.people) {
      const p = people.get(id);
      if (!p) continue; // the loader reports dangling ids
      const r = p.repression;
      if ((isAbout(e, p, DEATH_IDS, DEATH_TITLE) || namedVictim(e, p)) && p.died && !agrees(p.died, e.date, e.endDate))
        problems.push(`${p.id} died ${p.died}, but ${e.id} is dated ${span}`);
      if (isAbout(e, p, /^-arrest$/, ARREST_TITLE) && r?.arrested && !agrees(r.arrested, e.date, e.endDate))
        problems.push(`${p.id} arrested ${r.arrested}, but ${e.id} is dated ${span}`);
      // A trial, not the shooting that followed it (an execution event may be filed as a trial).
      const trial = e.category === 'trial' && !DEATH_IDS.test(e.id);
      if (trial && e.parts?.[p.id] === 'defendant' && r?.sentenced && !agrees(r.sentenced, e.date, e.endDate))
        problems.push(`${p.id} sentenced ${r.sentenced}, outside ${e.id} (${span})`);
      if (REHAB_TITLE.test(e.title) && r && rehabilitatedHere(e, p)) {
        if (!r.rehabilitated) {
          if (!uncertainRehabilitation(p.summary))
            problems.push(`${p.id} is in ${e.id} (${span}) but has no repression.rehabilitated date`);
        } else if (startDay(r.rehabilitated) > endDay(e.endDate ?? e.date))
          problems.push(`${p.id} rehabilitated ${r.rehabilitated}, after ${e.id} (${span}) that rehabilitated them`);
      }
    }
  }
  for (const p of data.people) {
    const r = p.repression;
    if (p.fate === 'executed' && r?.executed && !(p.died && agrees(p.died, r.executed)))
      problems.push(`${p.id}: executed ${r.executed} but died ${p.died}`);
    for (const [what, d] of [
      ['arrested', r?.arrested],
      ['sentenced', r?.sentenced],
      ['executed', r?.executed],
    ] as const) {
      if (d && p.died && startDay(d) > endDay(p.died)) problems.push(`${p.id}: ${what} ${d} after death ${p.died}`);
      if (d && startDay(d) < startDay(p.born)) problems.push(`${p.id}: ${what} ${d} before birth ${p.born}`);
    }
    if (r?.arrested && r.sentenced && startDay(r.sentenced) < startDay(r.arrested))
      problems.push(`${p.id}: sentenced ${r.sentenced} before arrest ${r.arrested}`);
    if (r?.rehabilitated && r.rehabilitationRefused) problems.push(`${p.id}: both rehabilitated and rehabilitationRefused`);
  }
  return problems;
}

/** In a rehabilitation event, the people rehabilitated: its victims by `parts`, else everyone with a case record. */
function rehabilitatedHere(e: Event, p: Person): boolean {
  const part = e.parts?.[p.id];
  return part === undefined ? p.repression !== undefined : VICTIM_PARTS.has(part);
}

// A summary may say that sources differ on the year; then no single date can be recorded.
const UNCERTAIN = /sources (give|differ)|not confirmed|uncertain|unknown/i;

function uncertainRehabilitation(summary: string): boolean {
  return sentences(summary).some((s) => /rehabilitat/i.test(s) && UNCERTAIN.test(s));
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.;])\s+/);
}

// The person's own rehabilitation, stated as a fact.
const OWN_REHAB =
  /\b(?:he|she|they|both|who)\s+(?:was|were|had been|has been)\s+(?:\w+\s+){0,2}?rehabilitated\b|\b(?:was|were|and)\s+(?:posthumously\s+|later\s+|fully\s+)?rehabilitated\b|\brehabilitated (?:him|her|them)\b|\b(?:his|her) (?:posthumous |formal |full )?rehabilitation\b/i;
// "rehabilitated in 1956", "rehabilitated by the Supreme Court on 13 June 1988".
const REHAB_DATE =
  /rehabilitated(?: [a-z ]{0,40}?)? (?:in|on) (?:(\d{1,2}) )?(january|february|march|april|may|june|july|august|september|october|november|december)? ?(\d{4})\b/i;
const NEGATED = /\b(not|never|no|excluded|without)\b/i;
const REFUSED =
  /\b(refused|declined|denied)\b[^.;]*rehabilitat|not subject to rehabilitation|\bnot (?:be )?rehabilitated\b[^.;]*\b(ruled|court)\b|\bexcluded\b/i;

/**
 * A summary that says a person was rehabilitated has `repression.rehabilitated`; one that says
 * rehabilitation was refused has `repression.rehabilitationRefused`.
 */
export function rehabilitationProblems(data: RuleData): string[] {
  const problems: string[] = [];
  for (const p of data.people) {
    const r = p.repression;
    for (const s of sentences(p.summary)) {
      if (!/rehabilitat/i.test(s)) continue;
      if (REFUSED.test(s)) {
        if (r?.rehabilitationRefused === undefined)
          problems.push(`${p.id}: summary says rehabilitation was refused, but no repression.rehabilitationRefused: "${s}"`);
      } else if (OWN_REHAB.test(s) && !NEGATED.test(s.match(OWN_REHAB)![0])) {
        if (!r?.rehabilitated && r?.rehabilitationRefused === undefined && !UNCERTAIN.test(s))
          problems.push(`${p.id}: summary says rehabilitated, but no repression.rehabilitated: "${s}"`);
        const m = REHAB_DATE.exec(s);
        const said = m && partialDate(m[3]!, m[2], m[1]);
        if (said && r?.rehabilitated && !agrees(said, r.rehabilitated))
          problems.push(`${p.id}: summary dates the rehabilitation ${said}, but repression.rehabilitated is ${r.rehabilitated}`);
      }
    }
  }
  return problems;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// "he was shot on 15 March 1938", "she was executed in August 1938", "he was shot in 1937".
const OWN_EXECUTION =
  /\b(?:he|she)\s+(?:was|were)\s+(?!found\b)(?:\w+\s+){0,3}?(?<!found )(shot|executed)\b(?:(?:(?!\b(?:he|she|his|her|wife|son|daughter|husband)\b)[^.;])*?\b(?:on|in)\s+(?:(\d{1,2})\s+)?(january|february|march|april|may|june|july|august|september|october|november|december)?\s*(\d{4}))?/i;

/** `1938`, `1938-03` or `1938-03-15` from a year, an English month name and a day, as far as given. */
function partialDate(year: string, month?: string, day?: string): string {
  const m = month ? MONTHS.indexOf(month.toLowerCase()) + 1 : 0;
  if (!m) return year;
  const mm = String(m).padStart(2, '0');
  return day ? `${year}-${mm}-${day.padStart(2, '0')}` : `${year}-${mm}`;
}

/**
 * A summary that says the person was shot or executed agrees with the structured fields: the
 * fate is an execution or a killing, and a date it gives for the shooting is the death date.
 */
export function executionProblems(data: RuleData): string[] {
  const problems: string[] = [];
  for (const p of data.people) {
    for (const s of sentences(p.summary)) {
      const m = OWN_EXECUTION.exec(s);
      if (!m) continue;
      const verb = m[1]!.toLowerCase();
      const fates = verb === 'executed' ? ['executed'] : ['executed', 'assassinated', 'killed'];
      if (!fates.includes(p.fate)) problems.push(`${p.id}: summary says ${verb}, but fate is ${p.fate}: "${s}"`);
      if (m[4]) {
        const said = partialDate(m[4], m[3], m[2]);
        const died = p.repression?.executed ?? p.died;
        if (!died) problems.push(`${p.id}: summary dates the shooting ${said}, but there is no death date`);
        else if (!agrees(said, died)) problems.push(`${p.id}: summary dates the shooting ${said}, but died ${died}`);
      }
    }
  }
  return problems;
}

/**
 * A trial a person's summary names (by the trial's alias, e.g. "second Moscow trial") is in
 * the knowledge base with that person among its people. (Institutions such as the Special
 * Board are named in many lives; only trials are checked.)
 */
export function mentionedEventProblems(data: RuleData): string[] {
  const problems: string[] = [];
  for (const e of data.events) {
    if (e.category !== 'trial') continue;
    for (const alias of e.aliases ?? []) {
      const needle = alias.toLowerCase();
      for (const p of data.people) {
        if (p.summary.toLowerCase().includes(needle) && !e.people.includes(p.id))
          problems.push(`${p.id}: summary names "${alias}", but ${e.id} does not list them`);
      }
    }
  }
  return problems;
}

/** Every role has a kind; a person with roles has exactly one primary role. */
export function roleProblems(data: RuleData): string[] {
  const problems: string[] = [];
  for (const p of data.people) {
    for (const r of p.roles) if (!r.kind) problems.push(`${p.id}: role "${r.title}" has no kind`);
    const primary = p.roles.filter((r) => r.primary).length;
    if (p.roles.length > 0 && primary !== 1) problems.push(`${p.id}: ${primary} primary roles (exactly one expected)`);
  }
  return problems;
}
