/**
 * Turning rows of a CSV list of people (a Memorial-style list: names, birth year, arrest,
 * sentence, execution, rehabilitation) into person records. Pure: the header row is mapped to
 * fields once, then each row becomes a record or a reason it cannot. Nothing is invented: a
 * summary, when the list has none, is written from the row's own facts.
 */
import { formatDate, isValidDate } from './dates.js';
import { normalize } from './normalize.js';
import type { Person } from './schema.js';
import { didYouMean, suggest } from './suggest.js';
import { FATES, type Fate } from './vocab.js';

/** The fields a column can fill. Several columns may fill `name` (joined with spaces, in map order). */
export const IMPORT_FIELDS = [
  'id',
  'name',
  'nativeName',
  'aliases',
  'born',
  'died',
  'fate',
  'summary',
  'sources',
  'arrested',
  'charge',
  'court',
  'sentenced',
  'sentence',
  'executed',
  'rehabilitated',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

// Header names the import understands without --map (compared lowercased, without spaces,
// dots, hyphens or underscores). Name parts are listed so that a name reads given name,
// patronymic, surname, whatever the order of the columns.
const DEFAULTS: Array<[ImportField, string[]]> = [
  ['id', ['id']],
  ['name', ['firstname', 'givenname', 'forename', 'имя']],
  ['name', ['patronymic', 'middlename', 'отчество']],
  ['name', ['surname', 'lastname', 'familyname', 'фамилия']],
  ['name', ['name', 'fullname', 'fio', 'фио']],
  ['nativeName', ['nativename', 'cyrillicname', 'originalname']],
  ['aliases', ['alias', 'aliases', 'alsoknownas', 'aka']],
  ['born', ['born', 'birth', 'birthdate', 'dateofbirth', 'birthyear', 'yearofbirth', 'годрождения', 'датарождения', 'родился']],
  ['died', ['died', 'death', 'deathdate', 'dateofdeath', 'датасмерти', 'умер']],
  ['fate', ['fate', 'судьба']],
  ['summary', ['summary', 'note', 'notes', 'biography', 'bio', 'примечание', 'биография']],
  ['sources', ['source', 'sources', 'источник', 'источники']],
  ['arrested', ['arrested', 'arrest', 'arrestdate', 'dateofarrest', 'датаареста', 'арестован']],
  ['charge', ['charge', 'charges', 'article', 'обвинение', 'статья']],
  ['court', ['court', 'sentencedby', 'tribunal', 'орган', 'осужден', 'осуждён']],
  ['sentenced', ['sentenced', 'sentencedate', 'dateofsentence', 'датаприговора']],
  ['sentence', ['sentence', 'verdict', 'punishment', 'приговор']],
  ['executed', ['executed', 'execution', 'executiondate', 'dateofexecution', 'shot', 'расстрелян', 'датарасстрела']],
  ['rehabilitated', ['rehabilitated', 'rehabilitation', 'rehabilitationdate', 'реабилитирован', 'датареабилитации']],
];

const headerKey = (h: string) => h.toLowerCase().replace(/[\s._\-()]+/g, '');

/** What a --map option says: header -> field ('-' to ignore a column). */
export type ColumnMap = Map<string, ImportField | '-'>;

/** Parses `--map "Surname=name,Year=born,Notes=-"`; a bad field is an Error with suggestions. */
export function parseColumnMap(text: string): ColumnMap {
  const map: ColumnMap = new Map();
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.lastIndexOf('=');
    if (eq <= 0) throw new Error(`"${part.trim()}" is not HEADER=FIELD`);
    const header = part.slice(0, eq).trim();
    const field = part.slice(eq + 1).trim();
    if (field !== '-' && !(IMPORT_FIELDS as readonly string[]).includes(field)) {
      const hint = didYouMean(suggest(field, IMPORT_FIELDS)) || `Fields: ${IMPORT_FIELDS.join(', ')}, or - to ignore the column.`;
      throw new Error(`"${field}" is not a field a column can fill. ${hint}`);
    }
    map.set(header, field as ImportField | '-');
  }
  return map;
}

/** Which column fills which field, and the columns left unused. */
export interface ColumnPlan {
  columns: Array<{ index: number; field: ImportField; header: string }>;
  ignored: string[];
}

/** Maps a header row: --map first (in its order), then the known header names. */
export function planColumns(headers: readonly string[], map: ColumnMap = new Map()): ColumnPlan {
  const columns: ColumnPlan['columns'] = [];
  const used = new Set<number>();
  for (const [header, field] of map) {
    const index = headers.findIndex((h) => h.trim() === header || headerKey(h) === headerKey(header));
    if (index < 0) {
      const hint = didYouMean(suggest(header, headers)) || `The header row has: ${headers.join(', ')}.`;
      throw new Error(`--map names a column "${header}" that the file does not have. ${hint}`);
    }
    used.add(index);
    if (field !== '-') columns.push({ index, field, header: headers[index]! });
  }
  for (const [field, names] of DEFAULTS)
    headers.forEach((h, index) => {
      if (!used.has(index) && names.includes(headerKey(h))) {
        used.add(index);
        columns.push({ index, field, header: h });
      }
    });
  const ignored = headers.filter((h, i) => !used.has(i) && h.trim() !== '');
  return { columns, ignored };
}

/** What every row gets: the sources cited, a default fate, a prefix for made ids. */
export interface RowDefaults {
  sources: readonly string[];
  fate?: Fate;
  idPrefix: string;
  /** Whether a source id exists (in the bundled data or the packs loaded). */
  knownSource: (id: string) => boolean;
}

