import type { Claim, Era, Event, KnowledgeBase, Person, Source, Statistic } from './schema.js';
import { compareDates } from './dates.js';

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
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
  private eventsByPerson?: Map<string, Event[]>;

  constructor(data: KnowledgeBase) {
    this.sources = data.sources;
    this.people = data.people;
    // A stable sort: events on the same day keep the order the data gives them.
    this.events = [...data.events].sort((a, b) => compareDates(a.date, b.date));
    this.statistics = data.statistics;
    this.eras = [...data.eras].sort((a, b) => compareDates(a.from, b.from));
    this.claims = data.claims;
    this.sourceIndex = byId(data.sources);
    this.personIndex = byId(data.people);
  }

  /** A source by id (every cited id resolves: the loader checked it). */
  source(id: string): Source {
    return this.sourceIndex.get(id)!;
  }

  /** A person by id, if there is one. */
  person(id: string): Person | undefined {
    return this.personIndex.get(id);
  }

  /** The events a person takes part in, in date order. */
  eventsOf(personId: string): readonly Event[] {
    if (!this.eventsByPerson) {
      this.eventsByPerson = new Map();
      for (const e of this.events) {
        for (const p of e.people) {
          const list = this.eventsByPerson.get(p) ?? [];
          list.push(e);
          this.eventsByPerson.set(p, list);
        }
      }
    }
    return this.eventsByPerson.get(personId) ?? [];
  }
}
