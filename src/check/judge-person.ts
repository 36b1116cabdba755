/**
 * Judges a statement about a person against the person's record: the manner of death
 * against `fate`, and the date at the statement's own precision ("in 1938" is right when
 * the record's date falls in 1938).
 */
import { endDay, formatDate, parseDate, startDay } from '../kb/dates.js';
import type { Person } from '../kb/schema.js';
import type { Fate, Verdict } from '../kb/vocab.js';
import type { Happening } from './lexicon.js';
import type { PersonFact } from './person-facts.js';
import type { DateMention } from './when.js';

/** A verdict with its one-sentence explanation and, when the text differs, the record's value. */
export interface Judgement {
  verdict: Verdict;
  explanation: string;
  expected?: string;
}

type Fit = 'yes' | 'no' | 'unknown';

// What each way of saying how someone died fits, by recorded fate. "unknown" where the
// words are loose enough that a true sentence could use them ("murdered" of a suicide the
// regime may have staged): precision before recall.
const FITS: Partial<Record<Happening, Record<Fate, Fit>>> = {
  executed: {
    executed: 'yes',
    'died-in-custody': 'no',
    suicide: 'no',
    assassinated: 'unknown',
    killed: 'unknown',
    survived: 'no',
    'natural-death': 'no',
  },
  shot: {
    executed: 'yes',
    'died-in-custody': 'no',
    suicide: 'no',
    assassinated: 'yes',
    killed: 'unknown',
    survived: 'no',
    'natural-death': 'no',
  },
  killed: {
    executed: 'yes',
    'died-in-custody': 'unknown',
    suicide: 'unknown',
    assassinated: 'yes',
    killed: 'yes',
    survived: 'no',
    'natural-death': 'unknown',
  },
  perished: {
    executed: 'yes',
    'died-in-custody': 'yes',
    suicide: 'unknown',
    assassinated: 'yes',
    killed: 'yes',
    survived: 'no',
    'natural-death': 'no',
  },
  custody: {
    executed: 'unknown',
    'died-in-custody': 'yes',
    suicide: 'unknown',
    assassinated: 'no',
    killed: 'unknown',
    survived: 'no',
    'natural-death': 'no',
  },
  suicide: {
    executed: 'no',
    'died-in-custody': 'unknown',
    suicide: 'yes',
    assassinated: 'no',
    killed: 'unknown',
    survived: 'no',
    'natural-death': 'no',
  },
  natural: {
    executed: 'no',
    'died-in-custody': 'unknown',
    suicide: 'no',
    assassinated: 'no',
    killed: 'unknown',
    survived: 'yes',
    'natural-death': 'yes',
  },
  survived: {
    executed: 'no',
    'died-in-custody': 'no',
    suicide: 'unknown',
    assassinated: 'unknown',
    killed: 'no',
    survived: 'yes',
    'natural-death': 'yes',
  },
};

const DEATHS = new Set<Happening>(['executed', 'shot', 'killed', 'perished', 'custody', 'suicide', 'died', 'natural']);

/** "on 15 March 1938", "in March 1938", "in 1938". */
export function when(date: string): string {
  const d = parseDate(date)!;
  return `${d.precision === 'day' ? 'on' : 'in'} ${formatDate(date, 'long')}`;
}

/** How the record says the person died, with the date: "shot on 15 March 1938". */
function fatePhrase(p: Person): string {
  const date = p.repression?.executed ?? p.died;
  const at = date ? ` ${when(date)}` : '';
  switch (p.fate) {
    case 'executed':
      return /shoot|shot/i.test(p.repression?.sentence ?? 'shot') ? `shot${at}` : `executed${at}`;
    case 'died-in-custody':
      return `died in custody${at}`;
    case 'suicide':
      return `died by suicide${at}`;
    case 'assassinated':
      return `assassinated${at}`;
    case 'killed':
      return `killed${at}`;
    case 'natural-death':
      return `died a natural death${at}`;
    case 'survived':
      return p.died ? `survived; died${at}` : 'survived';
  }
}

/** The recorded date and how to say it, for what the statement says happened. */
function recorded(p: Person, what: Happening): { date?: string; phrase: string } | undefined {
  const r = p.repression;
  switch (what) {
    case 'born':
      return { date: p.born, phrase: `born ${when(p.born)}` };
    case 'arrested':
      return r?.arrested ? { date: r.arrested, phrase: `arrested ${when(r.arrested)}` } : undefined;
    case 'sentenced':
      return r?.sentenced
        ? { date: r.sentenced, phrase: `sentenced ${when(r.sentenced)}${r.sentence ? ` to ${r.sentence}` : ''}` }
        : undefined;
    case 'rehabilitated':
      if (r?.rehabilitationRefused)
        return { phrase: `rehabilitation refused${r.rehabilitationRefused === true ? '' : ` ${when(r.rehabilitationRefused)}`}` };
      return r?.rehabilitated ? { date: r.rehabilitated, phrase: `rehabilitated ${when(r.rehabilitated)}` } : undefined;
    case 'survived':
      return { phrase: fatePhrase(p) };
    default: {
      const date = what === 'executed' || what === 'shot' ? (r?.executed ?? p.died) : p.died;
      return { date, phrase: fatePhrase(p) };
    }
  }
}

