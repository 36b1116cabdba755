import type { Claim, Era, Event, KnowledgeBase, Person, Source, Statistic } from './schema.js';
import { startDay } from './dates.js';
import { buildSearchIndex, type IndexEntry } from './search.js';

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/**
 * Sorts by date, computing each date's key once (a pack of 100,000 events makes ~2 million
 * comparisons). Stable: on the same start day a vaguer date comes first, then data order.
 */
export function sortByDate<T>(items: readonly T[], dateOf: (item: T) => string): T[] {
  const keyed = items.map((item, i) => ({ item, i, day: startDay(dateOf(item)), len: dateOf(item).length }));
  keyed.sort((a, b) => a.day - b.day || a.len - b.len || a.i - b.i);
  return keyed.map((k) => k.item);
}

/** The loaded knowledge base with its look-up indexes, built once and trusted afterwards. */
export class Kb {
  readonly sources: readonly Source[];
  readonly people: readonly Person[];
  /** Events in date order. */
  readonly events: readonly Event[];
  readonly statistics: readonly Statistic[];
  /** Eras in date order. */
  readonly eras: readonly Era[];
  readonly claims: readonly Claim[];
  private readonly sourceIndex: Map<string, Source>;
  private readonly personIndex: Map<string, Person>;

  private index?: IndexEntry[];

  /** `searchIndex`: a precomputed index for this data (the build writes one for the bundled data). */
  constructor(
    data: KnowledgeBase,
    private readonly precomputedIndex?: () => IndexEntry[] | undefined,
  ) {
    this.sources = data.sources;
    this.people = data.people;
    this.events = sortByDate(data.events, (e) => e.date);
    this.statistics = data.statistics;
    this.eras = sortByDate(data.eras, (e) => e.from);
    this.claims = data.claims;
    this.sourceIndex = byId(data.sources);
    this.personIndex = byId(data.people);
  }

  /** The search index: precomputed when given, else built once on first use. */
  searchIndex(): IndexEntry[] {
    return (this.index ??= this.precomputedIndex?.() ?? buildSearchIndex(this));
  }

  /** A source by id (every cited id resolves: the loader checked it). */
  source(id: string): Source {
    return this.sourceIndex.get(id)!;
  }

  /** A person by id, if there is one. */
  person(id: string): Person | undefined {
    return this.personIndex.get(id);
  }

  /** The events a person takes part in, in date order (a scan: commands ask for one person). */
  eventsOf(personId: string): readonly Event[] {
    return this.events.filter((e) => e.people.includes(personId));
  }
}
