/**
 * The knowledge-base schema: one place for every record's shape. TypeScript types are
 * inferred from it, so code and validation cannot drift apart. Import the types with
 * `import type` elsewhere: loading zod costs start-up time that bundled data does not need.
 */
import { z } from 'zod';
import { isValidDate } from './dates.js';
export { DEFAULT_EMPTY } from './merge.js';
import { BASES, EVENT_CATEGORIES, EVENT_PARTS, FATES, ROLE_KINDS, SOURCE_KINDS, STAT_CATEGORIES, VERDICTS } from './vocab.js';

const date = z
  .string()
  .refine(isValidDate, { error: (iss) => `${JSON.stringify(iss.input)} is not a valid date (use YYYY, YYYY-MM or YYYY-MM-DD)` });
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: (iss) => `${JSON.stringify(iss.input)} is not a valid id (lowercase letters, digits and hyphens)`,
});
// Checked, not transformed: a valid record is kept as it was read (see check.ts).
const text = z.string().regex(/\S/, { error: 'must not be empty' });
const sourceRefs = z.array(slug).min(1, { error: 'cites no source (at least one source id is required)' });

/** A published work, archive or database that records cite by id. */
export const sourceSchema = z.strictObject({
  id: slug,
  authors: z.array(text).min(1),
  title: text,
  // Undated works (some web pages) omit the year and are cited as n.d.
  year: z.number().int().min(1800).max(2100).optional(),
  publisher: text.optional(),
  journal: text.optional(),
  volume: text.optional(),
  issue: text.optional(),
  pages: text.optional(),
  url: z.url().optional(),
  note: text.optional(),
  kind: z.enum(SOURCE_KINDS),
});

const role = z.strictObject({
  title: text,
  from: date.optional(),
  to: date.optional(),
  kind: z.enum(ROLE_KINDS).optional(),
  // The role a listing shows for this person when no filter picked one (one per person).
  primary: z.literal(true).optional(),
});

// Why a record has a single source (two independent ones are the rule where they exist).
const sourceNote = text.optional();

/** A repression case record, as Memorial's lists keep it. */
const repression = z.strictObject({
  arrested: date.optional(),
  charge: text.optional(),
  court: text.optional(),
  sentenced: date.optional(),
  sentence: text.optional(),
  executed: date.optional(),
  rehabilitated: date.optional(),
  // Rehabilitation was sought and refused (Yezhov, 1998): the date, or true when undated.
  rehabilitationRefused: z.union([date, z.literal(true)]).optional(),
});

/** A person: perpetrator, victim, witness or later figure. */
export const personSchema = z.strictObject({
  id: slug,
  name: text,
  nativeName: text.optional(),
  aliases: z.array(text).default([]),
  born: date,
  died: date.optional(),
  fate: z.enum(FATES),
  roles: z.array(role).default([]),
  summary: text,
  sources: sourceRefs,
  sourceNote,
  repression: repression.optional(),
});

/** A dated event; `endDate` marks a span such as a trial or an operation. */
export const eventSchema = z.strictObject({
  id: slug,
  date,
  endDate: date.optional(),
  title: text,
  summary: text,
  category: z.enum(EVENT_CATEGORIES),
  people: z.array(slug).default([]),
  // Each listed person's part in the event (a key must be in \`people\`).
  parts: z.record(slug, z.enum(EVENT_PARTS)).optional(),
  // Other names readers use for the event ("first Moscow trial").
  aliases: z.array(text).optional(),
  place: text.optional(),
  sources: sourceRefs,
  sourceNote,
});

/** A figure: either an exact `value` or a `low`-`high` range, with its basis. */
export const statisticSchema = z
  .strictObject({
    id: slug,
    label: text,
    value: z.number().nonnegative().optional(),
    low: z.number().nonnegative().optional(),
    high: z.number().nonnegative().optional(),
    unit: text,
    period: z.strictObject({ from: date, to: date }),
    category: z.enum(STAT_CATEGORIES),
    basis: z.enum(BASES),
    series: slug.optional(),
    note: text.optional(),
    sources: sourceRefs,
  })
  .superRefine((s, ctx) => {
    const hasRange = s.low !== undefined || s.high !== undefined;
    if (s.value !== undefined && hasRange) ctx.addIssue({ code: 'custom', message: 'has both value and low/high: give one or the other' });
    else if (s.value === undefined && (s.low === undefined || s.high === undefined))
      ctx.addIssue({ code: 'custom', message: 'needs either value or both low and high' });
    else if (s.low !== undefined && s.high !== undefined && s.low > s.high)
      ctx.addIssue({ code: 'custom', path: ['low'], message: `low (${s.low}) is greater than high (${s.high})` });
  });

/** A named period that the timeline groups events under. */
export const eraSchema = z.strictObject({
  id: slug,
  title: text,
  from: date,
  to: date,
  summary: text,
  sources: z.array(slug).default([]),
});

/**
 * How \`purges check\` recognises a claim in free text. A sentence matches when, for every
 * group in \`all\`, one of the group's terms occurs in it, and no term of \`none\` does. Terms
 * are lowercase words or phrases; a trailing * matches any ending (\`execut*\`); numbers are
 * written in digits and match the number however the text writes it ("93", "ninety-three";
 * "20000000" or "20 million" match "twenty million" and "20,000,000"). Punctuation and
 * possessives are ignored ("stalin's orders" matches "Stalin's orders"); a capitalised word
 * also matches in any transliteration ("yezhov" matches "Ezhov"). Beyond \`none\`, check
 * leaves a claim alone in a sentence that rejects or reports it ("myth", "not", "no evidence",
 * "according to", "estimated"), unless the claim's own terms use those words.
 */
const claimPattern = z.strictObject({
  all: z.array(z.array(text).min(1)).min(1),
  none: z.array(text).optional(),
});

/** A popular claim checked against the record. */
export const claimSchema = z.strictObject({
  id: slug,
  claim: text,
  origin: text,
  originSource: slug.optional(),
  verdict: z.enum(VERDICTS),
  figure: text.optional(),
  explanation: text,
  sources: sourceRefs,
  patterns: z.array(claimPattern).optional(),
});

/** The schema of one record of each collection (`people.json` holds `people`). */
const recordSchemasShape = {
  sources: sourceSchema,
  people: personSchema,
  events: eventSchema,
  statistics: statisticSchema,
  eras: eraSchema,
  claims: claimSchema,
} as const;
export const recordSchemas = recordSchemasShape;

export type Source = z.infer<typeof sourceSchema>;
export type Person = z.infer<typeof personSchema>;
export type Event = z.infer<typeof eventSchema>;
export type Statistic = z.infer<typeof statisticSchema>;
export type Era = z.infer<typeof eraSchema>;
export type Claim = z.infer<typeof claimSchema>;

/** The whole knowledge base, one array per collection. */
export interface KnowledgeBase {
  sources: Source[];
  people: Person[];
  events: Event[];
  statistics: Statistic[];
  eras: Era[];
  claims: Claim[];
}

/** A knowledge base that is only read (the base a pack extends). */
export type ReadonlyKnowledgeBase = { readonly [K in keyof KnowledgeBase]: readonly KnowledgeBase[K][number][] };
