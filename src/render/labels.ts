/** The words people read for the knowledge base's closed vocabularies (never raw enum values). */
import type { EventPart, Fate, StatCategory } from '../kb/vocab.js';

/** A fate as a card or table says it. */
export const FATE_LABEL: Record<Fate, string> = {
  executed: 'executed',
  'died-in-custody': 'died in custody',
  suicide: 'suicide',
  assassinated: 'assassinated',
  killed: 'killed',
  survived: 'survived',
  'natural-death': 'died a natural death',
};

/** A fate in a table cell: short words. */
export const FATE_SHORT: Record<Fate, string> = { ...FATE_LABEL, 'natural-death': 'natural death' };

/** A person's part in an event. */
export const PART_LABEL: Record<EventPart, string> = {
  defendant: 'defendant',
  prosecutor: 'prosecutor',
  judge: 'judge',
  victim: 'victim',
  organiser: 'organiser',
  perpetrator: 'perpetrator',
  investigator: 'investigator',
  witness: 'witness',
  subject: 'subject',
  participant: 'participant',
};

/** What a chart of a statistics category plots, said plainly. */
export const CATEGORY_TITLE: Record<StatCategory, string> = {
  executions: 'Death sentences and executions',
  arrests: 'Arrests',
  convictions: 'Convictions and sentences',
  gulag: 'Prisoners in the GULAG',
  deaths: 'Deaths in custody, camps and special settlements',
  deportations: 'Deportations',
  party: 'Party members and delegates arrested or shot',
  military: 'Red Army command personnel',
  rehabilitation: 'Rehabilitations',
  victims: 'Victims: totals and estimates',
};

/** A label for any vocabulary value: the map's word, or the value with hyphens as spaces. */
export function label(map: Record<string, string>, value: string): string {
  return map[value] ?? value.replace(/-/g, ' ');
}
