/**
 * Events named in a text and the date the text gives them. An event is named by an alias
 * (events[].aliases) or by a name its title holds: a quoted name ('Congress of Victors'),
 * the part before a colon ("First Moscow trial: ..."), an order's number ("Order 00447"),
 * or a capitalised name ending in a word like trial, affair or massacre ("Shakhty trial").
 * A name shared by two events is ambiguous and not used.
 *
 * The date must belong to the event: right after its name ("the Katyn massacre (1940)",
 * "the Shakhty trial of 1928") or after a verb of happening ("took place in", "was held
 * on", "began in"); "admitted in 1990" says nothing about when the massacre happened.
 */
import type { Kb } from '../kb/model.js';
import type { Event } from '../kb/schema.js';
import { tokenize, type Token } from './tokens.js';
import type { DateMention } from './when.js';
import { words } from './lexicon.js';

/** An event named in a sentence, with the date the sentence gives it. */
export interface EventFact {
  event: Event;
  at: number;
  end: number;
  date: DateMention;
  /** "began in", "ended in": compare with the start or the end of the event's span. */
  part?: 'start' | 'end';
}

interface EventName {
  keys: string[];
  event: Event;
  /** From events[].aliases: matched in any case. Names from titles need a capital in the text. */
  alias: boolean;
}

const HEADS = words(`
  trial affair massacre plot commission congress canal operation deportation deportations plenum speech amnesty
  uprising uprisings decree resolution directive telegram constitution census case centre center society stone
`);
const SMALL = new Set(['of', 'the', 'a', 'an', 'and', 'in', 'on', 'at', 'by', 'for', 'to', 'from', 'with']);

const cache = new WeakMap<Kb, Map<string, EventName[]>>();

function nameTokens(text: string): Token[] {
  return tokenize(text)
    .flatMap((s) => s.tokens)
    .filter((t) => t.kind === 'word' || t.kind === 'num');
}

// Words that make a name only a description ("Party resolution", "Mass amnesty").
const GENERIC = words(`
  party central committee politburo nkvd ogpu soviet mass secret strikes new first
`);
const LATER_ACTS =
  /^(?:declared|exonerated|rehabilitated|admitted|acknowledged|revealed|annulled|condemned|denounced|exposed|read|restored|ended|halted|suspended|dissolved|removed|overturned|withdrawn|reversed|quashed|reviewed|investigated|published)$/i;
const LEADING_PREPOSITIONS = /^(?:at|in|on|to|from|by|for|with|after|before|under|against)$/i;

/** A name found in a title; `described` names need a word that is not generic. */
interface TitleName {
  name: string;
  described?: boolean;
}

