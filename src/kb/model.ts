import type { Claim, Era, Event, KnowledgeBase, Person, Source, Statistic } from './schema.js';
import type { Collection } from './vocab.js';
import { startDay } from './dates.js';
import type { DatedEvent, IndexedPack } from './index/reader.js';
import { buildSearchIndex, type IndexEntry } from './search.js';

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/**
 * Sorts by date, computing each date's key once (a pack of 100,000 events makes ~2 million
 * comparisons). Stable: on the same start day a vaguer date comes first, then data order.
 */
export function sortByDate<T>(items: readonly T[], dateOf: (item: T) => string): T[] {
  // One number per item, (start day, precision, position), sorted as a typed array: ~10x
  // faster than comparing objects on 100,000 events. Day numbers of years 1-9999 are below
  // 2^22 and positions below 2^24, so the key stays exact below 2^53.
  const INDEX = 2 ** 24;
  const keys = new Float64Array(items.length);
  items.forEach((item, i) => {
    keys[i] = dateKey(dateOf(item)) * INDEX + i;
  });
  keys.sort();
  return Array.from(keys, (k) => items[k % INDEX]!);
}

/** The key sortByDate orders events by: start day, then vaguer dates first. */
export function dateKey(date: string): number {
  return startDay(date) * 4 + (date.length - 4) / 3;
}

/**
 * Events in memory (in date order) merged with events read through indexes (each list in date
 * order), as one date order: on the same key, memory first, then the packs in turn.
 */
export function mergeByDate(memory: readonly Event[], indexed: ReadonlyArray<readonly DatedEvent[]>, limit = Infinity): Event[] {
  const lists = [memory.map((event) => ({ event, key: dateKey(event.date) })), ...indexed];
  const at = lists.map(() => 0);
  const out: Event[] = [];
  while (out.length < limit) {
    let best = -1;
    for (let i = 0; i < lists.length; i++)
      if (at[i]! < lists[i]!.length && (best < 0 || lists[i]![at[i]!]!.key < lists[best]![at[best]!]!.key)) best = i;
    if (best < 0) break;
    out.push(lists[best]![at[best]!++]!.event);
  }
  return out;
}

/** Reads one collection of a knowledge base, when a command first needs it. */
export type CollectionReader = <C extends Collection>(collection: C) => KnowledgeBase[C];

/** How a knowledge base is given: whole, or collection by collection on demand. */
export interface KbSource {
  read: CollectionReader;
  /** Events and eras are already in date order (the build sorts the bundled data). */
  sorted?: boolean;
  /** A precomputed search index for this data (the build writes one for the bundled data). */
  searchIndex?: () => IndexEntry[] | undefined;
  /** Packs read through their index (NDJSON lists), after the records in memory. */
  indexed?: readonly IndexedPack[];
}

/**
 * The loaded knowledge base with its look-up indexes, built once and trusted afterwards.
 * Each collection is read on first use: `purges stats` never parses the people.
 */
export class Kb {
  private readonly read: CollectionReader;
  private readonly sorted: boolean;
  private readonly precomputedIndex?: () => IndexEntry[] | undefined;
  /**
   * Packs read through their index: their records are not in the arrays above, and queries
   * (find-person, search, timeline) ask them for what they need. Commands that list a whole
   * collection (people, today, the quiz) see only the records in memory.
   */
  readonly indexed: readonly IndexedPack[];
  private loaded: Partial<KnowledgeBase> = {};
  // Built on first use: a command that never looks a person up does not pay for 100,000 of them.
  private sourceIndex?: Map<string, Source>;
  private personIndex?: Map<string, Person>;
  private eventIndex?: Map<string, Event>;

  private index?: IndexEntry[];

  /** A knowledge base over whole data, or over a source that reads each collection on demand. */
  constructor(data: KnowledgeBase | KbSource, precomputedIndex?: () => IndexEntry[] | undefined) {
    if ('read' in data && typeof data.read === 'function') {
      this.read = data.read;
      this.sorted = data.sorted ?? false;
      this.precomputedIndex = data.searchIndex ?? precomputedIndex;
      this.indexed = data.indexed ?? [];
    } else {
      const whole = data as KnowledgeBase;
      this.read = (c) => whole[c];
      this.sorted = false;
      this.precomputedIndex = precomputedIndex;
      this.indexed = [];
    }
  }

  private get<C extends Collection>(c: C, order?: (item: KnowledgeBase[C][number]) => string): KnowledgeBase[C] {
    let items = this.loaded[c];
    if (!items) {
      items = this.read(c);
      if (order && !this.sorted) items = sortByDate(items, order) as KnowledgeBase[C];
      this.loaded[c] = items;
    }
    return items as KnowledgeBase[C];
  }

  get sources(): readonly Source[] {
    return this.get('sources');
  }
  get people(): readonly Person[] {
    return this.get('people');
  }
  /** Events in date order. */
  get events(): readonly Event[] {
    return this.get('events', (e) => e.date);
  }
  get statistics(): readonly Statistic[] {
    return this.get('statistics');
  }
  /** Eras in date order. */
  get eras(): readonly Era[] {
    return this.get('eras', (e) => e.from);
  }
  get claims(): readonly Claim[] {
    return this.get('claims');
  }

  /** The search index: precomputed when given, else built once on first use. */
  searchIndex(): IndexEntry[] {
    return (this.index ??= this.precomputedSearchIndex() ?? buildSearchIndex(this));
  }

  /** The index the build wrote for this data, if there is one (never computed here). */
  precomputedSearchIndex(): IndexEntry[] | undefined {
    if (this.index) return this.index;
    if (!this.precomputedIndex) return undefined;
    return (this.index = this.precomputedIndex());
  }

  /** A source by id (every cited id resolves: the loader checked it). */
  source(id: string): Source {
    return (this.sourceIndex ??= byId(this.sources)).get(id)!;
  }

  /** A person by id, if there is one. */
  person(id: string): Person | undefined {
    const found = (this.personIndex ??= byId(this.people)).get(id);
    if (found) return found;
    for (const pack of this.indexed) {
      const p = pack.person(id);
      if (p) return p;
    }
    return undefined;
  }

  /** An event by id, if there is one. */
  event(id: string): Event | undefined {
    const found = (this.eventIndex ??= byId(this.events)).get(id);
    if (found) return found;
    for (const pack of this.indexed) {
      const e = pack.event(id);
      if (e) return e;
    }
    return undefined;
  }

  /** The events a person takes part in, in date order (a scan: commands ask for one person). */
  eventsOf(personId: string): readonly Event[] {
    const own = this.events.filter((e) => e.people.includes(personId));
    if (this.indexed.length === 0) return own;
    return mergeByDate(
      own,
      this.indexed.map((p) => p.eventsOf(personId)),
    );
  }
}
