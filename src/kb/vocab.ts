/**
 * The closed vocabularies of the knowledge base. Kept apart from the zod schema so that
 * option parsing can check `--fate` or `--category` without loading zod.
 */
export const COLLECTIONS = ['sources', 'people', 'events', 'statistics', 'eras', 'claims'] as const;
export const SOURCE_KINDS = ['archival', 'scholarly', 'primary', 'reference', 'memoir', 'popular'] as const;
export const FATES = ['executed', 'died-in-custody', 'suicide', 'assassinated', 'killed', 'survived', 'natural-death'] as const;
export const EVENT_CATEGORIES = [
  'party',
  'trial',
  'military',
  'nkvd',
  'nkvd-order',
  'mass-operation',
  'gulag',
  'culture',
  'aftermath',
  'context',
] as const;
export const STAT_CATEGORIES = [
  'executions',
  'arrests',
  'convictions',
  'gulag',
  'deaths',
  'deportations',
  'party',
  'military',
  'rehabilitation',
  'victims',
] as const;
export const BASES = ['archival', 'estimate'] as const;
export const VERDICTS = ['accurate', 'inaccurate', 'disputed', 'unsupported'] as const;
/**
 * What kind of role a title is. A `post` is an office one person holds at a time (People's
 * Commissar of Internal Affairs); a `membership` is a seat in a collective body (Politburo,
 * Central Committee); a `rank` is a title many hold at once (Marshal of the Soviet Union).
 * Only posts can answer "who held this?".
 */
export const ROLE_KINDS = ['post', 'membership', 'rank', 'other'] as const;
/** A person's part in an event (events.parts): what they did there, not their eventual fate. */
export const EVENT_PARTS = [
  'defendant',
  'prosecutor',
  'judge',
  'victim',
  'organiser',
  'perpetrator',
  'investigator',
  'witness',
  'subject',
  'participant',
] as const;

export type Collection = (typeof COLLECTIONS)[number];
export type Fate = (typeof FATES)[number];
export type EventCategory = (typeof EVENT_CATEGORIES)[number];
export type StatCategory = (typeof STAT_CATEGORIES)[number];
export type Verdict = (typeof VERDICTS)[number];
export type RoleKind = (typeof ROLE_KINDS)[number];
export type EventPart = (typeof EVENT_PARTS)[number];