/**
 * A date as the import accepts it: ISO (1937, 1937-08, 1937-08-05), or day.month.year and
 * month.year as Russian lists write them (05.08.1937, 08.1937), with an optional "г." after
 * the year. Returns the ISO form, or undefined.
 */
export function importDate(text: string): string | undefined {
  const t = text
    .trim()
    .replace(/\s*г\.?$/u, '')
    .trim();
  if (isValidDate(t)) return t;
  const m = /^(?:(\d{1,2})\.)?(\d{1,2})\.(\d{4})$/.exec(t);
  if (!m) return undefined;
  const iso = m[1] === undefined ? `${m[3]}-${m[2]!.padStart(2, '0')}` : `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isValidDate(iso) ? iso : undefined;
}

const DATE_FIELDS = new Set<ImportField>(['born', 'died', 'arrested', 'sentenced', 'executed', 'rehabilitated']);
const REPRESSION = ['arrested', 'charge', 'court', 'sentenced', 'sentence', 'executed', 'rehabilitated'] as const;

/** A slug from any text: `Ivanov Ivan` -> `ivanov-ivan`; Cyrillic is transliterated. */
export function slug(text: string): string {
  return normalize(text).replace(/ +/g, '-').slice(0, 60).replace(/-+$/, '');
}

/**
 * One row as a person record (to be checked against the schema by the caller), or why not.
 * `line` is the row's line in the file: a made id ends with it, so ids are unique and stable.
 */
export function rowToPerson(
  row: readonly string[],
  plan: ColumnPlan,
  d: RowDefaults,
  line: number,
): { person: Person } | { error: string } {
  const values = new Map<ImportField, string[]>();
  for (const { index, field } of plan.columns) {
    const v = (row[index] ?? '').trim();
    if (v !== '') values.set(field, [...(values.get(field) ?? []), v]);
  }
  const one = (f: ImportField) => values.get(f)?.join(' ');
  const name = one('name');
  if (!name) return { error: 'no name' };
  const dates: Partial<Record<ImportField, string>> = {};
  for (const f of DATE_FIELDS) {
    const raw = one(f);
    if (raw === undefined) continue;
    const iso = importDate(raw);
    if (!iso) return { error: `${f}: "${raw}" is not a date (use 1937, 1937-08-05 or 05.08.1937)` };
    dates[f] = iso;
  }
  if (!dates.born) return { error: 'no birth date or year (born)' };
  const list = (f: ImportField) => (values.get(f) ?? []).flatMap((v) => v.split(';').map((s) => s.trim())).filter((s) => s !== '');
  const sources = [...new Set([...list('sources'), ...d.sources])];
  if (sources.length === 0) return { error: 'no source (map a sources column or give --source)' };
  const unknown = sources.find((s) => !d.knownSource(s));
  if (unknown) return { error: `unknown source "${unknown}"` };
  let fate: Fate | undefined = d.fate;
  const fateText = one('fate');
  if (fateText) {
    const f = fateText.toLowerCase().replace(/[\s_]+/g, '-');
    if (!(FATES as readonly string[]).includes(f))
      return {
        error: `fate: "${fateText}" is not one of ${FATES.join(', ')}${didYouMean(suggest(f, FATES)) ? ` (${didYouMean(suggest(f, FATES))})` : ''}`,
      };
    fate = f as Fate;
  } else if (dates.executed) fate = 'executed';
  if (!fate) return { error: 'no fate (map a fate column or give --fate)' };

  const repression: NonNullable<Person['repression']> = {};
  for (const f of REPRESSION) {
    const v = DATE_FIELDS.has(f) ? dates[f] : one(f);
    if (v) (repression as Record<string, string>)[f] = v;
  }
  const person: Person = {
    id: one('id') ?? `${d.idPrefix}-${line}`,
    name,
    aliases: list('aliases'),
    born: dates.born,
    fate,
    roles: [],
    summary: one('summary') ?? summaryOf(dates, one('sentence')),
    sources,
  };
  const nativeName = one('nativeName');
  if (nativeName) person.nativeName = nativeName;
  // An execution is a death: a list that gives only the one date gives both.
  const died = dates.died ?? dates.executed;
  if (died) person.died = died;
  if (Object.keys(repression).length > 0) person.repression = repression;
  return { person };
}

/** "Born 1899. Arrested 5 Aug 1937; sentenced 10 Sep 1937 (death); executed 15 Sep 1937. Rehabilitated 1957." */
function summaryOf(dates: Partial<Record<ImportField, string>>, sentence: string | undefined): string {
  const parts = [`Born ${formatDate(dates.born!)}.`];
  const steps: string[] = [];
  if (dates.arrested) steps.push(`arrested ${formatDate(dates.arrested)}`);
  if (dates.sentenced) steps.push(`sentenced ${formatDate(dates.sentenced)}${sentence ? ` (${sentence})` : ''}`);
  else if (sentence) steps.push(`sentenced (${sentence})`);
  if (dates.executed) steps.push(`executed ${formatDate(dates.executed)}`);
  if (steps.length > 0) parts.push(`${steps.join('; ').replace(/^./, (c) => c.toUpperCase())}.`);
  if (dates.rehabilitated) parts.push(`Rehabilitated ${formatDate(dates.rehabilitated)}.`);
  return parts.join(' ');
}