/** The names a title holds (see the module comment). */
function titleNames(title: string): string[] {
  const names: TitleName[] = [];
  // Quoted proper names: 'Congress of Victors', 'Dizzy with Success'; or Operation 'Lentil'.
  for (const m of title.matchAll(/(?:^|[\s(])['‘"“]([^'’"”]+)['’"”](?=[\s,:;)]|$)/g)) {
    const inner = m[1]!.trim();
    const before = title.slice(0, m.index).trim().split(/\s+/).at(-1) ?? '';
    if (/^operation$/i.test(before)) names.push({ name: `Operation ${inner}` });
    else if (inner.split(/\s+/).length >= 2 && /^[A-Z]/.test(inner)) names.push({ name: inner });
  }
  // Quotes out, apostrophes kept: "Lenin's", "Doctors' plot".
  const plain = title
    .replace(/(^|[\s(])['‘"“]/g, '$1')
    .replace(/['’"”](?=[\s,:;)]|$)/g, (q, i: number) => (/s$/.test(title.slice(0, i)) && q === "'" ? "'" : ''));
  // "First Moscow trial: the Trial of the Sixteen"
  const colon = plain.indexOf(':');
  if (colon > 0) {
    names.push({ name: plain.slice(0, colon) });
    const after = plain.slice(colon + 1).trim();
    if (/^the [A-Z]/.test(after) && !after.includes(',')) names.push({ name: after.slice(4) });
  }
  // "Order 00447 on former kulaks", not "operation under Order 00447" (a reference, not the event).
  for (const m of plain.matchAll(/(\S+\s+)?(?:NKVD\s+)?\border (?:no\.? ?)?(\d{3,5})\b/gi))
    if (!LEADING_PREPOSITIONS.test((m[1] ?? '').trim())) names.push({ name: `Order ${m[2]}` });
  // A capitalised run opening the title and ending in a head word: "Shakhty trial of ...".
  const ws = plain.split(/\s+/);
  for (let i = 1; i < ws.length; i++) {
    const head = ws[i]!.toLowerCase().replace(/[^a-z]/g, '');
    if (!HEADS.has(head)) continue;
    const run = ws.slice(0, i + 1);
    // "Doctors' plot declared a fabrication": the event is what was done to the plot, later.
    const later = LATER_ACTS.test(ws[i + 1] ?? '');
    if (!later && run.slice(0, -1).every((w) => /^[A-Z0-9]/.test(w))) names.push({ name: run.join(' '), described: true });
    break;
  }
  // "Deportation of the Volga Germans"
  const lead = /^([A-Z][a-z]+) of (?:the )?(?:[A-Z][\w-]*\s?)+/.exec(plain);
  if (lead && HEADS.has(lead[1]!.toLowerCase())) names.push({ name: lead[0].trim() });
  return names
    .filter((n) => !n.described || n.name.split(/\s+/).some((w) => !GENERIC.has(w.toLowerCase().replace(/[^a-z0-9]/g, ''))))
    .filter((n) => !LEADING_PREPOSITIONS.test(n.name.split(/\s+/)[0]!))
    .map((n) => n.name);
}

function index(kb: Kb): Map<string, EventName[]> {
  let map = cache.get(kb);
  if (map) return map;
  const seen = new Map<string, Set<Event>>();
  const names: EventName[] = [];
  for (const e of kb.events) {
    const aliases = new Set(e.aliases ?? []);
    for (const name of [...aliases, ...titleNames(e.title)]) {
      const ws = nameTokens(name);
      // A name must say more than "the trial": two words at least, not all small ones, no year in it.
      if (ws.length < 2 || ws.every((w) => SMALL.has(w.low) || HEADS.has(w.low)) || ws.some((w) => w.year)) continue;
      const keys = ws.map((w) => (w.kind === 'num' ? String(w.value) : w.key));
      const id = keys.join(' ');
      const owners = seen.get(id) ?? new Set();
      owners.add(e);
      seen.set(id, owners);
      names.push({ keys, event: e, alias: aliases.has(name) });
    }
  }
  map = new Map();
  for (const n of names) {
    if (seen.get(n.keys.join(' '))!.size > 1) continue;
    const list = map.get(n.keys[0]!) ?? [];
    if (!list.some((x) => x.keys.join(' ') === n.keys.join(' '))) list.push(n);
    map.set(n.keys[0]!, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  cache.set(kb, map);
  return map;
}

const keyOf = (t: Token) => (t.kind === 'num' ? String(t.value) : t.key);

// "X took place in", "X was held on", "X began in"; a verb of telling or remembering does not date X.
const HAPPENED = words(`
  took place happened occurred held staged carried out committed perpetrated conducted issued signed adopted
  launched delivered opened began begun started ended closed convened met lasted unfolded was were is the
`);
const LATER_WORDS =
  /^(?:anniversar|commemorat|reveal|admit|acknowledg|expos|investigat|exhum|discover|denounc|condemn|rehabilitat|apolog|recogni|remember|publish|declassif|annul|marked|memorial)/;
// Name words (spelling-folded) of something that happens once: a trial, a massacre, a deportation.
const HAPPENINGS =
  /^(?:trial|trials|masacre|afair|plot|operation|deportation|deportations|uprising|revolt|murder|asasination|kidnaping|abduction|congres|plenum|spech|ekshumations|famine|purge|shotings|strike|decision)$/;
const STARTS = new Set(['began', 'begun', 'started', 'opened', 'launched']);
const ENDS = new Set(['ended', 'closed']);

/** The events named in a sentence with a date that belongs to them. */
export function eventFacts(kb: Kb, tokens: readonly Token[], dates: readonly DateMention[]): EventFact[] {
  const names = index(kb);
  if (names.size === 0 || dates.length === 0) return [];
  // A sentence about what was done later (revealed, admitted, commemorated) dates that, not the event.
  if (tokens.some((t) => t.kind === 'word' && LATER_WORDS.test(t.low))) return [];
  const out: EventFact[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' && t.kind !== 'num') continue;
    const list = names.get(keyOf(t));
    if (!list) continue;
    let hit: EventName | undefined;
    let end = i;
    for (const n of list) {
      const e = matchName(tokens, i, n.keys);
      if (e !== undefined && (n.alias || tokens.slice(i, e).some((w) => w.cap))) {
        hit = n;
        end = e;
        break;
      }
    }
    if (!hit) continue;
    const start = i;
    i = end - 1;
    const fact = datedAfter(
      tokens,
      end,
      dates,
      hit.keys.some((k) => HAPPENINGS.test(k)),
    );
    if (fact) out.push({ event: hit.event, at: start, end: fact.date.end + (tokens[fact.date.end]?.low === ')' ? 1 : 0), ...fact });
  }
  return out;
}

/** One past the last token of the name when it starts at i (marks between words passed over). */
function matchName(tokens: readonly Token[], i: number, keys: readonly string[]): number | undefined {
  let j = i;
  for (const key of keys) {
    while (tokens[j]?.kind === 'mark' && j > i) j++;
    const w = tokens[j];
    if (!w || (w.kind !== 'word' && w.kind !== 'num') || keyOf(w) !== key) return undefined;
    j++;
  }
  return j;
}

/** The date right after an event's name, or after a verb of happening. */
function datedAfter(
  tokens: readonly Token[],
  end: number,
  dates: readonly DateMention[],
  happening: boolean,
): { date: DateMention; part?: 'start' | 'end' } | undefined {
  let j = end;
  // "(1940)", "of 1940"; and "in April 1940" after a happening ("the Katyn massacre in 1940"),
  // not after an institution or a system ("the Special Board in 1937" dates its work, not its birth).
  if (['(', 'of'].includes(tokens[j]?.low ?? '') || (happening && ['in', 'on'].includes(tokens[j]?.low ?? ''))) {
    const d = dates.find((x) => x.at === j + 1);
    if (d && (tokens[j]!.low !== '(' || tokens[d.end]?.low === ')')) return { date: d };
  }
  let part: 'start' | 'end' | undefined;
  let verb = false;
  for (let n = 0; n < 6 && j < tokens.length; n++, j++) {
    const w = tokens[j]!.low;
    if (!HAPPENED.has(w)) break;
    if (w !== 'was' && w !== 'were' && w !== 'is' && w !== 'the') verb = true;
    if (STARTS.has(w)) part = 'start';
    if (ENDS.has(w)) part = 'end';
  }
  if (!verb) return undefined;
  if (!['in', 'on', 'during'].includes(tokens[j]?.low ?? '')) return undefined;
  const d = dates.find((x) => x.at === j + 1);
  return d ? { date: d, part } : undefined;
}
