import type { Kb } from './model.js';
import type { Event } from './schema.js';
import { NotFoundError } from '../errors.js';
import { search } from './search.js';
import { didYouMean, suggest } from './suggest.js';
import { formatDate } from './dates.js';

/** The one event a query means: an exact id, or the single best title match. */
export function findEvent(kb: Kb, query: string): Event {
  // "order 00447" names the id order-00447 as surely as the id itself.
  const id = query.trim().toLowerCase().replace(/\s+/g, '-');
  const exact = kb.event(id);
  if (exact) return exact;
  const hits = search(kb, query).filter((h) => h.type === 'event');
  const best = hits[0];
  if (!best) {
    const hint = didYouMean(
      suggest(
        id,
        kb.events.map((e) => e.id),
      ),
    );
    throw new NotFoundError(`no event matches "${query}"`, hint || "Try 'purges search <text>' or 'purges timeline'.");
  }
  const tied = hits.filter((h) => h.score === best.score);
  if (tied.length > 1) {
    const list = tied.slice(0, 6).map((h) => {
      const e = kb.event(h.id)!;
      return `${e.id} (${formatDate(e.date)})`;
    });
    throw new NotFoundError(
      `"${query}" matches ${tied.length} events: ${list.join(', ')}${tied.length > 6 ? ', ...' : ''}`,
      'Give the id to pick one.',
    );
  }
  return kb.event(best.id)!;
}