/** How a stated date compares with a recorded one. */
export function compareDate(stated: DateMention, record: string): 'same' | 'finer' | 'near' | 'calendar' | 'differs' {
  const from = startDay(stated.from);
  const to = endDay(stated.to);
  const a = startDay(record);
  const b = endDay(record);
  // "early 1938", "about 1938": only the year is stated.
  if (stated.vague) {
    const y1 = Number(stated.from.slice(0, 4));
    const y2 = Number(stated.to.slice(0, 4));
    const y = Number(record.slice(0, 4));
    return y >= y1 && y <= y2 ? 'same' : 'differs';
  }
  if (a >= from && b <= to) return 'same';
  if (from <= b && to >= a) return 'finer';
  if (stated.from.length === 10 && record.length === 10 && stated.from === stated.to) {
    const gap = Math.abs(from - a);
    // Before February 1918 Russia kept the Julian calendar: 12 days behind in the 19th century, 13 after.
    if (a < startDay('1918-02-14') && (gap === 12 || gap === 13)) return 'calendar';
    if (gap === 1) return 'near';
  }
  return 'differs';
}

function describeStated(d: DateMention): string {
  if (d.from === d.to) return when(d.from);
  return `${formatDate(d.from, 'long')}-${formatDate(d.to, 'long')}`;
}

/** The verdict on a statement about a person, or undefined when the record cannot judge it. */
export function judgePersonFact(fact: PersonFact): Judgement | undefined {
  const p = fact.person;
  const rec = recorded(p, fact.what);
  if (!rec) return undefined;
  const record = `The record: ${rec.phrase}.`;
  const wrong = (why = record): Judgement => ({ verdict: 'inaccurate', explanation: why, expected: rec.phrase });

  if (fact.what === 'rehabilitated' && p.repression?.rehabilitationRefused) return wrong();
  const fit = FITS[fact.what]?.[p.fate];
  if (fit === 'no') return wrong();
  // Loose words ("died in a camp" of someone shot in one): only a wrong date is judged.
  if (fit === 'unknown') {
    if (!fact.date || !rec.date) return undefined;
    const d = compareDate(fact.date, rec.date);
    return d === 'differs' ? wrong() : undefined;
  }
  if (DEATHS.has(fact.what) && !p.died && p.fate === 'survived') return undefined;

  if (fact.what === 'sentenced') {
    const sentence = p.repression?.sentence;
    const term = sentence ? /^\s*(\d+|[a-z]+)[ -]years?/i.exec(sentence) : null;
    const death = sentence !== undefined && /\bdeath\b|highest measure/i.test(sentence);
    if (fact.toDeath && sentence) {
      if (!death && term) return wrong(`The record: sentenced to ${sentence}.`);
      if (!death) return undefined;
    }
    if (fact.years !== undefined && sentence) {
      if (death) return wrong(`The record: sentenced to ${sentence}.`);
      if (!term || Number(term[1]) !== fact.years)
        return term && /^\d+$/.test(term[1]!) ? wrong(`The record: sentenced to ${sentence}.`) : undefined;
    }
    if (!fact.toDeath && fact.years === undefined && !fact.date) return undefined;
  }

  if (!fact.date) {
    // A fate word without a date: right when the fate fits; an arrest needs a recorded arrest.
    if (fit === 'yes' || (rec.date && ['arrested', 'sentenced', 'rehabilitated'].includes(fact.what)))
      return { verdict: 'accurate', explanation: record };
    return undefined;
  }
  if (!rec.date) return undefined;
  switch (compareDate(fact.date, rec.date)) {
    case 'same':
      return { verdict: 'accurate', explanation: record };
    case 'calendar':
      return { verdict: 'accurate', explanation: `${record.slice(0, -1)}; the text gives the Old Style (Julian) date.` };
    case 'finer':
      return {
        verdict: 'unsupported',
        explanation: `The record: ${rec.phrase}, no more precisely, so ${describeStated(fact.date).replace(/^(?:on|in) /, '')} cannot be checked.`,
        expected: rec.phrase,
      };
    case 'near':
      return {
        verdict: 'disputed',
        explanation: `${record.slice(0, -1)}, a day from the text's date; sources often differ by a day.`,
        expected: rec.phrase,
      };
    default:
      return repeatable(fact, rec.date, rec.phrase) ?? wrong();
  }
}

/**
 * People were arrested and sentenced more than once (Mandelstam in 1934 and 1938), and the
 * record may hold only one: another date is wrong only when the person was dead by then, or
 * held without release from the recorded arrest until death.
 */
function repeatable(fact: PersonFact, recordDate: string, phrase: string): Judgement | undefined {
  const p = fact.person;
  if (fact.what !== 'arrested' && fact.what !== 'sentenced') return undefined;
  if (!fact.date) return undefined;
  const stated = startDay(fact.date.from);
  if (p.died && stated > endDay(p.died)) return undefined;
  const heldUntilDeath = (p.fate === 'executed' || p.fate === 'died-in-custody') && p.died !== undefined;
  const arrested = p.repression?.arrested;
  const deathSentence = fact.toDeath === true && /\bdeath\b|highest measure/i.test(p.repression?.sentence ?? '');
  if (fact.what === 'arrested' && heldUntilDeath && arrested && stated > endDay(arrested)) return undefined;
  if (fact.what === 'sentenced' && deathSentence) return undefined;
  const kind = fact.what === 'arrested' ? 'an arrest' : 'a sentence';
  return {
    verdict: 'unsupported',
    explanation: `The record gives ${kind} ${when(recordDate)} and no other.`,
    expected: phrase,
  };
}
